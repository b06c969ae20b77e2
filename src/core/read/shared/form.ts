/**
 * Form-like header blocks: a label cell and its value to the right (past the label's merged
 * area and any empty cells), or below it when nothing stands to the right. Labels are matched
 * by pattern on termKey(text); the value is never itself a label of the form.
 */
import type { Grid, GridCell } from '../../grid';
import type { SourceRef } from '../../model';
import { plainText } from '../../normalize';
import { mergeAt } from './merges';
import { termKey } from './terms';

export interface FormValue {
  label: GridCell;
  value: GridCell;
  text: string;
  source: SourceRef;
}

/** The value of a label cell: right of it on its row, else the cell below it. */
export function valueOf(g: Grid, label: GridCell, isLabel: (key: string) => boolean, maxCol = Infinity): FormValue | null {
  const end = mergeAt(g, label.row, label.col)?.c1 ?? label.col;
  const right = g.row(label.row).find((c) => c.col > end && c.col <= maxCol);
  if (right && !isLabel(termKey(right.text))) return { label, value: right, text: plainText(right.value), source: g.ref(right.row, right.col) };
  if (right) return null;
  const bottom = mergeAt(g, label.row, label.col)?.r1 ?? label.row;
  const below = g.at(bottom + 1, label.col);
  if (below && !isLabel(termKey(below.text))) return { label, value: below, text: plainText(below.value), source: g.ref(below.row, below.col) };
  return null;
}

/** The first cell in rows [from, to) whose key matches `re` (short cells only). */
export function findLabel(g: Grid, re: RegExp, from: number, to: number, maxLength = 24): GridCell | undefined {
  for (const r of g.nonEmptyRows(from, to)) {
    for (const c of g.row(r)) {
      if (typeof c.value !== 'string' || c.text.length > maxLength) continue;
      if (re.test(termKey(c.text))) return c;
    }
  }
  return undefined;
}

/** The value for the first label matching `re` in rows [from, to). */
export function formValue(g: Grid, re: RegExp, from: number, to: number, isLabel: (key: string) => boolean): FormValue | null {
  for (const r of g.nonEmptyRows(from, to)) {
    for (const c of g.row(r)) {
      if (typeof c.value !== 'string' || c.text.length > 24 || !re.test(termKey(c.text))) continue;
      const v = valueOf(g, c, isLabel);
      if (v) return v;
    }
  }
  return null;
}
