import type { FormOverrides } from '../shared/overrides';

/**
 * How a sheet of 事務事業評価シート is laid out: where each project's segment starts (at its
 * 事務事業名 label) and the year context its headers are read in. Plain data, like every layout.
 */
export interface ProjectSegment {
  /** The 事務事業名 label cell (0-based). */
  labelRow: number;
  labelCol: number;
  /** The segment's rows: [start, end). */
  start: number;
  end: number;
}

export interface ProjectSheetLayout {
  family: 'projectSheet';
  segments: ProjectSegment[];
  /** The evaluation year the title or a 評価年度 label gives (前年度 / 今年度 are read against it). */
  evaluationYear: number | null;
  /** The era the sheet writes, for bare "5年度" headers. */
  era: string | null;
  /** A profile's corrections (money rows, field labels, table kinds). */
  overrides?: FormOverrides;
}
