/**
 * A strict fake of the part of the Excel object model Hyōka uses — a witness for what
 * office-addin-mock cannot check (see fake/excel.ts for what it models of real Excel).
 * The workbook is plain data (`state`), so tests compare it whole.
 */
export { FakeExcel, FAKE_PAYLOAD_LIMIT_BYTES, type FakeExcelOptions, type RunOptions } from './fake/excel';
export { FakeOfficeError } from './fake/base';
export { boxAddress, parseBox, type Box } from './fake/address';
export { requestBody } from './fake/context';
export { MAX_MERGED_AREAS, MAX_READ_CELLS } from './fake/range';
export type {
  CellInit,
  FakeCell,
  FakeCellType,
  FakeChart,
  FakeConditionalFormat,
  FakeName,
  FakeSheet,
  FakeTable,
  FakeWorkbookState,
  SheetInit,
  SparseCellInit,
} from './fake/state';
