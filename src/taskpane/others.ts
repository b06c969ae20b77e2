/**
 * Beyond the open workbook (issue 15): the departments' workbooks the user added and last
 * year's workbook to compare with. The pane's analysis and its build both go through
 * analyzeAll, so what the findings view shows is what the summary writes: the open workbook
 * joined with the added ones (the core's consolidateWorkbooks; the open one keeps internal
 * links, the others are linked by their file names, as if in the same folder), then compared
 * with last year (compareModels) — its changes among the findings.
 */
import type { AnalyzeOptions, EvaluationModel, WorkbookSnapshot } from "../core";
import { compareModels, diffFindings } from "../core/compare";
import type { YearDiff } from "../core/compare";
import { consolidateWorkbooks } from "../core/consolidate";
import { savedProfile } from "../core/profile/saved";
import type { LayoutProfile } from "../core/profile/types";
import type { Analyze } from "./analysis";

/** A workbook the user picked, read (or not) in the pane. */
export interface PickedWorkbook {
  name: string;
  snapshot: WorkbookSnapshot;
}

export interface OtherWorkbooks {
  added: PickedWorkbook[];
  /** Picked but unreadable: listed in the run log with the reason. */
  skipped: { name: string; reason: { ja: string; en: string } }[];
  lastYear: PickedWorkbook | null;
}

export const NO_OTHERS: OtherWorkbooks = { added: [], skipped: [], lastYear: null };

/** The model the pane shows and builds from, and the comparison when last year was picked. */
export function analyzeAll(
  analyze: Analyze,
  snapshot: WorkbookSnapshot,
  options: AnalyzeOptions,
  others: OtherWorkbooks
): { model: EvaluationModel; diff: YearDiff | null; lastYearUnread: string | null } {
  let model =
    others.added.length || others.skipped.length
      ? consolidateWorkbooks(
          [
            { file: null, snapshot, profile: options.profile ?? null },
            ...others.added.map((w) => ({
              file: w.name,
              snapshot: w.snapshot,
              profile: otherProfile(w, options),
            })),
          ],
          { ...options, skipped: others.skipped.map((s) => ({ file: s.name, reason: s.reason })) }
        )
      : analyze(snapshot, options);
  if (!others.lastYear) return { model, diff: null, lastYearUnread: null };
  // Last year's evaluation year is its own: the user's override is this year's.
  const last = analyze(others.lastYear.snapshot, {
    ...options,
    asOf: undefined,
    file: others.lastYear.name,
    profile: otherProfile(others.lastYear, options) ?? undefined,
  });
  // A year that reads nothing would make every item look new (or gone): not compared, and said
  // (the CLI's compare refuses it).
  if (!last.policyFields.length) return { model, diff: null, lastYearUnread: others.lastYear.name };
  const diff = compareModels(last, model, {
    lang: options.lang,
    lastFile: others.lastYear.name,
    thisFile: null,
  });
  model = { ...model, findings: [...model.findings, ...diffFindings(diff)] };
  return { model, diff, lastYearUnread: null };
}

/**
 * Another workbook is read with the layout profile its own pane saved; without one, with the open
 * workbook's (a department's workbook, or last year's, usually keeps the same layouts).
 */
function otherProfile(w: PickedWorkbook, options: AnalyzeOptions): LayoutProfile | null {
  return savedProfile(w.snapshot.settings) ?? options.profile ?? null;
}
