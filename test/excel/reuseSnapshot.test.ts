/**
 * The build reuses the scan's read while the workbook is unchanged (issue 14): worksheet events
 * tell a change (changeWatch.ts), the build then skips its read run; after a change it reads
 * again. And a cancelled build leaves the workbook as it was.
 */
import { ApplyPlanError } from '../../src/excel/applyPlan';
import { buildSummaryInExcel, type BuildProgress } from '../../src/excel/buildSummary';
import { watchWorkbookChanges } from '../../src/excel/changeWatch';
import { readWorkbookInExcel } from '../../src/excel/session';
import { createOfficePort } from '../../src/taskpane/officePort';
import { isCancelled } from '../../src/taskpane/worker/client';
import { FakeExcel } from './fakeExcel';
import { makePlan, SOURCE_SHEETS } from './planFixtures';

const analyze = () => ({ plan: makePlan(3) });


describe('the change watch', () => {
  test('registers the worksheet events in one sync; an edit marks a change until the next read', async () => {
    const fx = new FakeExcel(SOURCE_SHEETS, { sets: { ExcelApi: '1.17' } });
    const watch = (await watchWorkbookChanges(fx.run, (v) => fx.supports('ExcelApi', v)))!;
    expect(fx.syncs).toBe(1);
    expect(Object.keys(fx.listeners).sort()).toEqual(['onAdded', 'onCalculated', 'onChanged', 'onDeleted', 'onFormatChanged', 'onNameChanged', 'onVisibilityChanged']);
    expect(watch.changed).toBe(false);
    await fx.userEdit('政策9', 'C4', 99);
    expect(watch.changed).toBe(true);
    watch.reset();
    expect(watch.changed).toBe(false);
  });

  test('without ExcelApi 1.9 there is no watch (every build reads again); 1.9 without 1.17 watches what it has', async () => {
    const old = new FakeExcel(SOURCE_SHEETS, { sets: { ExcelApi: '1.8' } });
    expect(await watchWorkbookChanges(old.run, (v) => old.supports('ExcelApi', v))).toBeNull();
    expect(old.syncs).toBe(0);
    const mid = new FakeExcel(SOURCE_SHEETS, { sets: { ExcelApi: '1.9' } });
    expect(await watchWorkbookChanges(mid.run, (v) => mid.supports('ExcelApi', v))).not.toBeNull();
    expect(Object.keys(mid.listeners)).not.toContain('onNameChanged');
  });
});

describe('the Office port reuses the scan’s read', () => {
  function port(fx: FakeExcel, withWatch = true) {
    const office = createOfficePort({
      read: (p) => readWorkbookInExcel(p, fx.run),
      build: (deps) => buildSummaryInExcel({ ...deps, run: fx.run, canGroupUndo: () => false }),
      watch: withWatch ? () => watchWorkbookChanges(fx.run, (v) => fx.supports('ExcelApi', v)) : async () => null,
    });
    return { office };
  }

  test('a build right after a scan reads nothing again: the plan gets the scan’s snapshot', async () => {
    const fx = new FakeExcel(SOURCE_SHEETS, { sets: { ExcelApi: '1.9' } });
    const { office } = port(fx);
    const scanned = await office.readSnapshot();
    const syncsBefore = fx.syncs;
    const seen: unknown[] = [];
    const phases: string[] = [];
    const out = await office.buildSummary(
      async (s) => (seen.push(s), analyze()),
      (p) => phases.push(p.phase),
    );
    expect(out.sheetNames.evaluation).toBe('評価サマリー');
    expect(seen).toEqual([scanned]);
    expect(phases).not.toContain('read');
    // Only the write's three syncs: no read run (3 syncs of its own).
    expect(fx.syncs - syncsBefore).toBe(3);
  });

  test('after the user edits a cell the build reads the workbook again and plans from the new values', async () => {
    const fx = new FakeExcel(SOURCE_SHEETS, { sets: { ExcelApi: '1.9' } });
    const { office } = port(fx);
    await office.readSnapshot();
    await fx.userEdit('Memo', 'A1', '書き換えたメモ');
    const syncsBefore = fx.syncs;
    const seen: string[] = [];
    await office.buildSummary(async (s) => {
      const memo = s.sheets.find((x) => x.name === 'Memo')!;
      seen.push(String(memo.cells!.find((c) => c.row === 0 && c.col === 0)?.value));
      return analyze();
    });
    // The read run's three syncs, then the write's.
    expect(fx.syncs - syncsBefore).toBe(6);
    expect(seen).toEqual(['書き換えたメモ']);
  });

  test('a second build reads again (the first wrote sheets); no watch → every build reads', async () => {
    const fx = new FakeExcel(SOURCE_SHEETS, { sets: { ExcelApi: '1.9' } });
    const { office } = port(fx);
    await office.readSnapshot();
    await office.buildSummary(async () => analyze());
    const phases: string[] = [];
    await office.buildSummary(async () => analyze(), (p) => phases.push(p.phase));
    expect(phases).toContain('read');

    const old = new FakeExcel(SOURCE_SHEETS, { sets: { ExcelApi: '1.8' } });
    const p2 = port(old).office;
    await p2.readSnapshot();
    const again: string[] = [];
    await p2.buildSummary(async () => analyze(), (p) => again.push(p.phase));
    expect(again).toContain('read');
  });
});

describe('a cancelled Excel build', () => {
  test('cancelled before writing: nothing written, the read was all', async () => {
    const fx = new FakeExcel(SOURCE_SHEETS);
    const before = JSON.stringify(fx.snapshot());
    let cancel = false;
    const phases: BuildProgress['phase'][] = [];
    const build = buildSummaryInExcel({
      analyze: async () => {
        cancel = true;
        return analyze();
      },
      cancelled: () => cancel,
      onProgress: (p) => phases.push(p.phase),
      run: fx.run,
      canGroupUndo: () => false,
    });
    await expect(build).rejects.toMatchObject({ name: 'RunCancelled' });
    expect(phases).not.toContain('write');
    expect(JSON.stringify(fx.snapshot())).toBe(before);
  });

  test('cancelled as the write begins: undone, reported as cancelled (not as a failure)', async () => {
    const fx = new FakeExcel(SOURCE_SHEETS);
    const before = fx.snapshot().sheets.map((s) => s.name);
    let asked = 0;
    // The third question is the write's: before, after the read, after the plan; then the write.
    const build = buildSummaryInExcel({ analyze, cancelled: () => ++asked >= 3, run: fx.run, canGroupUndo: () => false });
    const e = await build.catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ApplyPlanError);
    expect((e as ApplyPlanError).rolledBack).toBe(true);
    expect(isCancelled(e)).toBe(true);
    expect(fx.state.sheets.map((s) => s.name)).toEqual(before);
    expect(fx.state.sheets.some((s) => s.name.startsWith('~hyoka'))).toBe(false);
  });
});
