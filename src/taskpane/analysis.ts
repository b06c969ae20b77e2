import { VERSION, analyzeWorkbook } from "../core";
import type { AnalyzeOptions, EvaluationModel, SheetKind, WorkbookSnapshot } from "../core";
import type { SummaryPlan } from "../core/plan";
import { planSummary } from "../core/planSummary";
import type { Lang } from "./i18n";
import { analyzeAll, NO_OTHERS } from "./others";
import type { OtherWorkbooks } from "./others";
import { analyzeOptions, planGrades } from "./settings";
import type { PaneSettings } from "./settings";

/** Told as the checks and the plan begin (the pane's progress). */
export interface PlanProgress {
  onValidate?: () => void;
  onPlan?: () => void;
}

export type Analyze = (snapshot: WorkbookSnapshot, options?: AnalyzeOptions) => EvaluationModel;

/**
 * Snapshot → model → plan with the user's choices (sheet kinds, evaluation years, directions,
 * grades), in the user's language. The pane's build and the ribbon command both use it.
 */
export function analyzeForBuild(
  settings: PaneSettings,
  lang: Lang,
  now: () => Date,
  analyze: Analyze = analyzeWorkbook,
  fallbackSource?: string,
  others: OtherWorkbooks = NO_OTHERS
): (
  snapshot: WorkbookSnapshot,
  progress?: PlanProgress
) => {
  model: EvaluationModel;
  plan: SummaryPlan;
} {
  return (snapshot, progress = {}) => {
    // With other workbooks: joined (全体サマリー) and compared with last year (前年度比較).
    const options = { ...analyzeOptions(settings, lang), onValidate: progress.onValidate };
    const { model, diff } = analyzeAll(analyze, snapshot, options, others);
    progress.onPlan?.();
    const plan = planSummary(model, {
      lang,
      now: now(),
      generatorVersion: VERSION,
      sourceName: snapshot.source ?? fallbackSource,
      asOfOverrides: Object.keys(settings.asOf).length ? settings.asOf : undefined,
      grades: planGrades(settings.grades),
      ...(diff ? { compare: diff } : {}),
    });
    return { model, plan };
  };
}

/**
 * What the pane shows: the model with the user's choices and other workbooks, and each sheet's
 * kind as the classifier says without the user's overrides (the "automatic" option).
 */
export function analyzePane(
  analyze: Analyze,
  snapshot: WorkbookSnapshot,
  settings: PaneSettings,
  lang: Lang,
  others: OtherWorkbooks,
  onValidate?: () => void
): { model: EvaluationModel; detected: Record<string, SheetKind>; lastYearUnread: string | null } {
  const options = analyzeOptions(settings, lang);
  const { model, lastYearUnread } = analyzeAll(
    analyze,
    snapshot,
    { ...options, onValidate },
    others
  );
  const overridden = Object.keys(settings.sheetKinds).length > 0;
  const detectedSheets = overridden
    ? analyze(snapshot, { ...options, sheetKinds: {} }).sheets
    : model.sheets;
  const detected: Record<string, SheetKind> = {};
  for (const s of detectedSheets) detected[s.name] = s.kind;
  return { model, detected, lastYearUnread };
}
