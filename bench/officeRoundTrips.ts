/**
 * Office.js round trips for the benchmark, counted against the strict fake Excel
 * (test/excel/fakeExcel.ts): Hyōka's reader and applier next to a naive baseline that
 * syncs once per sheet to read and once per sheet, block and chart to write.
 */
import { parseA1, rangeA1, toA1 } from '../src/core/a1';
import type { SummaryPlan } from '../src/core/plan';
import type { CellValue, WorkbookSnapshot } from '../src/core/snapshot';
import { readWorkbookSnapshot } from '../src/excel/readWorkbook';
import { applyPlanInExcel } from '../src/excel/applyPlan';
import { FakeExcel, type CellInit, type SheetInit } from '../test/excel/fakeExcel';

export interface OfficeRoundTrips {
  read: { syncs: number; naiveSyncs: number; maxRequestBytes: number; maxResponseBytes: number };
  write: { syncs: number; naiveSyncs: number; maxRequestBytes: number; chunks: number };
}

/** The reader's sparse cells laid out as the fake's dense block (the bench's workbooks are compact). */
function toInit(snapshot: WorkbookSnapshot): SheetInit[] {
  return snapshot.sheets.map((s) => {
    const cells = s.cells ?? [];
    if (!cells.length) return { name: s.name, merges: s.merges };
    const r0 = Math.min(...cells.map((c) => c.row));
    const c0 = Math.min(...cells.map((c) => c.col));
    const values: CellInit[][] = [];
    for (const c of cells) (values[c.row - r0] ??= [])[c.col - c0] = c.value as CellValue as CellInit;
    return { name: s.name, origin: toA1(r0, c0), values: Array.from(values, (row) => Array.from(row ?? [], (v) => v ?? null)), merges: s.merges };
  });
}

/** The naive reader: one sync for the sheet list, then one per sheet. */
async function naiveRead(fx: FakeExcel): Promise<void> {
  const ctx = fx.context;
  const sheets = ctx.workbook.worksheets;
  sheets.load('items/name');
  await ctx.sync();
  for (const ws of sheets.items) {
    const used = ws.getUsedRangeOrNullObject(true);
    used.load('address,values,valueTypes,formulas,numberFormat');
    await ctx.sync();
  }
}

/** The naive writer: one sync per new sheet, per block of values, per chart. */
async function naiveWrite(fx: FakeExcel, plan: SummaryPlan): Promise<void> {
  const ctx = fx.context;
  for (const sheet of plan.sheets) {
    const ws = ctx.workbook.worksheets.add(`naive-${sheet.key}`);
    await ctx.sync();
    for (const b of sheet.blocks) {
      if (!b.values.length) continue;
      const rows = b.values.length;
      const cols = Math.max(...b.values.map((r) => r.length));
      const values = b.values.map((r) => Array.from({ length: cols }, (_, i) => (r[i] === null || r[i] === undefined ? '' : r[i])));
      const { row, col } = parseA1(b.address);
      ws.getRange(rangeA1(row, col, row + rows - 1, col + cols - 1)).values = values as (string | number | boolean)[][];
      await ctx.sync();
    }
    for (const ch of sheet.charts) {
      ws.charts.add('ColumnClustered' as Excel.ChartType, ws.getRange(ch.series[0].values), 'Auto' as Excel.ChartSeriesBy);
      await ctx.sync();
    }
  }
}

export async function officeRoundTrips(snapshot: WorkbookSnapshot, plan: SummaryPlan): Promise<OfficeRoundTrips | null> {
  const init = toInit(snapshot);
  const r = new FakeExcel(init);
  await readWorkbookSnapshot(r.context);
  const rn = new FakeExcel(init);
  await naiveRead(rn);
  const w = new FakeExcel(init);
  const res = await applyPlanInExcel(w.context, plan);
  const wn = new FakeExcel(init);
  let naiveWriteSyncs = Number.NaN;
  try {
    await naiveWrite(wn, plan);
    naiveWriteSyncs = wn.syncs;
  } catch (e) {
    process.stderr.write(`naive write baseline failed on the fake: ${(e as Error).message}\n`);
  }
  return {
    read: { syncs: r.syncs, naiveSyncs: rn.syncs, maxRequestBytes: Math.max(...r.requestBytes), maxResponseBytes: Math.max(...r.responseBytes) },
    write: { syncs: w.syncs, naiveSyncs: naiveWriteSyncs, maxRequestBytes: Math.max(...w.requestBytes), chunks: res.chunks },
  };
}
