/**
 * Generated workbooks of every family, laid out the ways departments vary them (labels, year
 * forms, units, orientations, merged cells, stacked projects, empty slots, noise sheets), read
 * in memory and compared with the truth the generator wrote. Seeds are fixed: a failure names
 * its seed and variant, so it can be replayed.
 */
import { analyzeWorkbook } from '../../../src/core/analyze';
import { measureSheetCase, projectSheetCase, projectTableCase, snapshotOf, type FamilyCase } from '../../../bench/families/cases';
import { compareMeasures, compareProjects } from '../../../bench/families/compare';

const SEEDS = Array.from({ length: 60 }, (_, i) => i + 1);

function check(make: (seed: number) => FamilyCase): void {
  const failures: string[] = [];
  for (const seed of SEEDS) {
    const c = make(seed);
    const model = analyzeWorkbook(snapshotOf(c));
    const diff = [...compareMeasures(model, c.measures), ...compareProjects(model, c.projects)];
    if (diff.length) failures.push(`seed ${seed} ${JSON.stringify(c.variants)}\n  ${diff.slice(0, 6).join('\n  ')}`);
  }
  expect(failures).toEqual([]);
}

describe('generated workbooks read exactly against their truth', () => {
  it('事務事業評価シート (one or two projects a sheet, noise sheets)', () => check((s) => projectSheetCase(s)));
  it('施策評価シート with their project lists', () => check((s) => measureSheetCase(s)));
  it('施策評価シート and some of their projects\' own sheets, joined', () => check((s) => measureSheetCase(s, true)));
  it('flat exports, with and without year labels', () => check((s) => projectTableCase(s)));
});

describe('what the generated cases exercise', () => {
  it('covers every layout option of each family', () => {
    const seen = new Map<string, Set<unknown>>();
    const note = (v: unknown) => {
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
        if (!seen.has(k)) seen.set(k, new Set());
        seen.get(k)!.add(JSON.stringify(x));
      }
    };
    for (const s of SEEDS) {
      projectSheetCase(s).variants.forEach(note);
      measureSheetCase(s).variants.forEach(note);
      projectTableCase(s).variants.forEach(note);
    }
    expect([...seen.get('indicators')!].sort()).toEqual(['"combined"', '"rows"', '"subheader"']);
    expect([...seen.get('personnel')!].sort()).toEqual(['"cost"', '"hours"', '"staffOnly"', '"staffRate"']);
    expect([...seen.get('yearLabels')!].sort()).toEqual(['"group"', '"inline"', '"none"']);
    expect([...seen.get('hierarchy')!].sort()).toEqual(['"code"', '"codeName"', '"digits"', '"numbers"', '"prefixed"', '"rows"']);
    expect([...seen.get('unit')!].sort()).toEqual(['"円"', '"千円"']);
  });
});
