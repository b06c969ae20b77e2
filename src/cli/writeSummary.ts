/** Model → plan → the user's .xlsx with Hyōka's summary sheets grafted in. */
import { planSummary } from '../core/planSummary';
import type { YearDiff } from '../core/compare';
import type { EvaluationModel } from '../core/model';
import { VERSION } from '../core/version';
import { applyPlanToXlsx, ApplyXlsxResult } from '../xlsx/applyPlan';
import { nodeDeflater } from './nodeZip';

export async function writeSummaryWorkbook(
  input: Uint8Array,
  model: EvaluationModel,
  options: { lang: 'ja' | 'en'; sourceName?: string; now: Date; grades?: { grade: string; min: number }[]; compare?: YearDiff },
): Promise<ApplyXlsxResult> {
  const plan = planSummary(model, { lang: options.lang, now: options.now, generatorVersion: VERSION, sourceName: options.sourceName, grades: options.grades, compare: options.compare });
  return applyPlanToXlsx(input, plan, { deflater: nodeDeflater });
}
