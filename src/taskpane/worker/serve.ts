/** The worker's side: answers each job message with its progress, then its result or its error. */
import { runJob } from "./handler";
import type { JobMessage, ReplyMessage, WorkerResults } from "./protocol";
import { toWire } from "./wireError";

export interface ReplyPort {
  postMessage(message: ReplyMessage, transfer?: Transferable[]): void;
}

export function serveJobs(scope: ReplyPort): (e: MessageEvent<JobMessage>) => Promise<void> {
  return async (e) => {
    const { id, request } = e.data;
    try {
      const result = await runJob(request, (progress) =>
        scope.postMessage({ id, type: "progress", progress })
      );
      // The grafted workbook's bytes are moved, not copied: the worker has no further use for them.
      const transfer =
        request.type === "graft" ? [(result as WorkerResults["graft"]).bytes.buffer] : [];
      scope.postMessage({ id, type: "result", result }, transfer as Transferable[]);
    } catch (err) {
      scope.postMessage({ id, type: "error", error: toWire(err) });
    }
  };
}
