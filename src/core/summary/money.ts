/** Money per project and year, summed by measure and field. */
import type { EvaluationModel, Project } from '../model';
import { moneyFactor } from '../units';
import { finite, uniqueSorted } from './helpers';

export interface MoneyRow {
  cost: (number | null)[];
  generalFund: (number | null)[];
  personnel: (number | null)[];
}

export function financeYearsOf(model: EvaluationModel): number[] {
  return uniqueSorted(
    model.policyFields.flatMap((f) => f.measures.flatMap((m) => m.projects.flatMap((p) => p.finance.map((y) => y.fiscalYear)))),
  );
}

/** A project's money per year, in the summary's unit (a project sheet in 円 among others in 千円). */
export function projectMoney(p: Project, years: number[], unit: string): MoneyRow {
  const at = (fy: number) => p.finance.find((y) => y.fiscalYear === fy);
  const k = moneyFactor(p.financeUnit, unit);
  const v = (x: number | null | undefined) => {
    const n = finite(x);
    return n === null ? null : n * k;
  };
  return {
    cost: years.map((fy) => v(at(fy)?.projectCost)),
    generalFund: years.map((fy) => v(at(fy)?.generalFund)),
    personnel: years.map((fy) => v(at(fy)?.personnelCost)),
  };
}

export function sumMoney(rows: MoneyRow[], n: number): MoneyRow {
  // Column sums in one pass; a column with no value at all stays null (not 0).
  const out: MoneyRow = { cost: new Array(n).fill(null), generalFund: new Array(n).fill(null), personnel: new Array(n).fill(null) };
  for (const r of rows) {
    for (let i = 0; i < n; i++) {
      const c = r.cost[i];
      const g = r.generalFund[i];
      const p = r.personnel[i];
      if (c !== null && c !== undefined) out.cost[i] = (out.cost[i] ?? 0) + c;
      if (g !== null && g !== undefined) out.generalFund[i] = (out.generalFund[i] ?? 0) + g;
      if (p !== null && p !== undefined) out.personnel[i] = (out.personnel[i] ?? 0) + p;
    }
  }
  return out;
}

export function basisFor(model: EvaluationModel, fy: number): string | null {
  for (const f of model.policyFields)
    for (const m of f.measures)
      for (const p of m.projects)
        for (const y of p.finance) if (y.fiscalYear === fy && y.basis) return y.basis;
  return null;
}


