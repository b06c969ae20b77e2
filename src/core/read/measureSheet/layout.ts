import type { FormOverrides } from '../shared/overrides';

/** How a 施策評価シート is laid out: its 施策 label, its project list header, its year context. */
export interface MeasureSheetLayout {
  family: 'measureSheet';
  /** The 施策名 (or 施策) label cell (0-based). */
  labelRow: number;
  labelCol: number;
  /** The header row of the list of the measure's projects, or null. */
  listHeaderRow: number | null;
  evaluationYear: number | null;
  era: string | null;
  overrides?: FormOverrides;
}
