import { VERSION, analyzeWorkbook } from "../core";
import type { AnalyzeOptions, EvaluationModel, WorkbookSnapshot } from "../core";
import { planSummary } from "../core/planSummary";
import type { Lang } from "./i18n";
import type { AnalyzeForBuild } from "./port";
import { analyzeOptions, planGrades } from "./settings";
import type { PaneSettings } from "./settings";

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
  fallbackSource?: string
): AnalyzeForBuild {
  return (snapshot) => {
    const model = analyze(snapshot, analyzeOptions(settings, lang));
    const plan = planSummary(model, {
      lang,
      now: now(),
      generatorVersion: VERSION,
      sourceName: snapshot.source ?? fallbackSource,
      asOfOverrides: Object.keys(settings.asOf).length ? settings.asOf : undefined,
      grades: planGrades(settings.grades),
    });
    return { model, plan };
  };
}
