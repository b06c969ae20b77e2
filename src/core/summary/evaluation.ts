/** 評価サマリー: the policy fields' KPIs per year, with targets written in text below. */
import { toA1 as a1, rangeA1 as a1Range } from '../a1';
import { fieldKey } from '../fieldKey';
import type { YearStatus } from '../model';
import type { PlanSheet, PlanValue } from '../plan';
import { formatSummary, type SummaryKey } from '../i18n/summary';
import { SheetBuilder } from './builder';
import type { Ctx } from './context';
import { actualCell, directionText, finite, gradeText, indicatorGrade, percentText, progressToFinal, projectKey, statusText, subtitle, uniqueSorted, yearLabel } from './helpers';
import { AMBER, FMT_PERCENT, GREEN, NOTE_STYLE, RED, TITLE_STYLE } from './styles';

// ───────────────────────────── 評価サマリー ─────────────────────────────

export function evaluationSheet(ctx: Ctx): PlanSheet {
  const { t, model } = ctx;
  const s = new SheetBuilder();
  const years = uniqueSorted(model.policyFields.flatMap((f) => f.indicators.flatMap((i) => i.years.map((y) => y.fiscalYear))));

  const FIXED = 7; // field id, field name, KPI no, KPI name, unit, direction, as-of year
  const yearCol = (i: number) => FIXED + 4 * i;
  const tail = FIXED + 4 * years.length;
  const C = {
    final: tail,
    progress: tail + 1,
    trajectory: tail + 2,
    grade: tail + 3,
    verification: tail + 4,
    formula: tail + 5,
    source: tail + 6,
  };

  s.format(a1(s.add([t.titleEvaluation]), 0), undefined, TITLE_STYLE);
  s.format(a1(s.add([subtitle(ctx)]), 0), undefined, NOTE_STYLE);

  const groupRow: PlanValue[] = new Array(FIXED).fill(null);
  years.forEach((fy) => groupRow.push(yearLabel(t, fy), null, null, null));
  s.header(groupRow);
  const head: PlanValue[] = [t.colFieldId, t.colFieldName, t.colKpiNo, t.colKpiName, t.colUnit, t.colDirection, t.colAsOf];
  years.forEach(() => head.push(t.colTarget, t.colActual, t.colRate, t.colStatus));
  head.push(t.colFinalTarget, t.colProgress, t.colTrajectory, t.colGrade, t.colVerification, t.colFormula, t.colSource);
  const headRow = s.header(head);

  const first = headRow + 1;
  for (const field of model.policyFields) {
    for (const ind of field.indicators) {
      const row: PlanValue[] = [fieldKey(field), field.name, ind.no, ind.name, ind.unit, directionText(t, ind.direction), field.asOf];
      for (const fy of years) {
        const y = ind.years.find((v) => v.fiscalYear === fy);
        if (!y) row.push(null, null, null, null);
        else row.push(finite(y.target), actualCell(y), finite(y.achievementRate), statusText(t, y.status));
      }
      const grade = indicatorGrade(ctx, field, ind);
      row.push(
        finite(ind.finalTarget),
        progressToFinal(ind),
        t[`verdict_${ind.trajectory?.verdict ?? 'unknown'}` as SummaryKey],
        grade ? gradeText(ctx.grades, grade) : null,
        ind.verification || null,
        ind.formula ? ind.formula[ctx.options.lang] : null,
      );
      const r = s.add(row);
      s.link(r, C.source, ind.source, t);
    }
  }
  const last = s.rowCount - 1;
  const hasRows = last >= first;
  if (!hasRows) s.add([t.noIndicators]);

  if (hasRows) {
    const col = (c: number) => a1Range(first, c, last, c);
    s.format(col(3), undefined, { wrap: true });
    s.format(col(C.verification), undefined, { wrap: true, vAlign: 'top' });
    s.format(col(C.formula), undefined, { wrap: true });
    s.format(a1Range(headRow - 1, 0, last, C.source), undefined, { border: true });
    s.format(a1Range(headRow, 0, headRow, C.source), undefined, { wrap: true, vAlign: 'center' });
    years.forEach((_, i) => {
      const rate = col(yearCol(i) + 2);
      const status = col(yearCol(i) + 3);
      s.format(rate, FMT_PERCENT);
      s.conditionalFormats.push({ type: 'iconSet', range: rate, iconSet: '3Symbols', thresholds: [0.8, 1] });
      s.conditionalFormats.push(
        { type: 'textEquals', range: status, text: t.status_achieved, style: GREEN },
        { type: 'textEquals', range: status, text: t.status_notAchieved, style: RED },
        { type: 'textEquals', range: status, text: t.status_notReported, style: AMBER },
        { type: 'textEquals', range: status, text: t.status_invalid, style: { ...RED, bold: true } },
      );
    });
    s.format(col(C.progress), FMT_PERCENT);
    s.conditionalFormats.push({ type: 'dataBar', range: col(C.progress), color: '#5B9BD5', min: 0, max: 1 });
    s.conditionalFormats.push(
      { type: 'textEquals', range: col(C.trajectory), text: t.verdict_offTrack, style: RED },
      { type: 'textEquals', range: col(C.trajectory), text: t.verdict_onTrack, style: GREEN },
      { type: 'textEquals', range: col(C.trajectory), text: t.verdict_reached, style: GREEN },
    );
    const top = ctx.grades[0];
    const bottom = ctx.grades[ctx.grades.length - 1];
    if (top) s.conditionalFormats.push({ type: 'textEquals', range: col(C.grade), text: gradeText(ctx.grades, top.grade), style: GREEN });
    if (bottom && bottom !== top)
      s.conditionalFormats.push({ type: 'textEquals', range: col(C.grade), text: gradeText(ctx.grades, bottom.grade), style: RED });
  }

  textTargetTable(ctx, s, C.source);

  // Notes: what the numbers mean, in words (never colour alone).
  s.add();
  s.format(a1(s.add([t.noteHeading]), 0), undefined, { bold: true });
  const gradeList = ctx.grades
    .map((g, i) =>
      i === ctx.grades.length - 1 && ctx.grades.length > 1
        ? formatSummary(t.gradeBelow, { grade: gradeText(ctx.grades, g.grade), min: percentText(ctx.grades[i - 1].min) })
        : formatSummary(t.gradeAtLeast, { grade: gradeText(ctx.grades, g.grade), min: percentText(g.min) }),
    )
    .join(', ');
  for (const note of [t.noteRate, t.noteProgress, formatSummary(t.noteGrades, { list: gradeList }), t.noteStatus, t.noteTrajectory]) {
    s.format(a1(s.add([note]), 0), undefined, NOTE_STYLE);
  }

  const widths = [8, 14, 7, 36, 8, 8, 10];
  years.forEach(() => widths.push(10, 10, 9, 10));
  widths.push(10, 12, 10, 8, 60, 30, 8);
  return s.toSheet('evaluation', t.sheetEvaluation, widths, { rows: headRow + 1, columns: 4 }, '#4472C4');
}

/**
 * Targets a project states inside a text cell (物品/60万円以上 vs 34万円), judged like KPIs.
 * Laid under the KPI table so its 目標 / 実績 / 達成率 / 状況 line up with the first year group.
 */
export function textTargetTable(ctx: Ctx, s: SheetBuilder, sourceCol: number): void {
  const { t, model } = ctx;
  const items = model.policyFields.flatMap((f) =>
    f.measures.flatMap((m) => m.projects.flatMap((p) => p.textTargets.map((tt) => ({ f, m, p, tt })))),
  );
  if (!items.length) return;
  s.add();
  s.format(a1(s.add([t.titleTextTargets]), 0), undefined, { bold: true });
  s.header([t.colFieldId, t.colProjectKey, t.colFiscalYear, t.colProjectItem, t.colUnit, t.colComparator, null, t.colTarget, t.colActual, t.colRate, t.colStatus]);
  s.set(s.rowCount - 1, sourceCol, t.colSource);
  const first = s.rowCount;
  for (const { f, m, p, tt } of items) {
    const status: YearStatus = tt.actual === null ? 'notReported' : tt.achieved ? 'achieved' : 'notAchieved';
    const r = s.add([
      fieldKey(f),
      projectKey(m, p),
      tt.fiscalYear,
      formatSummary(t.projectItem, { name: p.name, item: tt.item }),
      tt.unit || null,
      t[`comparator_${tt.comparator}` as SummaryKey],
      null,
      finite(tt.target),
      finite(tt.actual),
      finite(tt.achievementRate),
      statusText(t, status),
    ]);
    s.link(r, sourceCol, tt.source, t);
  }
  const last = s.rowCount - 1;
  const rate = a1Range(first, 9, last, 9);
  const statusRange = a1Range(first, 10, last, 10);
  s.format(rate, FMT_PERCENT);
  s.format(a1Range(first, 3, last, 3), undefined, { wrap: true });
  s.format(a1Range(first - 1, 0, last, 10), undefined, { border: true });
  s.conditionalFormats.push(
    { type: 'iconSet', range: rate, iconSet: '3Symbols', thresholds: [0.8, 1] },
    { type: 'textEquals', range: statusRange, text: t.status_achieved, style: GREEN },
    { type: 'textEquals', range: statusRange, text: t.status_notAchieved, style: RED },
    { type: 'textEquals', range: statusRange, text: t.status_notReported, style: AMBER },
  );
}


