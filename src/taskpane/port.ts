import type { WorkbookSnapshot } from "../core";

/**
 * Everything the task pane needs from a workbook. The pane talks only to this: inside Excel
 * it is the Office.js port (officePort.ts); in a plain browser it will be a port over an
 * .xlsx file read with exceljs (loaded lazily, never in the Office page's initial chunk).
 */
export interface WorkbookPort {
  kind: "office" | "browser";
  readSnapshot(onProgress?: (done: number, total: number) => void): Promise<WorkbookSnapshot>;
  /** Activate the sheet and select the cell (Office only). */
  selectCell?(sheet: string, address: string): Promise<void>;
}
