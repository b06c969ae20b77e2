/**
 * Office.js range matrices → the snapshot's sparse cells, as src/xlsx/readXlsx.ts reads a file:
 * errors as {error}, empty cells left out, date-formatted serials as ISO dates, "General" as no
 * format, a text constant that looks like a formula kept as text.
 */
import { parseRange, toA1 } from '../core/a1';
import type { CellValue, SnapshotCell } from '../core/snapshot';

/** "'My sheet'!B3:D9" → "B3" (the range's top-left cell, without the sheet name). */
export function originOf(address: string): string {
  const { start } = parseRange(address);
  return toA1(start.row, start.col);
}

/** "'My sheet'!B3:D9" → "B3:D9". */
export function localAddress(address: string): string {
  const { start, end } = parseRange(address);
  return start.row === end.row && start.col === end.col ? toA1(start.row, start.col) : `${toA1(start.row, start.col)}:${toA1(end.row, end.col)}`;
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

/** What Office.js returns for a range read with values, valueTypes, formulas and numberFormat. */
export interface RangeMatrices {
  values: unknown[][];
  valueTypes: string[][];
  formulas: unknown[][];
  numberFormat: unknown[][];
}

/** The non-empty cells of a block whose top-left cell is (row0, col0), row by row. */
export function cellsOf(m: RangeMatrices, row0: number, col0: number): SnapshotCell[] {
  const out: SnapshotCell[] = [];
  m.values.forEach((line, r) =>
    line.forEach((v, c) => {
      const type = m.valueTypes[r][c];
      if (type === 'Empty') return;
      const nf = m.numberFormat[r][c];
      const format = nf === null || nf === undefined || /^general$/i.test(String(nf)) ? undefined : String(nf);
      let value: CellValue;
      if (type === 'Error') value = { error: String(v) };
      else if (typeof v === 'number' && isDateFormat(format ?? null)) value = serialToIsoDate(v);
      else value = v as CellValue;
      const cell: SnapshotCell = { row: row0 + r, col: col0 + c, value };
      const f = m.formulas[r][c];
      // `formulas` gives the value for a constant; a text constant "=1+1" equals its value.
      if (typeof f === 'string' && f.startsWith('=') && !(type === 'String' && f === v)) cell.formula = f;
      if (format !== undefined) cell.numberFormat = format;
      out.push(cell);
    }),
  );
  return out;
}
