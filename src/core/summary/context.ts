/** What every summary sheet is built from: the model, the options, the dictionary, the grade table. */
import type { YearDiff } from '../compare/types';
import type { EvaluationModel } from '../model';
import type { SummaryDictionary } from '../i18n/summary';

export interface GradeRule {
  grade: string;
  /** Lower bound of the achievement rate (1 = 100%). */
  min: number;
}

export interface PlanSummaryOptions {
  lang: 'ja' | 'en';
  /** The run's time, passed in so the same inputs give the same plan. */
  now: Date;
  generatorVersion: string;
  /** File or workbook name for the run log; defaults to model.source. */
  sourceName?: string;
  /** The evaluation-year override the model was built with; recorded in the run log only. */
  asOfOverrides?: unknown;
  /** Grade table; default A ≥ 100%, B ≥ 80%, C ≥ 50%, D below. When given, grades are recomputed from it. */
  grades?: GradeRule[];
  /** IANA time zone for the run log's local time; default Asia/Tokyo (the city's). */
  timeZone?: string;
  /** Last year's workbook compared with this one: adds 前年度比較. */
  compare?: YearDiff;
}

export const DEFAULT_GRADES: GradeRule[] = [
  { grade: 'A', min: 1 },
  { grade: 'B', min: 0.8 },
  { grade: 'C', min: 0.5 },
  { grade: 'D', min: 0 },
];


export interface Ctx {
  model: EvaluationModel;
  options: PlanSummaryOptions;
  t: SummaryDictionary;
  grades: GradeRule[];
  gradesGiven: boolean;
  moneyUnit: string;
}

