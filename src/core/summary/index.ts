/**
 * planSummary: EvaluationModel (with findings) → SummaryPlan, the declarative description
 * of Hyōka's owned sheets that src/excel and src/xlsx carry out. One module per sheet.
 *
 * Pure and deterministic: no clock (options.now is passed in), no randomness, every list
 * iterated in a fixed order. Plans hold values only — totals and ratios are computed here,
 * never written as formulas — and text copied from the source goes in unchanged as strings.
 */
import type { EvaluationModel } from '../model';
import type { SummaryPlan } from '../plan';
import { SUMMARY_STRINGS } from '../i18n/summary';
import { chartsSheet } from './charts';
import { compareSheet } from './compare';
import { DEFAULT_GRADES, type Ctx, type PlanSummaryOptions } from './context';
import { evaluationSheet } from './evaluation';
import { findingsSheet } from './findings';
import { logSheet } from './log';
import { financeSheet } from './finance';
import { indicatorsSheet } from './indicators';
import { overviewSheet } from './overview';
import { projectsSheet } from './projects';
import { commonUnit } from '../units';
import type { PlanSheet } from '../plan';

/** A sheet that only exists when the workbook has what it shows. */
const optional = (sheet: PlanSheet | null): PlanSheet[] => (sheet ? [sheet] : []);

export { DEFAULT_GRADES, type GradeRule, type PlanSummaryOptions } from './context';
export { safeSheetName } from './builder';
export { progressToFinal } from './helpers';

export function planSummary(model: EvaluationModel, options: PlanSummaryOptions): SummaryPlan {
  const t = SUMMARY_STRINGS[options.lang];
  const grades = (options.grades && options.grades.length ? options.grades : DEFAULT_GRADES)
    .slice()
    .sort((a, b) => b.min - a.min);
  // The unit most projects use; a project in another unit is converted to it.
  const units = model.policyFields.flatMap((f) => f.measures.flatMap((m) => m.projects.map((p) => p.financeUnit)));
  const moneyUnit = commonUnit(units, model.policyFields.map((f) => f.moneyUnit).find((u) => !!u) ?? '千円');
  const ctx: Ctx = { model, options, t, grades, gradesGiven: !!options.grades?.length, moneyUnit };
  return {
    owner: 'hyoka',
    generatorVersion: options.generatorVersion,
    lang: options.lang,
    sheets: [
      ...optional(overviewSheet(ctx)),
      evaluationSheet(ctx),
      projectsSheet(ctx),
      ...optional(indicatorsSheet(ctx)),
      ...optional(financeSheet(ctx)),
      chartsSheet(ctx),
      ...optional(compareSheet(ctx)),
      findingsSheet(ctx),
      logSheet(ctx),
    ],
  };
}

