import type { WorkbookSnapshot } from "../core";
import { buildSummaryInExcel } from "../excel/buildSummary";
import { watchWorkbookChanges } from "../excel/changeWatch";
import type { ChangeWatch } from "../excel/changeWatch";
import {
  activateSheetInExcel,
  readSelectionInExcel,
  readWorkbookInExcel,
  selectCellInExcel,
} from "../excel/session";
import type { WorkbookPort } from "./port";
import { parseSettings, serializeSettings } from "./settings";
import type { PaneSettings } from "./settings";

/** The document setting that holds the pane's choices (JSON of PaneSettings). */
export const SETTINGS_KEY = "hyoka.settings";

/** The choices saved in the open document, or null (also the ribbon command reads them). */
export function loadOfficeSettings(): PaneSettings | null {
  const raw: unknown = Office.context.document?.settings?.get(SETTINGS_KEY);
  return raw === null || raw === undefined ? null : parseSettings(raw);
}

function saveOfficeSettings(settings: PaneSettings): Promise<void> {
  const store = Office.context.document.settings;
  store.set(SETTINGS_KEY, serializeSettings(settings));
  return new Promise((resolve, reject) =>
    store.saveAsync((result) =>
      result.status === Office.AsyncResultStatus.Succeeded ? resolve() : reject(result.error)
    )
  );
}

export interface OfficePortDeps {
  read?: typeof readWorkbookInExcel;
  build?: typeof buildSummaryInExcel;
  /** The worksheet-event watch (src/excel/changeWatch.ts); null where there is none. */
  watch?: () => Promise<ChangeWatch | null>;
}

/**
 * The workbook open in Excel, through src/excel (each call one Excel.run batch). A build reuses
 * the last read while the worksheet events say nothing changed since; otherwise it reads again.
 */
export function createOfficePort(deps: OfficePortDeps = {}): WorkbookPort {
  const read = deps.read ?? readWorkbookInExcel;
  const build = deps.build ?? buildSummaryInExcel;
  let watching: Promise<ChangeWatch | null> | null = null;
  let lastRead: WorkbookSnapshot | null = null;
  /** The last read, while the workbook is unchanged since it began. */
  const unchangedRead = async (): Promise<WorkbookSnapshot | undefined> => {
    const watch = watching ? await watching : null;
    return watch && !watch.changed && lastRead ? lastRead : undefined;
  };
  return {
    kind: "office",
    name: "Excel",
    async readSnapshot(onProgress) {
      // Watching starts before the first read, so a change during it counts.
      watching ??= (deps.watch ?? watchWorkbookChanges)().catch(() => null);
      const watch = await watching;
      watch?.reset();
      lastRead = null;
      const snapshot = await read(onProgress);
      lastRead = { ...snapshot, source: snapshot.source ?? "Excel" };
      return lastRead;
    },
    async selectCell(sheet, address) {
      await selectCellInExcel(sheet, address);
      return "selected";
    },
    async activateSheet(sheet) {
      await activateSheetInExcel(sheet);
      return "selected";
    },
    async buildSummary(analyze, onProgress, signal) {
      const snapshot = await unchangedRead();
      // The build's own sheets change the workbook: the next build reads again.
      lastRead = null;
      const result = await build({
        analyze: (s) => analyze({ ...s, source: s.source ?? "Excel" }),
        snapshot,
        onProgress,
        cancelled: () => signal?.aborted === true,
      });
      return {
        sheetNames: result.sheetNames,
        renamed: result.renamed,
        skippedCharts: result.skippedCharts,
      };
    },
    readSelection: () => readSelectionInExcel(),
    async loadSettings() {
      return loadOfficeSettings();
    },
    saveSettings: saveOfficeSettings,
  };
}
