/**
 * The "サマリーを作成" button in one call: read the open workbook, analyse it, write the
 * summary back. Two Excel.runs, each waiting out cell-edit mode: the read (3 syncs; none when
 * the caller's snapshot is still the workbook's), then the write (3 syncs), more only past the
 * payload budget. The write run is one undo step where Excel can group it (ExcelApi 1.20) and
 * nothing has to be renamed or deleted — a first build; a re-build replaces sheets, which Excel's
 * undo cannot group. The run lock keeps a second build (pane and ribbon at once) from
 * interleaving. The analysis is passed in, so src/excel stays free of core decisions.
 */
import type { SummaryPlan } from '../core/plan';
import type { WorkbookSnapshot } from '../core/snapshot';
import { applyPlanInExcel, BuildCancelledError, type ApplyResult } from './applyPlan';
import { readWorkbookSnapshot } from './readWorkbook';
import { canGroupUndo, excelRun, runBatch, type ExcelRun } from './run';
import { RunLock, type BuildOrigin } from './runLock';

export type BuildProgress =
  | { phase: 'read'; done: number; total: number }
  | { phase: 'analyze' }
  | { phase: 'write'; step: string };

type Analyzed<M> = { model?: M; plan: SummaryPlan };

export interface BuildSummaryDeps<M> {
  /** Snapshot → plan; may run elsewhere (the pane's worker), so it may answer later. */
  analyze: (snapshot: WorkbookSnapshot) => Analyzed<M> | Promise<Analyzed<M>>;
  /** The pane's snapshot when the workbook has not changed since it was read: no read run. */
  snapshot?: WorkbookSnapshot;
  /** The user cancelled: stop before the next step; a write already begun is undone. */
  cancelled?: () => boolean;
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
  model?: M;
  snapshot: WorkbookSnapshot;
  /** The write was one undo step. */
  undoGroup: boolean;
}

export async function buildSummaryInExcel<M = unknown>(deps: BuildSummaryDeps<M>): Promise<BuildSummaryResult<M>> {
  const run = deps.run ?? excelRun;
  const report = deps.onProgress ?? (() => undefined);
  const lock = new RunLock(deps.by ?? 'pane');
  const stopIfCancelled = () => {
    if (deps.cancelled?.()) throw new BuildCancelledError();
  };
  // Without a read run the lock is first checked in the write's sync 1, still before any change.
  const snapshot =
    deps.snapshot ??
    (await runBatch(
      (context) =>
        readWorkbookSnapshot(context, {
          onProgress: (done, total) => report({ phase: 'read', done, total }),
          budgetBytes: deps.budgetBytes,
          // Refuse early, before reading, while another build holds the workbook.
          withFirstSync: { queue: () => lock.queueCheck(context), after: () => lock.assertFree() },
        }),
      { run },
    ));
  stopIfCancelled();
  report({ phase: 'analyze' });
  const { model, plan } = await deps.analyze(snapshot);
  stopIfCancelled();
  const undoGroup = (deps.canGroupUndo ?? canGroupUndo)() && !snapshot.sheets.some((s) => s.ownedByHyoka);
  const result = await runBatch(
    async (context) => {
      try {
        return await applyPlanInExcel(context, plan, {
          onProgress: (step) => report({ phase: 'write', step }),
          budgetBytes: deps.budgetBytes,
          lock,
          undoGroup,
          cancelled: deps.cancelled,
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
