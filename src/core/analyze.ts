import type { WorkbookSnapshot } from './snapshot';
import type { Direction, EvaluationModel, SheetKind } from './model';

export interface AnalyzeOptions {
  /** Evaluation year override, per policy field id or for all ("*"). */
  asOf?: number | Record<string, number>;
  lang?: 'ja' | 'en';
  /** Sheet kind overrides by sheet name. */
  sheetKinds?: Record<string, SheetKind>;
  /** Direction overrides: key "<policyFieldId>/<indicatorNo>". */
  directions?: Record<string, Direction>;
  /** Grade table, highest first: [{grade: 'A', min: 1}, …]. */
  grades?: { grade: string; min: number }[];
}

/** Snapshot → model with validation findings. (Being written in this session.) */
export function analyzeWorkbook(_snapshot: WorkbookSnapshot, _options: AnalyzeOptions = {}): EvaluationModel {
  throw new Error('analyzeWorkbook: not implemented yet');
}
