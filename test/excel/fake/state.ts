/** The fake workbook as plain data (tests compare it whole), and how a test describes one. */
import { cellKey, parseBox } from './address';

export type FakeCellType = 'String' | 'Double' | 'Boolean' | 'Error';
export interface FakeCell {
  v?: string | number | boolean;
  t?: FakeCellType;
  /** Formula text when the cell holds a formula. */
  f?: string;
  nf?: string;
  link?: { documentReference?: string; address?: string; textToDisplay?: string; screenTip?: string };
}
export interface FakeChart {
  name: string;
  type: string;
  source: string;
  seriesBy: string;
  title: string | null;
  series: { name: string | null; values: string; xValues: string | null; chartType: string | null; fill: string | null; line: string | null }[];
  position: [string, string] | null;
  valueAxis: Record<string, unknown>;
}
export interface FakeConditionalFormat {
  range: string;
  type: string;
  props: Record<string, unknown>;
}
export interface FakeSheet {
  id: string;
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  /** Key "row,col" (0-based). */
  cells: Record<string, FakeCell>;
  merges: string[];
  props: Record<string, string>;
  charts: FakeChart[];
  conditionalFormats: FakeConditionalFormat[];
  /** Range formats in the order written: [range, property path, value]. */
  formats: [string, string, unknown][];
  columnWidths: Record<string, number>;
  freeze: { rows: number; columns: number } | null;
  tabColor: string | null;
}
export interface FakeTable {
  id: string;
  name: string;
  sheetId: string;
  range: string;
}
/** A defined name; sheetId null for workbook scope. */
export interface FakeName {
  name: string;
  sheetId: string | null;
  formula: string;
  visible: boolean;
}
export interface FakeWorkbookState {
  sheets: FakeSheet[];
  tables: FakeTable[];
  names: FakeName[];
  /** The workbook's custom document properties (File › Properties). */
  docProps: Record<string, string>;
  activeId: string;
}

export type CellInit = string | number | boolean | null | { error: string } | { formula: string; value: string | number | boolean } | { text: string };

/** One non-empty cell in sparse form (as src/core/snapshot's SnapshotCell). */
export interface SparseCellInit {
  row: number;
  col: number;
  value: string | number | boolean | null | { error: string };
  formula?: string;
  numberFormat?: string;
}

export interface SheetInit {
  name: string;
  visibility?: FakeSheet['visibility'];
  origin?: string;
  values?: CellInit[][];
  /** Sparse cells beside (or instead of) `values`. */
  cells?: SparseCellInit[];
  numberFormats?: Record<string, string>;
  merges?: string[];
  props?: Record<string, string>;
  tables?: { name: string; range: string }[];
  /** Sheet-scoped defined names. */
  names?: string[];
}

export function emptySheet(id: string, name: string): FakeSheet {
  return { id, name, visibility: 'Visible', cells: {}, merges: [], props: {}, charts: [], conditionalFormats: [], formats: [], columnWidths: {}, freeze: null, tabColor: null };
}

function typeOf(v: string | number | boolean): FakeCellType {
  return typeof v === 'number' ? 'Double' : typeof v === 'boolean' ? 'Boolean' : 'String';
}

export function cellFromInit(v: CellInit): FakeCell | null {
  if (v === null) return null;
  if (typeof v === 'object' && 'error' in v) return { v: v.error, t: 'Error' };
  if (typeof v === 'object' && 'formula' in v) return { v: v.value, t: typeOf(v.value), f: v.formula };
  if (typeof v === 'object') return { v: v.text, t: 'String', nf: '@' };
  return { v, t: typeOf(v) };
}

/** Fills a sheet's cells from its init (dense values, sparse cells, number formats). */
export function fillSheet(sheet: FakeSheet, init: SheetInit): void {
  if (init.values) {
    const o = parseBox(init.origin ?? 'A1');
    init.values.forEach((row, r) =>
      row.forEach((v, c) => {
        const cell = cellFromInit(v);
        if (cell) sheet.cells[cellKey(o.r0 + r, o.c0 + c)] = cell;
      }),
    );
  }
  for (const x of init.cells ?? []) {
    if (x.value === null && x.formula === undefined) continue;
    const base: CellInit = x.value === null ? '' : x.value;
    const cell = x.formula !== undefined && x.value !== null && typeof x.value !== 'object' ? { v: x.value, t: typeOf(x.value), f: x.formula } : cellFromInit(base);
    if (!cell) continue;
    if (x.numberFormat) cell.nf = x.numberFormat;
    sheet.cells[cellKey(x.row, x.col)] = cell;
  }
  for (const [a, nf] of Object.entries(init.numberFormats ?? {})) {
    const b = parseBox(a);
    const k = cellKey(b.r0, b.c0);
    sheet.cells[k] = { ...(sheet.cells[k] ?? {}), nf };
  }
}
