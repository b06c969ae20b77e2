/**
 * Year axes of form-like sheets: a row whose cells name two or more fiscal years (令和4年度 |
 * R5決算 | 前年度 | 評価年度…), or one year beside a 年度 / 区分 label. The axis gives each year
 * column its fiscal year, its basis (決算 / 予算 / 見込 / 計画) and the header text.
 */
import type { Grid, GridCell } from '../../grid';
import type { FinanceBasis } from '../../model';
import { headerYear, type YearContext } from './headerYear';
import { mergeAt } from './merges';
import { financeItemOf, indicatorRoleOf, termKey, type IndicatorRole } from './terms';

export interface AxisColumn {
  col: number;
  fiscalYear: number;
  basis: FinanceBasis | null;
  label: string;
  /** 目標 / 実績 when a header row under (or the header itself) says so. */
  role: IndicatorRole | null;
  /** The year came from 前年度 / 今年度…, or from a bare "5年度" with the sheet's era. */
  inferred: boolean;
  /** The last column the year header covers (a year merged over 目標 | 実績). */
  spanEnd: number;
}

export interface YearAxis {
  row: number;
  /** A second header row under the years (目標 | 実績 under each year), when there is one. */
  subRow: number | null;
  columns: AxisColumn[];
  /** Columns right of the years that head a final target / its year (最終目標値 | 目標年度). */
  extras: { col: number; role: IndicatorRole; label: string }[];
}

/** The year axis on row r, or null when it names fewer than two years (one with a 年度 label). */
export function yearAxisAt(g: Grid, r: number, context: YearContext): YearAxis | null {
  const row = g.row(r);
  if (row.length < 2) return null;
  const columns: AxisColumn[] = [];
  const extras: YearAxis['extras'] = [];
  let yearLabel = false;
  for (const c of row) {
    if (typeof c.value === 'number' && !(Number.isInteger(c.value) && c.value >= 1990 && c.value <= 2100)) return null;
    if (c.text.length > 40) continue;
    const key = termKey(c.text);
    if (/^(年度|区分|年次)$/.test(key)) {
      yearLabel = true;
      continue;
    }
    // "R5実績" / "令和6年度目標": the role after the year.
    const role = indicatorRoleOf(key) ?? indicatorRoleOf(key.replace(/^(?:令和|平成|R|H)?(?:元|[0-9]{1,4})年?度?/, ''));
    if (role === 'finalTarget' || role === 'finalYear' || role === 'baseline') {
      // 基準値(R3) / 最終目標(R8): a column of its own, not a year of the series.
      extras.push({ col: c.col, role, label: c.text });
      continue;
    }
    const y = typeof c.value === 'number' ? { fiscalYear: c.value, basis: null, relative: false, eraFromContext: false } : headerYear(c.text, context);
    if (!y) continue;
    columns.push({
      col: c.col,
      fiscalYear: y.fiscalYear,
      basis: y.basis,
      label: c.text,
      role: role === 'target' || role === 'actual' || role === 'combined' ? role : null,
      inferred: y.relative || y.eraFromContext,
      spanEnd: mergeAt(g, r, c.col)?.c1 ?? c.col,
    });
  }
  if (columns.length < 2 && !(columns.length === 1 && yearLabel)) return null;
  // Years typed as numbers (2022 | 2023) must rise, and a row labelled as a money item or an
  // indicator role holds values, not years (その他 | 2000 | 2000).
  const numeric = columns.filter((c) => typeof g.at(r, c.col)?.value === 'number');
  if (numeric.length) {
    if (numeric.some((c, i) => i > 0 && c.fiscalYear <= numeric[i - 1].fiscalYear)) return null;
    const first = Math.min(...columns.map((c) => c.col));
    if (row.some((c) => c.col < first && (financeItemOf(termKey(c.text)) || indicatorRoleOf(termKey(c.text)) === 'target' || indicatorRoleOf(termKey(c.text)) === 'actual'))) return null;
  }
  const sub = subHeader(g, r, columns);
  return sub ?? { row: r, subRow: null, columns, extras };
}

/** "R5 (merged) / 目標 | 実績": the row below splits each year into role columns. */
function subHeader(g: Grid, r: number, columns: AxisColumn[]): YearAxis | null {
  const below = g.nonEmptyRows(r + 1, r + 2)[0];
  if (below === undefined) return null;
  const cells = g.row(below);
  const roles = cells.map((c) => ({ c, role: indicatorRoleOf(termKey(c.text)) })).filter((x) => x.role === 'target' || x.role === 'actual' || x.role === 'combined');
  if (roles.length < 2 || roles.length * 2 < cells.length) return null;
  const out: AxisColumn[] = [];
  const sorted = [...columns].sort((a, b) => a.col - b.col);
  for (const { c, role } of roles) {
    // The year whose merged span covers the column, else the nearest year to the left.
    const owner = sorted.find((y) => y.col <= c.col && y.spanEnd >= c.col && y.spanEnd > y.col) ?? [...sorted].reverse().find((y) => y.col <= c.col);
    if (!owner) continue;
    out.push({ ...owner, col: c.col, role });
  }
  if (out.length < 2) return null;
  const extras: YearAxis['extras'] = [];
  for (const c of g.row(r)) {
    const role = indicatorRoleOf(termKey(c.text));
    if (role === 'finalTarget' || role === 'finalYear' || role === 'baseline') extras.push({ col: c.col, role, label: c.text });
  }
  return { row: r, subRow: below, columns: out, extras };
}

/** Every year axis in rows [from, to). */
export function yearAxes(g: Grid, from: number, to: number, context: YearContext): YearAxis[] {
  const out: YearAxis[] = [];
  for (const r of g.nonEmptyRows(from, to)) {
    if (out.length && out[out.length - 1].subRow === r) continue;
    const a = yearAxisAt(g, r, context);
    if (a) out.push(a);
  }
  return out;
}

/** The first column of an axis's years. */
export function axisStart(a: YearAxis): number {
  return Math.min(...a.columns.map((c) => c.col));
}

/** Cells of a row left of the axis: the row's labels. */
export function labelsLeftOf(g: Grid, r: number, a: YearAxis): GridCell[] {
  const start = axisStart(a);
  return g.row(r).filter((c) => c.col < start);
}
