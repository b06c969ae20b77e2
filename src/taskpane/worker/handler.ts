/**
 * The jobs themselves, the same in the worker (analysis.worker.ts) and on the main thread
 * (client.ts): the core is pure, so it runs anywhere. `pause` comes between sheets' phases: on
 * the main thread it yields to the page (and stops a cancelled run), in the worker it is free.
 */
import { analyzeWorkbook } from "../../core";
import { analyzeForBuild, analyzePane } from "../analysis";
import type { Analyze } from "../analysis";
import { loadXlsxEngine } from "../loadXlsxEngine";
import type { XlsxEngine } from "../loadXlsxEngine";
import type { RunProgress, WorkerRequest, WorkerResults } from "./protocol";

export interface JobDeps {
  /** The core's analyzeWorkbook; the pane's tests inject theirs (main thread only). */
  analyze?: Analyze;
  /** The .xlsx reader and applier; tests inject theirs. */
  engine?: () => Promise<Pick<XlsxEngine, "readXlsxSnapshot" | "applyPlanToXlsx">>;
  pause?: () => Promise<void>;
}

export async function runJob<R extends WorkerRequest>(
  request: R,
  report: (p: RunProgress) => void,
  deps: JobDeps = {}
): Promise<WorkerResults[R["type"]]> {
  const analyze = deps.analyze ?? analyzeWorkbook;
  const pause = deps.pause ?? (async () => undefined);
  const xlsxEngine = deps.engine ?? loadXlsxEngine;
  type Out = WorkerResults[R["type"]];
  switch (request.type) {
    case "read": {
      const { readXlsxSnapshot } = await xlsxEngine();
      const snapshot = await readXlsxSnapshot(request.bytes, {
        source: request.name,
        onProgress: (done, total) => report({ phase: "read", done, total }),
      });
      return snapshot as Out;
    }
    case "analyze": {
      const { snapshot, job } = request;
      report({ phase: "parse" });
      await pause();
      const validate = () => report({ phase: "validate" });
      return analyzePane(analyze, snapshot, job.settings, job.lang, job.others, validate) as Out;
    }
    case "plan": {
      const { snapshot, job } = request;
      report({ phase: "parse" });
      await pause();
      const forBuild = analyzeForBuild(
        job.settings,
        job.lang,
        () => job.now,
        analyze,
        job.fallbackSource,
        job.others
      );
      const { plan } = forBuild(snapshot, {
        onValidate: () => report({ phase: "validate" }),
        onPlan: () => report({ phase: "plan" }),
      });
      return plan as Out;
    }
    case "graft": {
      report({ phase: "write", step: "graft" });
      const { applyPlanToXlsx } = await xlsxEngine();
      await pause();
      const result = await applyPlanToXlsx(request.bytes, request.plan);
      report({ phase: "package" });
      return {
        bytes: result.bytes,
        sheetNames: { ...result.sheetNames } as Record<string, string>,
        renamed: result.renamed,
        ...(result.extension ? { extension: result.extension } : {}),
      } as Out;
    }
    default:
      throw new Error(`unknown job ${(request as { type: string }).type}`);
  }
}
