/**
 * The pane's own Excel calls go through Excel.run with delayForCellEdit: while the user is typing
 * in a cell, Excel fails a batch without it (https://learn.microsoft.com/javascript/api/excel/excel.runoptions).
 */
import { activateSheetInExcel, readWorkbookInExcel, selectCellInExcel } from '../../src/excel/session';
import { FakeExcel } from './fakeExcel';
import { SOURCE_SHEETS } from './planFixtures';

const global = globalThis as unknown as { Excel?: unknown };
afterEach(() => delete global.Excel);

test.each([
  ['scan', (fx: FakeExcel) => readWorkbookInExcel().then((s) => expect(s.sheets).toHaveLength(2)).then(() => expect(fx.syncs).toBe(3))],
  ['select a finding', (fx: FakeExcel) => selectCellInExcel('Memo', 'A1').then(() => expect(fx.state.activeId).toBe(fx.state.sheets[1].id))],
  ['go to a summary sheet', (fx: FakeExcel) => activateSheetInExcel('Memo').then(() => expect(fx.state.activeId).toBe(fx.state.sheets[1].id))],
])('%s while the user edits a cell waits for the edit instead of failing', async (_what, check) => {
  const fx = new FakeExcel(SOURCE_SHEETS);
  global.Excel = fx.excel;
  fx.cellEditMode = true;
  await check(fx);
  expect(fx.delayedSyncs).toBe(1);
  expect(fx.runs).toEqual([{ delayForCellEdit: true }]);
});

test('the fake refuses a batch without delayForCellEdit in cell-edit mode (the witness can fail)', async () => {
  const fx = new FakeExcel(SOURCE_SHEETS);
  fx.cellEditMode = true;
  const err = await fx.run(async (ctx) => {
    ctx.workbook.worksheets.load('items/name');
    await ctx.sync();
  }).catch((e: unknown) => e);
  expect(String(err)).toMatch(/InvalidOperationInCellEditMode/);
});
