import type { WorkbookSnapshot } from "../core";
import { loadXlsxEngine } from "./loadXlsxEngine";
import type { BuildOutcome, WorkbookPort } from "./port";
import type { PaneSettings } from "./settings";
import { createMainThreadClient, RunCancelled } from "./worker/client";
import type { AnalysisClient } from "./worker/client";

/** Download MIME types by the extension the workbook's format calls for. */
const MIME: Record<string, string> = {
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".xlsm": "application/vnd.ms-excel.sheet.macroEnabled.12",
  ".xltx": "application/vnd.openxmlformats-officedocument.spreadsheetml.template",
  ".xltm": "application/vnd.ms-excel.template.macroEnabled.12",
};

export { loadXlsxEngine };

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
  /** Where the .xlsx is read and the summary grafted: the pane's worker (main thread by default). */
  jobs?: AnalysisClient;
  /** The .xlsx engine for main-thread jobs (tests pass a fake). */
  engine?: typeof loadXlsxEngine;
  /** URL.createObjectURL by default; tests pass a fake. */
  makeUrl?: (blob: Blob) => string;
  revokeUrl?: (url: string) => void;
}

/**
 * A port over an .xlsx file the user opened in a plain browser: read from its package, summary
 * grafted into the file's own bytes (src/xlsx), both in the pane's worker, offered as a download.
 * Nothing leaves the page. The file cannot change once opened, so a build reuses the scan's read.
 * Excel's selection does not exist here: selecting a cell only names it.
 */
export function createBrowserPort(file: BrowserFile, deps: BrowserPortDeps = {}): WorkbookPort {
  const jobs = deps.jobs ?? createMainThreadClient({ engine: deps.engine ?? loadXlsxEngine });
  const makeUrl = deps.makeUrl ?? ((blob: Blob) => URL.createObjectURL(blob));
  const revokeUrl = deps.revokeUrl ?? ((url: string) => URL.revokeObjectURL(url));
  let settings: PaneSettings | null = null;
  let lastUrl: string | null = null;
  let lastRead: WorkbookSnapshot | null = null;

  async function readSnapshot(
    onProgress?: (done: number, total: number) => void,
    signal?: AbortSignal
  ): Promise<WorkbookSnapshot> {
    // The reader applies the ownership rule itself: Hyōka's own sheets are not read as sources.
    const snapshot = await jobs.run(
      { type: "read", name: file.name, bytes: file.bytes },
      (p) => p.phase === "read" && onProgress?.(p.done, p.total),
      signal
    );
    lastRead = snapshot;
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
    async buildSummary(analyze, onProgress, signal): Promise<BuildOutcome> {
      const snapshot =
        lastRead ??
        (await readSnapshot((done, total) => onProgress?.({ phase: "read", done, total }), signal));
      onProgress?.({ phase: "analyze" });
      const { plan } = await analyze(snapshot);
      if (signal?.aborted) throw new RunCancelled();
      const result = await jobs.run(
        { type: "graft", bytes: file.bytes, plan },
        (p) => onProgress?.(p),
        signal
      );
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
