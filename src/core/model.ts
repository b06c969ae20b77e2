/**
 * The evaluation model: the public JSON format Hyōka writes with `--json`
 * (schema/evaluation-model.schema.json). Money stays in the sheet's unit (千円).
 */

export interface SourceRef {
  sheet: string;
  /** A1 address (a cell, or a range "A1:B2"). */
  address: string;
}

export type Direction = 'increase' | 'decrease' | 'maintain';
export type YearStatus = 'achieved' | 'notAchieved' | 'notReported' | 'pending' | 'future' | 'invalid';
/** How a value cell read: a number, blank / missing mark (-, ―), not-yet-tallied (未集計), or text that is neither. */
export type ValueState = 'number' | 'missing' | 'pending' | 'invalid' | 'error';
export type Severity = 'error' | 'warning' | 'info';
export type SheetKind = 'policyField' | 'projectDetails' | 'projectList' | 'hyokaSummary' | 'empty' | 'unknown';
export type FinanceBasis = 'budget' | 'estimate' | 'settlement';

export interface SheetInfo {
  name: string;
  kind: SheetKind;
  /** Why the classifier chose the kind, in plain words (English; stable for tests). */
  reason: string;
  /** The same reason in Japanese. */
  reasonJa?: string;
  /** Policy field ids found on the sheet. */
  policyFields?: string[];
}

export interface DirectionInfo {
  value: Direction;
  /** 'override' | 'name' (words in the name/definition) | 'trend' (targets across years) | 'default'. */
  rule: 'override' | 'name' | 'trend' | 'default';
  detail: string;
}

export interface IndicatorYear {
  fiscalYear: number;
  /** The year as written in the sheet ("令和4年度"). */
  label: string;
  target: number | null;
  actual: number | null;
  targetState: ValueState;
  actualState: ValueState;
  /** Raw text of the actual when it was not a number (e.g. "集計中", "#DIV/0!"). */
  actualText?: string | null;
  achievementRate: number | null;
  /** Share of the gap from the baseline to the target closed by the actual: (actual − baseline) ÷ (target − baseline). */
  gapClosureRate?: number | null;
  status: YearStatus | null;
  grade?: string | null;
  targetSource: SourceRef | null;
  actualSource: SourceRef | null;
}

export interface Trajectory {
  /** Fiscal year of the latest actual. */
  fromYear: number;
  latestActual: number;
  finalTarget: number;
  /** Fiscal year the final target is due (the last target year, or the year after it when unknown). */
  finalYear: number;
  /** Annual change needed from the latest actual to reach the final target. */
  requiredPace: number | null;
  /** Annual change observed so far (between the first and the latest actual), null with one actual. */
  observedPace: number | null;
  onTrack: boolean | null;
  verdict: 'reached' | 'onTrack' | 'offTrack' | 'unknown';
}

export interface Indicator {
  no: number;
  name: string;
  unit: string;
  definition: string;
  direction: Direction | null;
  directionInfo?: DirectionInfo | null;
  /** Achievement formula used, stated in words (ja/en). */
  formula?: { ja: string; en: string } | null;
  cumulative: boolean;
  /** The baseline (基準値 / 策定時) when the sheet gives one: the start of gap-closure rates. */
  baseline?: number | null;
  /** Fiscal year of the baseline ("基準値(R3)"), or the year before the first year column. */
  baselineYear?: number | null;
  finalTarget: number | null;
  /** Fiscal year the final target is due, when the sheet says ("最終目標(R8)"). */
  finalTargetYear?: number | null;
  finalTargetSource: SourceRef | null;
  verification: string;
  verificationSource: SourceRef | null;
  years: IndicatorYear[];
  trajectory?: Trajectory | null;
  /** Grade of the evaluation-year achievement (A/B/C/D) or null. */
  grade?: string | null;
  source: SourceRef;
}

export interface FinanceYear {
  fiscalYear: number;
  label: string;
  basis: FinanceBasis | null;
  projectCost: number | null;
  generalFund: number | null;
  personnelCost: number | null;
  projectCostState?: ValueState;
  generalFundState?: ValueState;
  personnelCostState?: ValueState;
  source: SourceRef | null;
}

export interface OutcomeRow {
  name: string;
  values: { fiscalYear: number | null; label: string; value: number | null; state: ValueState; source: SourceRef }[];
  source: SourceRef;
}

export interface LogicModel {
  activities: string;
  shortTerm: string;
  midTerm: string;
  final: string;
}

/** A target written inside a text cell ("物品/60万円以上" vs "34万円"). */
export interface TextTarget {
  label: string;
  item: string;
  comparator: 'atLeast' | 'atMost';
  target: number;
  actual: number | null;
  unit: string;
  fiscalYear: number | null;
  achieved: boolean | null;
  achievementRate: number | null;
  source: SourceRef;
}

export interface ProjectFlags {
  logicModel: boolean;
  priority: boolean;
  populationDecline: string | null;
}

export interface Project {
  no: number;
  /** Name from the project block (事業名), or from the list when the block is missing. */
  name: string;
  /** Name from 事務事業一覧, or null when the project is not in the list. */
  listName: string | null;
  department: string;
  legalBasis: string;
  nextYearPolicy: string;
  flags: ProjectFlags;
  sdgs: string[];
  overview: string;
  finance: FinanceYear[];
  financeUnit: string;
  progress: string;
  logicModel: LogicModel | null;
  outcomes: OutcomeRow[];
  verification: string;
  textTargets: TextTarget[];
  hasDetail: boolean;
  inList: boolean;
  /** The project block's 事業名 cell, or the list row when there is no block. */
  source: SourceRef;
  listSource: SourceRef | null;
}

export interface MeasureEvaluation {
  policy: string;
  status: string;
  issues: string;
  source: SourceRef | null;
}

export interface Measure {
  no: number;
  name: string;
  content: string;
  evaluation: MeasureEvaluation | null;
  projects: Project[];
  source: SourceRef;
}

export interface RelatedProject {
  policyField: string;
  name: string;
  department: string;
  source: SourceRef;
}

export interface PolicyField {
  id: string;
  name: string;
  sheet: string;
  goal: string;
  policy: string;
  vision: string;
  asOf: number | null;
  asOfRule?: 'override' | 'latestActual' | 'none';
  moneyUnit: string;
  indicators: Indicator[];
  measures: Measure[];
  relatedProjects: RelatedProject[];
  finalEvaluation: string;
  source: SourceRef;
}

export interface Finding {
  rule: string;
  severity: Severity;
  /** In the requested language. */
  message: string;
  messageJa: string;
  messageEn: string;
  sheet: string;
  address: string;
  policyField: string | null;
  indicator: number | null;
  /** "<measureNo>-<projectNo>" */
  project: string | null;
  fiscalYear: number | null;
}

export interface EvaluationModel {
  schemaVersion: 1;
  generator: { name: 'hyoka'; version: string };
  source: string | null;
  sheets: SheetInfo[];
  policyFields: PolicyField[];
  findings: Finding[];
}
