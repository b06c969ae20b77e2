/**
 * A whole city (N = 200 policy fields) through the Office.js adapters on the strict fake, first
 * run and re-run: no read response and no write request over the payload budget (measured as
 * Office.js's JSON), reads in the fewest budgeted requests, writes in the fewest chunks, and the
 * same workbook as an unchunked build.
 */
import { analyzeWorkbook } from '../../src/core/analyze';
import { planSummary } from '../../src/core/planSummary';
import { readWorkbookSnapshot } from '../../src/excel/readWorkbook';
import { applyPlanInExcel } from '../../src/excel/applyPlan';
import { PAYLOAD_BUDGET_BYTES } from '../../src/excel/payload';
import { fieldRows, makeField, SEED_VARIANT } from '../../bench/generate';
import { FakeExcel, type CellInit, type SheetInit } from './fakeExcel';
import { normalize } from './planFixtures';

function city(n: number): SheetInit[] {
  return Array.from({ length: n }, (_, i) => {
    const f = makeField(i + 1, 2026);
    return { name: `政策分野${f.id}`, values: fieldRows(f, SEED_VARIANT) as CellInit[][] };
  });
}

it('N = 200, first run and re-run: every read response and write request within the budget; fewest chunks; same result as unchunked', async () => {
  const sheets = city(200);
  const fx = new FakeExcel(sheets);
  const snapshot = await readWorkbookSnapshot(fx.context);
  const firstRead = { syncs: fx.syncs, max: Math.max(...fx.responseBytes) };
  expect(fx.refusedResponses).toEqual([]);
  expect(firstRead.max).toBeLessThanOrEqual(PAYLOAD_BUDGET_BYTES);
  // Sheet list, marks and sizes, then the cells: the fewest requests the estimate allows.
  expect(firstRead.syncs).toBeGreaterThan(3);
  const model = analyzeWorkbook(snapshot);
  expect(model.policyFields).toHaveLength(200);
  const plan = planSummary(model, { lang: 'ja', now: new Date(0), generatorVersion: 'scale' });

  const before = fx.syncs;
  const r = await applyPlanInExcel(fx.context, plan);
  expect(r.chunks).toBeGreaterThan(1);
  expect(r.syncs).toBe(3 + r.chunks - 1);
  const writes = fx.requestBytes.slice(before);
  expect(Math.max(...writes)).toBeLessThanOrEqual(PAYLOAD_BUDGET_BYTES);
  // The applier's estimate is an upper bound of the measured request, batch by batch.
  r.batchBytes.forEach((estimate, k) => expect(writes[1 + k]).toBeLessThanOrEqual(estimate));
  // The fewest chunks by the estimate: every batch but the last is filled to within a row of the budget.
  const full = r.batchBytes.slice(0, -1);
  expect(full.every((b) => b > PAYLOAD_BUDGET_BYTES * 0.98 && b <= PAYLOAD_BUDGET_BYTES)).toBe(true);

  // Re-run: the previous summary's sheets are Hyōka's, so they are never read.
  const rerunFrom = fx.syncs;
  const again = await readWorkbookSnapshot(fx.context);
  const rerunResponses = fx.responseBytes.slice(rerunFrom);
  expect(Math.max(...rerunResponses)).toBeLessThanOrEqual(PAYLOAD_BUDGET_BYTES);
  expect(fx.syncs - rerunFrom).toBe(firstRead.syncs);
  expect(again.sheets.filter((s) => s.ownedByHyoka).map((s) => s.cells)).toEqual(plan.sheets.map(() => []));
  const r2 = await applyPlanInExcel(fx.context, plan);
  expect(Math.max(...fx.requestBytes.slice(fx.syncs - r2.syncs))).toBeLessThanOrEqual(PAYLOAD_BUDGET_BYTES);

  const unchunked = new FakeExcel(sheets);
  unchunked.requestLimitBytes = Number.MAX_SAFE_INTEGER;
  const u = await applyPlanInExcel(unchunked.context, plan, { budgetBytes: Number.MAX_SAFE_INTEGER });
  expect(u.chunks).toBe(1);
  expect(u.syncs).toBe(3);
  expect(normalize(fx.snapshot())).toEqual(normalize(unchunked.snapshot()));
}, 600_000);
