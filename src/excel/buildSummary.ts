/**
 * The "サマリーを作成" button in one call: read the open workbook, analyse it, write the
 * summary back. Two Excel.runs, each waiting out cell-edit mode: the read (3 syncs), then the
 * write (3 syncs), more only past the payload budget. The write run is one undo step where
 * Excel can group it (ExcelApi 1.20) and nothing has to be renamed or deleted — a first build;
 * a re-build replaces sheets, which Excel's undo cannot group. The run lock keeps a second
 * build (pane and ribbon at once) from interleaving. The analysis is passed in, so src/excel
 * stays free of core decisions.
 */
import type { SummaryPlan } from '../core/plan';
import type { WorkbookSnapshot } from '../core/snapshot';
import { applyPlanInExcel, type ApplyResult } from './applyPlan';
import { readWorkbookSnapshot } from './readWorkbook';
import { canGroupUndo, excelRun, runBatch, type ExcelRun } from './run';
import { RunLock, type BuildOrigin } from './runLock';

export type BuildProgress =
  | { phase: 'read'; done: number; total: number }
  | { phase: 'analyze' }
  | { phase: 'write'; step: string };

export interface BuildSummaryDeps<M> {
  analyze: (snapshot: WorkbookSnapshot) => { model: M; plan: SummaryPlan };
  onProgress?: (p: BuildProgress) => void;
  /** Excel.run(options, batch) by default; tests pass the fake's. */
  run?: ExcelRun;
  /** Where the build was started: a second build is told so. */
  by?: BuildOrigin;
  /** Can this Excel make the build one undo step? Office's isSetSupported('ExcelApi', '1.20') by default. */
  canGroupUndo?: () => boolean;
  /** Payload budget in bytes (tests lower it). */
  budgetBytes?: number;
}

export interface BuildSummaryResult<M> extends ApplyResult {
  model: M;
  snapshot: WorkbookSnapshot;
  /** The write was one undo step. */
  undoGroup: boolean;
}

export async function buildSummaryInExcel<M = unknown>(deps: BuildSummaryDeps<M>): Promise<BuildSummaryResult<M>> {
  const run = deps.run ?? excelRun;
  const report = deps.onProgress ?? (() => undefined);
  const lock = new RunLock(deps.by ?? 'pane');
  const snapshot = await runBatch(
    (context) =>
      readWorkbookSnapshot(context, {
        onProgress: (done, total) => report({ phase: 'read', done, total }),
        budgetBytes: deps.budgetBytes,
        // Refuse early, before reading, while another build holds the workbook.
        withFirstSync: { queue: () => lock.queueCheck(context), after: () => lock.assertFree() },
      }),
    { run },
  );
  report({ phase: 'analyze' });
  const { model, plan } = deps.analyze(snapshot);
  const undoGroup = (deps.canGroupUndo ?? canGroupUndo)() && !snapshot.sheets.some((s) => s.ownedByHyoka);
  const result = await runBatch(
    async (context) => {
      try {
        return await applyPlanInExcel(context, plan, {
          onProgress: (step) => report({ phase: 'write', step }),
          budgetBytes: deps.budgetBytes,
          lock,
          undoGroup,
          // The undo after a failure deletes sheets, which an undo group cannot: a run of its own.
          recoveryRun: undoGroup ? (batch) => runBatch(batch, { run }) : undefined,
        });
      } finally {
        // Released with the last batch unless a failure came first: never left held.
        if (lock.held) {
          lock.queueRelease(context);
          await context.sync().then(
            () => lock.releasedWith(),
            () => undefined,
          );
        }
      }
    },
    { run, undoGroup },
  );
  return { ...result, model, snapshot, undoGroup };
}
