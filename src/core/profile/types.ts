/**
 * A layout profile: how a workbook's sheets are read, as data (schema/layout-profile.schema.json).
 * Every automatic reading is one (the recognizers' layouts written relative to labels), a user
 * can correct it, and one person can teach a layout no recognizer reads (the `custom` family)
 * and share it as a .json file. A profile is never code: nothing in it is evaluated.
 *
 * Positions are relative to labels wherever possible, so a profile survives inserted rows and
 * columns and renamed sheets: a flat table's columns are named by their header text, a form's
 * tables by their labels, a custom table by an anchor label and offsets. Absolute addresses
 * appear only where the user pins them.
 */
import type { FinanceBasis, FinanceItem, IndicatorKind, LayoutFamily, SheetGrade } from '../model';

export const PROFILE_VERSION = 1;

export interface LayoutProfile {
  profileVersion: 1;
  /** What wrote it ("hyoka 0.1.0", or a person's note). */
  generator?: string;
  /** Free text: whose layout, which year. */
  description?: string;
  sheets: SheetProfile[];
}

/** Which sheets an entry is for: by name, and/or by labels that must all be on the sheet. */
export interface SheetMatch {
  /** The sheet's name, exactly, or with wildcards: * any run of characters, ? one ("政策分野*"). */
  name?: string;
  /** Labels the sheet must hold (compared without spaces, full-width folded). */
  signature?: string[];
}

export type SheetProfile =
  | { match: SheetMatch; family: 'policyField'; layout: Record<string, never> }
  | { match: SheetMatch; family: 'projectTable'; layout: TableProfile }
  | { match: SheetMatch; family: 'projectSheet'; layout: FormProfile }
  | { match: SheetMatch; family: 'measureSheet'; layout: FormProfile }
  | { match: SheetMatch; family: 'custom'; layout: CustomProfile }
  | { match: SheetMatch; family: 'ignore'; layout: Record<string, never> };

/** A column of a flat table named by its composed header ("⑤活動指標|ア"), and which of the equal ones. */
export interface ColumnRef {
  header: string;
  /** 0 for the first column with this header, 1 for the second… (year blocks repeat their headers). */
  occurrence?: number;
}

export interface LevelProfile {
  numbers: { column: ColumnRef; place: number | null }[];
  name: ColumnRef | null;
}

/** A flat export: its header row is the row holding `anchor`; columns by header text. */
export interface TableProfile {
  /** The header text of the project-name column: finds the header row. */
  anchor: string;
  /** Header rows relative to the anchor's row (-1 = the row above: a group row of years). */
  headerRows: number[];
  columns: {
    name: ColumnRef;
    projectId: ColumnRef | null;
    no: ColumnRef | null;
    fiscalYear: ColumnRef | null;
    department: ColumnRef | null;
    legalBasis: ColumnRef | null;
    period: ColumnRef[];
    overview: ColumnRef | null;
    nextYearPolicy: ColumnRef | null;
    code: ColumnRef | null;
    policy: LevelProfile | null;
    measure: LevelProfile | null;
    basic: LevelProfile | null;
    grades: { stage: SheetGrade['stage']; column: ColumnRef; label: string }[];
    moneyUnit: string;
  };
  indicators: { kind: IndicatorKind; slot: string; name: ColumnRef | null; unit: ColumnRef | null }[];
  yearBlocks: {
    /** The year, or null with yearsBeforeEvaluation: the row's 年度 minus this. */
    fiscalYear: number | null;
    yearsBeforeEvaluation: number | null;
    basis: FinanceBasis | null;
    label: string;
    finance: Partial<Record<FinanceItem, ColumnRef>>;
    values: { kind: IndicatorKind; slot: string; role: 'actual' | 'target' | 'combined'; column: ColumnRef }[];
  }[];
}

/**
 * A 事務事業評価シート / 施策評価シート: each project (or the measure) starts at the anchor label;
 * the tables are found under their year headers. What a user may correct: the evaluation year,
 * which row label is which money item, which label holds a header field, the kind of a table.
 */
export interface FormProfile {
  /** The label that starts each project (事務事業名) or the measure (施策名). */
  anchor: string;
  /** Rows of a project's header above its anchor (stacked projects repeat the first one's). */
  lead?: number;
  /** Fiscal year evaluated (for 前年度 / 今年度 and 実績値・計画値 rows); null = from the title. */
  evaluationYear: number | null;
  era: string | null;
  /** Row labels of money tables read as this item ("県補助金": "prefectural"), or "ignore". */
  moneyRows?: Record<string, FinanceItem | 'ignore'>;
  /** Header fields by their label on this sheet ("所管課" for department). */
  fields?: Partial<Record<'projectId' | 'department' | 'legalBasis' | 'period' | 'overview' | 'nextYearPolicy' | 'policy' | 'measureName' | 'measureCode' | 'basic', string>>;
  /** The indicator kind of a table titled with this text ("主な取組": "activity"). */
  tableKinds?: Record<string, IndicatorKind>;
}

/**
 * A range found from a label (the first cell reading `anchor`, then offsets and a size), or
 * pinned to addresses. `rows` / `cols` "auto" run to the first empty cell.
 */
export type RangeRef =
  | { anchor: string; dr: number; dc: number; rows: number | 'auto'; cols: number | 'auto'; occurrence?: number }
  | { address: string };

/** A table a user taught: years on one axis, indicators on the other, one role per values range. */
export interface CustomTable {
  role: 'target' | 'actual' | 'combined';
  /** The year cells: a row (years across) or a column (years down). */
  years: RangeRef;
  /** The indicator names, across the other axis. */
  names: RangeRef;
  units?: RangeRef;
  /** The values: one cell per year × indicator. */
  values: RangeRef;
}

export interface CustomProfile {
  /** Where the indicators go: a policy field's KPIs, a measure's or a project's indicators. */
  level: 'field' | 'measure' | 'project';
  kind: IndicatorKind;
  /** The owner: its number and name as text, or read from a cell. */
  owner: { id?: string; name?: string; nameAt?: RangeRef; idAt?: RangeRef };
  /** For project and measure levels: the policy field and measure they belong to. */
  fieldId?: string | null;
  measureCode?: string | null;
  evaluationYear?: number | null;
  tables: CustomTable[];
}

export type ProfileFamily = SheetProfile['family'];
export type { LayoutFamily };
