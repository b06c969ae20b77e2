/**
 * 施策・事業の指標: every measure's and project's indicator (成果 / 活動 / 対象) in the field's
 * evaluation year — target, actual, rate, status — beside the previous year's actual. Only
 * when the workbook has such indicators (a 事務事業評価シート, a 施策評価シート, a flat export).
 */
import { toA1 as a1, rangeA1 as a1Range } from '../a1';
import { fieldKey } from '../fieldKey';
import type { Indicator, IndicatorKind, PolicyField } from '../model';
import type { PlanSheet, PlanValue } from '../plan';
import { formatSummary, type SummaryKey } from '../i18n/summary';
import { SheetBuilder } from './builder';
import type { Ctx } from './context';
import { actualCell, finite, projectKey, statusText, subtitle, yearShort } from './helpers';
import { AMBER, FMT_PERCENT, GREEN, NOTE_STYLE, RED, TITLE_STYLE } from './styles';

const COLS = { field: 0, measure: 1, project: 2, name: 3, kind: 4, indicator: 5, unit: 6, year: 7, target: 8, actual: 9, rate: 10, status: 11, previous: 12, inferred: 13, source: 14 };

function kindText(ctx: Ctx, k: IndicatorKind): string {
  return ctx.t[`kind_indicator_${k.replace('-', '_')}` as SummaryKey];
}

function row(ctx: Ctx, f: PolicyField, measure: PlanValue, project: PlanValue, owner: string, ind: Indicator): PlanValue[] {
  const y = f.asOf === null ? undefined : ind.years.find((x) => x.fiscalYear === f.asOf);
  const prev = f.asOf === null ? undefined : ind.years.find((x) => x.fiscalYear === (f.asOf as number) - 1);
  const out: PlanValue[] = new Array(COLS.source + 1).fill(null);
  out[COLS.field] = fieldKey(f);
  out[COLS.measure] = measure;
  out[COLS.project] = project;
  out[COLS.name] = owner;
  out[COLS.kind] = kindText(ctx, ind.kind);
  out[COLS.indicator] = ind.name || null;
  out[COLS.unit] = ind.unit || null;
  out[COLS.year] = f.asOf === null ? null : yearShort(ctx.t, f.asOf);
  if (y) {
    out[COLS.target] = finite(y.target);
    out[COLS.actual] = actualCell(y);
    out[COLS.rate] = finite(y.achievementRate);
    out[COLS.status] = statusText(ctx.t, y.status);
  }
  if (prev) out[COLS.previous] = actualCell(prev);
  if (ind.years.some((x) => x.yearInferred)) out[COLS.inferred] = '*';
  return out;
}

export function indicatorsSheet(ctx: Ctx): PlanSheet | null {
  const { t, model } = ctx;
  const items: { f: PolicyField; measure: PlanValue; project: PlanValue; owner: string; ind: Indicator }[] = [];
  for (const f of model.policyFields) {
    for (const m of f.measures) {
      const mNo = m.code ?? (m.noInferred ? null : m.no);
      for (const ind of m.indicators) items.push({ f, measure: mNo, project: null, owner: formatSummary(t.measureOwner, { name: m.name }), ind });
      for (const p of m.projects) for (const ind of p.indicators) items.push({ f, measure: mNo, project: projectKey(m, p), owner: p.name, ind });
    }
  }
  if (!items.length) return null;
  const s = new SheetBuilder();
  s.format(a1(s.add([t.titleIndicators]), 0), undefined, TITLE_STYLE);
  s.format(a1(s.add([subtitle(ctx)]), 0), undefined, NOTE_STYLE);
  s.format(a1(s.add([t.noteIndicators]), 0), undefined, NOTE_STYLE);
  const head: PlanValue[] = [];
  head[COLS.field] = t.colFieldId;
  head[COLS.measure] = t.colMeasureNo;
  head[COLS.project] = t.colProjectKey;
  head[COLS.name] = t.colProjectName;
  head[COLS.kind] = t.colIndicatorKind;
  head[COLS.indicator] = t.colKpiName;
  head[COLS.unit] = t.colUnit;
  head[COLS.year] = t.colAsOf;
  head[COLS.target] = t.colTarget;
  head[COLS.actual] = t.colActual;
  head[COLS.rate] = t.colRate;
  head[COLS.status] = t.colStatus;
  head[COLS.previous] = t.colPreviousActual;
  head[COLS.inferred] = t.colInferred;
  head[COLS.source] = t.colSource;
  const headRow = s.header(head);
  for (const it of items) {
    const r = s.add(row(ctx, it.f, it.measure, it.project, it.owner, it.ind));
    s.link(r, COLS.source, it.ind.source, t);
  }
  const first = headRow + 1;
  const last = s.rowCount - 1;
  const col = (c: number) => a1Range(first, c, last, c);
  s.format(a1Range(headRow, 0, last, COLS.source), undefined, { border: true });
  s.format(a1Range(headRow, 0, headRow, COLS.source), undefined, { wrap: true, vAlign: 'center' });
  for (const c of [COLS.name, COLS.indicator]) s.format(col(c), undefined, { wrap: true });
  s.format(col(COLS.rate), FMT_PERCENT);
  s.format(col(COLS.inferred), undefined, { hAlign: 'center' });
  s.conditionalFormats.push(
    { type: 'iconSet', range: col(COLS.rate), iconSet: '3Symbols', thresholds: [0.8, 1] },
    { type: 'textEquals', range: col(COLS.status), text: t.status_achieved, style: GREEN },
    { type: 'textEquals', range: col(COLS.status), text: t.status_notAchieved, style: RED },
    { type: 'textEquals', range: col(COLS.status), text: t.status_notReported, style: AMBER },
  );
  const widths = [8, 7, 8, 24, 7, 28, 7, 9, 9, 9, 8, 8, 9, 4, 6];
  return s.toSheet('indicators', t.sheetIndicators, widths, { rows: headRow + 1, columns: 4 }, '#5B9BD5');
}
