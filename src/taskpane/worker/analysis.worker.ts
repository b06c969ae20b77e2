/**
 * The task pane's Web Worker: parse, validate and plan (and in browser mode the .xlsx read and
 * graft) off the page's thread. Started by spawn.ts; speaks protocol.ts.
 */
import { serveJobs } from "./serve";
import type { ReplyPort } from "./serve";

const scope = self as unknown as ReplyPort & { onmessage: unknown };
scope.onmessage = serveJobs(scope);
