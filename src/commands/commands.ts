/**
 * The ribbon's function file. "buildSummary" (manifest: ExecuteFunction) builds the summary
 * sheets without opening the pane and reports the outcome in a small dialog (Excel has no
 * notification API for function commands).
 */
import { VERSION, analyzeWorkbook } from "../core";
import { planSummary } from "../core/planSummary";
import type { WorkbookSnapshot } from "../core";
import { buildSummaryInExcel } from "../excel/buildSummary";
import { describeError } from "../taskpane/errors";
import { languageFrom, translator } from "../taskpane/i18n";
import type { Lang } from "../taskpane/i18n";
import { showNotice } from "./notify";

export type BuildSummary = typeof buildSummaryInExcel;

/** Snapshot → model → plan, in the user's language. */
export function analyzeForSummary(lang: Lang, now: () => Date = () => new Date()) {
  return (snapshot: WorkbookSnapshot) => {
    const model = analyzeWorkbook(snapshot, { lang });
    const plan = planSummary(model, {
      lang,
      now: now(),
      generatorVersion: VERSION,
      sourceName: snapshot.source,
    });
    return { model, plan };
  };
}

/** The command, with its collaborators passed in so tests can run it without Excel. */
export function makeBuildSummaryCommand(build: BuildSummary = buildSummaryInExcel) {
  return async function buildSummary(event: Office.AddinCommands.Event): Promise<void> {
    const lang = languageFrom(Office.context.displayLanguage);
    const t = translator(lang);
    try {
      const result = await build({ analyze: analyzeForSummary(lang) });
      const sheets = Object.values(result.sheetNames).join(lang === "ja" ? "、" : ", ");
      await showNotice(lang, "success", t("command.done", { sheets }));
    } catch (e) {
      await showNotice(lang, "error", t("command.failed", { message: describeError(e, t) }));
    } finally {
      event.completed();
    }
  };
}

Office.onReady(() => {
  Office.actions.associate("buildSummary", makeBuildSummaryCommand());
});
