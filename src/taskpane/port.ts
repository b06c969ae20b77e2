import type { EvaluationModel, SummaryPlan, WorkbookSnapshot } from "../core";
import type { PaneSettings } from "./settings";

/** Where a build is: read the workbook, analyse it, write the sheets (step text is the applier's). */
export type BuildPhase =
  | { phase: "read"; done: number; total: number }
  | { phase: "analyze" }
  | { phase: "write"; step: string }
  | { phase: "package" };

/** Snapshot → model and plan, with the user's choices; the pane passes it to the port. */
export type AnalyzeForBuild = (snapshot: WorkbookSnapshot) => {
  model: EvaluationModel;
  plan: SummaryPlan;
};

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
  readSnapshot(onProgress?: (done: number, total: number) => void): Promise<WorkbookSnapshot>;
  /** Activate the sheet and select the cell. */
  selectCell(sheet: string, address: string): Promise<SelectOutcome>;
  /** Activate a sheet (the links to the created summary sheets). */
  activateSheet(sheet: string): Promise<SelectOutcome>;
  /** Read, analyse and write the summary sheets. */
  buildSummary(
    analyze: AnalyzeForBuild,
    onProgress?: (p: BuildPhase) => void
  ): Promise<BuildOutcome>;
  /** Excel's current selection (teach mode); absent in browser mode, where the pane's grid selects. */
  readSelection?(): Promise<CellSelection>;
  /** The choices saved with the document, or null when there are none. */
  loadSettings(): Promise<PaneSettings | null>;
  saveSettings(settings: PaneSettings): Promise<void>;
}
