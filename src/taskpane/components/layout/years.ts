import type { EvaluationModel } from "../../../core";

/** At most this many years are offered (a stray 1990 must not make a 40-option select). */
const MAX_YEARS = 15;

/**
 * The fiscal years a year row may be set to: from a year before the workbook's first year to a
 * year after its last (a block read one year off is put right within that span).
 */
export function workbookYears(model: EvaluationModel): number[] {
  const seen = new Set<number>();
  const add = (ys: { fiscalYear: number }[]) => ys.forEach((y) => seen.add(y.fiscalYear));
  for (const f of model.policyFields) {
    f.indicators.forEach((i) => add(i.years));
    for (const m of f.measures) {
      m.indicators.forEach((i) => add(i.years));
      for (const p of m.projects) {
        p.indicators.forEach((i) => add(i.years));
        add(p.finance);
      }
    }
  }
  if (seen.size === 0) return [];
  const hi = Math.max(...seen) + 1;
  const lo = Math.max(Math.min(...seen) - 1, hi - MAX_YEARS + 1);
  return Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
}
