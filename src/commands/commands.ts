/**
 * The ribbon's function file. "buildSummary" (manifest: ExecuteFunction) builds the summary
 * sheets without opening the pane and reports the outcome in a small dialog (Excel has no
 * notification API for function commands).
 *
 * The function's runtime is closed about five minutes after the click, and it must call
 * event.completed() (https://learn.microsoft.com/javascript/api/office/office.addincommands.event).
 * So the command completes as soon as the build has finished, its outcome is saved in the
 * document (lastBuild.ts) and the notice is open — never waiting for the user to close the
 * notice, which carries its message in its own URL. A dialog opened from a UI-less command stays
 * open after it (Office.context.ui.closeContainer reference).
 */
import { buildSummaryInExcel } from "../excel/buildSummary";
import { analyzeForBuild } from "../taskpane/analysis";
import { describeError } from "../taskpane/errors";
import { languageFrom, translator } from "../taskpane/i18n";
import type { Lang } from "../taskpane/i18n";
import { loadOfficeSettings } from "../taskpane/officePort";
import { defaultSettings } from "../taskpane/settings";
import type { PaneSettings } from "../taskpane/settings";
import { saveLastBuild } from "./lastBuild";
import type { LastBuild } from "./lastBuild";
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

export interface CommandDeps {
  build?: BuildSummary;
  save?: (outcome: LastBuild) => Promise<void>;
  notify?: typeof showNotice;
  now?: () => Date;
}

/** The command, with its collaborators passed in so tests can run it without Excel. */
export function makeBuildSummaryCommand(deps: CommandDeps | BuildSummary = {}) {
  const d: CommandDeps = typeof deps === "function" ? { build: deps } : deps;
  const build = d.build ?? buildSummaryInExcel;
  const save = d.save ?? saveLastBuild;
  const notify = d.notify ?? showNotice;
  const now = d.now ?? (() => new Date());
  return async function buildSummary(event: Office.AddinCommands.Event): Promise<void> {
    const lang = languageFrom(Office.context.displayLanguage);
    const t = translator(lang);
    let kind: LastBuild["kind"];
    let message: string;
    try {
      const result = await build({ analyze: analyzeForSummary(lang), by: "ribbon" });
      const sheets = Object.values(result.sheetNames).join(lang === "ja" ? "、" : ", ");
      const skipped = (result.skippedCharts ?? []).map((c) =>
        t("build.chartSkipped", { title: c.title, sheet: c.sheet })
      );
      kind = "success";
      message = [t("command.done", { sheets }), ...skipped].join("\n");
    } catch (e) {
      kind = "error";
      message = t("command.failed", { message: describeError(e, t) });
    }
    try {
      await save({ at: now().toISOString(), kind, message }).catch((e: unknown) =>
        console.error(`Hyōka could not save the build's outcome: ${describeError(e, t)}`)
      );
      await notify(lang, kind, message);
    } finally {
      event.completed();
    }
  };
}

Office.onReady(() => {
  Office.actions.associate("buildSummary", makeBuildSummaryCommand());
});
