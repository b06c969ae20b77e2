/**
 * The projectSheet recognizer: 事務事業評価シート, one project per sheet or several stacked. Each
 * project starts at a 事務事業名 label with the name to its right; the sheet earns its bid with
 * indicator tables (成果 / 活動 / 対象指標 with 目標 / 実績), a money table with a 財源内訳,
 * written grades (一次 / 二次評価) and an evaluation-sheet title.
 */
import type { Grid, GridCell } from '../../grid';
import { mergeAt } from '../shared/merges';
import { FORM, isFormLabel } from '../shared/formLabels';
import { sheetContext } from '../shared/sheetContext';
import { sheetTables } from '../shared/sheetTables';
import { gradeStageOf, termKey } from '../shared/terms';
import type { Recognition } from '../types';
import type { ProjectSegment, ProjectSheetLayout } from './layout';

const isProjectName = (c: GridCell) => c.text.length <= 16 && c.text.includes('事') && FORM.projectName.test(termKey(c.text));

/** A 事務事業名 label with its name to the right (a list's column header has its names below). */
export function anchors(g: Grid, isAnchor: (c: GridCell) => boolean = isProjectName): GridCell[] {
  const out: GridCell[] = [];
  for (const c of g.cells()) {
    if (typeof c.value !== 'string' || !isAnchor(c)) continue;
    const end = mergeAt(g, c.row, c.col)?.c1 ?? c.col;
    const right = g.row(c.row).find((x) => x.col > end);
    if (!right || typeof right.value !== 'string' || isFormLabel(termKey(right.text))) continue;
    out.push(c);
  }
  return out;
}

/** How far above its anchor the first project's header starts (its title, its number). */
export function leadOf(g: Grid, first: GridCell): number {
  const top = g.nonEmptyRows(0, g.rowCount)[0] ?? 0;
  return Math.min(6, Math.max(0, first.row - top));
}

export function segments(g: Grid, found: GridCell[], lead = leadOf(g, found[0])): ProjectSegment[] {
  // Each project's block repeats the first one's layout: its header starts as far above its
  // 事務事業名 label as the first project's does above its own.
  return found.map((a, i) => {
    const start = i === 0 ? 0 : Math.max(found[i - 1].row + 1, a.row - lead);
    const next = found[i + 1];
    const end = next ? Math.max(a.row + 1, next.row - lead) : g.rowCount;
    return { labelRow: a.row, labelCol: a.col, start, end };
  });
}

/** Anchors on one row are one project's (a repeated label in a wide form): the first of each row. */
export function distinctRows(found: GridCell[]): GridCell[] {
  return found.filter((a, i) => i === 0 || a.row !== found[i - 1].row);
}

export function recognizeProjectSheet(g: Grid): Recognition<ProjectSheetLayout> | null {
  const found = distinctRows(anchors(g));
  if (!found.length) return null;
  const segs = segments(g, found);
  const ctx = sheetContext(g, 0, Math.min(g.rowCount, segs[0].labelRow + 8));
  const first = segs[0];
  const tables = sheetTables(g, first.start, first.end, ctx);
  const money = tables.filter((t) => t.type === 'money');
  const indicators = tables.filter((t) => t.type === 'indicator');
  let grades = 0;
  let title = false;
  let breakdown = false;
  for (const r of g.nonEmptyRows(first.start, first.end)) {
    for (const c of g.row(r)) {
      // Every word looked for here holds 評, 価 or a funding word's 支 / 債.
      if (typeof c.value !== 'string' || c.text.length > 40 || !/[評価支債]/.test(c.text)) continue;
      const k = termKey(c.text);
      if (gradeStageOf(k)) grades++;
      if (FORM.title.test(k)) title = true;
      if (/国庫|県支出金|都道府県支出金|地方債|起債/.test(k)) breakdown = true;
    }
  }
  let score = 0.4;
  const why: string[] = [];
  const whyJa: string[] = [];
  if (indicators.length) {
    score += 0.2;
    why.push(`${indicators.length} indicator tables`);
    whyJa.push(`指標の表 ${indicators.length} 件`);
  }
  if (money.length) {
    score += breakdown ? 0.2 : 0.1;
    why.push(breakdown ? 'a money table with a 財源内訳' : 'a money table');
    whyJa.push(breakdown ? '財源内訳のある事業費の表' : '事業費の表');
  }
  if (title) {
    score += 0.15;
    why.push('an evaluation-sheet title');
    whyJa.push('評価シートの表題');
  }
  if (grades) {
    score += 0.1;
    why.push('written grades');
    whyJa.push('評価（一次・二次など）の記載');
  }
  if (!indicators.length && !money.length && !title) return null;
  const at = g.ref(first.labelRow, first.labelCol).address;
  const n = segs.length;
  return {
    candidate: {
      family: 'projectSheet',
      score: Math.min(1, score),
      reason: `事務事業評価シート: ${n === 1 ? '事務事業名' : `${n} projects, the first 事務事業名`} at ${at}; ${why.join(', ')}`,
      reasonJa: `事務事業評価シート: ${n === 1 ? '' : `事業 ${n} 件、最初の`}事務事業名（${at}）、${whyJa.join('、')}`,
    },
    layout: { family: 'projectSheet', segments: segs, evaluationYear: ctx.evaluationYear, era: ctx.era },
  };
}
