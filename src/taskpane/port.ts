import type { SummaryPlan, WorkbookSnapshot } from "../core";
import type { PaneSettings } from "./settings";
import type { RunProgress } from "./worker/protocol";

/**
 * Where a build is: read the workbook (per sheet), analyse it (the port says when it starts; the
 * pane's worker says parse / validate / plan), write the sheets (step text is the applier's), package.
 */
export type BuildPhase = RunProgress | { phase: "analyze" };

/** Snapshot → plan, with the user's choices (in the pane's worker); the pane passes it to the port. */
export type AnalyzeForBuild = (snapshot: WorkbookSnapshot) => Promise<{ plan: SummaryPlan }>;

export interface BuildOutcome {
  /** Plan sheet key → the name the sheet got. */
  sheetNames: Record<string, string>;
  renamed: { key: string; wanted: string; used: string }[];
  /** Charts left out because none of their series has a number. */
  skippedCharts?: { sheet: string; title: string }[];
  /** Browser mode: the summarized workbook to download. */
  download?: { fileName: string; url: string };
}

/** The cells selected in Excel: their sheet and each selected area ("B5:D7"). */
export interface CellSelection {
  sheet: string;
  ranges: string[];
}

/** What selecting a cell did: selected it in Excel, or (browser mode) could only name it. */
export type SelectOutcome = "selected" | "shown";

/**
 * Everything the task pane needs from a workbook. The pane talks only to this: inside Excel
 * it is the Office.js port (officePort.ts); in a plain browser it is a port over an .xlsx file
 * read with exceljs (browserPort.ts, loaded lazily, never in the Office page's initial chunk).
 */
export interface WorkbookPort {
  kind: "office" | "browser";
  /** What the user opened ("Excel" inside Office, the file name in browser mode). */
  name: string;
  /** Reads every sheet; a browser-mode read stops when `signal` aborts (Office's read runs to its end). */
  readSnapshot(
    onProgress?: (done: number, total: number) => void,
    signal?: AbortSignal
  ): Promise<WorkbookSnapshot>;
  /** Activate the sheet and select the cell. */
  selectCell(sheet: string, address: string): Promise<SelectOutcome>;
  /** Activate a sheet (the links to the created summary sheets). */
  activateSheet(sheet: string): Promise<SelectOutcome>;
  /**
   * Read (or reuse the last read while the workbook is unchanged), analyse and write the summary
   * sheets. When `signal` aborts it rejects with a cancellation and nothing stays written.
   */
  buildSummary(
    analyze: AnalyzeForBuild,
    onProgress?: (p: BuildPhase) => void,
    signal?: AbortSignal
  ): Promise<BuildOutcome>;
  /** Excel's current selection (teach mode); absent in browser mode, where the pane's grid selects. */
  readSelection?(): Promise<CellSelection>;
  /** The choices saved with the document, or null when there are none. */
  loadSettings(): Promise<PaneSettings | null>;
  saveSettings(settings: PaneSettings): Promise<void>;
}
