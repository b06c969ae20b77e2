/** Where the project blocks of a policy field sheet start. */
import { hasLabel, type Grid, type GridCell } from '../../grid';
import { isLabel, type LabelId } from '../../labels';

export const blockRowsCache = new WeakMap<Grid, BlockStart[]>();

export interface BlockStart {
  row: number;
  label: GridCell;
}

/**
 * Rows that start a project block: a 事業名 label followed by a name (not by another header
 * label). Computed once per grid over the whole sheet; a range is a filter of that.
 */
export function blockRows(g: Grid, from = 0, to = g.rowCount): BlockStart[] {
  let all = blockRowsCache.get(g);
  if (!all) {
    all = scanBlockRows(g, 0, g.rowCount);
    blockRowsCache.set(g, all);
  }
  return from === 0 && to >= g.rowCount ? all : all.filter((b) => b.row >= from && b.row < to);
}

export function scanBlockRows(g: Grid, from: number, to: number): BlockStart[] {
  const out: BlockStart[] = [];
  for (const r of g.nonEmptyRows(from, to)) {
    const row = g.row(r);
    const label = row.find((c) => hasLabel(c, 'projectName'));
    if (!label) continue;
    const next = g.rightOf(r, label.col);
    if (!next || isHeaderLabel(next.key)) continue;
    // A block has its finance, department or legal-basis labels close by.
    let ok = false;
    for (let k = r; k < Math.min(r + 6, to) && !ok; k++) {
      ok = g.row(k).some((c) => hasLabel(c, 'legalBasis') || hasLabel(c, 'department') || hasLabel(c, 'finance') || hasLabel(c, 'overview'));
    }
    if (ok) out.push({ row: r, label });
  }
  return out;
}

export const HEADER_IDS: LabelId[] = ['relatedDept', 'listPolicy', 'listDept', 'department', 'legalBasis', 'nextYearPolicy', 'listSdgs', 'unit', 'definition'];
export function isHeaderLabel(key: string): boolean {
  return HEADER_IDS.some((id) => isLabel(key, id));
}

