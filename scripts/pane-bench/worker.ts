/**
 * The pane's analysis worker as a Node worker thread (scripts/pane-bench/responsive.ts): the same job
 * server as src/taskpane/worker/analysis.worker.ts, over worker_threads' structured clone.
 */
import { parentPort } from 'worker_threads';
import type { JobMessage, ReplyMessage } from '../../src/taskpane/worker/protocol';
import { serveJobs } from '../../src/taskpane/worker/serve';

const port = parentPort!;
const serve = serveJobs({
  postMessage: (message: ReplyMessage, transfer?: Transferable[]) => port.postMessage(message, transfer as ArrayBuffer[]),
});
port.on('message', (data: JobMessage) => void serve({ data } as MessageEvent<JobMessage>));
