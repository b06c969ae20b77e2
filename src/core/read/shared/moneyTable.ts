/**
 * Money tables of evaluation sheets, under a year axis: one row per item (事業費, 国庫支出金,
 * 県支出金, 地方債, その他, 一般財源, 人件費, 人工, 平均人件費, 延べ業務時間, トータルコスト) and one
 * column per year with its basis (決算 / 予算 / 見込 / 計画). Values stay in the sheet's unit.
 */
import type { Grid } from '../../grid';
import type { FinanceItem, FinanceYear } from '../../model';
import { parseNumber } from '../../normalize';
import { axisStart, type YearAxis } from './yearAxis';
import { moneyItem, type FormOverrides } from './overrides';
import { termKey } from './terms';

export interface MoneyTable {
  finance: FinanceYear[];
  /** 千円 / 円 / 百万円 as the table says, or null when it does not. */
  unit: string | null;
  /** Rows read, by item (first row per item). */
  items: FinanceItem[];
}

const UNIT_RE = /単位\s*[:：]?\s*[(（]?\s*(千円|百万円|万円|円)|[(（]\s*(千円|百万円|万円|円)\s*[)）]/;

/** The money unit written in a cell ("（単位：千円）", "事業費（円）"), or null. */
export function moneyUnitIn(text: string): string | null {
  const m = UNIT_RE.exec(text.normalize('NFKC'));
  return m ? m[1] ?? m[2] : null;
}

/** Does the row under `axis` at r hold a money item? */
export function moneyItemOfRow(g: Grid, r: number, axis: YearAxis, overrides?: FormOverrides): FinanceItem | null {
  const start = axisStart(axis);
  for (const c of g.row(r)) {
    if (c.col >= start) break;
    const item = moneyItem(termKey(c.text), overrides);
    if (item) return item;
  }
  return null;
}

export function readMoneyTable(g: Grid, axis: YearAxis, end: number, titleRows: number[] = [], overrides?: FormOverrides): MoneyTable {
  const start = axisStart(axis);
  let unit: string | null = null;
  for (const r of [...titleRows, axis.row]) for (const c of g.row(r)) unit ??= moneyUnitIn(c.text);
  const years: FinanceYear[] = axis.columns.map((c) => {
    const y: FinanceYear = { fiscalYear: c.fiscalYear, label: c.label, basis: c.basis, projectCost: null, generalFund: null, personnelCost: null, source: null, sources: {}, states: {} };
    if (c.inferred) y.yearInferred = true;
    return y;
  });
  const items: FinanceItem[] = [];
  let lastItem: FinanceItem | null = null;
  for (const r of g.nonEmptyRows((axis.subRow ?? axis.row) + 1, end)) {
    const labels = g.row(r).filter((c) => c.col < start);
    // The most specific label of the row: "財源内訳 | 国庫支出金" reads as 国庫支出金.
    let item: FinanceItem | null = null;
    for (const c of labels) {
      const found = moneyItem(termKey(c.text), overrides);
      if (found) item = found;
      unit ??= moneyUnitIn(c.text);
    }
    if (!item) {
      // A row that is neither an item nor empty ends the table, unless it only carries a sub-label.
      if (labels.length && lastItem && labels.some((c) => c.text.length > 30)) break;
      continue;
    }
    // 総事業費 is the total when 事業費 and 人件費 are rows of their own.
    if (item === 'projectCost' && items.includes('projectCost') && (items.includes('personnelCost') || items.includes('staff'))) item = 'totalCost';
    lastItem = item;
    if (items.includes(item)) continue;
    items.push(item);
    axis.columns.forEach((col, i) => {
      const cell = g.at(r, col.col);
      if (!cell) return;
      const p = parseNumber(cell.value);
      const y = years[i];
      y[item] = p.value;
      y.sources![item!] = g.ref(r, col.col);
      if (p.state !== 'number') y.states![item!] = p.state;
      if (item === 'projectCost' || item === 'generalFund' || item === 'personnelCost') y[`${item}State`] = p.state;
      if (!unit && p.unit && /円/.test(p.unit)) unit = p.unit;
    });
  }
  for (const y of years) {
    y.source = y.sources!.projectCost ?? Object.values(y.sources!)[0] ?? null;
    derivePersonnelCost(y);
  }
  return { finance: years.filter((y) => Object.keys(y.sources!).length), unit, items };
}

/**
 * 人件費 given as 人工 with the sheet's own 平均人件費: the cost is their product, marked derived.
 * Without a rate nothing is invented (a rule reports it).
 */
export function derivePersonnelCost(y: FinanceYear): void {
  if (y.personnelCost !== null || typeof y.staff !== 'number' || typeof y.personnelRate !== 'number') return;
  y.personnelCost = Math.round(y.staff * y.personnelRate * 1000) / 1000;
  y.personnelCostState = 'number';
  y.derived = [...(y.derived ?? []), 'personnelCost'];
}
