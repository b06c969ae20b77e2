/**
 * Multi-row column headers: the header rows of a table (one to three, with filler rows such
 * as 「調整用（このセルには必ず何か入力…）」 skipped) composed into one header per column. A
 * group label in an upper row ("令和5年度" over 事業費 | 一般財源) heads every column it spans: its
 * merged area, or else up to the next label of its row.
 */
import type { Grid, GridCell } from '../../grid';
import type { SourceRef } from '../../model';
import { mergeAt } from './merges';
import { termKey } from './terms';

export interface ColumnHeader {
  col: number;
  /** Header texts from the top row down; the last one is the column's own label. */
  parts: string[];
  /** termKey of every part, joined with "|". */
  key: string;
  /** termKey of the column's own (bottom-most) label. */
  ownKey: string;
  /** The bottom-most header cell of the column. */
  source: SourceRef;
}

const FILLER_RE = /調整用|このセルには|削除しないこと|非表示にしない|入力しないでください|作業用/;

/** A row of filler: a warning repeated across the columns, not a header. */
export function isFillerRow(g: Grid, r: number): boolean {
  const row = g.row(r);
  if (!row.length) return false;
  let filler = 0;
  const counts = new Map<string, number>();
  for (const c of row) {
    if (FILLER_RE.test(c.text)) filler++;
    counts.set(c.text, (counts.get(c.text) ?? 0) + 1);
  }
  const top = Math.max(...counts.values());
  return filler * 2 >= row.length || (row.length >= 6 && top * 10 >= row.length * 8);
}

/** Does a row look like a header row: short texts only, no numbers? */
export function isLabelRow(row: readonly GridCell[]): boolean {
  if (!row.length) return false;
  let labels = 0;
  for (const c of row) {
    if (typeof c.value !== 'string') return false;
    if (c.text.length <= 80) labels++;
  }
  return labels * 10 >= row.length * 9;
}

/** Composes the headers of the columns in [colFrom, colTo] over the given header rows (top to bottom). */
export function columnHeaders(g: Grid, headerRows: readonly number[], colFrom = 0, colTo = Infinity): ColumnHeader[] {
  const rows = [...headerRows].sort((a, b) => a - b);
  const bottom = rows[rows.length - 1];
  let maxCol = -1;
  for (const r of rows) for (const c of g.row(r)) if (c.col >= colFrom && c.col <= colTo) maxCol = Math.max(maxCol, c.col);
  if (maxCol < 0) return [];
  // Per row: each text spreads over its merged area, else up to the next text (upper rows only).
  const spread = rows.map((r) => {
    const byCol = new Map<number, GridCell>();
    const cells = g.row(r).filter((c) => c.col >= colFrom && c.col <= colTo);
    cells.forEach((c, i) => {
      const merged = mergeAt(g, r, c.col);
      const next = i + 1 < cells.length ? cells[i + 1].col - 1 : maxCol;
      const end = merged ? merged.c1 : r === bottom ? c.col : next;
      for (let k = c.col; k <= Math.min(end, maxCol); k++) byCol.set(k, c);
    });
    return byCol;
  });
  // A label merged down over the lower header rows belongs to those rows too.
  rows.forEach((r, i) => {
    for (const c of g.row(r)) {
      const merged = mergeAt(g, r, c.col);
      if (!merged || merged.r1 <= r) continue;
      for (let j = i + 1; j < rows.length && rows[j] <= merged.r1; j++) {
        for (let k = c.col; k <= merged.c1; k++) if (!spread[j].has(k)) spread[j].set(k, c);
      }
    }
  });
  const out: ColumnHeader[] = [];
  for (let col = Math.max(colFrom, 0); col <= maxCol; col++) {
    const parts: string[] = [];
    let own: GridCell | undefined;
    spread.forEach((byCol) => {
      const c = byCol.get(col);
      if (!c) return;
      if (parts[parts.length - 1] !== c.text) parts.push(c.text);
      own = c;
    });
    if (!own) continue;
    out.push({ col, parts, key: parts.map(termKey).join('|'), ownKey: termKey(own.text), source: g.ref(own.row, own.col) });
  }
  return out;
}
