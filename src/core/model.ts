/**
 * The evaluation model: the public JSON format Hyōka writes with `--json`
 * (schema/evaluation-model.schema.json, schemaVersion 2). Money stays in the sheet's unit.
 *
 * policy field (政策分野 / 政策) → measure (施策) → project (事務事業), with indicators at every
 * level. What a workbook does not say stays unknown rather than invented:
 * - a policy field whose number no sheet gives (a lone 事務事業評価シート) has `id: null`; the
 *   projects of one workbook with no known field share that one field;
 * - a measure or project without a number gets its position as `no` and `noInferred: true`;
 * - a year taken from the order of unlabelled column blocks has `yearInferred: true`.
 */

export interface SourceRef {
  sheet: string;
  /** A1 address (a cell, or a range "A1:B2"). */
  address: string;
  /**
   * The workbook the cell is in, when a model joins several (consolidation, year-over-year):
   * a path relative to the output's folder, with "/" separators. Absent = the model's own workbook.
   */
  file?: string;
}

export type Direction = 'increase' | 'decrease' | 'maintain';
export type YearStatus = 'achieved' | 'notAchieved' | 'notReported' | 'pending' | 'future' | 'invalid';
/** How a value cell read: a number, blank / missing mark (-, ―), not-yet-tallied (未集計), or text that is neither. */
export type ValueState = 'number' | 'missing' | 'pending' | 'invalid' | 'error';
export type Severity = 'error' | 'warning' | 'info';
/**
 * policyField: 政策分野評価シート (the seed's family); projectSheet: 事務事業評価シート (one or more
 * projects per sheet); measureSheet: 施策評価シート; projectTable: a flat export, one row per project.
 * projectDetails / projectList: project blocks or a 事務事業一覧 of the policyField family on a sheet
 * of their own.
 */
export type SheetKind =
  | 'policyField'
  | 'projectSheet'
  | 'measureSheet'
  | 'projectTable'
  | 'custom'
  | 'projectDetails'
  | 'projectList'
  | 'hyokaSummary'
  | 'empty'
  | 'unknown';
/** The layout families a recognizer reads; custom: a layout a user taught with a profile. */
export type LayoutFamily = 'policyField' | 'projectSheet' | 'measureSheet' | 'projectTable' | 'custom';
/** 決算 settlement, 予算 budget, 見込 estimate, 計画 plan. */
export type FinanceBasis = 'budget' | 'estimate' | 'settlement' | 'plan';
/** kpi: a policy field's 重要業績評価指標; outcome 成果指標; activity 活動指標; target-population 対象指標. */
export type IndicatorKind = 'kpi' | 'outcome' | 'activity' | 'target-population';

/** A recognizer's bid for a sheet: the family, how sure it is (0–1) and why. */
export interface LayoutCandidate {
  family: LayoutFamily;
  score: number;
  reason: string;
  reasonJa: string;
}

/** Something the reader concluded rather than read (a year from block order, a field from a code). */
export interface Inference {
  what: 'fiscalYear' | 'policyField' | 'measure' | 'moneyUnit' | 'evaluationYear';
  detail: string;
  detailJa: string;
  source?: SourceRef | null;
}

export interface SheetInfo {
  name: string;
  kind: SheetKind;
  /** Why the classifier chose the kind, in plain words (English; stable for tests). */
  reason: string;
  /** The same reason in Japanese. */
  reasonJa?: string;
  /** Policy field ids found on the sheet. */
  policyFields?: string[];
  /** The family read, when a family recognizer read the sheet. */
  family?: LayoutFamily;
  /** Every recognizer that bid for the sheet, best first. */
  candidates?: LayoutCandidate[];
  /** What was inferred rather than read on this sheet. */
  inferred?: Inference[];
  /** How many projects / measures / indicators the sheet gave (for inspect and the pane). */
  counts?: { projects: number; measures: number; indicators: number };
  /** The workbook the sheet is in, in a consolidated model (see SourceRef.file). */
  file?: string;
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
  /** True when the year was inferred from the order of unlabelled blocks, not read from a label. */
  yearInferred?: boolean;
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
  /** kpi for a policy field's KPIs; outcome / activity / target-population for measure and project indicators. */
  kind: IndicatorKind;
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

/** The money items of a year, in the sheet's unit (staff in 人工 / 人, hours in hours). */
export type FinanceItem =
  | 'projectCost'
  | 'national'
  | 'prefectural'
  | 'bonds'
  | 'other'
  | 'generalFund'
  | 'personnelCost'
  | 'staff'
  | 'personnelRate'
  | 'hours'
  | 'totalCost';

export const FINANCE_ITEMS: readonly FinanceItem[] = [
  'projectCost',
  'national',
  'prefectural',
  'bonds',
  'other',
  'generalFund',
  'personnelCost',
  'staff',
  'personnelRate',
  'hours',
  'totalCost',
];

export interface FinanceYear {
  fiscalYear: number;
  label: string;
  basis: FinanceBasis | null;
  /** 事業費 (事業費計): the project cost. */
  projectCost: number | null;
  /** 一般財源 (所要一般財源). */
  generalFund: number | null;
  /** 人件費 (人件費計, 概算人件費). */
  personnelCost: number | null;
  projectCostState?: ValueState;
  generalFundState?: ValueState;
  personnelCostState?: ValueState;
  /** 財源内訳: 国庫支出金, 都道府県支出金, 地方債, その他 — present when the sheet gives them. */
  national?: number | null;
  prefectural?: number | null;
  bonds?: number | null;
  other?: number | null;
  /** 人工 / 正規職員従事人数. */
  staff?: number | null;
  /** 平均人件費 (per person-year, in the money unit) when the sheet gives the rate. */
  personnelRate?: number | null;
  /** 延べ業務時間 (hours). */
  hours?: number | null;
  /** トータルコスト / 総事業費 (事業費 + 人件費). */
  totalCost?: number | null;
  /** The money unit of this year's values (円 / 千円 / 百万円), when it differs from the project's. */
  unit?: string;
  /** True when the year was inferred from block order (a flat export without year labels). */
  yearInferred?: boolean;
  /** The source cell of the project cost (or the first value read). */
  source: SourceRef | null;
  /** The source cell of every item read. */
  sources?: Partial<Record<FinanceItem, SourceRef>>;
  /** Items computed rather than read: personnelCost = staff × personnelRate when the sheet gives the rate. */
  derived?: FinanceItem[];
  /** States of the breakdown items that did not read as numbers. */
  states?: Partial<Record<FinanceItem, ValueState>>;
}

/** A grade written in the sheet (一次評価 / 二次評価 / 総合評価), kept apart from grades Hyōka computes. */
export interface SheetGrade {
  /** primary 一次評価 (担当課), secondary 二次評価 (評価委員会 / 企画), overall 総合評価 or 評価. */
  stage: 'primary' | 'secondary' | 'overall';
  /** The label as written ("一次評価", "二次評価（行革本部）"). */
  label: string;
  /** The grade as written, normalized (A–D, or the text: 拡充 / 継続 / 縮小 / 廃止…). */
  grade: string;
  source: SourceRef;
}

/** 基本事業: the level between a measure and its projects, in cities that keep one. */
export interface BasicProject {
  no: string;
  name: string;
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
  /** The project's number within its measure; its position when the sheet gives none (noInferred). */
  no: number;
  noInferred?: boolean;
  /** 事務事業ID / 事業番号 / 整理番号 as written ("0086"), or null. */
  projectId: string | null;
  /** The hierarchy path as written: 政策-施策(-基本事業) numbers, e.g. "6-21-2"; null when not given. */
  code: string | null;
  basicProject: BasicProject | null;
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
  /** 成果 / 活動 / 対象指標 of the project. */
  indicators: Indicator[];
  /** Grades written in the sheet (一次 / 二次評価). */
  sheetGrades: SheetGrade[];
  /** 事業期間 as written. */
  period?: string;
  /** Which family the project was read from (the richest when several). */
  family?: LayoutFamily;
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
  noInferred?: boolean;
  /** The measure's number path as written ("1-1-2", "6-21"), or null. */
  code: string | null;
  name: string;
  content: string;
  evaluation: MeasureEvaluation | null;
  /** 成果指標 of the measure (施策評価シート). */
  indicators: Indicator[];
  /** Grades written in the sheet for the measure. */
  sheetGrades: SheetGrade[];
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
  /** The field's number as written ("9"); null when no sheet says which field (see the file comment). */
  id: string | null;
  name: string;
  /** The word the workbook uses for this level when it is not 政策分野 (政策, 基本目標). */
  label?: string;
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
  /** The measure's code (or number) for a measure's or project's finding. */
  measure?: string | null;
  fiscalYear: number | null;
  /** The workbook of `sheet`, in a consolidated model (see SourceRef.file). */
  file?: string;
}

/** One input of a consolidated model: a workbook read, or skipped with the reason. */
export interface SourceWorkbook {
  /** As SourceRef.file: relative to the output's folder; null for the workbook the summary is written into. */
  file: string | null;
  status: 'read' | 'skipped';
  /** Why a file was skipped (the message the user read), in both languages. */
  reason?: { ja: string; en: string };
  /** Policy field ids the workbook gave ("?" for a field no sheet names). */
  policyFields?: string[];
  sheets?: number;
}

export interface EvaluationModel {
  schemaVersion: 2;
  generator: { name: 'hyoka'; version: string };
  source: string | null;
  sheets: SheetInfo[];
  policyFields: PolicyField[];
  findings: Finding[];
  /** Present only in a model joined from several workbooks (`hyoka summarize A.xlsx B.xlsx …`): each input. */
  sources?: SourceWorkbook[];
}
