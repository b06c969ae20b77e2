import { buildSummaryInExcel } from "../excel/buildSummary";
import { readWorkbookSnapshot } from "../excel/readWorkbook";
import type { WorkbookPort } from "./port";
import { parseSettings } from "./settings";
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
  store.set(SETTINGS_KEY, JSON.stringify(settings));
  return new Promise((resolve, reject) =>
    store.saveAsync((result) =>
      result.status === Office.AsyncResultStatus.Succeeded ? resolve() : reject(result.error)
    )
  );
}

/** The workbook open in Excel, through Office.js. Each call is one Excel.run batch. */
export function createOfficePort(): WorkbookPort {
  return {
    kind: "office",
    name: "Excel",
    async readSnapshot(onProgress) {
      const snapshot = await Excel.run((context) => readWorkbookSnapshot(context, onProgress));
      return { ...snapshot, source: snapshot.source ?? "Excel" };
    },
    async selectCell(sheet, address) {
      await Excel.run(async (context) => {
        const worksheet = context.workbook.worksheets.getItem(sheet);
        worksheet.activate();
        worksheet.getRange(address).select();
        await context.sync();
      });
      return "selected";
    },
    async activateSheet(sheet) {
      await Excel.run(async (context) => {
        context.workbook.worksheets.getItem(sheet).activate();
        await context.sync();
      });
      return "selected";
    },
    async buildSummary(analyze, onProgress) {
      const result = await buildSummaryInExcel({
        analyze: (snapshot) => analyze({ ...snapshot, source: snapshot.source ?? "Excel" }),
        onProgress,
      });
      return { sheetNames: result.sheetNames, renamed: result.renamed };
    },
    async loadSettings() {
      return loadOfficeSettings();
    },
    saveSettings: saveOfficeSettings,
  };
}
