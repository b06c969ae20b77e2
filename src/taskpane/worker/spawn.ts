/**
 * Starts the analysis worker, or says there is none (null). webpack 5 bundles the worker as its
 * own chunk from this exact `new Worker(new URL(…, import.meta.url))` form
 * (https://webpack.js.org/guides/web-workers/). jest maps this file to test/stubs/spawnWorker.ts:
 * import.meta does not exist in its CommonJS.
 */
import type { WorkerLike } from "./client";

export function spawnAnalysisWorker(): WorkerLike | null {
  if (typeof Worker === "undefined") return null;
  return new Worker(
    /* webpackChunkName: "analysis-worker" */
    // @ts-expect-error -- tsconfig compiles to CommonJS for node; webpack (module esnext) handles import.meta.
    new URL("./analysis.worker.ts", import.meta.url)
  ) as unknown as WorkerLike;
}
