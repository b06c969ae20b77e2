/**
 * SummaryPlan: everything Hyōka writes back, as data. The pure core builds it
 * (src/core/planSummary.ts); two appliers carry it out: src/excel/applyPlan.ts
 * (Office.js) and src/xlsx/applyPlan.ts (grafting parts into an .xlsx package).
 *
 * Plans carry values only — never formulas — so no source text can ever become a
 * formula. Appliers must still write every string as text (a string that starts
 * with =, +, -, @ is text, not a formula).
 * All row/column indexes are 0-based; ranges are A1 strings on the plan's own sheet.
 */

export type PlanValue = string | number | boolean | null;

export interface PlanStyle {
  bold?: boolean;
  italic?: boolean;
  /** "#RRGGBB" */
  fontColor?: string;
  /** "#RRGGBB" background fill */
  fill?: string;
  fontSize?: number;
  wrap?: boolean;
  hAlign?: 'left' | 'center' | 'right';
  vAlign?: 'top' | 'center' | 'bottom';
  /** Thin border around every cell of the range. */
  border?: boolean;
}

export interface PlanBlock {
  /** Top-left cell, A1. */
  address: string;
  values: PlanValue[][];
}

export interface PlanFormat {
  /** A1 range. */
  range: string;
  numberFormat?: string;
  style?: PlanStyle;
}

export type PlanConditionalFormat =
  | {
      type: 'iconSet';
      range: string;
      /** Excel icon set name. */
      iconSet: '3Symbols' | '3TrafficLights1' | '3Arrows' | '4Rating' | '3Flags';
      /** Lower bounds (type number) of the middle and top icon, ascending; e.g. [0.8, 1]. */
      thresholds: number[];
    }
  | {
      type: 'dataBar';
      range: string;
      /** "#RRGGBB" */
      color: string;
      /** Fixed bounds (numbers); omitted = automatic min/max. */
      min?: number;
      max?: number;
    }
  | {
      type: 'textEquals';
      range: string;
      /** The cell's whole text equals this. */
      text: string;
      style: Pick<PlanStyle, 'fontColor' | 'fill' | 'bold'>;
    }
  | {
      type: 'cellValue';
      range: string;
      operator: 'lessThan' | 'greaterThanOrEqual' | 'greaterThan' | 'lessThanOrEqual';
      value: number;
      style: Pick<PlanStyle, 'fontColor' | 'fill' | 'bold'>;
    };

export interface PlanHyperlink {
  /** Cell on the plan sheet holding the link, A1. */
  cell: string;
  /**
   * A sheet and an A1 address on it: of this workbook, or — with `file` — of another workbook,
   * named by a path relative to this workbook's folder ("/" separators; "../" allowed), so the
   * workbooks can be moved together. Appliers write an external link to the file with the cell as its
   * location (.xlsx: a hyperlink relationship; Office.js: the address with "#'Sheet'!A1").
   */
  target: { sheet: string; address: string; file?: string };
  text: string;
  tooltip?: string;
}

/**
 * A link's other workbook must be a relative path to a workbook: no scheme (http:, file:,
 * javascript:), no drive or leading slash, no backslash. Both appliers refuse anything else.
 */
export function isLinkedWorkbook(file: string): boolean {
  return file !== '' && !/^[a-z][a-z0-9+.-]*:/i.test(file) && !file.startsWith('/') && !file.includes('\\') && /\.(xlsx|xlsm|xltx|xltm)$/i.test(file);
}

export interface PlanChartSeries {
  name: string;
  /** A1 range on the plan sheet holding the values (one row or one column). */
  values: string;
  /** Draw this series as a line on top of a column/bar chart (e.g. the 100% line). */
  asLine?: boolean;
  /** "#RRGGBB" */
  color?: string;
}

export interface PlanChart {
  /** Stable id, unique in the plan (used for names and to replace on re-run). */
  id: string;
  kind: 'column' | 'bar' | 'line';
  title: string;
  /** A1 range on the plan sheet with the category labels. */
  categories: string;
  series: PlanChartSeries[];
  /** Cells the chart covers: top-left and bottom-right (exclusive), 0-based. */
  anchor: { fromRow: number; fromCol: number; toRow: number; toCol: number };
  valueAxis?: { title?: string; percent?: boolean; min?: number; max?: number };
}

export interface PlanTable {
  name: string;
  /** A1 range including the header row. */
  range: string;
}

export type PlanSheetKey = 'overview' | 'evaluation' | 'projects' | 'indicators' | 'finance' | 'findings' | 'charts' | 'compare' | 'log';

export interface PlanSheet {
  /** Stable key: which of Hyōka's sheets this is, whatever its localized name. */
  key: PlanSheetKey;
  /** Localized name to use (the applier may pick a free variant if a user's sheet has it). */
  name: string;
  /** Column widths in characters, from column A. */
  columnWidths: number[];
  /** Frozen rows / columns at the top-left. */
  freeze?: { rows: number; columns: number };
  /** 0-based indexes of header rows (marked bold + fill, repeated for print). */
  headerRows: number[];
  blocks: PlanBlock[];
  formats: PlanFormat[];
  conditionalFormats: PlanConditionalFormat[];
  hyperlinks: PlanHyperlink[];
  charts: PlanChart[];
  tables: PlanTable[];
  tabColor?: string;
}

export interface SummaryPlan {
  /** Marks Hyōka's ownership: appliers record it on the sheets they create. */
  owner: 'hyoka';
  generatorVersion: string;
  lang: 'ja' | 'en';
  sheets: PlanSheet[];
}
