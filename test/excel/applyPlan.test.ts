import { applyPlanInExcel, ApplyPlanError } from '../../src/excel/applyPlan';
import { BuildLockedError, RunLock } from '../../src/excel/runLock';
import type { SummaryPlan } from '../../src/core/plan';
import { readWorkbookSnapshot } from '../../src/excel/readWorkbook';
import { FakeExcel, type FakeSheet } from './fakeExcel';
import { makePlan, normalize, SOURCE_SHEETS } from './planFixtures';

function sheet(fx: FakeExcel, name: string): FakeSheet {
  const s = fx.state.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}: ${fx.state.sheets.map((x) => x.name).join(', ')}`);
  return s;
}
const cell = (s: FakeSheet, r: number, c: number) => s.cells[`${r},${c}`];

describe('applyPlanInExcel (strict fake)', () => {
  test('a small plan: 3 syncs, every part written, sheets marked as Hyōka\'s, first one active', async () => {
    const fx = new FakeExcel(SOURCE_SHEETS);
    const steps: string[] = [];
    const result = await applyPlanInExcel(fx.context, makePlan(3), { onProgress: (s) => steps.push(s) });
    expect(result.syncs).toBe(3);
    expect(fx.syncs).toBe(3);
    expect(result.chunks).toBe(1);
    expect(result.renamed).toEqual([]);
    expect(result.sheetNames).toEqual({ evaluation: '評価サマリー', findings: '検証結果', log: '実行ログ' });
    expect(fx.state.sheets.map((s) => s.name)).toEqual(['政策9', 'Memo', '評価サマリー', '検証結果', '実行ログ']);
    expect(steps[steps.length - 1]).toBe('done');

    const ev = sheet(fx, '評価サマリー');
    expect(ev.props).toEqual({ 'hyoka.owner': 'hyoka', 'hyoka.key': 'evaluation', 'hyoka.run': expect.stringMatching(/^[0-9a-f]{8}$/), 'hyoka.id': ev.id, 'hyoka.name': '評価サマリー' });
    // The workbook's record: hidden, workbook-scoped, naming this run and its sheets.
    expect(fx.state.names).toEqual([{ name: '_Hyoka.run', sheetId: null, formula: `="${ev.props['hyoka.run']}:evaluation,findings,log"`, visible: false }]);
    expect(fx.state.activeId).toBe(ev.id);
    expect(cell(ev, 0, 1)).toEqual({ v: '指標名', t: 'String', nf: '@' });
    expect(cell(ev, 1, 2)).toEqual({ v: 0.125, t: 'Double', nf: '0.0%' });
    expect(ev.freeze).toEqual({ rows: 1, columns: 2 });
    expect(ev.tabColor).toBe('#2E75B6');
    expect(ev.columnWidths.B).toBeCloseTo((36 * 7 + 5) * 0.75);
    expect(ev.conditionalFormats.map((c) => [c.type, c.range])).toEqual([
      ['IconSet', 'C2:C4'],
      ['DataBar', 'D2:D4'],
      ['CellValue', 'E2:E4'],
      ['CellValue', 'C2:C4'],
    ]);
    expect(ev.conditionalFormats[0].props).toEqual({
      'iconSet.style': 'ThreeSymbols',
      'iconSet.criteria': [{}, { type: 'Number', operator: 'GreaterThanOrEqual', formula: '=0.8' }, { type: 'Number', operator: 'GreaterThanOrEqual', formula: '=1' }],
    });
    expect(ev.conditionalFormats[2].props['cellValue.rule']).toEqual({ operator: 'EqualTo', formula1: '="未達成"' });
    expect(ev.formats).toEqual(expect.arrayContaining([['A1:F1', 'font.bold', true], ['A1:F1', 'borders.InsideVertical.style', 'Continuous'], ['A1:F1', 'horizontalAlignment', 'Center']]));
    expect(cell(ev, 1, 5).link).toEqual({ documentReference: "'政策9'!B3", textToDisplay: '政策9!B3', screenTip: '出典のセルへ' });
    expect(ev.charts).toHaveLength(1);
    expect(ev.charts[0]).toMatchObject({
      name: 'achievement-9',
      type: 'ColumnClustered',
      title: '達成率（令和5年度）',
      position: ['H2', 'N16'],
      valueAxis: { 'title.text': '達成率', numberFormat: '0%', minimum: 0 },
    });
    expect(ev.charts[0].series).toEqual([
      { name: '達成率', values: 'C2:C4', xValues: 'B2:B4', chartType: null, fill: '#5B9BD5', line: null },
      { name: '100%', values: 'D2:D4', xValues: 'B2:B4', chartType: 'Line', fill: null, line: '#C00000' },
    ]);
    const findings = sheet(fx, '検証結果');
    expect(fx.state.tables).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'HyokaFindings', sheetId: findings.id, range: 'A1:C3' })]));
    // Hyperlinks are internal only.
    for (const s of fx.state.sheets) for (const c of Object.values(s.cells)) if (c.link) expect(c.link.address).toBeUndefined();
  });

  test('rows with wrapped text are auto-fitted after the values, in the same request', async () => {
    const fx = new FakeExcel(SOURCE_SHEETS);
    const plan = makePlan();
    const r = await applyPlanInExcel(fx.context, plan);
    expect(r.syncs).toBe(3);
    const sheet = fx.snapshot().sheets.find((s) => s.name === r.sheetNames[plan.sheets[0].key])!;
    const props = sheet.formats.map(([, prop]) => prop);
    expect(props).toContain('autofitRows');
    expect(props.lastIndexOf('wrapText')).toBeLessThan(props.indexOf('autofitRows'));
  });

  test('the sync count is the same for a plan 1000 times bigger', async () => {
    const fx = new FakeExcel(SOURCE_SHEETS);
    const result = await applyPlanInExcel(fx.context, makePlan(3000));
    expect(result.syncs).toBe(3);
    expect(fx.syncs).toBe(3);
    expect(sheet(fx, '評価サマリー').cells['3000,1'].v).toBe('地域活動に参加した市民の割合 3000');
  });

  test('text that looks like a formula, number, boolean or date stays text; numbers stay numbers', async () => {
    const fx = new FakeExcel(SOURCE_SHEETS);
    await applyPlanInExcel(fx.context, makePlan(3));
    const log = sheet(fx, '実行ログ');
    const col = (r: number) => cell(log, r, 1);
    for (const [r, text] of [[0, '=1+1'], [1, '+81'], [2, '-5'], [3, '@x'], [4, '1,566'], [5, 'TRUE'], [6, '2024/4/1']] as const) {
      expect(col(r)).toEqual({ v: text, t: 'String', nf: '@' });
    }
    expect(col(7)).toEqual({ v: 1566, t: 'Double', nf: 'General' });
    expect(col(8)).toEqual({ v: false, t: 'Boolean', nf: 'General' });
    expect(col(9)?.v).toBeUndefined();
    expect(Object.values(log.cells).some((c) => c.f !== undefined)).toBe(false);
    // The fake is not lenient: the same strings written without "@" become formulas and numbers.
    const probe = new FakeExcel([{ name: 'P' }]);
    const r = probe.context.workbook.worksheets.getItemOrNullObject('P').getRange('A1:C1');
    r.values = [['=1+1', '+81', '1,566']];
    await probe.context.sync();
    expect(Object.values(probe.state.sheets[0].cells).map((c) => c.t)).toEqual(['Double', 'Double', 'Double']);
  });

  test("a user's own sheet with the wanted name is never overwritten: a free name is picked and reported", async () => {
    const fx = new FakeExcel([...SOURCE_SHEETS, { name: '評価サマリー', values: [['利用者が作った表']] }, { name: '評価サマリー (2)', values: [['もう一つ']] }]);
    const before = fx.snapshot();
    const result = await applyPlanInExcel(fx.context, makePlan(3));
    expect(result.renamed).toEqual([{ key: 'evaluation', wanted: '評価サマリー', used: '評価サマリー (3)' }]);
    expect(result.sheetNames.evaluation).toBe('評価サマリー (3)');
    for (const name of ['評価サマリー', '評価サマリー (2)', '政策9', 'Memo']) {
      expect(sheet(fx, name)).toEqual(before.sheets.find((s) => s.name === name));
    }
    expect(sheet(fx, '評価サマリー (3)').props['hyoka.owner']).toBe('hyoka');
  });

  test('re-running replaces only the sheets Hyōka owns: same names, same content, user sheets untouched', async () => {
    const fx = new FakeExcel(SOURCE_SHEETS);
    await applyPlanInExcel(fx.context, makePlan(3));
    const afterFirst = normalize(fx.snapshot());
    const userBefore = fx.snapshot().sheets.filter((s) => !s.props['hyoka.owner']);
    const second = await applyPlanInExcel(fx.context, makePlan(3));
    expect(second.syncs).toBe(3);
    expect(second.renamed).toEqual([]);
    expect(normalize(fx.snapshot())).toEqual(afterFirst);
    expect(fx.snapshot().sheets.filter((s) => !s.props['hyoka.owner'])).toEqual(userBefore);
    expect(fx.state.tables.map((t) => t.name).sort()).toEqual(['HyokaFindings', 'UserTable']);
    // The reader sees the marks it wrote.
    const snap = await readWorkbookSnapshot(fx.context);
    expect(snap.sheets.filter((s) => s.ownedByHyoka).map((s) => s.name)).toEqual(['評価サマリー', '検証結果', '実行ログ']);
  });

  test('a previous summary under other names (English run) is replaced, not kept beside the new one', async () => {
    const fx = new FakeExcel(SOURCE_SHEETS);
    await applyPlanInExcel(fx.context, makePlan(3, { evaluation: 'KPI summary', findings: 'Findings', log: 'Run log' }));
    await applyPlanInExcel(fx.context, makePlan(3));
    expect(fx.state.sheets.map((s) => s.name)).toEqual(['政策9', 'Memo', '評価サマリー', '検証結果', '実行ログ']);
  });

  describe('ownership (issue 13: Excel copies custom properties with a sheet)', () => {
    test('copied, renamed, noted, original deleted: the copy is kept, reported, and a fresh summary is written', async () => {
      const fx = new FakeExcel(SOURCE_SHEETS);
      await applyPlanInExcel(fx.context, makePlan(3));
      fx.copySheetAsUser('評価サマリー', '2023年度 評価サマリー(控え)');
      const copy = sheet(fx, '2023年度 評価サマリー(控え)');
      copy.cells['199,0'] = { v: '課長へ: 指標2は要確認', t: 'String' };
      fx.state.sheets = fx.state.sheets.filter((s) => s.name !== '評価サマリー');
      fx.state.activeId = copy.id;
      const kept = JSON.parse(JSON.stringify(copy));
      const result = await applyPlanInExcel(fx.context, makePlan(3));
      expect(sheet(fx, '2023年度 評価サマリー(控え)')).toEqual(kept);
      expect(result.kept).toEqual([{ name: '2023年度 評価サマリー(控え)', key: 'evaluation', reason: 'copied' }]);
      expect(fx.state.sheets.map((s) => s.name)).toEqual(['政策9', 'Memo', '2023年度 評価サマリー(控え)', '評価サマリー', '検証結果', '実行ログ']);
    });

    test('with both the original and its copy, the original is replaced and the copy kept', async () => {
      const fx = new FakeExcel(SOURCE_SHEETS);
      await applyPlanInExcel(fx.context, makePlan(3));
      fx.copySheetAsUser('検証結果', '検証結果 (2)');
      const result = await applyPlanInExcel(fx.context, makePlan(3));
      expect(result.kept).toEqual([{ name: '検証結果 (2)', key: 'findings', reason: 'copied' }]);
      expect(result.sheetNames.findings).toBe('検証結果');
      expect(fx.state.sheets.map((s) => s.name)).toEqual(['政策9', 'Memo', '検証結果 (2)', '評価サマリー', '検証結果', '実行ログ']);
    });

    test('an owned sheet the user renamed, or a mark the record does not know, is kept', async () => {
      const fx = new FakeExcel(SOURCE_SHEETS);
      await applyPlanInExcel(fx.context, makePlan(3));
      sheet(fx, '実行ログ').name = '実行ログ 2024';
      const r1 = await applyPlanInExcel(fx.context, makePlan(3));
      expect(r1.kept).toEqual([{ name: '実行ログ 2024', key: 'log', reason: 'renamed' }]);
      fx.state.names = [];
      const r2 = await applyPlanInExcel(fx.context, makePlan(3));
      expect(r2.kept.map((k) => [k.name, k.reason])).toEqual([
        ['実行ログ 2024', 'otherRun'],
        ['評価サマリー', 'otherRun'],
        ['検証結果', 'otherRun'],
        ['実行ログ', 'otherRun'],
      ]);
      expect(r2.sheetNames.evaluation).toBe('評価サマリー (2)');
    });

    test('a sheet a crashed run left under its temporary name is removed', async () => {
      const fx = new FakeExcel([...SOURCE_SHEETS, { name: '~hyoka-tmp-evaluation', props: { 'hyoka.owner': 'hyoka', 'hyoka.key': 'evaluation', 'hyoka.run': '0badc0de' } }]);
      const result = await applyPlanInExcel(fx.context, makePlan(3));
      expect(result.kept).toEqual([]);
      expect(fx.state.sheets.map((s) => s.name)).toEqual(['政策9', 'Memo', '評価サマリー', '検証結果', '実行ログ']);
    });
  });

  describe('an injected failure at any operation leaves the workbook as it was (or, past the last undoable step, finished)', () => {
    const scenarios = [
      { label: 'first run', budget: undefined, rerun: false },
      { label: 're-run over an earlier summary', budget: undefined, rerun: true },
      { label: 're-run, chunked writes', budget: 8000, rerun: true },
      { label: 'first run in one undo group (ExcelApi 1.20)', budget: undefined, rerun: false, group: true },
    ];
    test.each(scenarios)('$label', async ({ budget, rerun, group }) => {
      const plan = makePlan(40);
      const setup = async () => {
        const fx = new FakeExcel(SOURCE_SHEETS, { sets: { ExcelApi: '1.20' } });
        if (rerun) await applyPlanInExcel(fx.context, makePlan(2));
        return fx;
      };
      // With the build lock: it must be gone again after every outcome.
      const apply = (fx: FakeExcel) =>
        group
          ? applyPlanInExcel(fx.newContext({ mergeUndoGroup: true }), plan, { budgetBytes: budget, lock: new RunLock('pane'), undoGroup: true, recoveryRun: (b) => fx.run({}, b) })
          : applyPlanInExcel(fx.context, plan, { budgetBytes: budget, lock: new RunLock('pane') });
      const clean = await setup();
      const opsBefore = clean.opsExecuted;
      await apply(clean);
      const total = clean.opsExecuted - opsBefore;
      const done = normalize(clean.snapshot());
      let back = 0;
      let forward = 0;
      for (let i = 0; i < total; i++) {
        const fx = await setup();
        const before = fx.snapshot();
        fx.failAtOp = fx.opsExecuted + i;
        const outcome = await apply(fx).catch((e: unknown) => e);
        if (outcome instanceof ApplyPlanError) {
          expect(outcome.rolledBack).toBe(true);
          expect(fx.snapshot()).toEqual(before);
          back++;
        } else {
          expect(outcome).not.toBeInstanceOf(Error);
          expect(normalize(fx.snapshot())).toEqual(done);
          expect(fx.state.docProps).toEqual({});
          forward++;
        }
      }
      expect(total).toBeGreaterThan(50);
      expect(back).toBeGreaterThan(0);
      // Only a failure among the deletions of the old sheets (or the table names after them) is finished forward.
      if (!rerun) expect(forward).toBe(0);
      else expect(forward).toBeGreaterThan(0);
    });

    test('a failed sync 2 costs exactly two more syncs to undo', async () => {
      const fx = new FakeExcel(SOURCE_SHEETS);
      const before = fx.snapshot();
      fx.failAtSync = 2;
      const err = (await applyPlanInExcel(fx.context, makePlan(3)).catch((e: unknown) => e)) as ApplyPlanError;
      expect(err).toBeInstanceOf(ApplyPlanError);
      expect(err.message).toMatch(/left as it was/);
      expect(err.syncs).toBe(4);
      expect(fx.snapshot()).toEqual(before);
    });
  });

  describe('payload chunking', () => {
    test('splits only over the budget; the fewest batches; the same workbook as unchunked', async () => {
      const plan = makePlan(400);
      const whole = new FakeExcel(SOURCE_SHEETS);
      const r1 = await applyPlanInExcel(whole.context, plan);
      expect(r1.chunks).toBe(1);
      const budget = 20_000;
      const split = new FakeExcel(SOURCE_SHEETS);
      const r2 = await applyPlanInExcel(split.context, plan, { budgetBytes: budget });
      expect(r2.chunks).toBeGreaterThan(1);
      expect(r2.syncs).toBe(3 + r2.chunks - 1);
      expect(split.syncs).toBe(r2.syncs);
      // Our estimate is an upper bound of what the fake counts, so every write request fits.
      for (const b of split.requestBytes) expect(b).toBeLessThanOrEqual(budget);
      expect(r2.batchBytes.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(r2.chunks * budget);
      // Fewest: one batch fewer would not hold what was sent.
      expect((r2.chunks - 1) * budget).toBeLessThan(r2.batchBytes.reduce((a, b) => a + b, 0));
      expect(normalize(split.snapshot())).toEqual(normalize(whole.snapshot()));
    });

    test('a plan past 5 MB is written in several requests, none over Excel on the web\'s limit', async () => {
      const plan = makePlan(40000);
      const fx = new FakeExcel(SOURCE_SHEETS);
      const result = await applyPlanInExcel(fx.context, plan);
      expect(result.chunks).toBeGreaterThanOrEqual(2);
      expect(Math.max(...fx.requestBytes)).toBeLessThanOrEqual(5 * 1024 * 1024);
      expect(sheet(fx, '評価サマリー').cells['40000,1'].v).toBe('地域活動に参加した市民の割合 40000');
      // Without chunking the same plan is refused, and the workbook is restored.
      const raw = new FakeExcel(SOURCE_SHEETS);
      const before = raw.snapshot();
      const err = await applyPlanInExcel(raw.context, plan, { budgetBytes: Number.MAX_SAFE_INTEGER }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ApplyPlanError);
      expect(String((err as ApplyPlanError).message)).toMatch(/RequestPayloadSizeLimitExceeded/);
      expect(raw.snapshot()).toEqual(before);
    });
  });
  describe('what real Excel refuses', () => {
    test('a VeryHidden previous summary sheet is made visible enough to delete (Excel refuses to delete it)', async () => {
      const fx = new FakeExcel(SOURCE_SHEETS);
      await applyPlanInExcel(fx.context, makePlan(3));
      sheet(fx, '実行ログ').visibility = 'VeryHidden';
      const userBefore = fx.snapshot().sheets.filter((s) => !s.props['hyoka.owner']);
      const r = await applyPlanInExcel(fx.context, makePlan(3));
      expect(r.sheetNames.log).toBe('実行ログ');
      expect(fx.state.sheets.map((s) => [s.name, s.visibility])).toEqual([
        ['政策9', 'Visible'],
        ['Memo', 'Visible'],
        ['評価サマリー', 'Visible'],
        ['検証結果', 'Visible'],
        ['実行ログ', 'Visible'],
      ]);
      expect(fx.snapshot().sheets.filter((s) => !s.props['hyoka.owner'])).toEqual(userBefore);
    });

    test('a table name never clashes with a defined name, workbook- or sheet-scoped', async () => {
      const fx = new FakeExcel(
        [SOURCE_SHEETS[0], { ...SOURCE_SHEETS[1], names: ['HyokaFindings_2'] }],
        { names: ['HyokaFindings', 'HyokaTmp_1'] },
      );
      const r = await applyPlanInExcel(fx.context, makePlan(3));
      expect(r.syncs).toBe(3);
      const table = fx.state.tables.find((t) => t.sheetId === sheet(fx, '検証結果').id);
      expect(table?.name).toBe('HyokaFindings_3');
    });

    test('a chart series without a number is left out; a chart with none is skipped and reported (EmptyChartSeries)', async () => {
      const plan: SummaryPlan = makePlan(3);
      const ev = plan.sheets[0];
      // Qualitative KPIs: no achievement rate anywhere in column C.
      for (const row of ev.blocks[0].values.slice(1)) row[2] = null;
      ev.charts.push({ ...ev.charts[0], id: 'empty', title: '空', series: [{ name: '達成率', values: 'C2:C4' }] });
      const fx = new FakeExcel(SOURCE_SHEETS);
      const r = await applyPlanInExcel(fx.context, plan);
      expect(r.skippedCharts).toEqual([{ sheet: '評価サマリー', id: 'empty', title: '空' }]);
      const charts = sheet(fx, '評価サマリー').charts;
      expect(charts.map((c) => c.name)).toEqual(['achievement-9']);
      expect(charts[0].series.map((s) => s.name)).toEqual(['100%']);
    });

    test("another build's fresh lock stops the build before anything changes; a stale one does not", async () => {
      const { RunLock, LOCK_PROPERTY } = await import('../../src/excel/runLock');
      const fx = new FakeExcel(SOURCE_SHEETS);
      const t0 = Date.parse('2026-04-01T09:00:00Z');
      fx.state.docProps[LOCK_PROPERTY] = JSON.stringify({ token: 'other', at: t0, by: 'ribbon' });
      const before = fx.snapshot();
      const refused = await applyPlanInExcel(fx.context, makePlan(3), { lock: new RunLock('pane', () => t0 + 60_000) }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(BuildLockedError);
      expect((refused as BuildLockedError).by).toBe('ribbon');
      expect(fx.snapshot()).toEqual(before);
      const lock = new RunLock('pane', () => t0 + 6 * 60_000);
      const r = await applyPlanInExcel(fx.context, makePlan(3), { lock });
      expect(r.sheetNames.evaluation).toBe('評価サマリー');
      // Released with the last batch.
      expect(fx.state.docProps).toEqual({});
      expect(lock.held).toBe(false);
    });

    test('in an undo group the build is one undo step: born under final names, nothing renamed or deleted', async () => {
      const fx = new FakeExcel(SOURCE_SHEETS, { sets: { ExcelApi: '1.20' } });
      const ctx = fx.newContext({ delayForCellEdit: true, mergeUndoGroup: true });
      const r = await applyPlanInExcel(ctx, makePlan(3), { undoGroup: true });
      expect(r.syncs).toBe(3);
      expect(fx.undoRecords).toBe(1);
      expect(fx.state.sheets.map((s) => s.name)).toEqual(['政策9', 'Memo', '評価サマリー', '検証結果', '実行ログ']);
      // Without the group every write sync is its own undo step.
      const plain = new FakeExcel(SOURCE_SHEETS, { sets: { ExcelApi: '1.20' } });
      await applyPlanInExcel(plain.context, makePlan(3));
      expect(plain.undoRecords).toBe(2);
    });

    test('a failure in an undo group is undone in a run of its own (the group cannot delete sheets)', async () => {
      const fx = new FakeExcel(SOURCE_SHEETS, { sets: { ExcelApi: '1.20' } });
      const before = fx.snapshot();
      const ctx = fx.newContext({ mergeUndoGroup: true });
      fx.failAtOp = 40;
      const err = await applyPlanInExcel(ctx, makePlan(3), { undoGroup: true, recoveryRun: (b) => fx.run({}, b) }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ApplyPlanError);
      expect((err as ApplyPlanError).rolledBack).toBe(true);
      expect(fx.snapshot()).toEqual(before);
      // Without a run of its own the undo fails with UndoNotSupported and says so.
      const fy = new FakeExcel(SOURCE_SHEETS, { sets: { ExcelApi: '1.20' } });
      fy.failAtOp = 40;
      const stuck = (await applyPlanInExcel(fy.newContext({ mergeUndoGroup: true }), makePlan(3), { undoGroup: true }).catch((e: unknown) => e)) as ApplyPlanError;
      expect(stuck.rolledBack).toBe(false);
    });
  });
});
