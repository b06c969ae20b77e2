/**
 * 全体サマリー: the city at a glance when several workbooks were joined — per policy field the
 * indicators' state in the evaluation year (achieved / not achieved / not reported / pending and
 * the share achieved), the grade distribution, the projects and their money per year with the
 * change on the year before, the findings by severity, the workbooks it came from and a link to
 * its source; a city total; native charts of achievement and cost by field. Only for a model
 * joined from several workbooks (model.sources).
 */
import { toA1 as a1, rangeA1 as a1Range } from '../a1';
import { fieldKey } from '../fieldKey';
import type { Indicator, PolicyField, Severity } from '../model';
import type { PlanSheet, PlanValue } from '../plan';
import { formatSummary } from '../i18n/summary';
import { SheetBuilder } from './builder';
import type { Ctx } from './context';
import { asOfYear, gradeText, indicatorGrade, ratio, subtitle, yearShort } from './helpers';
import { financeYearsOf, projectMoney, sumMoney, type MoneyRow } from './money';
import { AMBER, CHART_COLORS, FMT_MONEY, FMT_PERCENT, FMT_PERCENT_SIGNED, NOTE_STYLE, RED, TITLE_STYLE, TOTAL_STYLE } from './styles';

/** Money years the overview shows: the latest three the workbooks give. */
export const OVERVIEW_YEARS = 3;

const COUNTED = ['achieved', 'notAchieved', 'notReported', 'pending'] as const;
type Counted = (typeof COUNTED)[number];

interface FieldRow {
  counts: Record<Counted, number>;
  indicators: number;
  grades: Map<string, number>;
  projects: number;
  money: MoneyRow;
  findings: Record<Severity, number>;
}

function indicatorsOf(f: PolicyField): Indicator[] {
  return [...f.indicators, ...f.measures.flatMap((m) => [...m.indicators, ...m.projects.flatMap((p) => p.indicators)])];
}

/** The workbooks a field's cells are in ("このブック" for the one written into). */
function filesOf(ctx: Ctx, f: PolicyField): string {
  const files = new Set<string>();
  const note = (file: string | undefined) => files.add(file ?? ctx.t.thisWorkbook);
  note(f.source.file);
  for (const i of f.indicators) note(i.source.file);
  for (const m of f.measures) {
    note(m.source.file);
    for (const p of m.projects) note(p.source.file);
  }
  return [...files].join('\n');
}

function rowOf(ctx: Ctx, f: PolicyField, years: number[]): FieldRow {
  const counts: Record<Counted, number> = { achieved: 0, notAchieved: 0, notReported: 0, pending: 0 };
  const grades = new Map<string, number>();
  const inds = indicatorsOf(f);
  for (const ind of inds) {
    const status = asOfYear(f, ind)?.status;
    if (status && (COUNTED as readonly string[]).includes(status)) counts[status as Counted]++;
    const g = indicatorGrade(ctx, f, ind);
    if (g) grades.set(g, (grades.get(g) ?? 0) + 1);
  }
  const projects = f.measures.flatMap((m) => m.projects);
  const findings: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const x of ctx.model.findings) if (x.policyField === f.id && f.id !== null) findings[x.severity]++;
  return {
    counts,
    indicators: inds.length,
    grades,
    projects: projects.length,
    money: sumMoney(projects.map((p) => projectMoney(p, years, ctx.moneyUnit)), years.length),
    findings,
  };
}

export function overviewSheet(ctx: Ctx): PlanSheet | null {
  const { t, model } = ctx;
  if (!model.sources) return null;
  const s = new SheetBuilder();
  const years = financeYearsOf(model).slice(-OVERVIEW_YEARS);
  const unit = ctx.moneyUnit;
  const grades = ctx.grades.map((g) => g.grade);

  // Columns.
  const head: PlanValue[] = [t.colFieldId, t.colFieldName, t.colWorkbooks, t.colAsOf, t.colIndicatorCount, t.status_achieved, t.status_notAchieved, t.status_notReported, t.status_pending, t.colAchievedShare];
  const widths = [7, 18, 24, 8, 7, 6, 7, 7, 7, 9];
  const SHARE = 9;
  const gradeCol = head.length;
  for (const g of grades) {
    head.push(gradeText(ctx.grades, g));
    widths.push(6);
  }
  const PROJECTS = head.length;
  head.push(t.colProjectCount);
  widths.push(8);
  const money = years.map((fy, i) => {
    const c = { fy, cost: head.length, gf: head.length + 1, yoyCost: -1, yoyGf: -1 };
    head.push(formatSummary(t.colProjectCost, { unit }), formatSummary(t.colGeneralFund, { unit }));
    widths.push(12, 12);
    if (i > 0) {
      c.yoyCost = head.length;
      c.yoyGf = head.length + 1;
      head.push(t.colYoyCost, t.colYoyGeneralFund);
      widths.push(9, 9);
    }
    return c;
  });
  const FINDINGS = head.length;
  head.push(t.colFindingError, t.colFindingWarning, t.colFindingInfo);
  widths.push(6, 6, 6);
  const SOURCE = head.length;
  head.push(t.colSource);
  widths.push(6);

  s.format(a1(s.add([t.titleOverview]), 0), undefined, TITLE_STYLE);
  s.format(a1(s.add([subtitle(ctx)]), 0), undefined, NOTE_STYLE);
  const read = model.sources.filter((x) => x.status === 'read').length;
  s.format(a1(s.add([formatSummary(t.noteOverview, { files: read, unit })]), 0), undefined, NOTE_STYLE);
  const group: PlanValue[] = new Array(head.length).fill(null);
  group[4] = t.groupIndicators;
  if (grades.length) group[gradeCol] = t.groupGrades;
  for (const m of money) group[m.cost] = yearShort(t, m.fy);
  group[FINDINGS] = t.groupFindings;
  s.header(group);
  const headRow = s.header(head);
  const first = headRow + 1;

  const write = (r: number, x: FieldRow) => {
    s.set(r, 4, x.indicators);
    COUNTED.forEach((k, i) => s.set(r, 5 + i, x.counts[k]));
    s.set(r, SHARE, ratio(x.counts.achieved, x.counts.achieved + x.counts.notAchieved));
    grades.forEach((g, i) => s.set(r, gradeCol + i, x.grades.get(g) ?? 0));
    s.set(r, PROJECTS, x.projects);
    money.forEach((m, i) => {
      s.set(r, m.cost, x.money.cost[i]);
      s.set(r, m.gf, x.money.generalFund[i]);
      if (i > 0) {
        const change = (now: number | null, before: number | null) => (now === null || before === null ? null : ratio(now - before, before));
        s.set(r, m.yoyCost, change(x.money.cost[i], x.money.cost[i - 1]));
        s.set(r, m.yoyGf, change(x.money.generalFund[i], x.money.generalFund[i - 1]));
      }
    });
    (['error', 'warning', 'info'] as const).forEach((sev, i) => s.set(r, FINDINGS + i, x.findings[sev]));
  };

  const rows: FieldRow[] = [];
  for (const f of model.policyFields) {
    const x = rowOf(ctx, f, years);
    rows.push(x);
    const r = s.add([fieldKey(f), f.name || null, filesOf(ctx, f), f.asOf]);
    write(r, x);
    s.link(r, SOURCE, f.source, t);
  }
  const last = s.rowCount - 1;
  if (!rows.length) {
    s.add([t.noFields]);
    return s.toSheet('overview', t.sheetOverview, widths, { rows: headRow + 1, columns: 2 }, '#1F4E78');
  }

  // The city total: every field's counts and money, and every finding (also those of no field).
  const total: FieldRow = {
    counts: { achieved: 0, notAchieved: 0, notReported: 0, pending: 0 },
    indicators: 0,
    grades: new Map(),
    projects: 0,
    money: sumMoney(
      rows.map((x) => x.money),
      years.length,
    ),
    findings: { error: 0, warning: 0, info: 0 },
  };
  for (const x of rows) {
    for (const k of COUNTED) total.counts[k] += x.counts[k];
    total.indicators += x.indicators;
    total.projects += x.projects;
    for (const [g, n] of x.grades) total.grades.set(g, (total.grades.get(g) ?? 0) + n);
  }
  for (const f of model.findings) total.findings[f.severity]++;
  const totalRow = s.add([null, t.totalCity]);
  write(totalRow, total);
  s.format(a1Range(totalRow, 0, totalRow, SOURCE), undefined, TOTAL_STYLE);

  // Formats: numbers, then what the eye should catch (never colour alone: the numbers are there).
  const col = (c: number, to = last) => a1Range(first, c, to, c);
  s.format(a1Range(headRow - 1, 0, totalRow, SOURCE), undefined, { border: true });
  s.format(a1Range(headRow, 0, headRow, SOURCE), undefined, { wrap: true, vAlign: 'center' });
  s.format(col(1), undefined, { wrap: true });
  s.format(col(2), undefined, { wrap: true });
  s.format(col(SHARE, totalRow), FMT_PERCENT);
  s.conditionalFormats.push({ type: 'dataBar', range: col(SHARE), color: '#5B9BD5', min: 0, max: 1 });
  s.conditionalFormats.push({ type: 'cellValue', range: col(6), operator: 'greaterThan', value: 0, style: RED });
  s.conditionalFormats.push({ type: 'cellValue', range: col(7), operator: 'greaterThan', value: 0, style: AMBER });
  for (const m of money) {
    s.format(a1Range(first, m.cost, totalRow, m.gf), FMT_MONEY);
    s.conditionalFormats.push({ type: 'dataBar', range: col(m.cost), color: '#638EC6' });
    if (m.yoyCost >= 0) {
      s.format(a1Range(first, m.yoyCost, totalRow, m.yoyGf), FMT_PERCENT_SIGNED);
      for (const c of [m.yoyCost, m.yoyGf]) s.conditionalFormats.push({ type: 'iconSet', range: col(c), iconSet: '3Arrows', thresholds: [-0.05, 0.05] });
    }
  }
  s.conditionalFormats.push({ type: 'cellValue', range: col(FINDINGS), operator: 'greaterThan', value: 0, style: { ...RED, bold: true } });
  s.conditionalFormats.push({ type: 'cellValue', range: col(FINDINGS + 1), operator: 'greaterThan', value: 0, style: AMBER });

  // Charts below the table: achievement and cost by field, one bar per field.
  const top = totalRow + 2;
  const height = Math.max(16, Math.ceil(rows.length * 0.9) + 4);
  const names = col(1);
  if (rows.some((x) => x.counts.achieved + x.counts.notAchieved > 0)) {
    s.charts.push({
      id: 'hyoka-overview-achievement',
      kind: 'bar',
      title: t.chartAchievementByField,
      categories: names,
      series: [{ name: t.colAchievedShare, values: col(SHARE), color: CHART_COLORS.rate }],
      anchor: { fromRow: top, fromCol: 0, toRow: top + height, toCol: 6 },
      valueAxis: { percent: true, min: 0, max: 1 },
    });
  }
  const recent = money.slice(-2);
  if (recent.some((m, i) => rows.some((x) => x.money.cost[money.length - recent.length + i] !== null))) {
    s.charts.push({
      id: 'hyoka-overview-cost',
      kind: 'bar',
      title: formatSummary(t.chartCostByField, { unit }),
      categories: names,
      series: recent.map((m, i) => ({ name: yearShort(t, m.fy), values: col(m.cost), color: CHART_COLORS.years[i % CHART_COLORS.years.length] })),
      anchor: { fromRow: top, fromCol: 7, toRow: top + height, toCol: 16 },
      valueAxis: { title: unit, min: 0 },
    });
  }
  while (s.rowCount < top + height + 1) s.add();
  return s.toSheet('overview', t.sheetOverview, widths, { rows: headRow + 1, columns: 2 }, '#1F4E78');
}
