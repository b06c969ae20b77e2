import { buildSummaryInExcel, type BuildProgress } from '../../src/excel/buildSummary';
import { ApplyPlanError } from '../../src/excel/applyPlan';
import { BuildLockedError } from '../../src/excel/runLock';
import { FakeExcel } from './fakeExcel';
import { makePlan, normalize, SOURCE_SHEETS } from './planFixtures';

const analyze = () => ({ model: { fields: 1 }, plan: makePlan(3) });

test('buildSummaryInExcel: read (3 syncs) → analyze the snapshot → apply (3 syncs)', async () => {
  const fx = new FakeExcel(SOURCE_SHEETS);
  const seen: string[][] = [];
  const phases: BuildProgress['phase'][] = [];
  const result = await buildSummaryInExcel({
    analyze: (snapshot) => {
      seen.push(snapshot.sheets.map((s) => s.name));
      return analyze();
    },
    onProgress: (p) => phases.push(p.phase),
    run: fx.run,
    canGroupUndo: () => false,
  });
  expect(seen).toEqual([['政策9', 'Memo']]);
  expect(result.model).toEqual({ fields: 1 });
  expect(result.snapshot.sheets[0].cells).toContainEqual({ row: 2, col: 1, value: '参加率' });
  expect(result.syncs).toBe(3);
  expect(fx.syncs).toBe(6);
  expect(result.sheetNames.evaluation).toBe('評価サマリー');
  expect([...new Set(phases)]).toEqual(['read', 'analyze', 'write']);
  // Every Excel.run waits out cell-edit mode; the lock is gone afterwards.
  expect(fx.runs.every((o) => o.delayForCellEdit === true)).toBe(true);
  expect(fx.state.docProps).toEqual({});
});

describe('inside real Excel', () => {
  test('while the user is typing in a cell the build waits for the edit to end instead of failing', async () => {
    const fx = new FakeExcel(SOURCE_SHEETS);
    fx.cellEditMode = true;
    const result = await buildSummaryInExcel({ analyze, run: fx.run, canGroupUndo: () => false });
    expect(result.sheetNames.evaluation).toBe('評価サマリー');
    expect(fx.delayedSyncs).toBe(1);
    expect(fx.state.sheets.some((s) => s.name.startsWith('~hyoka'))).toBe(false);
  });

  test('a first build is one undo step where Excel supports ExcelApi 1.20; a re-build (which deletes) is not grouped', async () => {
    const fx = new FakeExcel(SOURCE_SHEETS, { sets: { ExcelApi: '1.20' } });
    const first = await buildSummaryInExcel({ analyze, run: fx.run, canGroupUndo: () => fx.supports('ExcelApi', '1.20') });
    expect(first.undoGroup).toBe(true);
    expect(fx.undoRecords).toBe(1);
    const again = await buildSummaryInExcel({ analyze, run: fx.run, canGroupUndo: () => fx.supports('ExcelApi', '1.20') });
    expect(again.undoGroup).toBe(false);
    expect(fx.state.sheets.map((s) => s.name)).toEqual(['政策9', 'Memo', '評価サマリー', '検証結果', '実行ログ']);
    // Older Excel: today's behaviour, one undo record per writing sync.
    const old = new FakeExcel(SOURCE_SHEETS);
    await buildSummaryInExcel({ analyze, run: old.run, canGroupUndo: () => old.supports('ExcelApi', '1.20') });
    expect(old.undoRecords).toBe(2);
  });

  test("a sheet a crashed run left behind does not stop a first build's undo group; the next re-build removes it", async () => {
    const orphan = { name: '~hyoka-tmp-evaluation', props: { 'hyoka.owner': 'hyoka', 'hyoka.key': 'evaluation', 'hyoka.run': '0badc0de' } };
    const fx = new FakeExcel([...SOURCE_SHEETS, orphan], { sets: { ExcelApi: '1.20' } });
    const canGroupUndo = () => fx.supports('ExcelApi', '1.20');
    const first = await buildSummaryInExcel({ analyze, run: fx.run, canGroupUndo });
    expect(first.undoGroup).toBe(true);
    expect(fx.undoRecords).toBe(1);
    // An undo group cannot delete a sheet: the leftover stays for now.
    expect(fx.state.sheets.map((s) => s.name)).toEqual(['政策9', 'Memo', '~hyoka-tmp-evaluation', '評価サマリー', '検証結果', '実行ログ']);
    const again = await buildSummaryInExcel({ analyze, run: fx.run, canGroupUndo });
    expect(again.undoGroup).toBe(false);
    expect(fx.state.sheets.map((s) => s.name)).toEqual(['政策9', 'Memo', '評価サマリー', '検証結果', '実行ログ']);
  });

  test('two builds at once (pane and ribbon): one writes the summary, the other refuses; nothing of either is lost', async () => {
    const fx = new FakeExcel(SOURCE_SHEETS);
    const userBefore = fx.snapshot().sheets.filter((s) => !s.props['hyoka.owner']);
    const outcomes = await Promise.allSettled([
      buildSummaryInExcel({ analyze, run: fx.run, by: 'pane', canGroupUndo: () => false }),
      buildSummaryInExcel({ analyze, run: fx.run, by: 'ribbon', canGroupUndo: () => false }),
    ]);
    const ok = outcomes.filter((o) => o.status === 'fulfilled');
    const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(1);
    const why = refused[0].reason;
    expect(why instanceof BuildLockedError || (why instanceof ApplyPlanError && why.rolledBack)).toBe(true);
    expect(fx.state.sheets.map((s) => s.name)).toEqual(['政策9', 'Memo', '評価サマリー', '検証結果', '実行ログ']);
    expect(fx.snapshot().sheets.filter((s) => !s.props['hyoka.owner'])).toEqual(userBefore);
    expect(fx.state.docProps).toEqual({});
    // The same summary a lone build writes.
    const alone = new FakeExcel(SOURCE_SHEETS);
    await buildSummaryInExcel({ analyze, run: alone.run, canGroupUndo: () => false });
    expect(normalize(fx.snapshot())).toEqual(normalize(alone.snapshot()));
  });
  test('a second build started while the first is writing is refused; the first one finishes untouched', async () => {
    const fx = new FakeExcel(SOURCE_SHEETS);
    let second: Promise<unknown> | null = null;
    let writeSyncs = 0;
    // Excel.run for the first build: after its first write batch, the ribbon's build runs whole.
    const firstRun = (a: unknown, b?: unknown) => {
      const batch = (typeof a === 'function' ? a : b) as (ctx: Excel.RequestContext) => Promise<unknown>;
      const options = typeof a === 'function' ? {} : (a as object);
      return fx.run(options, (ctx) => {
        const sync = ctx.sync.bind(ctx);
        (ctx as unknown as { sync: () => Promise<void> }).sync = async () => {
          await sync();
          if (fx.state.sheets.some((s) => s.name.startsWith('~hyoka-tmp')) && ++writeSyncs === 1) {
            second = buildSummaryInExcel({ analyze, run: fx.run, by: 'ribbon', canGroupUndo: () => false }).catch((e: unknown) => e);
            await second;
          }
        };
        return batch(ctx);
      });
    };
    const first = await buildSummaryInExcel({ analyze, run: firstRun as never, by: 'pane', canGroupUndo: () => false });
    expect(first.sheetNames.evaluation).toBe('評価サマリー');
    expect(await second).toBeInstanceOf(BuildLockedError);
    expect(fx.state.sheets.map((s) => s.name)).toEqual(['政策9', 'Memo', '評価サマリー', '検証結果', '実行ログ']);
  });
});
