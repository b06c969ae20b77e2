/**
 * What differs between two readings of one indicator or one project that two workbooks both
 * give: the values both state and disagree on. A value only one of them gives is no conflict
 * (one department filled in what the other left blank); the join keeps it.
 */
import type { FinanceYear, Indicator, Project, SourceRef } from '../model';
import { nameKey } from '../normalize';
import { moneyFactor } from '../units';
import { isNum as num, sameValue as same } from '../values';

export type DifferenceItem = 'name' | 'unit' | 'finalTarget' | 'target' | 'actual' | 'projectCost' | 'generalFund' | 'personnelCost';

export interface Difference {
  item: DifferenceItem;
  fiscalYear: number | null;
  kept: string | number;
  other: string | number;
  /** The other workbook's cell of the value. */
  at: SourceRef | null;
}


export function indicatorDifferences(kept: Indicator, other: Indicator): Difference[] {
  const out: Difference[] = [];
  if (kept.unit && other.unit && nameKey(kept.unit) !== nameKey(other.unit)) out.push({ item: 'unit', fiscalYear: null, kept: kept.unit, other: other.unit, at: other.source });
  if (num(kept.finalTarget) && num(other.finalTarget) && !same(kept.finalTarget, other.finalTarget)) {
    out.push({ item: 'finalTarget', fiscalYear: null, kept: kept.finalTarget, other: other.finalTarget, at: other.finalTargetSource ?? other.source });
  }
  for (const y of other.years) {
    const k = kept.years.find((x) => x.fiscalYear === y.fiscalYear);
    if (!k) continue;
    if (num(k.target) && num(y.target) && !same(k.target, y.target)) out.push({ item: 'target', fiscalYear: y.fiscalYear, kept: k.target, other: y.target, at: y.targetSource });
    if (k.actualState === 'number' && y.actualState === 'number' && num(k.actual) && num(y.actual) && !same(k.actual, y.actual)) {
      out.push({ item: 'actual', fiscalYear: y.fiscalYear, kept: k.actual, other: y.actual, at: y.actualSource });
    }
  }
  return out;
}

const MONEY = ['projectCost', 'generalFund', 'personnelCost'] as const;

/** The year of `years` that is `y`'s: the same fiscal year and basis (a missing basis fits any). */
export function sameFinanceYear(years: FinanceYear[], y: FinanceYear): FinanceYear | undefined {
  return years.find((x) => x.fiscalYear === y.fiscalYear && (x.basis === y.basis || x.basis === null || y.basis === null));
}

/** Across two years' workbooks: the same basis when both give it, else the same fiscal year (last year's 見込 is this year's 決算). */
export function financeYearOf(years: FinanceYear[], y: FinanceYear): FinanceYear | undefined {
  return sameFinanceYear(years, y) ?? years.find((x) => x.fiscalYear === y.fiscalYear);
}

export function projectDifferences(kept: Project, other: Project): Difference[] {
  const out: Difference[] = [];
  const keptNames = [kept.name, kept.listName].filter((n): n is string => !!n).map(nameKey);
  if (other.name && kept.name && !keptNames.includes(nameKey(other.name))) out.push({ item: 'name', fiscalYear: null, kept: kept.name, other: other.name, at: other.source });
  // Both in the kept project's unit: a list in 千円 and a project sheet in 円 can agree.
  const k = moneyFactor(other.financeUnit, kept.financeUnit);
  for (const y of other.finance) {
    const mine = sameFinanceYear(kept.finance, y);
    if (!mine) continue;
    for (const item of MONEY) {
      const a = mine[item];
      const b = y[item];
      if (num(a) && num(b) && !same(a, b * k)) out.push({ item, fiscalYear: y.fiscalYear, kept: a, other: b * k, at: y.sources?.[item] ?? y.source ?? other.source });
    }
  }
  return out;
}
