/**
 * Teach mode's marks as data: rectangles of a sheet, each with a role. Pure, so the grid, the
 * Excel-selection button and the tests share one definition of "assign a role to a range".
 */
import { parseRange, rangeA1 } from "../../../core/a1";
import type { TeachMark, TeachRole } from "../../../core/profile/teach";

export type { TeachMark, TeachRole };

/** The roles in the order the chooser offers them (the order a table is usually marked in). */
export const TEACH_ROLES: TeachRole[] = [
  "years",
  "names",
  "units",
  "targets",
  "actuals",
  "combined",
];

export interface Box {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export interface CellPos {
  row: number;
  col: number;
}

/** The rectangle spanned by two cells, whichever corner each is. */
export function spanOf(a: CellPos, b: CellPos): Box {
  return {
    r0: Math.min(a.row, b.row),
    c0: Math.min(a.col, b.col),
    r1: Math.max(a.row, b.row),
    c1: Math.max(a.col, b.col),
  };
}

export const boxA1 = (b: Box): string => rangeA1(b.r0, b.c0, b.r1, b.c1);

/** "B5:D7" (or "$B$5", or a single cell) → its box; null when it is not an A1 range. */
export function parseBox(range: string): Box | null {
  if (!/^\$?[A-Za-z]{1,3}\$?\d{1,7}(:\$?[A-Za-z]{1,3}\$?\d{1,7})?$/.test(range.trim())) return null;
  const { start, end } = parseRange(range.trim());
  return spanOf(start, end);
}

export const contains = (b: Box, row: number, col: number): boolean =>
  row >= b.r0 && row <= b.r1 && col >= b.c0 && col <= b.c1;

const intersects = (a: Box, b: Box): boolean =>
  a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;

/** The marks with `range` given `role`: a mark it overlaps is replaced (a cell has one role). */
export function assign(marks: TeachMark[], role: TeachRole, range: Box): TeachMark[] {
  return [...withoutBox(marks, range), { role, range: boxA1(range) }];
}

/** The marks without those overlapping `range`. */
export function withoutBox(marks: TeachMark[], range: Box): TeachMark[] {
  return marks.filter((m) => {
    const b = parseBox(m.range);
    return !b || !intersects(b, range);
  });
}

/** The role of the cell, when a mark covers it. */
export function roleAt(marks: TeachMark[], row: number, col: number): TeachRole | null {
  for (let i = marks.length - 1; i >= 0; i--) {
    const b = parseBox(marks[i].range);
    if (b && contains(b, row, col)) return marks[i].role;
  }
  return null;
}
