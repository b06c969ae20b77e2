/**
 * A plan chart through Office.js. Only series with at least one number are drawn: a chart whose
 * series has no numeric point can fail with EmptyChartSeries (Excel.ErrorCodes) — a KPI with only
 * qualitative targets writes a blank column — which would fail the whole summary.
 */
import { parseRange, toA1 } from '../core/a1';
import type { PlanChart, PlanSheet } from '../core/plan';

const CHART_TYPES = { column: 'ColumnClustered', bar: 'BarClustered', line: 'Line' } as const;

const numericCache = new WeakMap<PlanSheet, Set<number>>();

/** The cells of a plan sheet that hold a finite number, as row * 16384 + col. */
function numericCells(sheet: PlanSheet): Set<number> {
  let set = numericCache.get(sheet);
  if (set) return set;
  set = new Set();
  for (const b of sheet.blocks) {
    const o = parseRange(b.address).start;
    b.values.forEach((row, i) => row.forEach((v, j) => typeof v === 'number' && Number.isFinite(v) && set!.add((o.row + i) * 16384 + o.col + j)));
  }
  numericCache.set(sheet, set);
  return set;
}

/** Does any cell of `range` hold a finite number in the plan sheet's blocks? */
export function hasNumber(sheet: PlanSheet, range: string): boolean {
  const { start, end } = parseRange(range);
  const numbers = numericCells(sheet);
  for (let r = start.row; r <= end.row; r++) for (let c = start.col; c <= end.col; c++) if (numbers.has(r * 16384 + c)) return true;
  return false;
}

/** The chart with only its drawable series, or null when none is left (nothing to draw). */
export function drawableChart(sheet: PlanSheet, chart: PlanChart): PlanChart | null {
  const series = chart.series.filter((s) => hasNumber(sheet, s.values));
  return series.length === 0 ? null : { ...chart, series };
}

function seriesBy(address: string): Excel.ChartSeriesBy {
  const { start, end } = parseRange(address);
  return (start.row === end.row && end.col > start.col ? 'Rows' : 'Columns') as Excel.ChartSeriesBy;
}

/** Queues one chart (its series already filtered by drawableChart). */
export function queueChart(ws: Excel.Worksheet, ch: PlanChart): void {
  if (ch.series.length === 0) return;
  const [first, ...rest] = ch.series;
  const chart = ws.charts.add(CHART_TYPES[ch.kind] as Excel.ChartType, ws.getRange(first.values), seriesBy(first.values));
  chart.name = ch.id;
  chart.title.text = ch.title;
  const categories = ws.getRange(ch.categories);
  const style = (s: Excel.ChartSeries, p: (typeof ch.series)[number]) => {
    s.name = p.name;
    s.setXAxisValues(categories);
    if (p.asLine) s.chartType = 'Line' as Excel.ChartType;
    if (p.color) {
      if (p.asLine || ch.kind === 'line') s.format.line.color = p.color;
      else s.format.fill.setSolidColor(p.color);
    }
  };
  style(chart.series.getItemAt(0), first);
  for (const p of rest) {
    const s = chart.series.add(p.name);
    s.setValues(ws.getRange(p.values));
    style(s, p);
  }
  const axis = ch.valueAxis;
  if (axis) {
    const v = chart.axes.valueAxis;
    if (axis.title) v.title.text = axis.title;
    if (axis.percent) v.numberFormat = '0%';
    if (axis.min !== undefined) v.minimum = axis.min;
    if (axis.max !== undefined) v.maximum = axis.max;
  }
  const a = ch.anchor;
  chart.setPosition(toA1(a.fromRow, a.fromCol), toA1(Math.max(a.fromRow, a.toRow - 1), Math.max(a.fromCol, a.toCol - 1)));
}
