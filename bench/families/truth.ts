/**
 * What a correct reading of a generated sheet holds: per project its place, indicators (with
 * the target and actual of every year the sheet shows) and money per year, in the sheet's unit.
 */
import type { FinanceBasis, IndicatorKind, SheetGrade } from '../../src/core/model';
import type { SpecFinanceYear, SpecIndicator, SpecProject } from './spec';

export interface ExpectedYear {
  fiscalYear: number;
  target: number | null;
  actual: number | null;
}

export interface ExpectedIndicator {
  kind: IndicatorKind;
  name: string;
  unit: string;
  years: ExpectedYear[];
  finalTarget?: number | null;
  baseline?: number | null;
}

export type ExpectedFinance = { fiscalYear: number; basis: FinanceBasis | null; yearInferred?: boolean } & Partial<Record<Exclude<keyof SpecFinanceYear, 'fiscalYear' | 'basis'>, number | null>>;

export interface ExpectedProject {
  fieldId: string | null;
  measureCode: string | null;
  name: string;
  projectId: string | null;
  department: string;
  legalBasis?: string;
  code: string | null;
  basic: { no: string; name: string } | null;
  indicators: ExpectedIndicator[];
  finance: ExpectedFinance[];
  financeUnit: string;
  sheetGrades: Pick<SheetGrade, 'stage' | 'grade'>[];
}

export interface ExpectedMeasure {
  fieldId: string | null;
  code: string | null;
  name: string;
  indicators: ExpectedIndicator[];
  sheetGrades: Pick<SheetGrade, 'stage' | 'grade'>[];
  projectNames: string[];
}

export const num = (x: number | string | null): number | null => (typeof x === 'number' ? x : null);

/** The years of an indicator as a sheet with separate 目標 / 実績 cells shows them. */
export function splitYears(ind: SpecIndicator): ExpectedYear[] {
  return ind.years.map((fiscalYear, i) => ({ fiscalYear, target: ind.targets[i], actual: num(ind.actuals[i]) }));
}

/** The years of an indicator written as one 実績値・計画値 row: actuals up to the evaluation year, plans after. */
export function combinedYears(ind: SpecIndicator, evaluationYear: number): ExpectedYear[] {
  return ind.years.map((fiscalYear, i) =>
    fiscalYear <= evaluationYear ? { fiscalYear, target: null, actual: num(ind.actuals[i]) } : { fiscalYear, target: ind.targets[i], actual: null },
  );
}

export function projectCode(p: SpecProject): string {
  return p.place.basic ? `${p.place.measure.no}-${p.place.basic.no}` : p.place.measure.no;
}
