/**
 * .xlsx → WorkbookSnapshot, read from the package itself: the parts stream through a real XML
 * tokenizer into the sparse snapshot (memory in proportion to the non-empty cells), under the
 * package limits. No spreadsheet library is involved: exceljs builds rows × columns
 * structures (one far cell costs gigabytes) and refuses valid SpreadsheetML (prefixed
 * elements, overlapping merges). Values are the cached results Excel saved; error values
 * become {error}; a number in a date format becomes "YYYY-MM-DD"; formulas and merges are kept.
 * Hyōka's own summary sheets (by the ownership rule) are marked and not read.
 */
import type { SheetSnapshot, WorkbookSnapshot } from '../core/snapshot';
import { RT } from './ooxml/opc';
import { LIMITS, type PackageLimits } from './package';
import { xlsxOwnership } from './ownership';
import { readDocumentSettings } from './read/settings';
import { readSharedStrings } from './read/sharedStrings';
import { cellNumberFormats } from './read/styles';
import { readWorksheet, type WorksheetContext } from './read/worksheet';
import { checked, openWorkbook, sheetParts, workbookPartOf } from './workbookPackage';

export interface ReadXlsxOptions {
  source?: string;
  /** Package limits (tests lower them). */
  limits?: PackageLimits;
  /** Called as each sheet is read (the pane's progress): sheets done, of all sheets. */
  onProgress?: (done: number, total: number) => void;
}

const VISIBILITY: Record<string, SheetSnapshot['visibility']> = { hidden: 'hidden', veryHidden: 'veryHidden' };

/** Reads an .xlsx file's bytes into a snapshot. Throws XlsxApplyError, classified, on a file it cannot read. */
export async function readXlsxSnapshot(data: Uint8Array | ArrayBuffer, options: ReadXlsxOptions = {}): Promise<WorkbookSnapshot> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const o = await openWorkbook(bytes, options.limits ?? LIMITS);
  const ownership = await xlsxOwnership(o);
  const owned = new Set(ownership.owned.map((x) => x.index));
  const kept = new Map(ownership.kept.map((k) => [k.index, k.reason]));
  const sstPath = workbookPartOf(o, RT.sharedStrings);
  const stylesPath = workbookPartOf(o, RT.styles);
  const stylesText = stylesPath ? await o.pkg.text(stylesPath) : undefined;
  const ctx: WorksheetContext = {
    sharedStrings: await readSharedStrings(o.pkg, sstPath),
    formats: checked(stylesPath ?? 'styles', () => cellNumberFormats(stylesText)),
    date1904: o.wb.date1904(),
    counter: { cells: 0 },
  };
  const sheets: SheetSnapshot[] = [];
  const parts = sheetParts(o);
  options.onProgress?.(0, parts.length);
  for (const [i, { sheet, path, type }] of parts.entries()) {
    if (i > 0) options.onProgress?.(i, parts.length);
    // Chart sheets and dialog sheets hold no cells.
    if (type !== RT.worksheet) continue;
    const snap: SheetSnapshot = { name: sheet.name, cells: [], merges: [], visibility: VISIBILITY[sheet.state] ?? 'visible', ownedByHyoka: owned.has(i) };
    const reason = kept.get(i);
    if (reason) snap.keptMark = reason;
    if (!owned.has(i) && path && o.pkg.has(path)) {
      const read = await readWorksheet(o.pkg, path, ctx);
      snap.cells = read.cells;
      snap.merges = read.merges;
      if (read.dimension) snap.dimension = read.dimension;
    }
    sheets.push(snap);
  }
  options.onProgress?.(parts.length, parts.length);
  const settings = await readDocumentSettings(o.pkg);
  return Object.keys(settings).length ? { source: options.source, sheets, settings } : { source: options.source, sheets };
}
