/**
 * Trigger / near-miss cases for the rules that need a family sheet (a 事務事業評価シート or a
 * 施策評価シート): a clean project whose money adds up and whose grade fits its indicators,
 * and the one change that must make each rule fire — or, for the near miss, must not.
 */
import { SheetDraft } from '../../../bench/families/draft';
import { renderMeasureSheet, type MeasureSheetVariant } from '../../../bench/families/measureSheet';
import { renderProjectSheet, type ProjectSheetVariant } from '../../../bench/families/projectSheet';
import type { SpecFinanceYear, SpecIndicator, SpecMeasure, SpecProject } from '../../../bench/families/spec';
import { analyzeWorkbook, type AnalyzeOptions } from '../../../src/core/analyze';
import type { WorkbookSnapshot } from '../../../src/core/snapshot';

export const EVALUATION_YEAR = 2023;

const VARIANT: ProjectSheetVariant = {
  title: 'plain',
  yearStyle: 'reiwa',
  nameLabel: '事務事業名',
  idLabel: '事業番号',
  hierarchy: 'rows',
  deptLabel: '担当課',
  indicators: 'rows',
  kindPlacement: 'column',
  unit: '千円',
  personnel: 'cost',
  moneyYears: 'labelled',
  labelWidth: 1,
  col0: 0,
  gradeLabels: ['一次評価', '二次評価'],
  emptySlot: false,
  prefLabel: '県支出金',
  bondLabel: '地方債',
};

function indicator(kind: SpecIndicator["kind"], name: string, targets: (number | null)[], actuals: number[]): SpecIndicator {
  return { kind, name, unit: '件', years: [2021, 2022, 2023], targets, actuals, finalTarget: null, finalYear: null, baseline: null, baselineYear: null };
}

function money(fiscalYear: number, basis: SpecFinanceYear['basis']): SpecFinanceYear {
  return { fiscalYear, basis, projectCost: 1000, national: 200, prefectural: 100, bonds: 0, other: 50, generalFund: 650, staff: 0.5, personnelRate: 8000, personnelCost: 4000, hours: 900, totalCost: 5000 };
}

export function cleanProject(): SpecProject {
  return {
    projectId: '101',
    name: '地域づくり活動支援事業',
    department: '市民協働課',
    legalBasis: 'なし',
    period: '令和2年度～',
    place: { policy: { no: '2', name: '協働のまち' }, measure: { no: '2-1', name: '市民協働の推進' }, basic: null },
    indicators: [indicator('activity', '講座の開催回数', [10, 10, 10], [11, 12, 10]), indicator('outcome', '参加者の満足度', [80, 80, 80], [82, 85, 81])],
    finance: [money(2022, 'settlement'), money(2023, 'settlement'), money(2024, 'budget')],
    grades: { primary: 'B', secondary: 'A' },
    nextYearPolicy: '継続',
  };
}

export function projectWorkbook(p: SpecProject, v: Partial<ProjectSheetVariant> = {}): WorkbookSnapshot {
  const d = new SheetDraft('事業101');
  renderProjectSheet(d, p, { ...VARIANT, ...v }, EVALUATION_YEAR);
  return { sheets: [d.snapshot()] };
}

export function measureWorkbook(grade: string, actuals: number[]): WorkbookSnapshot {
  const m: SpecMeasure = {
    place: { policy: { no: '2', name: '協働のまち' }, measure: { no: '2-1', name: '市民協働の推進' }, basic: null },
    department: '市民協働課',
    indicators: [indicator('outcome', '市民活動への参加率', [30, 32, 34], actuals)],
    grade,
    projects: [cleanProject()],
  };
  const v: MeasureSheetVariant = {
    title: true,
    yearStyle: 'reiwa',
    nameLabel: '施策名',
    codeLabel: '施策番号',
    policyLabel: '政策',
    indicators: 'rows',
    gradeLabel: '施策の評価',
    listTitle: '構成事務事業',
    col0: 0,
    baselineColumn: false,
  };
  const d = new SheetDraft('施策2-1');
  renderMeasureSheet(d, m, v, EVALUATION_YEAR);
  return { sheets: [d.snapshot()] };
}

const edit = (f: (p: SpecProject) => void, v: Partial<ProjectSheetVariant> = {}) => () => {
  const p = cleanProject();
  f(p);
  return projectWorkbook(p, v);
};

/** A workbook, and the options it is analyzed with (a layout profile) when the case needs them. */
export type RuleCase = WorkbookSnapshot | { wb: WorkbookSnapshot; options: AnalyzeOptions };

export function analyzeCase(c: RuleCase) {
  return 'wb' in c ? analyzeWorkbook(c.wb, c.options) : analyzeWorkbook(c);
}

/** The clean project's sheet read with a profile whose entry names `anchor`. */
const withProfile = (anchor: string, name = '事業101') => (): RuleCase => ({
  wb: projectWorkbook(cleanProject()),
  options: { profile: { profileVersion: 1, sheets: [{ match: { name }, family: 'projectSheet', layout: { anchor, evaluationYear: null, era: null } }] } },
});

/** How to break the clean project so that each rule must fire. */
export const FAMILY_TRIGGERS: Record<string, () => RuleCase> = {
  'indicator-without-targets': edit((p) => p.indicators.forEach((i) => (i.targets = [null, null, null]))),
  'finance-breakdown-sum': edit((p) => (p.finance[1].national = 300)),
  'finance-total-cost': edit((p) => (p.finance[0].totalCost = 6000)),
  'finance-personnel-not-converted': edit(() => undefined, { personnel: 'staffOnly' }),
  'grade-contradicts-indicators': edit((p) => {
    p.grades.secondary = 'A';
    for (const i of p.indicators) i.actuals = i.targets.map((t) => (t ?? 0) - 10);
  }),
  'profile-anchor-missing': withProfile('事業の名前'),
  'profile-entry-unused': withProfile('事務事業名', '別のシート'),
};

/** One change short of the trigger: the rule must stay silent. */
export const FAMILY_NEAR_MISSES: Record<string, () => RuleCase> = {
  // Targets in some years only: a gap in the targets (kpi-missing-target), not an indicator without any.
  'indicator-without-targets': edit((p) => (p.indicators[0].targets = [null, null, 10])),
  // Off by one unit: rounding of 千円 figures.
  'finance-breakdown-sum': edit((p) => (p.finance[1].national = 201)),
  'finance-total-cost': edit((p) => (p.finance[0].totalCost = 5001)),
  // The rate is in the sheet: the cost is derived, not reported.
  'finance-personnel-not-converted': edit(() => undefined, { personnel: 'staffRate' }),
  // A with one indicator met is not a contradiction.
  'grade-contradicts-indicators': edit((p) => {
    p.grades.secondary = 'A';
    p.indicators[0].actuals = p.indicators[0].targets.map((t) => (t ?? 0) - 10);
  }),
  // The profile's anchor is on the sheet, and its entry names the sheet.
  'profile-anchor-missing': withProfile('事務事業名'),
  'profile-entry-unused': withProfile('事務事業名'),
};
