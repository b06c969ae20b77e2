import { buildSummaryInExcel, type BuildProgress } from '../../src/excel/buildSummary';
import { FakeExcel } from './fakeExcel';
import { makePlan, SOURCE_SHEETS } from './planFixtures';

test('buildSummaryInExcel: read (2 syncs) → analyze the snapshot → apply (3 syncs), in one run', async () => {
  const fx = new FakeExcel(SOURCE_SHEETS);
  const seen: string[][] = [];
  const phases: BuildProgress['phase'][] = [];
  const result = await buildSummaryInExcel({
    analyze: (snapshot) => {
      seen.push(snapshot.sheets.map((s) => s.name));
      return { model: { fields: 1 }, plan: makePlan(3) };
    },
    onProgress: (p) => phases.push(p.phase),
    run: (batch) => batch(fx.context),
  });
  expect(seen).toEqual([['政策9', 'Memo']]);
  expect(result.model).toEqual({ fields: 1 });
  expect(result.snapshot.sheets[0].values?.[2]).toEqual([null, '参加率', 0.5]);
  expect(result.syncs).toBe(3);
  expect(fx.syncs).toBe(5);
  expect(result.sheetNames.evaluation).toBe('評価サマリー');
  expect([...new Set(phases)]).toEqual(['read', 'analyze', 'write']);
});
