/**
 * The pane's analysis jobs (src/taskpane/worker): the same jobs through a Web Worker — here a fake
 * that runs the worker's own handler and passes every message through structuredClone, as a real
 * worker's postMessage does, so a payload that cannot be cloned fails — and on the main thread,
 * yielding between phases. Both give the core's own answer; both can be cancelled.
 */
import * as fs from "fs";
import * as path from "path";
import { analyzeWorkbook } from "../../src/core";
import { HyokaError } from "../../src/core/errors";
import type { WorkbookSnapshot } from "../../src/core";
import { readXlsxSnapshot } from "../../src/xlsx/readXlsx";
import { describeError } from "../../src/taskpane/errors";
import { translator } from "../../src/taskpane/i18n";
import { NO_OTHERS } from "../../src/taskpane/others";
import { defaultSettings } from "../../src/taskpane/settings";
import {
  createAnalysisClient,
  createMainThreadClient,
  createWorkerClient,
  isCancelled,
} from "../../src/taskpane/worker/client";
import type { WorkerLike } from "../../src/taskpane/worker/client";
import type {
  JobMessage,
  PaneJob,
  ReplyMessage,
  RunProgress,
} from "../../src/taskpane/worker/protocol";
import { serveJobs } from "../../src/taskpane/worker/serve";
import { fromWire, toWire } from "../../src/taskpane/worker/wireError";

const SEED = path.join(__dirname, "../fixtures/seed.xlsx");

/**
 * A Web Worker in the same thread: messages cross by structuredClone both ways (a function, a
 * class instance's methods or a Date-less object would not survive a real one either), and each
 * arrives in a later task, as postMessage delivers.
 */
class ClonedWorker implements WorkerLike {
  onmessage: ((e: MessageEvent<ReplyMessage>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  terminated = false;
  posted = 0;
  private readonly serve = serveJobs({
    postMessage: (reply: ReplyMessage) => {
      const copy = structuredClone(reply);
      setTimeout(() => {
        if (!this.terminated) this.onmessage?.({ data: copy } as MessageEvent<ReplyMessage>);
      }, 0);
    },
  });
  postMessage(message: JobMessage): void {
    this.posted++;
    // Throws DataCloneError for anything a real worker could not be sent.
    const copy = structuredClone(message);
    setTimeout(() => void this.serve({ data: copy } as MessageEvent<JobMessage>), 0);
  }
  terminate(): void {
    this.terminated = true;
  }
}

function spawner() {
  const made: ClonedWorker[] = [];
  return {
    made,
    spawn: () => {
      const w = new ClonedWorker();
      made.push(w);
      return w;
    },
  };
}

let seed: WorkbookSnapshot;
beforeAll(async () => {
  seed = await readXlsxSnapshot(new Uint8Array(fs.readFileSync(SEED)), { source: "seed.xlsx" });
});

const job = (lang: "ja" | "en" = "ja"): PaneJob => ({
  settings: defaultSettings(),
  lang,
  others: NO_OTHERS,
});

/** The same data as a worker would see it: what the main thread compares with. */
const cloned = <T>(x: T): T => structuredClone(x);

describe.each([
  ["worker (structured clone)", () => createWorkerClient(spawner().spawn)],
  ["main thread", () => createMainThreadClient()],
])("analysis jobs — %s", (_where, make) => {
  it("analyze: the core's model, the detected kinds, progress per phase", async () => {
    const progress: RunProgress[] = [];
    const out = await make().run({ type: "analyze", snapshot: seed, job: job() }, (p) =>
      progress.push(p)
    );
    const expected = analyzeWorkbook(cloned(seed), { lang: "ja", sheetKinds: {}, asOf: undefined });
    expect(out.model.policyFields).toEqual(cloned(expected.policyFields));
    expect(out.model.findings).toEqual(cloned(expected.findings));
    expect(out.detected).toEqual(Object.fromEntries(expected.sheets.map((s) => [s.name, s.kind])));
    expect(progress.map((p) => p.phase)).toEqual(["parse", "validate"]);
  });

  it("read then plan: the .xlsx read per sheet, a plan in the pane's language", async () => {
    const client = make();
    const reads: RunProgress[] = [];
    const bytes = new Uint8Array(fs.readFileSync(SEED));
    const snapshot = await client.run({ type: "read", name: "seed.xlsx", bytes }, (p) =>
      reads.push(p)
    );
    expect(snapshot).toEqual(cloned(seed));
    expect(reads.at(-1)).toEqual({
      phase: "read",
      done: seed.sheets.length,
      total: seed.sheets.length,
    });
    const phases: string[] = [];
    const plan = await client.run(
      { type: "plan", snapshot, job: { ...job("en"), now: new Date("2024-04-01T00:00:00Z") } },
      (p) => phases.push(p.phase)
    );
    expect(plan.lang).toBe("en");
    expect(plan.sheets.length).toBeGreaterThan(0);
    expect(phases).toEqual(["parse", "validate", "plan"]);

    const grafted = await client.run({ type: "graft", bytes, plan });
    expect(grafted.bytes.length).toBeGreaterThan(bytes.length);
    expect(Object.keys(grafted.sheetNames)).toEqual(plan.sheets.map((s) => s.key));
  });

  it("a file that is not a workbook fails as the same kind of error, worded the same", async () => {
    const t = translator("ja");
    const direct = await readXlsxSnapshot(new Uint8Array([1, 2, 3])).catch((e: unknown) => e);
    const viaJob = await make()
      .run({ type: "read", name: "x.xlsx", bytes: new Uint8Array([1, 2, 3]) })
      .catch((e: unknown) => e);
    expect(viaJob).toBeInstanceOf(Error);
    expect((viaJob as Error).name).toBe("XlsxApplyError");
    expect(describeError(viaJob, t)).toBe(describeError(direct, t));
  });
});

describe("the worker client", () => {
  it("refuses what a worker cannot be sent (a function in the payload)", async () => {
    const client = createWorkerClient(spawner().spawn);
    const bad = {
      ...job(),
      settings: { ...defaultSettings(), hook: () => 1 },
    } as unknown as PaneJob;
    await expect(client.run({ type: "analyze", snapshot: seed, job: bad })).rejects.toMatchObject({
      name: "DataCloneError",
    });
  });

  it("cancel ends the worker and drops its answer; the next job gets a new worker", async () => {
    const { made, spawn } = spawner();
    const client = createWorkerClient(spawn);
    const controller = new AbortController();
    const run = client.run(
      { type: "analyze", snapshot: seed, job: job() },
      (p) => {
        if (p.phase === "parse") controller.abort();
      },
      controller.signal
    );
    await expect(run).rejects.toMatchObject({ name: "RunCancelled" });
    expect(made[0].terminated).toBe(true);
    const out = await client.run({ type: "analyze", snapshot: seed, job: job() });
    expect(out.model.policyFields.length).toBeGreaterThan(0);
    expect(made).toHaveLength(2);
    // A finished job's worker is kept for the next.
    await client.run({ type: "analyze", snapshot: seed, job: job() });
    expect(made).toHaveLength(2);
    expect(made[1].posted).toBe(2);
  });

  it("an injected analyze (a test's) stays on the main thread; no worker → main thread", () => {
    expect(createAnalysisClient(() => new ClonedWorker(), analyzeWorkbook).where).toBe("main");
    expect(createAnalysisClient(() => null).where).toBe("main");
    expect(createAnalysisClient(() => new ClonedWorker()).where).toBe("worker");
  });
});

describe("the main-thread client", () => {
  it("yields to the page between phases: a timer set before the job runs before it ends", async () => {
    const order: string[] = [];
    setTimeout(() => order.push("timer"), 0);
    await createMainThreadClient().run({ type: "analyze", snapshot: seed, job: job() }, (p) =>
      order.push(p.phase)
    );
    order.push("done");
    expect(order.indexOf("timer")).toBeGreaterThanOrEqual(0);
    expect(order.indexOf("timer")).toBeLessThan(order.indexOf("validate"));
  });

  it("cancel stops at the next pause: the analysis is never run", async () => {
    const analyze = jest.fn(analyzeWorkbook);
    const controller = new AbortController();
    const run = createMainThreadClient({ analyze }).run(
      { type: "analyze", snapshot: seed, job: job() },
      (p) => p.phase === "parse" && controller.abort(),
      controller.signal
    );
    await expect(run).rejects.toMatchObject({ name: "RunCancelled" });
    expect(analyze).not.toHaveBeenCalled();
  });
});

describe("errors across the boundary", () => {
  it("a HyokaError comes back a HyokaError, worded in either language", () => {
    const e = new HyokaError("no-policy-field", "a.xlsx");
    const back = fromWire(structuredClone(toWire(e)));
    expect(back).toBeInstanceOf(HyokaError);
    expect((back as HyokaError).messageIn("ja")).toBe(e.messageIn("ja"));
  });

  it("an Office-like error keeps its code, so the pane's advice still applies", () => {
    const e = Object.assign(new Error("The sheet is protected."), { code: "AccessDenied" });
    const t = translator("en");
    expect(describeError(fromWire(structuredClone(toWire(e))), t)).toBe(describeError(e, t));
  });

  it("a cancelled Excel build that was undone counts as cancelled; one whose undo failed does not", () => {
    const cancelled = Object.assign(new Error("x"), { name: "RunCancelled" });
    const wrap = (rolledBack: boolean) =>
      Object.assign(new Error("y"), { name: "ApplyPlanError", cause: cancelled, rolledBack });
    expect(isCancelled(cancelled)).toBe(true);
    expect(isCancelled(wrap(true))).toBe(true);
    expect(isCancelled(wrap(false))).toBe(false);
  });
});
