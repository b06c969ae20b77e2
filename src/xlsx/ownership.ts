/**
 * Hyōka's ownership in an .xlsx package (the rule itself: src/core/ownership.ts).
 *
 * Record: a workbook-scoped hidden defined name `_Hyoka.run` = "run:key,key…" — Excel's
 * "copy sheet" copies sheet-scoped names only, so a copy never carries it.
 * Mark: a sheet-scoped hidden name `_Hyoka.owned` = "key@sheetId#run:name". A copy gets a
 * new sheetId (workbook.xml), a renamed sheet another name: neither matches its mark.
 * Sheets the Office.js applier wrote carry worksheet custom properties instead; their
 * worksheet id is not in the file, so for them key, run and name must agree.
 */
import { decideOwnership, parseMark, parseRecord, type MarkedSheet, type OwnershipDecision, type SheetMark } from '../core/ownership';
import { parseRels, relsPathOf, resolveTarget } from './ooxml/opc';
import { partParser } from './ooxml/xml';
import { relIdOf } from './ooxml/workbook';
import type { Package } from './package';
import { checked, sheetParts, type WorkbookPackage } from './workbookPackage';

/** Sheet-scoped hidden name marking a sheet Hyōka wrote. */
export const OWNED_NAME = '_Hyoka.owned';
/** Workbook-scoped hidden name holding the record of the last run. */
export const RECORD_NAME = '_Hyoka.run';

/** Worksheet custom properties of the Office.js applier (src/excel/names.ts). */
const ADDIN = { owner: 'hyoka.owner', ownerValue: 'hyoka', key: 'hyoka.key', run: 'hyoka.run', id: 'hyoka.id', name: 'hyoka.name' };
const CUSTOM_PROPERTY_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/customProperty';

/** A worksheet custom property's value part holds the string (UTF-16LE as Excel writes it; UTF-8 tolerated). */
function decodePropertyValue(bytes: Uint8Array): string {
  // NUL padding is what Excel leaves after the UTF-16 string; stripping it is the point.
  // eslint-disable-next-line no-control-regex
  const clean = (s: string) => s.replace(/\u0000+$/g, '').replace(/^\uFEFF/, '').trim();
  const utf16 = clean(new TextDecoder('utf-16le').decode(bytes));
  return /^[\x20-\x7E\u3000-\u9FFF\uFF00-\uFFEF]*$/.test(utf16) ? utf16 : clean(new TextDecoder().decode(bytes));
}

/** Custom properties (name → value) of a worksheet part, read only when its rels mention one. */
async function worksheetCustomProperties(pkg: Package, sheetPath: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const relsText = await pkg.text(relsPathOf(sheetPath));
  if (!relsText || !relsText.includes(CUSTOM_PROPERTY_REL)) return out;
  const rels = checked(relsPathOf(sheetPath), () => parseRels(relsText)).filter((r) => r.type === CUSTOM_PROPERTY_REL && !r.external);
  // The sheet part can be large: stream it and keep only <customPr> elements.
  const found: { name: string; rid: string }[] = [];
  const p = partParser();
  p.on('opentag', (t) => {
    if (t.name === 'customPr' || t.name.endsWith(':customPr')) {
      const attrs = t.attributes as Record<string, string>;
      found.push({ name: attrs.name ?? '', rid: relIdOf({ attrs }) });
    }
  });
  await pkg.parse(sheetPath, p);
  for (const f of found) {
    const rel = rels.find((r) => r.id === f.rid);
    const bytes = rel && (await pkg.bytes(resolveTarget(sheetPath, rel.target)));
    if (f.name && bytes) out.set(f.name, decodePropertyValue(bytes));
  }
  return out;
}

export interface XlsxOwnership extends OwnershipDecision {
  /** Sheet names by position. */
  names: string[];
}

/** Decides which sheets of the package are Hyōka's (reads no cell data). */
export async function xlsxOwnership(o: WorkbookPackage): Promise<XlsxOwnership> {
  const names = o.wb.definedNames();
  const record = parseRecord(names.find((n) => n.name === RECORD_NAME && n.localSheetId === undefined)?.value ?? '');
  const parts = sheetParts(o);
  const marks = new Map<number, SheetMark>();
  for (const n of names) {
    if (n.name !== OWNED_NAME || n.localSheetId === undefined || !parts[n.localSheetId]) continue;
    const m = parseMark(n.value);
    // Two marks on one sheet (a copy of a copy): neither can be trusted.
    if (m) marks.set(n.localSheetId, marks.has(n.localSheetId) ? { ...m, run: '' } : m);
  }
  const sheets: MarkedSheet[] = [];
  for (let i = 0; i < parts.length; i++) {
    const { sheet, path } = parts[i];
    const mark = marks.get(i);
    if (mark) {
      sheets.push({ index: i, name: sheet.name, id: String(sheet.sheetId), mark });
      continue;
    }
    const props = path ? await worksheetCustomProperties(o.pkg, path) : new Map<string, string>();
    if (props.get(ADDIN.owner) !== ADDIN.ownerValue) {
      sheets.push({ index: i, name: sheet.name, id: String(sheet.sheetId) });
      continue;
    }
    const addin = { key: props.get(ADDIN.key) ?? '', run: props.get(ADDIN.run) ?? '', id: props.get(ADDIN.id) ?? '', name: props.get(ADDIN.name) ?? '' };
    sheets.push({ index: i, name: sheet.name, id: '', mark: addin });
  }
  return { ...decideOwnership(record, sheets), names: parts.map((p) => p.sheet.name) };
}
