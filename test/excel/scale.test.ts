/**
 * A whole city (N = 200 policy fields) through the Office.js adapters on the strict fake:
 * constant syncs to read, the fewest chunks over 5 MB to write, no request over the limit,
 * and the same workbook as an unchunked build.
 */
import { analyzeWorkbook } from '../../src/core/analyze';
import { planSummary } from '../../src/core/planSummary';
import { readWorkbookSnapshot } from '../../src/excel/readWorkbook';
import { applyPlanInExcel } from '../../src/excel/applyPlan';
import { EXCEL_WEB_PAYLOAD_LIMIT_BYTES } from '../../src/excel/payload';
import { fieldRows, makeField, SEED_VARIANT } from '../../bench/generate';
import { FakeExcel, type CellInit, type SheetInit } from './fakeExcel';
import { normalize } from './planFixtures';

function city(n: number): SheetInit[] {
  return Array.from({ length: n }, (_, i) => {
    const f = makeField(i + 1, 2026);
    return { name: `政策分野${f.id}`, values: fieldRows(f, SEED_VARIANT) as CellInit[][] };
  });
}

it('N = 200: reads in 2 syncs, writes in the fewest chunks, no request over 5 MB, same result as unchunked', async () => {
  const sheets = city(200);
  const reader = new FakeExcel(sheets);
  const snapshot = await readWorkbookSnapshot(reader.context);
  expect(reader.syncs).toBe(2);
  const model = analyzeWorkbook(snapshot);
  expect(model.policyFields).toHaveLength(200);
  const plan = planSummary(model, { lang: 'ja', now: new Date(0), generatorVersion: 'scale' });

  const chunked = new FakeExcel(sheets);
  const r = await applyPlanInExcel(chunked.context, plan);
  expect(r.chunks).toBeGreaterThan(1);
  expect(r.syncs).toBe(3 + r.chunks - 1);
  expect(Math.max(...chunked.requestBytes)).toBeLessThanOrEqual(EXCEL_WEB_PAYLOAD_LIMIT_BYTES);
  // The fewest chunks by the applier's (conservative) estimate: every batch but the last is
  // filled to within a row of the 4.5 MB budget, so one fewer could not hold them.
  const budget = Math.floor(4.5 * 1024 * 1024);
  const full = r.batchBytes.slice(0, -1);
  expect(full.every((b) => b > budget * 0.98 && b <= budget)).toBe(true);
  expect(r.chunks).toBe(Math.ceil(r.batchBytes.reduce((a, b) => a + b, 0) / budget));

  const unchunked = new FakeExcel(sheets);
  unchunked.requestLimitBytes = Number.MAX_SAFE_INTEGER;
  const u = await applyPlanInExcel(unchunked.context, plan, { budgetBytes: Number.MAX_SAFE_INTEGER });
  expect(u.chunks).toBe(1);
  expect(u.syncs).toBe(3);
  expect(normalize(chunked.snapshot())).toEqual(normalize(unchunked.snapshot()));
}, 300_000);
