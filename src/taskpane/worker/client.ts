/**
 * Runs the pane's jobs (handler.ts) off the main thread in a Web Worker, or — where there is no
 * Worker (jest's jsdom, a host without one) — on the main thread, yielding to the page between
 * phases. Either way a job can be cancelled: the worker is terminated (a new one starts with the
 * next job), the main-thread job stops at its next pause; its promise rejects with RunCancelled.
 */
import type { Analyze } from "../analysis";
import { runJob } from "./handler";
import type { JobDeps } from "./handler";
import type {
  JobMessage,
  ReplyMessage,
  RunProgress,
  WorkerRequest,
  WorkerResults,
} from "./protocol";
import { fromWire } from "./wireError";

/** The run was cancelled by the user: nothing of it is kept. */
export class RunCancelled extends Error {
  constructor() {
    super("cancelled");
    this.name = "RunCancelled";
  }
}

/**
 * A cancelled run: the worker's or the Office build's, also when the Excel applier wrapped it after
 * undoing what it had built (ApplyPlanError, rolledBack) — not when the undo failed: that is an error.
 */
export function isCancelled(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  if (e.name === "RunCancelled") return true;
  const { cause, rolledBack } = e as Error & { cause?: unknown; rolledBack?: unknown };
  return e.name === "ApplyPlanError" && rolledBack === true && isCancelled(cause);
}

export interface AnalysisClient {
  /** "worker" or "main": where the jobs run. */
  where: "worker" | "main";
  run<R extends WorkerRequest>(
    request: R,
    onProgress?: (p: RunProgress) => void,
    signal?: AbortSignal
  ): Promise<WorkerResults[R["type"]]>;
}

/** The subset of a Web Worker the client uses (tests pass a fake). */
export interface WorkerLike {
  postMessage(message: JobMessage, transfer?: Transferable[]): void;
  onmessage: ((e: MessageEvent<ReplyMessage>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
  terminate(): void;
}

/** A macrotask: lets the page paint and handle input between phases. */
export const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function cancelledAlready(signal?: AbortSignal): void {
  if (signal?.aborted) throw new RunCancelled();
}

/** Jobs on the main thread, each phase its own task. */
export function createMainThreadClient(deps: Omit<JobDeps, "pause"> = {}): AnalysisClient {
  return {
    where: "main",
    async run(request, onProgress, signal) {
      cancelledAlready(signal);
      const pause = async () => {
        await yieldToPage();
        cancelledAlready(signal);
      };
      const result = await runJob(request, (p) => onProgress?.(p), { ...deps, pause });
      cancelledAlready(signal);
      return result;
    },
  };
}

/** Jobs in a Web Worker made by `spawn`, one at a time per worker; a cancelled job's worker is ended. */
export function createWorkerClient(spawn: () => WorkerLike): AnalysisClient {
  const idle: WorkerLike[] = [];
  let next = 0;
  return {
    where: "worker",
    run<R extends WorkerRequest>(
      request: R,
      onProgress?: (p: RunProgress) => void,
      signal?: AbortSignal
    ): Promise<WorkerResults[R["type"]]> {
      return new Promise((resolve, reject) => {
        if (signal?.aborted) return reject(new RunCancelled());
        const worker = idle.pop() ?? spawn();
        const id = ++next;
        const finish = (keep: boolean) => {
          worker.onmessage = null;
          worker.onerror = null;
          signal?.removeEventListener("abort", abort);
          if (keep) idle.push(worker);
          else worker.terminate();
        };
        const abort = () => {
          finish(false);
          reject(new RunCancelled());
        };
        signal?.addEventListener("abort", abort);
        worker.onmessage = (e) => {
          const reply = e.data;
          if (reply.id !== id) return;
          if (reply.type === "progress") onProgress?.(reply.progress);
          else if (reply.type === "result") {
            finish(true);
            resolve(reply.result as WorkerResults[R["type"]]);
          } else {
            finish(true);
            reject(fromWire(reply.error));
          }
        };
        worker.onerror = (e) => {
          // The worker itself failed (its script did not load): this job fails, the next gets a new one.
          finish(false);
          reject(new Error(e.message || "worker failed"));
        };
        worker.postMessage({ id, request });
      });
    },
  };
}

/**
 * The pane's client: a worker when `spawn` gives one, else the main thread. An injected analyze
 * (the pane's tests) cannot cross to a worker, so it runs on the main thread.
 */
export function createAnalysisClient(
  spawn: () => WorkerLike | null,
  analyze?: Analyze
): AnalysisClient {
  if (analyze) return createMainThreadClient({ analyze });
  const first = spawn();
  if (!first) return createMainThreadClient();
  let spare: WorkerLike | null = first;
  return createWorkerClient(() => {
    const worker = spare ?? spawn();
    spare = null;
    if (!worker) throw new Error("the analysis worker could not be started");
    return worker;
  });
}
