/**
 * The measureSheet recognizer: a 施策評価シート — one measure (施策名 with its value to the right),
 * its 成果指標 table, the projects that make it up (a list under a 事務事業名 column header) and
 * a grade. A sheet whose 事務事業名 has its value to the right is a project sheet, not this.
 */
import type { Grid, GridCell } from '../../grid';
import { valueOf } from '../shared/form';
import { FORM, isFormLabel } from '../shared/formLabels';
import { sheetContext } from '../shared/sheetContext';
import { sheetTables } from '../shared/sheetTables';
import { gradeStageOf, termKey } from '../shared/terms';
import type { Recognition } from '../types';
import type { MeasureSheetLayout } from './layout';
import { listHeader } from './list';

function measureLabel(g: Grid): GridCell | null {
  for (const c of g.cells()) {
    if (typeof c.value !== 'string' || c.text.length > 16 || !/[施項]/.test(c.text)) continue;
    const k = termKey(c.text);
    if (!FORM.measureName.test(k)) continue;
    if (valueOf(g, c, isFormLabel)) return c;
  }
  return null;
}

export function recognizeMeasureSheet(g: Grid): Recognition<MeasureSheetLayout> | null {
  const label = measureLabel(g);
  if (!label) return null;
  const ctx = sheetContext(g, 0, Math.min(g.rowCount, label.row + 12));
  let title = false;
  let projectForm = false;
  let grade = false;
  for (const c of g.cells()) {
    if (typeof c.value !== 'string' || c.text.length > 40 || !/[評事]/.test(c.text)) continue;
    const k = termKey(c.text);
    if (FORM.measureTitle.test(k)) title = true;
    if (gradeStageOf(k)) grade = true;
    if (FORM.projectName.test(k) && c.col < (g.row(c.row).at(-1)?.col ?? 0)) {
      const right = g.row(c.row).find((x) => x.col > c.col);
      if (right && typeof right.value === 'string' && !isFormLabel(termKey(right.text))) projectForm = true;
    }
  }
  const tables = sheetTables(g, 0, g.rowCount, ctx).filter((t) => t.type === 'indicator');
  const list = listHeader(g, label.row);
  let score = 0.4;
  const why: string[] = [];
  const whyJa: string[] = [];
  if (tables.length) {
    score += 0.2;
    why.push(`${tables.length} indicator tables`);
    whyJa.push(`指標の表 ${tables.length} 件`);
  }
  if (list !== null) {
    score += 0.15;
    why.push(`a project list at row ${list + 1}`);
    whyJa.push(`事務事業の一覧（${list + 1}行目）`);
  }
  if (title) {
    score += 0.2;
    why.push('a 施策評価 title');
    whyJa.push('施策評価の表題');
  }
  if (grade) score += 0.05;
  // A project sheet names its measure too: without a 施策評価 title it is the project's sheet.
  if (projectForm && !title) score -= 0.3;
  if (!tables.length && list === null && !title) return null;
  const at = g.ref(label.row, label.col).address;
  return {
    candidate: { family: 'measureSheet', score: Math.max(0, Math.min(1, score)), reason: `施策評価シート: 施策 at ${at}; ${why.join(', ')}`, reasonJa: `施策評価シート: 施策（${at}）、${whyJa.join('、')}` },
    layout: { family: 'measureSheet', labelRow: label.row, labelCol: label.col, listHeaderRow: list, evaluationYear: ctx.evaluationYear, era: ctx.era },
  };
}
