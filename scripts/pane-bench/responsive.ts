/**
 * `npm run bench:pane`: the task pane's scan and build in browser mode on the 45-field city
 * workbook (bench/city.ts), as the pane runs them — the port over the opened file, the read and
 * analysis at Scan, the plan and the graft at Build, all through the pane's job client — with the
 * jobs in a worker thread (Node's stand-in for the pane's Web Worker; messages cross by the same
 * structured clone), and once more with no worker (the main-thread fallback). A 1 ms timer on the
 * main thread measures the longest stretch it could not run: the longest the page would freeze.
 * React's rendering is not in it (the Chromium E2E measures long tasks with the page). Writes the
 * numbers into docs/performance.md (`--no-write` only prints them).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { cityFields, cityWorkbook } from '../../bench/city';
import { createBrowserPort } from '../../src/taskpane/browserPort';
import { NO_OTHERS } from '../../src/taskpane/others';
import { defaultSettings } from '../../src/taskpane/settings';
import { createMainThreadClient, createWorkerClient, type AnalysisClient, type WorkerLike } from '../../src/taskpane/worker/client';
import type { JobMessage, PaneJob, ReplyMessage } from '../../src/taskpane/worker/protocol';
import { PANE_HEADING, withPaneSection } from '../../bench/pane/section';

const N = 45;
const RUNS = 3;

const threads: Worker[] = [];

/** A worker thread with a Web Worker's face (what the pane's client talks to). */
function nodeWorker(): WorkerLike {
  const thread = new Worker(path.join(__dirname, 'worker.js'));
  threads.push(thread);
  const like: WorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage: (message: JobMessage, transfer?: Transferable[]) => thread.postMessage(message, transfer as ArrayBuffer[]),
    terminate: () => void thread.terminate(),
  };
  thread.on('message', (data: ReplyMessage) => like.onmessage?.({ data } as MessageEvent<ReplyMessage>));
  thread.on('error', (e: Error) => like.onerror?.({ message: e.message } as ErrorEvent));
  return like;
}

/** The longest gap between ticks of a 1 ms timer while it runs: the main thread's longest busy stretch. */
function blockMonitor() {
  let last = performance.now();
  let longest = 0;
  let step = '';
  let worst = '';
  const tick = () => {
    const now = performance.now();
    if (now - last > longest) [longest, worst] = [now - last, step];
    last = now;
  };
  const timer = setInterval(tick, 1);
  return {
    /** Names what the pane is waiting for, so the longest block can be placed. */
    step(name: string): void {
      step = name;
    },
    stop(): { longest: number; worst: string } {
      clearInterval(timer);
      tick();
      return { longest, worst };
    },
  };
}

interface Run {
  scanMs: number;
  buildMs: number;
  longestBlockMs: number;
  /** The step during (or right after) which the longest block came. */
  worstStep: string;
}

/** Open → Scan → Build summary, as the pane does them (App.tsx runScan / runBuild). */
async function paneRun(bytes: Uint8Array, jobs: AnalysisClient): Promise<Run> {
  const port = createBrowserPort({ name: `city-${N}.xlsx`, bytes }, { jobs, makeUrl: () => 'blob:bench', revokeUrl: () => undefined });
  const job: PaneJob = { settings: defaultSettings(), lang: 'ja', others: NO_OTHERS };
  const monitor = blockMonitor();
  const t0 = performance.now();
  monitor.step('scan: read');
  const snapshot = await port.readSnapshot();
  monitor.step('scan: analyze');
  const shown = await jobs.run({ type: 'analyze', snapshot, job });
  const t1 = performance.now();
  monitor.step('build: plan');
  const outcome = await port.buildSummary(
    async (s) => ({ plan: await jobs.run({ type: 'plan', snapshot: s, job: { ...job, now: new Date() } }) }),
    (p) => p.phase === 'write' && monitor.step('build: graft'),
  );
  const t2 = performance.now();
  const { longest: longestBlockMs, worst: worstStep } = monitor.stop();
  if (shown.model.policyFields.length !== N) throw new Error(`read ${shown.model.policyFields.length} fields, not ${N}`);
  if (!outcome.download) throw new Error('no download');
  return { scanMs: t1 - t0, buildMs: t2 - t1, longestBlockMs, worstStep };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number) => `${Math.round(x)} ms`;

async function main(): Promise<void> {
  const write = !process.argv.includes('--no-write');
  const bytes = new Uint8Array(await cityWorkbook(cityFields(N)));
  const worker = createWorkerClient(nodeWorker);
  const inWorker: Run[] = [];
  for (let i = 0; i < RUNS; i++) inWorker.push(await paneRun(bytes, worker));
  const onMain: Run[] = [];
  for (let i = 0; i < RUNS; i++) onMain.push(await paneRun(bytes, createMainThreadClient()));
  // The client keeps its idle worker for the next job: end it so the process can exit.
  await Promise.all(threads.map((t) => t.terminate()));

  const worst = (runs: Run[]) => runs.reduce((a, b) => (b.longestBlockMs > a.longestBlockMs ? b : a));
  const row = (label: string, runs: Run[]) =>
    `| ${label} | ${ms(runs[0].scanMs)} | ${ms(median(runs.slice(1).map((r) => r.scanMs)))} | ${ms(runs[0].buildMs)} | ${ms(median(runs.slice(1).map((r) => r.buildMs)))} | ${ms(worst(runs).longestBlockMs)} (${worst(runs).worstStep}) |`;
  const longest = Math.max(...inWorker.map((r) => r.longestBlockMs));
  const section = [
    PANE_HEADING,
    '',
    `Measured by \`npm run bench:pane\` on ${new Date().toISOString().slice(0, 10)} (${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}), N = ${N} policy fields (bench/city.ts, ${Math.round(bytes.length / 1024)} KB): browser mode's Scan (read + parse + validate) and Build summary (reusing the scan's read: plan + graft + the download), as scripts/pane-bench/responsive.ts drives the pane's port and job client. Jobs in a worker thread (Node's stand-in for the pane's Web Worker, the same structured clone), then with no worker (the fallback: the same jobs on the main thread, yielding between phases). "Longest main-thread block" is the longest a 1 ms timer on the main thread waited, over ${RUNS} runs; React's rendering is not in it (the Chromium E2E measures the page's long tasks).`,
    '',
    '| jobs | scan (first) | scan (median of the rest) | build (first) | build (median of the rest) | longest main-thread block |',
    '| --- | --- | --- | --- | --- | --- |',
    row('in the worker', inWorker),
    row('main thread (no worker)', onMain),
    '',
    `Target: no main-thread block over 100 ms during scan or build — with the worker ${ms(longest)}: ${longest <= 100 ? 'met' : '**not met**'}. Without a worker the main thread blocks for a whole phase at a time.`,
  ].join('\n');
  console.log(section);
  if (write) {
    const file = path.join(__dirname, '../../../docs/performance.md');
    fs.writeFileSync(file, withPaneSection(fs.readFileSync(file, 'utf8'), section));
    process.stderr.write('docs/performance.md: task-pane section written\n');
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
