/** @jest-environment jsdom */
/**
 * A run as the user sees it (issue 14): real progress — per sheet read, then per phase — and
 * 「中止」 / Cancel, which leaves the previous scan as it was and a build with nothing written.
 */
import { act, fireEvent, screen } from "@testing-library/react";
import type { AnalyzeForBuild, BuildOutcome, BuildPhase } from "../../src/taskpane/port";
import { RunCancelled } from "../../src/taskpane/worker/client";
import type { AnalysisClient } from "../../src/taskpane/worker/client";
import {
  announcer,
  fakeAnalyze,
  fakePort,
  model,
  openTab,
  renderApp,
  scanned,
  settle,
} from "./helpers";

/**
 * Jobs that stop where the test looks: an analysis reports that it parses, then waits for
 * `validate()` and `finish()`; cancelled, it rejects as the real clients do.
 */
function heldJobs() {
  let step!: (phase: "validate" | "done") => void;
  const analyze = fakeAnalyze();
  const jobs: AnalysisClient = {
    where: "main",
    run: (request, onProgress, signal) =>
      new Promise((resolve, reject) => {
        if (request.type !== "analyze") throw new Error(`unexpected ${request.type}`);
        signal?.addEventListener("abort", () => reject(new RunCancelled()));
        onProgress?.({ phase: "parse" });
        step = (phase) => {
          if (phase === "validate") return onProgress?.({ phase: "validate" });
          const m = analyze(request.snapshot, {});
          resolve({ model: m, detected: {} } as never);
        };
      }),
  };
  return { jobs, analyze, step: (phase: "validate" | "done") => step(phase) };
}

const bar = () => screen.getByRole("progressbar");
const barValue = () => Number(bar().getAttribute("aria-valuenow"));

describe("scan progress and cancel", () => {
  it("moves per sheet read, then says it parses and checks; never a still (0/1)", async () => {
    const port = fakePort();
    const held = heldJobs();
    renderApp(port, fakeAnalyze(), "ja", { jobs: held.jobs });
    fireEvent.click(screen.getByRole("button", { name: "スキャン" }));
    await act(async () => undefined);
    await act(async () => port.progress(1, 4));
    expect(bar().getAttribute("aria-label")).toBe("ブックを読み取っています… (1/4)");
    const first = barValue();
    await act(async () => port.progress(3, 4));
    expect(barValue()).toBeGreaterThan(first);

    await act(async () => port.finishRead());
    // The read is done; the analysis is a phase of its own, further along.
    expect(bar().getAttribute("aria-label")).toBe("シートを解析しています…");
    const parsing = barValue();
    expect(parsing).toBeGreaterThan(0.45);
    act(() => held.step("validate"));
    expect(bar().getAttribute("aria-label")).toBe("目標と実績を検証しています…");
    expect(barValue()).toBeGreaterThan(parsing);
    await act(async () => held.step("done"));
    expect(screen.queryByRole("progressbar")).toBeNull();
    expect(screen.getByRole("tab", { name: "シート" })).toBeTruthy();
  });

  it("Cancel leaves the previous scan shown; the dropped read changes nothing when it ends", async () => {
    const port = fakePort();
    const analyze = fakeAnalyze();
    renderApp(port, analyze);
    await scanned(port);
    expect(screen.getByRole("tab", { name: "指摘 (1)" })).toBeTruthy();
    const calls = analyze.mock.calls.length;

    fireEvent.click(screen.getByRole("button", { name: "もう一度スキャン" }));
    await act(async () => undefined);
    await act(async () => port.progress(1, 2));
    fireEvent.click(screen.getByRole("button", { name: "中止" }));
    expect(announcer().textContent).toBe("スキャンを中止しました。前の結果はそのままです。");
    expect(screen.queryByRole("progressbar")).toBeNull();
    expect(screen.getByRole("tab", { name: "指摘 (1)" })).toBeTruthy();
    expect(
      (screen.getByRole("button", { name: "もう一度スキャン" }) as HTMLButtonElement).disabled
    ).toBe(false);

    // The cancelled read ends later with another workbook: not analysed, not shown.
    await act(async () =>
      port.finishRead({ sheets: [{ name: "別", origin: "A1", values: [["x"]] }] })
    );
    await settle();
    expect(analyze.mock.calls.length).toBe(calls);
    expect(announcer().textContent).toBe("スキャンを中止しました。前の結果はそのままです。");
  });

  it("Cancel during the analysis drops it too", async () => {
    const port = fakePort();
    const held = heldJobs();
    renderApp(port, fakeAnalyze(), "ja", { jobs: held.jobs });
    fireEvent.click(screen.getByRole("button", { name: "スキャン" }));
    await act(async () => port.finishRead());
    expect(bar().getAttribute("aria-label")).toBe("シートを解析しています…");
    fireEvent.click(screen.getByRole("button", { name: "中止" }));
    await settle();
    expect(held.analyze).not.toHaveBeenCalled();
    expect(screen.queryByRole("tablist")).toBeNull();
    expect(screen.getByRole("button", { name: "スキャン" })).toBeTruthy();
  });
});

describe("build progress and cancel", () => {
  async function buildTab(kind: "office" | "browser" = "office") {
    const port = fakePort(kind);
    renderApp(port, fakeAnalyze());
    await scanned(port);
    openTab("サマリー作成");
    return port;
  }

  it("shows the plan's phases, then Cancel: the port is told, the pane says nothing was written", async () => {
    const port = await buildTab();
    let signal!: AbortSignal;
    let analyze!: AnalyzeForBuild;
    let report!: (p: BuildPhase) => void;
    (port.buildSummary as jest.Mock).mockImplementationOnce(
      (a: AnalyzeForBuild, r: (p: BuildPhase) => void, s: AbortSignal) => {
        analyze = a;
        report = r;
        signal = s;
        // As the Excel port does: stops when told, undoes, then rejects as cancelled.
        return new Promise<BuildOutcome>((_resolve, reject) =>
          s.addEventListener("abort", () =>
            setTimeout(() => reject(Object.assign(new Error("c"), { name: "RunCancelled" })), 0)
          )
        );
      }
    );
    fireEvent.click(screen.getByRole("button", { name: "サマリーを作成" }));
    act(() => report({ phase: "read", done: 2, total: 2 }));
    act(() => report({ phase: "analyze" }));
    const planning = analyze({ sheets: [] });
    await settle(2);
    await planning;
    expect(bar().getAttribute("aria-label")).toBe("サマリーを組み立てています…");
    act(() => report({ phase: "write", step: "building the summary sheets" }));
    expect(bar().getAttribute("aria-label")).toBe("サマリーシートを書き込んでいます…");

    fireEvent.click(screen.getByRole("button", { name: "中止" }));
    expect(signal.aborted).toBe(true);
    // Until the port has undone its write the pane says it is stopping.
    expect(bar().getAttribute("aria-label")).toBe("中止しています…");
    await settle();
    expect(screen.queryByRole("progressbar")).toBeNull();
    // In the build section and in the announcer.
    expect(
      screen.getAllByText("サマリーの作成を中止しました。何も書き込んでいません。")
    ).toHaveLength(2);
    expect(announcer().textContent).toBe("サマリーの作成を中止しました。何も書き込んでいません。");
    expect(screen.queryByRole("alert")).toBeNull();
    expect(
      (screen.getByRole("button", { name: "サマリーを作成" }) as HTMLButtonElement).disabled
    ).toBe(false);
  });

  it("a build whose undo failed after Cancel is an error, not a quiet cancel", async () => {
    const port = await buildTab();
    (port.buildSummary as jest.Mock).mockImplementationOnce(
      (_a: AnalyzeForBuild, _r: unknown, s: AbortSignal) =>
        new Promise<BuildOutcome>((_resolve, reject) =>
          s.addEventListener("abort", () =>
            reject(
              Object.assign(new Error("undo failed"), {
                name: "ApplyPlanError",
                rolledBack: false,
                cause: Object.assign(new Error("c"), { name: "RunCancelled" }),
              })
            )
          )
        )
    );
    fireEvent.click(screen.getByRole("button", { name: "サマリーを作成" }));
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "中止" }));
    });
    expect(screen.getByRole("alert").textContent).toContain("サマリーを作成できませんでした。");
  });
});
