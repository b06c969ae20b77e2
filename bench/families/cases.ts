/**
 * Generated workbooks of each layout family, with their truth: the random variants a test
 * reads in memory, and the committed fixtures (bench/makeFixtures.ts writes them as .xlsx).
 */
import type { IndicatorKind } from '../../src/core/model';
import type { WorkbookSnapshot } from '../../src/core/snapshot';
import { SheetDraft } from './draft';
import { expectProjectSheet, randomProjectSheetVariant, renderProjectSheet, type ProjectSheetVariant } from './projectSheet';
import { expectProjectTable, randomProjectTableVariant, renderProjectTable, type ProjectTableVariant } from './projectTable';
import { expectMeasureSheet, randomMeasureSheetVariant, renderMeasureSheet } from './measureSheet';
import { makeMeasure, makePlace, makeProject, pick, rng, type Rand } from './spec';
import type { ExpectedMeasure, ExpectedProject } from './truth';

export interface FamilyCase {
  drafts: SheetDraft[];
  projects: ExpectedProject[];
  measures: ExpectedMeasure[];
  /** The variants used, for a failing test's message. */
  variants: unknown[];
}

export function snapshotOf(c: FamilyCase, source = 'generated'): WorkbookSnapshot {
  return { source, sheets: c.drafts.map((d) => d.snapshot()) };
}

const KIND_SETS: IndicatorKind[][] = [
  ['activity', 'outcome'],
  ['target-population', 'activity', 'outcome'],
  ['outcome', 'outcome'],
  ['activity', 'activity', 'outcome'],
];

function noise(rand: Rand): SheetDraft {
  const d = new SheetDraft(pick(rand, ['メモ', '記入要領', 'Sheet3']));
  d.put(0, 0, '記入にあたっての注意');
  d.put(2, 1, '数値は半角で入力してください');
  d.put(3, 1, 42);
  return d;
}

/** 事務事業評価シート: one to three sheets, one or two projects each, plus a noise sheet. */
export function projectSheetCase(seed: number, fixed?: Partial<ProjectSheetVariant>): FamilyCase {
  const rand = rng(seed);
  const evaluationYear = pick(rand, [2022, 2023, 2024]);
  const c: FamilyCase = { drafts: [], projects: [], measures: [], variants: [] };
  const sheets = 1 + Math.floor(rand() * 3);
  let id = 0;
  for (let s = 0; s < sheets; s++) {
    const v = { ...randomProjectSheetVariant(rand), ...fixed };
    // 前年度 / 評価年度 headers need a title that says which year is evaluated.
    if (v.moneyYears === 'relative' && v.title === 'none') v.title = 'plain';
    c.variants.push(v);
    const years = v.indicators === 'combined' ? [-2, -1, 0, 1, 2].map((d) => evaluationYear + d) : [-2, -1, 0].map((d) => evaluationYear + d);
    const d = new SheetDraft(pick(rand, [`事業${s + 1}`, `No.${s + 1}`, `評価シート(${s + 1})`]));
    const perSheet = rand() < 0.3 ? 2 : 1;
    for (let k = 0; k < perSheet; k++) {
      const p = makeProject(rand, ++id, {
        years,
        evaluationYear,
        financeYears: [
          { fiscalYear: evaluationYear - 1, basis: 'settlement' },
          { fiscalYear: evaluationYear, basis: 'settlement' },
          { fiscalYear: evaluationYear + 1, basis: 'budget' },
        ],
        place: makePlace(rand, rand() < 0.4),
        kinds: pick(rand, KIND_SETS),
      });
      renderProjectSheet(d, p, v, evaluationYear, k === 0 ? 0 : d.row + 2);
      c.projects.push(expectProjectSheet(p, v, evaluationYear));
    }
    c.drafts.push(d);
  }
  if (rand() < 0.5) c.drafts.splice(Math.floor(rand() * c.drafts.length), 0, noise(rand));
  return c;
}

/** 施策評価シート: one or two measures, each listing its projects; with project sheets for some (mixed). */
export function measureSheetCase(seed: number, withProjectSheets = false): FamilyCase {
  const rand = rng(seed);
  const evaluationYear = pick(rand, [2022, 2023, 2024]);
  const c: FamilyCase = { drafts: [], projects: [], measures: [], variants: [] };
  const count = 1 + Math.floor(rand() * 2);
  const usedNames = new Set<string>();
  for (let k = 0; k < count; k++) {
    const v = randomMeasureSheetVariant(rand);
    const m = makeMeasure(
      rand,
      {
        years: [-2, -1, 0].map((d) => evaluationYear + d),
        evaluationYear,
        financeYears: [
          { fiscalYear: evaluationYear, basis: 'settlement' },
          { fiscalYear: evaluationYear + 1, basis: 'budget' },
        ],
      },
      2 + Math.floor(rand() * 3),
      1 + k * 10,
    );
    // Measures of one case are distinct measures with distinct projects.
    if (c.measures.some((x) => x.code === m.place.measure.no || x.name === m.place.measure.name)) continue;
    m.projects = m.projects.filter((p) => !usedNames.has(p.name) && usedNames.add(p.name));
    c.variants.push(v);
    const d = new SheetDraft(`施策${m.place.measure.no}`);
    renderMeasureSheet(d, m, v, evaluationYear);
    c.drafts.push(d);
    c.measures.push(expectMeasureSheet(m, v));
    m.projects.forEach((p, i) => {
      const sheet = withProjectSheets && i % 2 === 0;
      if (sheet) {
        const pv = { ...randomProjectSheetVariant(rand), hierarchy: 'code' as const };
        if (pv.moneyYears === 'relative' && pv.title === 'none') pv.title = 'plain';
        if (pv.indicators === 'combined') pv.indicators = 'rows';
        c.variants.push(pv);
        const pd = new SheetDraft(`事業_${p.projectId}`);
        renderProjectSheet(pd, { ...p, finance: p.finance }, pv, evaluationYear);
        c.drafts.push(pd);
        c.projects.push(expectProjectSheet(p, pv, evaluationYear));
      } else {
        const f = p.finance.find((x) => x.fiscalYear === evaluationYear)!;
        c.projects.push({
          fieldId: p.place.policy.no,
          measureCode: p.place.measure.no,
          name: p.name,
          projectId: null,
          department: p.department,
          code: p.place.measure.no,
          basic: null,
          indicators: [],
          finance: [{ fiscalYear: evaluationYear, basis: 'settlement', projectCost: f.projectCost }],
          financeUnit: '千円',
          sheetGrades: p.grades.primary ? [{ stage: 'overall', grade: p.grades.primary }] : [],
        });
      }
    });
  }
  return c;
}

/** A flat export: one row per project, the same year blocks for every row. */
export function projectTableCase(seed: number, fixed?: Partial<ProjectTableVariant>, fixedKinds?: IndicatorKind[]): FamilyCase {
  const rand = rng(seed);
  const evaluationYear = pick(rand, [2022, 2023, 2024, 2025]);
  const v = { ...randomProjectTableVariant(rand), ...fixed };
  const years = [-2, -1, 0].map((d) => evaluationYear + d);
  const kinds = fixedKinds ?? pick(rand, KIND_SETS);
  const projects = Array.from({ length: 3 + Math.floor(rand() * 10) }, (_, i) =>
    makeProject(rand, i + 1, {
      years,
      evaluationYear,
      financeYears: years.map((fiscalYear, k) => ({ fiscalYear, basis: k === years.length - 1 ? 'budget' : 'settlement' })),
      place: makePlace(rand, v.hierarchy !== 'code' || rand() < 0.5),
      kinds,
    }),
  );
  // Rows of one export are distinct projects.
  const seen = new Set<string>();
  const rows = projects.filter((p) => !seen.has(p.name) && seen.add(p.name));
  const d = new SheetDraft(pick(rand, ['データ集計用', '事務事業一覧表', 'Sheet1']));
  renderProjectTable(d, rows, v, evaluationYear);
  return { drafts: [d], projects: rows.map((p) => expectProjectTable(p, v)), measures: [], variants: [v] };
}
