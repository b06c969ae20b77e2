/** The sections of a policy field sheet, found by their titles. */
import type { Grid } from '../../grid';
import { isLabel, isSectionLabel } from '../../labels';
import { blockRows } from './blockRows';
import { listHeaderRow } from './list';
import { measureHeading } from './measureHeading';

export type SectionId = 'vision' | 'measureList' | 'kpi' | 'measureEval' | 'related' | 'finalEvaluation' | 'projectList' | 'blocks';

export interface Section {
  id: SectionId;
  start: number;
  end: number;
}

export function sectionOfRow(g: Grid, r: number): SectionId | null {
  const first = g.row(r)[0];
  if (!first) return null;
  const key = first.key;
  if (isLabel(key, 'vision')) return 'vision';
  if (key === '施策' || key === '施策一覧' || key === '施策の体系') return 'measureList';
  if (isSectionLabel(key, 'kpiSection')) return 'kpi';
  if (isSectionLabel(key, 'measureEval')) return 'measureEval';
  if (isSectionLabel(key, 'related')) return 'related';
  if (isSectionLabel(key, 'finalEvaluation')) return 'finalEvaluation';
  if (isSectionLabel(key, 'projectList')) return 'projectList';
  return null;
}

export function sections(g: Grid, from: number, to: number): Section[] {
  const marks: { id: SectionId; row: number }[] = [];
  for (const r of g.nonEmptyRows(from, to)) {
    const id = sectionOfRow(g, r);
    if (id && !marks.some((m) => m.id === id)) marks.push({ id, row: r });
  }
  // A KPI table without its title: the 指標名 header row starts the section.
  if (!marks.some((m) => m.id === 'kpi')) {
    for (const r of g.nonEmptyRows(from, to)) {
      if (g.row(r).some((c) => c.key === '指標名')) {
        marks.push({ id: 'kpi', row: r });
        break;
      }
    }
  }
  if (!marks.some((m) => m.id === 'projectList')) {
    const lh = listHeaderRow(g, from, to);
    if (lh !== null) marks.push({ id: 'projectList', row: lh });
  }
  const blocks = blockRows(g, from, to);
  if (blocks.length) {
    // The blocks start at the measure heading just above the first block, if the first
    // non-empty row above it is one (a heading further up belongs to the list).
    let start = blocks[0].row;
    const above = g.nonEmptyRows(from, start);
    const r = above[above.length - 1];
    if (r !== undefined && start - r <= 4 && measureHeading(g, r)) start = r;
    marks.push({ id: 'blocks', row: start });
  }
  marks.sort((a, b) => a.row - b.row);
  return marks.map((m, i) => ({ id: m.id, start: m.row, end: i + 1 < marks.length ? marks[i + 1].row : to }));
}


