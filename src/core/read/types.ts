/** Types shared by the reader's modules. */
import type { Grid } from '../grid';
import type { FinanceYear, LogicModel, OutcomeRow, PolicyField, SheetInfo, SheetKind, SourceRef, TextTarget } from '../model';

export interface ParseOptions {
  sheetKinds?: Record<string, SheetKind>;
}

export interface ParseResult {
  sheets: SheetInfo[];
  policyFields: PolicyField[];
  /** Grids of the sheets the reader used (for cell-level checks such as error values). */
  readSheets: Grid[];
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

