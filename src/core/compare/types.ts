/** The year-over-year diff: what `hyoka compare` writes as JSON (schema/year-diff.schema.json). */
import type { Severity, SourceRef } from '../model';

/** Why two items of two years were taken as one: their own ID, their code, their number, their name, or a similar name. */
export type MatchReason = 'id' | 'code' | 'number' | 'name' | 'similar-name';

/** Which level an item is at: a policy field, a field's KPI, a measure's or a project's indicator, a project. */
export type DiffLevel = 'field' | 'kpi' | 'measureIndicator' | 'projectIndicator' | 'project';

export interface MatchSide {
  /** The field id, "<field>/<no>" of a KPI, the project key…: how the summary names it. */
  key: string;
  name: string;
  source: SourceRef | null;
}

export interface Match {
  level: DiffLevel;
  policyField: string;
  last: MatchSide;
  this: MatchSide;
  reason: MatchReason;
  /** 0–1: 1 for an ID, code or number with the same name. */
  confidence: number;
  /** The name changed between the years (the match is kept, with a note). */
  renamed: boolean;
}

export type ChangeItem = 'indicator' | 'project' | 'name' | 'unit' | 'target' | 'finalTarget' | 'actual' | 'projectCost' | 'generalFund';

export interface Change {
  rule: string;
  severity: Severity;
  message: string;
  messageJa: string;
  messageEn: string;
  level: DiffLevel;
  policyField: string | null;
  /** The indicator's number (this year's; last year's for a removed one). */
  indicator: number | null;
  project: string | null;
  measure: string | null;
  /** The indicator's or project's name. */
  name: string;
  fiscalYear: number | null;
  item: ChangeItem;
  old: number | string | null;
  new: number | string | null;
  /** (new − old) ÷ |old| for numbers, null otherwise. */
  ratio: number | null;
  /** Last year's cell (its `file` is last year's workbook) and this year's. */
  last: SourceRef | null;
  this: SourceRef | null;
  match: { reason: MatchReason; confidence: number } | null;
}

export interface YearDiff {
  schemaVersion: 1;
  generator: { name: 'hyoka'; version: string };
  last: { file: string | null; source: string | null };
  this: { file: string | null; source: string | null };
  options: { costThreshold: number };
  matches: Match[];
  changes: Change[];
}
