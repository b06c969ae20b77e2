/** Small reads relative to a label cell. */
import type { Grid } from '../../grid';
import { sectionLabelIds, type LabelId } from '../../labels';
import type { SourceRef } from '../../model';
import { plainText } from '../../normalize';

export function hasAnyLabel(g: Grid, ids: LabelId[], from = 0, to = g.rowCount): boolean {
  for (const r of g.nonEmptyRows(from, to)) {
    for (const c of g.row(r)) {
      const found = sectionLabelIds(c.key);
      if (found.size && ids.some((id) => found.has(id))) return true;
    }
  }
  return false;
}

export function textRight(g: Grid, r: number, c: number): { text: string; ref: SourceRef | null } {
  const cell = g.rightOf(r, c);
  if (!cell) return { text: '', ref: null };
  return { text: plainText(cell.value), ref: g.ref(cell.row, cell.col) };
}


export function readParagraphs(g: Grid, from: number, to: number): string {
  const lines: string[] = [];
  for (const r of g.nonEmptyRows(from, to)) lines.push(g.row(r).map((c) => plainText(c.value)).join(' '));
  return lines.join('\n');
}


