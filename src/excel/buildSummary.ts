/**
 * The "サマリーを作成" button in one call: read the open workbook, analyse it, write the
 * summary back — 2 syncs to read, 3 to write (more only when chunked) in one Excel.run. The analysis is passed in,
 * so src/excel stays free of core decisions.
 */
import type { SummaryPlan } from '../core/plan';
import type { WorkbookSnapshot } from '../core/snapshot';
import { applyPlanInExcel, type ApplyResult } from './applyPlan';
import { readWorkbookSnapshot } from './readWorkbook';

export type BuildProgress =
  | { phase: 'read'; done: number; total: number }
  | { phase: 'analyze' }
  | { phase: 'write'; step: string };

export interface BuildSummaryDeps<M> {
  analyze: (snapshot: WorkbookSnapshot) => { model: M; plan: SummaryPlan };
  onProgress?: (p: BuildProgress) => void;
  /** Excel.run by default; tests pass a runner over a fake context. */
  run?: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
}

export interface BuildSummaryResult<M> extends ApplyResult {
  model: M;
  snapshot: WorkbookSnapshot;
}

export async function buildSummaryInExcel<M = unknown>(deps: BuildSummaryDeps<M>): Promise<BuildSummaryResult<M>> {
  const run = deps.run ?? ((batch) => Excel.run(batch));
  const report = deps.onProgress ?? (() => undefined);
  return run(async (context) => {
    const snapshot = await readWorkbookSnapshot(context, (done, total) => report({ phase: 'read', done, total }));
    report({ phase: 'analyze' });
    const { model, plan } = deps.analyze(snapshot);
    const result = await applyPlanInExcel(context, plan, { onProgress: (step) => report({ phase: 'write', step }) });
    return { ...result, model, snapshot };
  });
}
