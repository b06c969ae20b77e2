/**
 * Merged areas of a sheet, looked up by cell. A merged label spans the columns (or rows) of
 * what it heads; its value sits in the top-left cell only.
 */
import { parseRange } from '../../a1';
import type { Grid } from '../../grid';

export interface MergedArea {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

/** Areas by their top-left cell (a 方眼紙 sheet holds thousands: indexed once per grid). */
const cache = new WeakMap<Grid, Map<number, MergedArea>>();

/** The merged area whose top-left cell is (r, c), or undefined. */
export function mergeAt(g: Grid, r: number, c: number): MergedArea | undefined {
  return index(g).get(r * 16384 + c);
}

function index(g: Grid): Map<number, MergedArea> {
  let map = cache.get(g);
  if (map) return map;
  map = new Map();
  const list = Array.isArray(g.sheet.merges) ? g.sheet.merges : [];
  for (const a1 of list) {
    let area: MergedArea;
    try {
      const { start, end } = parseRange(a1);
      area = { r0: Math.min(start.row, end.row), c0: Math.min(start.col, end.col), r1: Math.max(start.row, end.row), c1: Math.max(start.col, end.col) };
    } catch {
      continue;
    }
    map.set(area.r0 * 16384 + area.c0, area);
  }
  cache.set(g, map);
  return map;
}

/** The last column a cell at (r, c) covers: the end of its merged area, or c. */
export function spanEnd(g: Grid, r: number, c: number): number {
  return mergeAt(g, r, c)?.c1 ?? c;
}
