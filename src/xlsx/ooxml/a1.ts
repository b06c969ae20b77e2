/** A1 addressing for the parts we generate (0-based row/col internally). */

export interface CellRef {
  row: number;
  col: number;
}

export interface RangeRef {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

// Column letters ↔ indexes are the core's (one implementation for the whole project).
export { colName as colLetters, colIndex } from '../../core/a1';
import { colName as colLetters, colIndex } from '../../core/a1';

export function cellA1(row: number, col: number, absolute = false): string {
  return absolute ? `$${colLetters(col)}$${row + 1}` : `${colLetters(col)}${row + 1}`;
}

const CELL_RE = /^\$?([A-Za-z]{1,3})\$?([1-9][0-9]{0,6})$/;

export function parseCell(a1: string): CellRef {
  const m = CELL_RE.exec(a1.trim());
  if (!m) throw new RangeError(`Not an A1 cell address: "${a1}"`);
  const ref = { row: Number(m[2]) - 1, col: colIndex(m[1]) };
  if (ref.row >= MAX_ROWS || ref.col >= MAX_COLS) throw new RangeError(`Cell outside the sheet: "${a1}"`);
  return ref;
}

/** "B2", "B2:D9", "C:C" (whole columns are clipped to rowLimit), "2:2" (clipped to colLimit). */
export function parseRange(a1: string, rowLimit = MAX_ROWS - 1, colLimit = MAX_COLS - 1): RangeRef {
  const s = a1.trim();
  const cols = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/.exec(s);
  if (cols) return norm({ top: 0, bottom: rowLimit, left: colIndex(cols[1]), right: colIndex(cols[2]) });
  const rows = /^\$?([1-9][0-9]*):\$?([1-9][0-9]*)$/.exec(s);
  if (rows) return norm({ top: Number(rows[1]) - 1, bottom: Number(rows[2]) - 1, left: 0, right: colLimit });
  const [a, b] = s.split(':');
  const p = parseCell(a);
  const q = b === undefined ? p : parseCell(b);
  return norm({ top: p.row, left: p.col, bottom: q.row, right: q.col });
}

function norm(r: RangeRef): RangeRef {
  return {
    top: Math.min(r.top, r.bottom),
    bottom: Math.max(r.top, r.bottom),
    left: Math.min(r.left, r.right),
    right: Math.max(r.left, r.right),
  };
}

export function rangeA1(r: RangeRef, absolute = false): string {
  const a = cellA1(r.top, r.left, absolute);
  return r.top === r.bottom && r.left === r.right && !absolute ? a : `${a}:${cellA1(r.bottom, r.right, absolute)}`;
}

/** Sheet name as it must appear in a reference: always quoted, ' doubled. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** Cells of a one-row or one-column range, in reading order. */
export function rangeCells(r: RangeRef): CellRef[] {
  const out: CellRef[] = [];
  for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) out.push({ row, col });
  return out;
}
