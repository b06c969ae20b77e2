import { buildSummaryInExcel } from "../excel/buildSummary";
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

/** The workbook open in Excel, through src/excel (each call one Excel.run batch). */
export function createOfficePort(): WorkbookPort {
  return {
    kind: "office",
    name: "Excel",
    async readSnapshot(onProgress) {
      const snapshot = await readWorkbookInExcel(onProgress);
      return { ...snapshot, source: snapshot.source ?? "Excel" };
    },
    async selectCell(sheet, address) {
      await selectCellInExcel(sheet, address);
      return "selected";
    },
    async activateSheet(sheet) {
      await activateSheetInExcel(sheet);
      return "selected";
    },
    async buildSummary(analyze, onProgress) {
      const result = await buildSummaryInExcel({
        analyze: (snapshot) => analyze({ ...snapshot, source: snapshot.source ?? "Excel" }),
        onProgress,
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
