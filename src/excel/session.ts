/**
 * The task pane's Excel calls, each one Excel.run batch with one context.sync():
 * the pane (src/taskpane) never calls Excel itself.
 */
import type { WorkbookSnapshot } from '../core/snapshot';
import { readWorkbookSnapshot, splitAreas } from './readWorkbook';

/** Reads every sheet (2 syncs; see readWorkbook.ts). */
export function readWorkbookInExcel(onProgress?: (done: number, total: number) => void): Promise<WorkbookSnapshot> {
  return Excel.run((context) => readWorkbookSnapshot(context, onProgress));
}

/** Activates a sheet and selects a cell on it: where a finding points. */
export function selectCellInExcel(sheet: string, address: string): Promise<void> {
  return Excel.run(async (context) => {
    const worksheet = context.workbook.worksheets.getItem(sheet);
    worksheet.activate();
    worksheet.getRange(address).select();
    await context.sync();
  });
}

/** Activates a sheet: a created summary sheet's link. */
export function activateSheetInExcel(sheet: string): Promise<void> {
  return Excel.run(async (context) => {
    context.workbook.worksheets.getItem(sheet).activate();
    await context.sync();
  });
}

/**
 * The user's selection for teach mode: its sheet and each area (a Ctrl-selection has several).
 * getSelectedRanges, not getSelectedRange: the latter throws when more than one area is selected
 * (https://learn.microsoft.com/javascript/api/excel/excel.workbook#excel-excel-workbook-getselectedrange-member(1)).
 */
export function readSelectionInExcel(): Promise<{ sheet: string; ranges: string[] }> {
  return Excel.run(async (context) => {
    const areas = context.workbook.getSelectedRanges();
    areas.load('address');
    // The selection is on the active sheet.
    const sheet = context.workbook.worksheets.getActiveWorksheet();
    sheet.load('name');
    await context.sync();
    return { sheet: sheet.name, ranges: splitAreas(areas.address, sheet.name) };
  });
}
