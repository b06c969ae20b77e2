/** グラフ: per field, achievement per KPI, cost by measure and each KPI's targets and actuals, as native charts. */
import { toA1 as a1, rangeA1 as a1Range } from '../a1';
import { fieldKey } from '../fieldKey';
import type { PlanChart, PlanSheet } from '../plan';
import { formatSummary } from '../i18n/summary';
import { SheetBuilder } from './builder';
import type { Ctx } from './context';
import { asOfYear, fieldLabel, finite, shorten, subtitle, yearLabel, yearShort } from './helpers';
import { financeYearsOf, projectMoney, sumMoney } from './money';
import { CHART_COLORS, FMT_MONEY, FMT_PERCENT, NOTE_STYLE, SECTION_STYLE, TITLE_STYLE } from './styles';

// ───────────────────────────── グラフ ─────────────────────────────

export const CHART_W = 8; // columns
export const CHART_H = 16; // rows
export const CHART_GAP = 1;
export const CHARTS_PER_ROW = 2;
/** Data tables use columns A..; charts start after them, so the two never overlap. */
export function chartsSheet(ctx: Ctx): PlanSheet {
  const { t, model } = ctx;
  const s = new SheetBuilder();
  const finYears = financeYearsOf(model);
  const dataCols = Math.max(3, 1 + finYears.length);
  const chartCol0 = dataCols + 1;

  s.format(a1(s.add([t.titleCharts]), 0), undefined, TITLE_STYLE);
  s.format(a1(s.add([subtitle(ctx)]), 0), undefined, NOTE_STYLE);
  s.add();

  for (const field of model.policyFields) {
    const top = s.add([fieldLabel(field)]);
    s.format(a1Range(top, 0, top, dataCols - 1), undefined, SECTION_STYLE);
    const charts: Omit<PlanChart, 'anchor'>[] = [];
    const idBase = `${fieldKey(field)}`.replace(/[^A-Za-z0-9_-]/g, '_');

    // (1) Achievement per KPI in the evaluation year, with the 100% line.
    if (field.indicators.length && field.asOf !== null) {
      const h = s.header([t.colKpi, `${t.seriesRate} ${yearShort(t, field.asOf)}`, t.seriesHundred]);
      const r0 = h + 1;
      for (const ind of field.indicators) {
        s.add([formatSummary(t.kpiShort, { no: ind.no, name: shorten(ind.name, 12) }), finite(asOfYear(field, ind)?.achievementRate), 1]);
      }
      const r1 = s.rowCount - 1;
      s.format(a1Range(r0, 1, r1, 2), FMT_PERCENT);
      charts.push({
        id: `hyoka-achievement-${idBase}`,
        kind: 'column',
        title: formatSummary(t.chartAchievement, { field: fieldLabel(field), year: yearLabel(t, field.asOf) }),
        categories: a1Range(r0, 0, r1, 0),
        series: [
          { name: t.seriesRate, values: a1Range(r0, 1, r1, 1), color: CHART_COLORS.rate },
          { name: t.seriesHundred, values: a1Range(r0, 2, r1, 2), asLine: true, color: CHART_COLORS.hundred },
        ],
        valueAxis: { percent: true, min: 0 },
      });
      s.add();
    }

    // (3) Project cost by measure, one series per finance year.
    const measuresWithFinance = field.measures.filter((m) => m.projects.some((p) => p.finance.length));
    if (measuresWithFinance.length && finYears.length) {
      const h = s.header([t.colMeasure, ...finYears.map((fy) => yearShort(t, fy))]);
      const r0 = h + 1;
      for (const m of measuresWithFinance) {
        const sums = sumMoney(m.projects.map((p) => projectMoney(p, finYears, ctx.moneyUnit)), finYears.length);
        s.add([formatSummary(t.measureShort, { no: m.no, name: shorten(m.name, 10) }), ...sums.cost]);
      }
      const r1 = s.rowCount - 1;
      s.format(a1Range(r0, 1, r1, finYears.length), FMT_MONEY);
      charts.push({
        id: `hyoka-cost-${idBase}`,
        kind: 'bar',
        title: formatSummary(t.chartCost, { field: fieldLabel(field), unit: ctx.moneyUnit }),
        categories: a1Range(r0, 0, r1, 0),
        series: finYears.map((fy, i) => ({
          name: yearShort(t, fy),
          values: a1Range(r0, 1 + i, r1, 1 + i),
          color: CHART_COLORS.years[i % CHART_COLORS.years.length],
        })),
        valueAxis: { title: ctx.moneyUnit, min: 0 },
      });
      s.add();
    }

    // (2) Each KPI's targets and actuals across the years.
    for (const ind of field.indicators) {
      const ys = ind.years.slice().sort((a, b) => a.fiscalYear - b.fiscalYear);
      if (!ys.length) continue;
      const h = s.header([formatSummary(t.kpiShort, { no: ind.no, name: shorten(ind.name, 12) }), t.seriesTarget, t.seriesActual]);
      const r0 = h + 1;
      for (const y of ys) s.add([yearShort(t, y.fiscalYear), finite(y.target), y.actualState === 'number' ? finite(y.actual) : null]);
      const r1 = s.rowCount - 1;
      charts.push({
        id: `hyoka-kpi-${idBase}-${ind.no}`,
        kind: 'column',
        title: formatSummary(t.chartKpi, { field: fieldLabel(field), no: ind.no }),
        categories: a1Range(r0, 0, r1, 0),
        series: [
          { name: t.seriesTarget, values: a1Range(r0, 1, r1, 1), color: CHART_COLORS.target },
          { name: t.seriesActual, values: a1Range(r0, 2, r1, 2), color: CHART_COLORS.actual },
        ],
        valueAxis: ind.unit ? { title: ind.unit } : undefined,
      });
      if (!charts[charts.length - 1].valueAxis) delete charts[charts.length - 1].valueAxis;
      s.add();
    }

    // Lay the charts out in a grid to the right of the data, from the section's first row.
    charts.forEach((chart, i) => {
      const fromRow = top + Math.floor(i / CHARTS_PER_ROW) * (CHART_H + CHART_GAP);
      const fromCol = chartCol0 + (i % CHARTS_PER_ROW) * (CHART_W + CHART_GAP);
      s.charts.push({ ...chart, anchor: { fromRow, fromCol, toRow: fromRow + CHART_H, toCol: fromCol + CHART_W } });
    });
    const gridRows = Math.ceil(charts.length / CHARTS_PER_ROW);
    const sectionEnd = top + gridRows * (CHART_H + CHART_GAP);
    while (s.rowCount < sectionEnd) s.add();
    s.add();
  }

  const widths = [26, ...new Array(dataCols - 1).fill(16), 2];
  for (let i = 0; i < CHARTS_PER_ROW * (CHART_W + CHART_GAP); i++) widths.push(10);
  return s.toSheet('charts', t.sheetCharts, widths, { rows: 1, columns: 0 }, '#ED7D31');
}


