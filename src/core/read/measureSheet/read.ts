/**
 * Reads a 施策評価シート with its layout: the measure (name, number path, policy), its 成果指標
 * with 基準値 / yearly 目標・実績 / 目標年度, the grade written for it and the projects it lists.
 */
import type { Grid } from '../../grid';
import type { Inference } from '../../model';
import { emptyMeasure } from '../shared/factories';
import { formValue, valueOf } from '../shared/form';
import { FORM, isFormLabel } from '../shared/formLabels';
import { placeOf } from '../shared/hierarchy';
import { readIndicatorTable } from '../shared/indicatorTable';
import { fieldPattern, type FormField } from '../shared/overrides';
import { sheetTables } from '../shared/sheetTables';
import type { SheetReading } from '../types';
import { grades } from '../projectSheet/read';
import type { MeasureSheetLayout } from './layout';
import { readProjectList } from './list';

export function readMeasureSheet(g: Grid, layout: MeasureSheetLayout): SheetReading {
  const inferred: Inference[] = [];
  const label = g.at(layout.labelRow, layout.labelCol);
  const nameValue = label ? valueOf(g, label, isFormLabel) : null;
  const end = g.rowCount;
  const o = layout.overrides;
  const field = (re: RegExp, name?: FormField) => formValue(g, name ? fieldPattern(name, re, o) : re, 0, end, isFormLabel);
  const policyValue = field(FORM.policy, 'policy');
  const place = placeOf({
    policy: policyValue,
    measure: nameValue,
    measureCode: field(FORM.measureCode, 'measureCode'),
    basic: null,
    policyLabel: policyValue ? /(政策分野|基本目標|基本政策|政策)/.exec(policyValue.label.text)?.[1] : undefined,
  });
  const ref = place.measure;
  const source = nameValue?.source ?? g.ref(layout.labelRow, layout.labelCol);
  const measure = emptyMeasure(ref?.no ?? 1, ref?.name ?? nameValue?.text ?? '', source);
  measure.code = ref?.code ?? null;
  if (ref?.no === null || ref?.no === undefined) measure.noInferred = true;
  const ctx = { evaluationYear: layout.overrides?.evaluationYear ?? layout.evaluationYear, era: layout.era };
  const listEnd = layout.listHeaderRow ?? end;
  // The measure's own tables stand above its project list.
  for (const t of sheetTables(g, 0, listEnd, ctx, o)) {
    if (t.type !== 'indicator') continue;
    const list = readIndicatorTable(g, t.axis, { kind: t.kind ?? 'outcome', evaluationYear: ctx.evaluationYear, end: t.end, defaultRole: t.combined ? 'combined' : undefined });
    for (const ind of list) measure.indicators.push({ ...ind, no: measure.indicators.length + 1 });
  }
  measure.sheetGrades = grades(g, 0, listEnd);
  const projects = layout.listHeaderRow === null ? [] : readProjectList(g, layout.listHeaderRow, ctx);
  const measureRef = { no: measure.noInferred ? null : measure.no, code: measure.code, name: measure.name, source };
  return {
    family: 'measureSheet',
    measures: [{ field: place.field, measure }],
    projects: projects.map((project) => ({ field: place.field, measure: measureRef, project: { ...project, code: project.code ?? measure.code } })),
    inferred,
  };
}
