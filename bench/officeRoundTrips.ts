/**
 * Office.js round trips and payloads for the benchmark, measured on the strict fake Excel
 * (test/excel/fakeExcel.ts, which sizes requests and responses as the JSON Office.js sends):
 * Hyōka's reader and applier on a first run and on a re-run (a workbook that already holds a
 * previous summary), next to a naive baseline that syncs once per sheet to read and once per
 * sheet, block and chart to write.
 */
import { parseA1, rangeA1, toA1 } from '../src/core/a1';
import type { SummaryPlan } from '../src/core/plan';
import type { CellValue, WorkbookSnapshot } from '../src/core/snapshot';
import { readWorkbookSnapshot } from '../src/excel/readWorkbook';
import { applyPlanInExcel } from '../src/excel/applyPlan';
import { EXCEL_WEB_PAYLOAD_LIMIT_BYTES, PAYLOAD_BUDGET_BYTES } from '../src/excel/payload';
import { FakeExcel, type CellInit, type SheetInit } from '../test/excel/fakeExcel';

export interface OfficeRoundTrips {
  read: { syncs: number; naiveSyncs: number; maxRequestBytes: number; maxResponseBytes: number };
  write: { syncs: number; naiveSyncs: number; maxRequestBytes: number; chunks: number };
  /** Reading the workbook again once it holds the summary (its sheets are Hyōka's: never read). */
  rerun: { readSyncs: number; maxReadResponseBytes: number };
}

/** The numbers `npm run bench -- --json FILE` writes per N. */
export interface OfficeJsJson {
  readSyncs: number;
  writeSyncs: number;
  maxReadResponseBytes: number;
  maxWriteRequestBytes: number;
  rerunReadSyncs: number;
  rerunMaxReadResponseBytes: number;
}

export function officeJsJson(o: OfficeRoundTrips): OfficeJsJson {
  return {
    readSyncs: o.read.syncs,
    writeSyncs: o.write.syncs,
    maxReadResponseBytes: o.read.maxResponseBytes,
    maxWriteRequestBytes: o.write.maxRequestBytes,
    rerunReadSyncs: o.rerun.readSyncs,
    rerunMaxReadResponseBytes: o.rerun.maxReadResponseBytes,
  };
}

/** A snapshot (dense or sparse) as the fake's sheet description. */
export function toInit(snapshot: WorkbookSnapshot): SheetInit[] {
  return snapshot.sheets.map((s) =>
    s.cells
      ? { name: s.name, cells: s.cells.map((c) => ({ row: c.row, col: c.col, value: c.value, formula: c.formula, numberFormat: c.numberFormat })), merges: s.merges }
      : { name: s.name, origin: s.origin, values: (s.values ?? []).map((row) => row.map((v: CellValue) => v as CellInit)), merges: s.merges },
  );
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
      await ctx.sync().catch(() => undefined);
    }
  }
}

const max = (xs: number[]) => (xs.length ? Math.max(...xs) : 0);

export async function officeRoundTrips(snapshot: WorkbookSnapshot, plan: SummaryPlan): Promise<OfficeRoundTrips | null> {
  const init = toInit(snapshot);
  // First run: read, then write, into the same workbook; then the re-run's read.
  const fx = new FakeExcel(init);
  await readWorkbookSnapshot(fx.context);
  const read = { syncs: fx.syncs, requests: fx.requestBytes.slice(), responses: fx.responseBytes.slice() };
  const res = await applyPlanInExcel(fx.context, plan);
  const writeRequests = fx.requestBytes.slice(read.syncs);
  const rerunFrom = fx.syncs;
  await readWorkbookSnapshot(fx.context);
  const rerun = { readSyncs: fx.syncs - rerunFrom, maxReadResponseBytes: max(fx.responseBytes.slice(rerunFrom)) };

  const rn = new FakeExcel(init);
  // The naive read is not budgeted: let it through to count its syncs.
  rn.responseLimitBytes = Number.MAX_SAFE_INTEGER;
  await naiveRead(rn);
  const wn = new FakeExcel(init);
  let naiveWriteSyncs = Number.NaN;
  try {
    await naiveWrite(wn, plan);
    naiveWriteSyncs = wn.syncs;
  } catch (e) {
    process.stderr.write(`naive write baseline failed on the fake: ${(e as Error).message}\n`);
  }
  return {
    read: { syncs: read.syncs, naiveSyncs: rn.syncs, maxRequestBytes: max(read.requests), maxResponseBytes: max(read.responses) },
    write: { syncs: res.syncs, naiveSyncs: naiveWriteSyncs, maxRequestBytes: max(writeRequests), chunks: res.chunks },
    rerun,
  };
}

/** docs/performance.md's Office.js targets against what was measured, in words. */
export function officeTargets(rows: { n: number; office: OfficeRoundTrips | null }[]): string[] {
  const ok = (b: boolean) => (b ? 'met' : '**not met**');
  const mb = (b: number) => `${(b / 1e6).toFixed(2)} MB`;
  const at = (f: (o: OfficeRoundTrips) => number | string) => rows.map((r) => `${r.office ? f(r.office) : '—'} at N = ${r.n}`).join(', ');
  const all = rows.flatMap((r) => (r.office ? [r.office] : []));
  const within = (f: (o: OfficeRoundTrips) => number) => all.every((o) => f(o) <= PAYLOAD_BUDGET_BYTES && f(o) <= EXCEL_WEB_PAYLOAD_LIMIT_BYTES);
  const budget = `${(PAYLOAD_BUDGET_BYTES / 2 ** 20).toFixed(0)} MiB`;
  return [
    `- Office.js read: ${at((o) => o.read.syncs)} syncs (target: 3 — sheet list and ownership record; ownership marks and used-range sizes; cells — until the estimated response passes the ${budget} payload budget, then the fewest requests). ` +
      `Largest read response measured: ${at((o) => mb(o.read.maxResponseBytes))}; within the budget: ${ok(within((o) => o.read.maxResponseBytes))}.`,
    `- Office.js re-run read (the workbook holds the previous summary, whose sheets are never read): ${at((o) => o.rerun.readSyncs)} syncs, largest response ${at((o) => mb(o.rerun.maxReadResponseBytes))}; within the budget: ${ok(within((o) => o.rerun.maxReadResponseBytes))}.`,
    `- Office.js write: ${at((o) => o.write.syncs)} syncs (target ≤ 3 until a request would pass the budget, then the fewest chunks: ${at((o) => o.write.chunks)}). ` +
      `The applier splits by its own estimate (256 bytes a queued call plus its JSON arguments), an upper bound of the measured request. Largest write request measured: ${at((o) => mb(o.write.maxRequestBytes))}; within the budget: ${ok(within((o) => o.write.maxRequestBytes))}.`,
  ];
}
