/**
 * Generated workbooks of each layout family, with their truth: the random variants a test
 * reads in memory, and the committed fixtures (bench/makeFixtures.ts writes them as .xlsx).
 */
import type { IndicatorKind } from '../../src/core/model';
import type { WorkbookSnapshot } from '../../src/core/snapshot';
import { SheetDraft } from './draft';
import { expectProjectSheet, randomProjectSheetVariant, renderProjectSheet, type ProjectSheetVariant } from './projectSheet';
import { makePlace, makeProject, pick, rng, type Rand } from './spec';
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
