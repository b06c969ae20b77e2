/**
 * The ribbon's function file. "buildSummary" (manifest: ExecuteFunction) builds the summary
 * sheets without opening the pane and reports the outcome in a small dialog (Excel has no
 * notification API for function commands).
 */
import { buildSummaryInExcel } from "../excel/buildSummary";
import { analyzeForBuild } from "../taskpane/analysis";
import { describeError } from "../taskpane/errors";
import { languageFrom, translator } from "../taskpane/i18n";
import type { Lang } from "../taskpane/i18n";
import { loadOfficeSettings } from "../taskpane/officePort";
import { defaultSettings } from "../taskpane/settings";
import type { PaneSettings } from "../taskpane/settings";
import { showNotice } from "./notify";

export type BuildSummary = typeof buildSummaryInExcel;

/**
 * Snapshot → model → plan, in the user's language, with the choices the task pane saved in the
 * document (sheet kinds, evaluation years, directions, grades) so both give the same summary.
 */
export function analyzeForSummary(
  lang: Lang,
  now: () => Date = () => new Date(),
  settings: PaneSettings = loadOfficeSettings() ?? defaultSettings()
) {
  return analyzeForBuild(settings, lang, now);
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
