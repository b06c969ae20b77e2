/**
 * The task pane's Excel calls, each one Excel.run that waits out cell-edit mode (run.ts):
 * the pane (src/taskpane) never calls Excel itself.
 */
import type { WorkbookSnapshot } from '../core/snapshot';
import { splitAreas } from './readCells';
import { readWorkbookSnapshot } from './readWorkbook';
import { runBatch, type ExcelRun } from './run';

/** Reads every sheet (3 syncs, more only past the payload budget; see readWorkbook.ts). */
export function readWorkbookInExcel(onProgress?: (done: number, total: number) => void, run?: ExcelRun): Promise<WorkbookSnapshot> {
  return runBatch((context) => readWorkbookSnapshot(context, { onProgress }), { run });
}

/** Activates a sheet and selects a cell on it: where a finding points. */
export function selectCellInExcel(sheet: string, address: string, run?: ExcelRun): Promise<void> {
  return runBatch(
    async (context) => {
      const worksheet = context.workbook.worksheets.getItem(sheet);
      worksheet.activate();
      worksheet.getRange(address).select();
      await context.sync();
    },
    { run },
  );
}

/** Activates a sheet: a created summary sheet's link. */
export function activateSheetInExcel(sheet: string, run?: ExcelRun): Promise<void> {
  return runBatch(
    async (context) => {
      context.workbook.worksheets.getItem(sheet).activate();
      await context.sync();
    },
    { run },
  );
}

/**
 * The user's selection for teach mode: its sheet and each area (a Ctrl-selection has several).
 * getSelectedRanges, not getSelectedRange: the latter throws when more than one area is selected
 * (https://learn.microsoft.com/javascript/api/excel/excel.workbook#excel-excel-workbook-getselectedrange-member(1)).
 */
export function readSelectionInExcel(run?: ExcelRun): Promise<{ sheet: string; ranges: string[] }> {
  return runBatch(
    async (context) => {
      const areas = context.workbook.getSelectedRanges();
      areas.load('address');
      // The selection is on the active sheet.
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.load('name');
      await context.sync();
      return { sheet: sheet.name, ranges: splitAreas(areas.address, sheet.name) };
    },
    { run },
  );
}
