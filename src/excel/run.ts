/**
 * Excel.run as every Hyōka batch needs it. `delayForCellEdit`: while the user is typing in a
 * cell Excel fails a batch without it, and waits for the edit to end with it
 * (https://learn.microsoft.com/javascript/api/excel/excel.runoptions). `mergeUndoGroup` (ExcelApi
 * 1.20) makes all syncs of one run a single undo step; it is asked for only where the host has it.
 */

export interface RunOptions {
  delayForCellEdit?: boolean;
  mergeUndoGroup?: boolean;
}

/** Excel.run(options, batch); tests pass the fake's. */
export type ExcelRun = <T>(options: RunOptions, batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export const excelRun: ExcelRun = (options, batch) => Excel.run(options, batch);

/** Office.context.requirements.isSetSupported, false outside Office or before it is ready. */
export function isSetSupported(name: string, version: string): boolean {
  if (typeof Office === 'undefined') return false;
  try {
    return Office.context?.requirements?.isSetSupported(name, version) === true;
  } catch {
    return false;
  }
}

/** Can this Excel make a whole build one undo step (Excel.RunOptions.mergeUndoGroup, ExcelApi 1.20)? */
export function canGroupUndo(): boolean {
  return isSetSupported('ExcelApi', '1.20');
}

/** One Excel.run for a Hyōka batch: always waits out cell-edit mode; one undo step when asked. */
export function runBatch<T>(batch: (context: Excel.RequestContext) => Promise<T>, opts: { undoGroup?: boolean; run?: ExcelRun } = {}): Promise<T> {
  const run = opts.run ?? excelRun;
  return run(opts.undoGroup ? { delayForCellEdit: true, mergeUndoGroup: true } : { delayForCellEdit: true }, batch);
}
