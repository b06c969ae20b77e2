/** Types shared by the reader's modules. */
import type { Grid } from '../grid';
import type { LayoutProfile } from '../profile/types';
import type {
  FinanceYear,
  Indicator,
  Inference,
  LayoutCandidate,
  LayoutFamily,
  LogicModel,
  Measure,
  OutcomeRow,
  PolicyField,
  Project,
  SheetInfo,
  SheetKind,
  SourceRef,
  TextTarget,
} from '../model';

export interface ParseOptions {
  sheetKinds?: Record<string, SheetKind>;
  /** A layout profile: how to read the sheets it names (see src/core/profile/). */
  profile?: LayoutProfile;
  /** The workbook's file when several are read together: every SourceRef read carries it. */
  file?: string;
}

/** A profile entry that did not fit: the sheet (or none took the entry) and the labels missing. */
export interface ProfileNote {
  sheet: string | null;
  /** The workbook of the sheet when several are read together. */
  file?: string;
  entry: number | null;
  missing: string[];
}

export interface ParseResult {
  sheets: SheetInfo[];
  policyFields: PolicyField[];
  /** Grids of the sheets the reader used (for cell-level checks such as error values). */
  readSheets: Grid[];
  /** Where the profile given did not fit the workbook. */
  notes: ProfileNote[];
  /** The profile this reading amounts to (the given one's entries where they were used). */
  profile: LayoutProfile;
  /** Project lists and blocks on sheets of their own that no field of this workbook claims. */
  unattached: Orphan[];
}

/** A sheet of project blocks or a 事務事業一覧 of the policyField family, on its own. */
export interface Orphan {
  grid: Grid;
  list: ListEntry[];
  blocks: ParsedBlock[];
}

export interface ListEntry {
  measureNo: number | null;
  measureName: string;
  no: number;
  name: string;
  logicModel: boolean;
  priority: boolean;
  population: string | null;
  sdgs: string[];
  nextYearPolicy: string;
  department: string;
  source: SourceRef;
}

export interface ParsedBlock {
  measureNo: number | null;
  measureName: string;
  no: number | null;
  name: string;
  legalBasis: string;
  department: string;
  nextYearPolicy: string;
  overview: string;
  unit: string;
  finance: FinanceYear[];
  progress: string;
  logicModel: LogicModel | null;
  outcomes: OutcomeRow[];
  verification: string;
  textTargets: TextTarget[];
  source: SourceRef;
}


/** A policy field as a family sheet names it (政策 6 「自然豊かな…」), or id null when it does not. */
export interface FieldRef {
  id: string | null;
  name: string;
  /** The word the sheet uses for the level (政策分野 / 政策 / 基本目標). */
  label: string;
  source: SourceRef | null;
}

/** A measure (施策) as a family sheet names it. */
export interface MeasureRef {
  no: number | null;
  /** The number path as written ("6-21", "1-1-2"). */
  code: string | null;
  name: string;
  source: SourceRef | null;
}

export interface ProjectReading {
  field: FieldRef;
  measure: MeasureRef | null;
  project: Project;
}

export interface MeasureReading {
  field: FieldRef;
  measure: Measure;
}

/** What one recognizer read from one sheet, before the joiner places it in the model. */
export interface SheetReading {
  family: LayoutFamily;
  projects: ProjectReading[];
  measures: MeasureReading[];
  /** A policy field's KPIs (a custom profile at field level). */
  kpis?: { field: FieldRef; indicators: Indicator[] }[];
  inferred: Inference[];
}

/** A recognizer's verdict on a sheet: a bid with reasons, and how to read it. */
export interface Recognition<L = unknown> {
  candidate: LayoutCandidate;
  /** The layout the recognizer found: plain data (a profile can hold it). */
  layout: L;
}
