/**
 * Office.js → WorkbookSnapshot. The same snapshot src/xlsx/readXlsx.ts makes from a file:
 * values (errors as {error}, empty cells as null, date-formatted serials as ISO dates),
 * formulas, number formats ("General" as null), merged areas, visibility, ownership mark.
 */
import { parseRange, toA1 } from '../core/a1';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../core/snapshot';
import { OWNER_PROPERTY, OWNER_VALUE } from './names';

const VISIBILITY: Record<string, SheetSnapshot['visibility']> = {
  Visible: 'visible',
  Hidden: 'hidden',
  VeryHidden: 'veryHidden',
};

/** "'My sheet'!B3:D9" → "B3" (the used range's top-left cell, without the sheet name). */
export function originOf(address: string): string {
  const { start } = parseRange(address);
  return toA1(start.row, start.col);
}

/**
 * A RangeAreas address ("Sheet1!B3:D3, Sheet1!F3:G4", sheet names quoted when needed)
 * → ["B3:D3", "F3:G4"]. The sheet name is removed first, so a comma in it cannot split an area.
 */
export function splitAreas(address: string, sheetName: string): string[] {
  const quoted = `'${sheetName.replace(/'/g, "''")}'!`;
  return address
    .split(quoted)
    .join('')
    .split(`${sheetName}!`)
    .join('')
    .split(',')
    .map((a) => a.trim().replace(/\$/g, ''))
    .filter((a) => a !== '');
}

/** True for number formats that show a date or time (yyyy/m/d, ggge"年", h:mm…), as exceljs decides. */
export function isDateFormat(format: string | null): boolean {
  if (!format || /^general$/i.test(format)) return false;
  const bare = format.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '').replace(/\\./g, '').replace(/_.|\*./g, '');
  if (/E[+-]/i.test(bare)) return false;
  return /[ymdhsge]/i.test(bare);
}

/** Excel date serial (1900 system) → "YYYY-MM-DD", as exceljs reports a date cell. */
export function serialToIsoDate(serial: number): string {
  return new Date(Date.UTC(1899, 11, 30) + Math.round(serial * 86400000)).toISOString().slice(0, 10);
}

interface LoadedSheet {
  ws: Excel.Worksheet;
  used: Excel.Range;
  merged: Excel.RangeAreas | null;
  mark: Excel.WorksheetCustomProperty;
}

function queueSheetLoads(worksheets: Excel.Worksheet[], withMerges: boolean): LoadedSheet[] {
  return worksheets.map((ws) => {
    // valuesOnly: a sheet formatted down to row 1,048,576 must not be read as a million empty rows.
    const used = ws.getUsedRangeOrNullObject(true);
    used.load('address,values,valueTypes,formulas,numberFormat');
    // Merges over the whole sheet: a merged header can reach past the last value.
    const merged = withMerges ? ws.getRange().getMergedAreasOrNullObject() : null;
    merged?.load('address');
    const mark = ws.customProperties.getItemOrNullObject(OWNER_PROPERTY);
    mark.load('value');
    return { ws, used, merged, mark };
  });
}

function toSnapshot(l: LoadedSheet): SheetSnapshot {
  const name = l.ws.name;
  const merges = l.merged === null ? undefined : l.merged.isNullObject ? [] : splitAreas(l.merged.address, name);
  const sheet: SheetSnapshot = {
    name,
    origin: 'A1',
    values: [],
    formulas: [],
    numberFormats: [],
    merges,
    visibility: VISIBILITY[l.ws.visibility] ?? 'visible',
    ownedByHyoka: !l.mark.isNullObject && l.mark.value === OWNER_VALUE,
  };
  if (l.used.isNullObject) return sheet;
  const values = l.used.values;
  const types = l.used.valueTypes;
  const formulas = l.used.formulas;
  const formats = l.used.numberFormat;
  sheet.origin = originOf(l.used.address);
  sheet.values = values.map((row, r) =>
    row.map((v, c): CellValue => {
      const t = types[r][c];
      if (t === 'Empty') return null;
      if (t === 'Error') return { error: String(v) };
      if (typeof v === 'number' && isDateFormat(formats[r][c])) return serialToIsoDate(v);
      return v as CellValue;
    }),
  );
  sheet.formulas = formulas.map((row, r) =>
    row.map((f, c) => {
      // `formulas` gives the value for a constant; a text constant "=1+1" equals its value.
      if (typeof f !== 'string' || !f.startsWith('=')) return null;
      return types[r][c] === 'String' && f === values[r][c] ? null : f;
    }),
  );
  sheet.numberFormats = formats.map((row, r) =>
    row.map((nf, c) => (types[r][c] === 'Empty' || nf === null || /^general$/i.test(String(nf)) ? null : String(nf))),
  );
  return sheet;
}

/**
 * Reads every worksheet into a WorkbookSnapshot in **exactly 2 `context.sync()` calls**,
 * whatever the number of sheets: (1) the sheet list with names and visibility; (2) for every
 * sheet at once, the values-only used range (address, values, valueTypes, formulas,
 * numberFormat), the sheet's merged areas and Hyōka's ownership mark.
 *
 * Requires ExcelApi 1.13 (getMergedAreasOrNullObject; customProperties is 1.12).
 *
 * One degraded path adds a 3rd sync: when sync 2 fails (Excel refuses a sheet with more than
 * 512 merged areas), the same batch is sent again without merged areas and `merges` stays
 * undefined. Payload: this request is small, but the response carries four matrices per
 * sheet; Excel on the web refuses a response over 5 MB (≈ 50 000 non-empty cells of Japanese
 * text). A city workbook is far below that; past it, this throws Excel's own
 * ResponsePayloadSizeLimitExceeded rather than reading part of the workbook.
 */
export async function readWorkbookSnapshot(
  context: Excel.RequestContext,
  onProgress?: (done: number, total: number) => void,
): Promise<WorkbookSnapshot> {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name,items/visibility');
  await context.sync();
  const items = worksheets.items;
  onProgress?.(0, items.length);

  let loaded = queueSheetLoads(items, true);
  try {
    await context.sync();
  } catch (first) {
    loaded = queueSheetLoads(items, false);
    try {
      await context.sync();
    } catch {
      throw first;
    }
  }

  const sheets = loaded.map((l, i) => {
    const s = toSnapshot(l);
    onProgress?.(i + 1, items.length);
    return s;
  });
  return { source: 'Excel', sheets };
}
