/** A1 addresses ↔ 0-based row/column indexes. */

export function colName(col: number): string {
  let s = '';
  let n = col + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function colIndex(name: string): number {
  let n = 0;
  for (const ch of name.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function toA1(row: number, col: number): string {
  return `${colName(col)}${row + 1}`;
}

export interface CellRef {
  row: number;
  col: number;
}

/** "B3" → {row: 2, col: 1}; also accepts "$B$3" and "Sheet!B3". */
export function parseA1(addr: string): CellRef {
  const a = addr.includes('!') ? addr.slice(addr.lastIndexOf('!') + 1) : addr;
  const m = /^\$?([A-Za-z]{1,3})\$?([0-9]+)/.exec(a);
  if (!m) throw new Error(`Not an A1 address: ${addr}`);
  return { row: Number(m[2]) - 1, col: colIndex(m[1]) };
}

/** "B3:D5" → {start, end}; a single cell gives start = end. */
export function parseRange(range: string): { start: CellRef; end: CellRef } {
  const a = range.includes('!') ? range.slice(range.lastIndexOf('!') + 1) : range;
  const [s, e] = a.split(':');
  const start = parseA1(s);
  return { start, end: e ? parseA1(e) : start };
}

export function rangeA1(r0: number, c0: number, r1: number, c1: number): string {
  return r0 === r1 && c0 === c1 ? toA1(r0, c0) : `${toA1(r0, c0)}:${toA1(r1, c1)}`;
}
