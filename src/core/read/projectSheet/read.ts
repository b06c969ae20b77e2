/**
 * Reads 事務事業評価シート with their layout: per project segment, the header block (name, number,
 * place in the plan, department, legal basis, period), the indicator tables, the money table with
 * its 財源内訳 and 人件費, and the grades written in the sheet.
 */
import type { Grid } from '../../grid';
import type { Inference, SheetGrade } from '../../model';
import { emptyProject } from '../shared/factories';
import { formValue, valueOf } from '../shared/form';
import { FORM, isFormLabel } from '../shared/formLabels';
import { placeOf } from '../shared/hierarchy';
import { readIndicatorTable } from '../shared/indicatorTable';
import { readMoneyTable } from '../shared/moneyTable';
import { sheetContext } from '../shared/sheetContext';
import { fieldPattern, type FormField } from '../shared/overrides';
import { sheetTables } from '../shared/sheetTables';
import { gradeStageOf, gradeValueOf, termKey } from '../shared/terms';
import type { ProjectReading, SheetReading } from '../types';
import type { ProjectSegment, ProjectSheetLayout } from './layout';

export function readProjectSheet(g: Grid, layout: ProjectSheetLayout): SheetReading {
  const projects: ProjectReading[] = [];
  const inferred: Inference[] = [];
  layout.segments.forEach((seg, i) => {
    const reading = readSegment(g, seg, layout, i + 1, inferred);
    if (reading) projects.push(reading);
  });
  return { family: 'projectSheet', projects, measures: [], inferred };
}

function readSegment(g: Grid, seg: ProjectSegment, layout: ProjectSheetLayout, position: number, inferred: Inference[]): ProjectReading | null {
  const label = g.at(seg.labelRow, seg.labelCol);
  if (!label) return null;
  const name = valueOf(g, label, isFormLabel);
  if (!name) return null;
  const own = sheetContext(g, seg.start, seg.end);
  const ctx = { evaluationYear: layout.overrides?.evaluationYear ?? own.evaluationYear ?? layout.evaluationYear, era: own.era ?? layout.era };
  const o = layout.overrides;
  const field = (re: RegExp, name?: FormField) => formValue(g, name ? fieldPattern(name, re, o) : re, seg.start, seg.end, isFormLabel);

  const idValue = field(FORM.projectId, 'projectId');
  const no = idValue && /^[0-9]{1,4}$/.test(idValue.text.normalize('NFKC')) ? Number(idValue.text.normalize('NFKC')) : null;
  const project = emptyProject(no ?? position, name.text, name.source, '千円');
  if (no === null) project.noInferred = true;
  project.family = 'projectSheet';
  project.hasDetail = true;
  project.projectId = idValue?.text || null;
  project.department = field(FORM.department, 'department')?.text ?? '';
  project.legalBasis = field(FORM.legalBasis, 'legalBasis')?.text ?? '';
  project.overview = field(FORM.overview, 'overview')?.text ?? '';
  project.nextYearPolicy = field(FORM.nextYearPolicy, 'nextYearPolicy')?.text ?? '';
  const period = field(FORM.period, 'period')?.text;
  if (period) project.period = period;

  const policyValue = field(FORM.policy, 'policy');
  const place = placeOf({
    policy: policyValue,
    measure: field(FORM.measureName, 'measureName'),
    measureCode: field(FORM.measureCode, 'measureCode'),
    basic: field(FORM.basic, 'basic'),
    policyLabel: policyValue ? /(政策分野|基本目標|基本政策|政策)/.exec(policyValue.label.text)?.[1] : undefined,
  });
  project.code = place.code;
  project.basicProject = place.basic;

  const tables = sheetTables(g, seg.start, seg.end, ctx, o);
  for (const t of tables) {
    if (t.type !== 'money') continue;
    const money = readMoneyTable(g, t.axis, t.end, t.titleRows, o);
    if (money.unit) project.financeUnit = money.unit;
    project.finance.push(...money.finance);
  }
  // No year on the title: the latest 決算 column is the year evaluated (for 実績値・計画値 rows).
  if (ctx.evaluationYear === null) {
    const settled = project.finance.filter((y) => y.basis === 'settlement').map((y) => y.fiscalYear);
    if (settled.length) {
      ctx.evaluationYear = Math.max(...settled);
      inferred.push({
        what: 'evaluationYear',
        detail: `no evaluation year on the sheet: ${ctx.evaluationYear}, the latest 決算 column, is taken as the year evaluated`,
        detailJa: `評価年度の記載がないため、最新の決算の列（${ctx.evaluationYear}年度）を評価対象年度とした`,
        source: name.source,
      });
    }
  }
  for (const t of tables) {
    if (t.type !== 'indicator') continue;
    const list = readIndicatorTable(g, t.axis, { kind: t.kind ?? 'outcome', evaluationYear: ctx.evaluationYear, end: t.end, defaultRole: t.combined ? 'combined' : undefined });
    for (const ind of list) project.indicators.push({ ...ind, no: project.indicators.length + 1 });
  }
  if (project.finance.some((y) => y.yearInferred) || project.indicators.some((i) => i.years.some((y) => y.yearInferred))) {
    inferred.push({
      what: 'fiscalYear',
      detail: `years written as 前年度 / 今年度 or without an era were dated from the evaluation year ${ctx.evaluationYear ?? '?'} (${own.evaluationYearFrom ?? 'the sheet'})`,
      detailJa: `前年度・今年度などの年度、元号のない年度は評価年度 ${ctx.evaluationYear ?? '?'} 年度から推定（${own.evaluationYearFrom ?? 'シート'}）`,
      source: name.source,
    });
  }
  project.sheetGrades = grades(g, seg.start, seg.end);
  return { field: place.field, measure: place.measure, project };
}

/** 一次評価 | B, 二次評価 | A… in rows [from, to). */
export function grades(g: Grid, from: number, to: number): SheetGrade[] {
  const out: SheetGrade[] = [];
  for (const r of g.nonEmptyRows(from, to)) {
    for (const c of g.row(r)) {
      if (typeof c.value !== 'string' || c.text.length > 24) continue;
      const stage = gradeStageOf(termKey(c.text));
      if (!stage) continue;
      const v = valueOf(g, c, (k) => isFormLabel(k) && !gradeValueOf(k));
      const grade = v ? gradeValueOf(v.text) : null;
      if (grade && !out.some((x) => x.stage === stage)) out.push({ stage, label: c.text.trim(), grade, source: v!.source });
    }
  }
  return out;
}
