/**
 * What Hyōka reads from a workbook, before any interpretation. Both readers
 * (src/excel via Office.js, src/xlsx from the package's XML) produce this, and the pure core
 * consumes only this.
 */
import type { KeptReason } from './ownership';

/** An Excel error value (#DIV/0!, #REF!, #VALUE!, #N/A, #NAME?, #NUM!, #NULL!, #SPILL!, #CALC!…). */
export interface CellError {
  error: string;
}

/** A cell's value as Excel gives it: number, text, boolean, error, or empty (null). */
export type CellValue = number | string | boolean | null | CellError;

/** One non-empty cell of a sparse snapshot; row and col are 0-based sheet coordinates. */
export interface SnapshotCell {
  row: number;
  col: number;
  value: CellValue;
  /** The formula text ("=A1+1") when the cell holds one. */
  formula?: string;
  /** The number format when it is not General. */
  numberFormat?: string;
}

/**
 * A sheet as read. Two forms: sparse (`cells`, memory in proportion to the content — what the
 * readers produce) or dense (`origin` + `values`, as Office.js returns a range; handy in tests).
 * When `cells` is present the dense fields are ignored.
 */
export interface SheetSnapshot {
  name: string;
  /** Sparse form: the non-empty cells, row by row. */
  cells?: SnapshotCell[];
  /** The used range as the file or Excel states it ("A1:XFD1048576"), for messages only. */
  dimension?: string;
  /** Dense form: A1 address of the top-left cell of `values` (the used range's origin), e.g. "A1" or "C3". */
  origin?: string;
  /** Dense form: row-major 2-D values; ragged rows are allowed (missing cells are empty). */
  values?: CellValue[][];
  /** Same shape as values where given; the formula text ("=A1+1") or null. */
  formulas?: (string | null)[][];
  /** Same shape as values where given; the number format or null. */
  numberFormats?: (string | null)[][];
  /** Merged areas as A1 ranges ("B3:D3"). */
  merges?: string[];
  visibility?: 'visible' | 'hidden' | 'veryHidden';
  /** True when the sheet is Hyōka's by the ownership rule (a summary sheet it wrote; src/core/ownership.ts). */
  ownedByHyoka?: boolean;
  /** Set when the sheet carries Hyōka's mark but is the user's (a copy, a renamed or stale summary sheet): why. */
  keptMark?: KeptReason;
}

export interface WorkbookSnapshot {
  /** Where the snapshot came from (file name, "Excel"), for the run log only. */
  source?: string;
  /** The add-in's document settings saved in the workbook (name → JSON text), when the reader can see them. */
  settings?: Record<string, string>;
  sheets: SheetSnapshot[];
}

export function isCellError(v: unknown): v is CellError {
  return typeof v === 'object' && v !== null && typeof (v as CellError).error === 'string';
}
