import type { WorkbookSnapshot } from "../core";
import type { BuildOutcome, WorkbookPort } from "./port";
import type { PaneSettings } from "./settings";

/** Download MIME types by the extension the workbook's format calls for. */
const MIME: Record<string, string> = {
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".xlsm": "application/vnd.ms-excel.sheet.macroEnabled.12",
  ".xltx": "application/vnd.openxmlformats-officedocument.spreadsheetml.template",
  ".xltm": "application/vnd.ms-excel.template.macroEnabled.12",
};

/** The lazy chunk with the .xlsx reader and applier (browser mode only). */
export const loadXlsxEngine = () => import(/* webpackChunkName: "xlsx-engine" */ "./xlsxEngine");

/** "評価.xlsx" → "評価-summary.xlsx"; the extension is the one the workbook's format calls for (the CLI's naming). */
export function summaryFileName(name: string, extension = ".xlsx"): string {
  const base = name.replace(/\.(xlsx|xlsm|xltx|xltm)$/i, "") || "workbook";
  return `${base}-summary${extension}`;
}

export interface BrowserFile {
  name: string;
  bytes: Uint8Array;
}

export interface BrowserPortDeps {
  engine?: typeof loadXlsxEngine;
  /** URL.createObjectURL by default; tests pass a fake. */
  makeUrl?: (blob: Blob) => string;
  revokeUrl?: (url: string) => void;
}

/**
 * A port over an .xlsx file the user opened in a plain browser: read from its package, summary
 * grafted into the file's own bytes (src/xlsx), offered as a download. Nothing leaves the
 * page. Excel's selection does not exist here: selecting a cell only names it.
 */
export function createBrowserPort(file: BrowserFile, deps: BrowserPortDeps = {}): WorkbookPort {
  const engine = deps.engine ?? loadXlsxEngine;
  const makeUrl = deps.makeUrl ?? ((blob: Blob) => URL.createObjectURL(blob));
  const revokeUrl = deps.revokeUrl ?? ((url: string) => URL.revokeObjectURL(url));
  let settings: PaneSettings | null = null;
  let lastUrl: string | null = null;

  async function readSnapshot(
    onProgress?: (done: number, total: number) => void
  ): Promise<WorkbookSnapshot> {
    onProgress?.(0, 1);
    // The reader applies the ownership rule itself: Hyōka's own sheets are not read as sources.
    const { readXlsxSnapshot } = await engine();
    const snapshot = await readXlsxSnapshot(file.bytes, { source: file.name });
    onProgress?.(1, 1);
    return snapshot;
  }

  return {
    kind: "browser",
    name: file.name,
    readSnapshot,
    async selectCell() {
      return "shown";
    },
    async activateSheet() {
      return "shown";
    },
    async buildSummary(analyze, onProgress): Promise<BuildOutcome> {
      const snapshot = await readSnapshot((done, total) =>
        onProgress?.({ phase: "read", done, total })
      );
      onProgress?.({ phase: "analyze" });
      const { plan } = analyze(snapshot);
      onProgress?.({ phase: "write", step: "graft" });
      const { applyPlanToXlsx } = await engine();
      const result = await applyPlanToXlsx(file.bytes, plan);
      onProgress?.({ phase: "package" });
      if (lastUrl) revokeUrl(lastUrl);
      const extension = result.extension ?? ".xlsx";
      lastUrl = makeUrl(
        new Blob([result.bytes as BlobPart], { type: MIME[extension] ?? MIME[".xlsx"] })
      );
      return {
        sheetNames: { ...result.sheetNames } as Record<string, string>,
        renamed: result.renamed,
        download: { fileName: summaryFileName(file.name, extension), url: lastUrl },
      };
    },
    async loadSettings() {
      return settings;
    },
    async saveSettings(next) {
      settings = next;
    },
  };
}
