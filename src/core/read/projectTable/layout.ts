/**
 * How a flat project table (one row per 事務事業) is laid out: which column holds what, and
 * the repeated year blocks. A recognizer produces it from the headers; the reader applies it
 * to the rows. It is plain data (JSON), so a reading can be shown, saved and edited.
 */
import type { FinanceBasis, FinanceItem, IndicatorKind, SheetGrade } from '../../model';

/** A hierarchy number written in one column, or split over digit columns (十の位 / 一の位). */
export interface LevelColumns {
  /** Digit columns with their place (1 = tens, 0 = units), or one column with place null. */
  numberCols: { col: number; place: number | null }[];
  nameCol: number | null;
}

export interface IndicatorSlot {
  kind: IndicatorKind;
  /** ア / イ / 1 / 2…, or '' when the table has one indicator of the kind. */
  slot: string;
  nameCol: number | null;
  unitCol: number | null;
}

export type ValueRole = 'actual' | 'target' | 'combined';

export interface YearBlock {
  /** The fiscal year from the header, or null when it is inferred from the block order. */
  fiscalYear: number | null;
  /** For an unlabelled block: how many years before the row's evaluation year (the last block is 0). */
  yearsBeforeEvaluation: number | null;
  basis: FinanceBasis | null;
  /** The header text the year came from (for messages), or ''. */
  label: string;
  finance: Partial<Record<FinanceItem, number>>;
  values: { kind: IndicatorKind; slot: string; role: ValueRole; col: number }[];
}

export interface TableLayout {
  family: 'projectTable';
  /** Header rows (0-based), top to bottom; filler rows are not among them. */
  headerRows: number[];
  firstDataRow: number;
  columns: {
    name: number;
    projectId: number | null;
    no: number | null;
    /** 年度: the evaluation year of the row. */
    fiscalYear: number | null;
    department: number | null;
    legalBasis: number | null;
    period: number[];
    overview: number | null;
    nextYearPolicy: number | null;
    /** One column holding the whole code ("6-2-1" / 施策体系). */
    code: number | null;
    policy: LevelColumns | null;
    measure: LevelColumns | null;
    basic: LevelColumns | null;
    grades: { stage: SheetGrade['stage']; col: number; label: string }[];
    /** The money unit when a header says it (単位：千円); else 千円. */
    moneyUnit: string;
  };
  indicators: IndicatorSlot[];
  yearBlocks: YearBlock[];
}
