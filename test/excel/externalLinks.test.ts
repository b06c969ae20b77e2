/**
 * The Office.js applier's links to another workbook (issue 15): the file as the hyperlink's
 * address with the cell after "#" (RangeHyperlink has no sub-address), in the same write batch
 * as the other links, still 3 syncs; a target that is not a relative workbook path gets no link.
 */
import { applyPlanInExcel } from '../../src/excel/applyPlan';
import { FakeExcel } from './fakeExcel';
import { makePlan, SOURCE_SHEETS } from './planFixtures';

function withLinks(files: string[]) {
  const plan = makePlan(3);
  const ev = plan.sheets[0];
  ev.hyperlinks = files.map((file, i) => ({ cell: `F${i + 2}`, target: { sheet: "政策分野'3", address: `B${i + 3}`, file }, text: '参照', tooltip: `${file} を開く` }));
  return plan;
}

it('links to the file with the cell after "#", in the same batch (3 syncs)', async () => {
  const fx = new FakeExcel(SOURCE_SHEETS);
  const r = await applyPlanInExcel(fx.context, withLinks(['depts/01-企画政策部.xlsx', '../R5/評価.xlsx']));
  expect(r.syncs).toBe(3);
  const ev = fx.state.sheets.find((s) => s.name === '評価サマリー')!;
  expect(ev.cells['1,5'].link).toEqual({ address: "depts/01-企画政策部.xlsx#'政策分野''3'!B3", textToDisplay: '参照', screenTip: 'depts/01-企画政策部.xlsx を開く' });
  expect(ev.cells['2,5'].link).toEqual({ address: "../R5/評価.xlsx#'政策分野''3'!B4", textToDisplay: '参照', screenTip: '../R5/評価.xlsx を開く' });
  expect(ev.cells['1,5'].link?.documentReference).toBeUndefined();
});

it('writes no link for a target that is not a relative workbook path', async () => {
  const fx = new FakeExcel(SOURCE_SHEETS);
  await applyPlanInExcel(fx.context, withLinks(['https://example.com/a.xlsx', 'C:\\x.xlsx']));
  const ev = fx.state.sheets.find((s) => s.name === '評価サマリー')!;
  expect(Object.values(ev.cells).filter((c) => c.link)).toEqual([]);
});
