/** @jest-environment jsdom */
import { act, fireEvent, screen, within } from "@testing-library/react";
import { analyzeWorkbook } from "../../src/core";
import type { SummaryPlan } from "../../src/core";
import type { AnalyzeForBuild, BuildOutcome, BuildPhase } from "../../src/taskpane/port";
import { announcer, fakeAnalyze, fakePort, openTab, renderApp, scanned } from "./helpers";

/** The seed-like snapshot the real core understands is not needed: the plan only has to exist. */
async function buildTab(kind: "office" | "browser" = "office") {
  const port = fakePort(kind);
  renderApp(port, fakeAnalyze());
  await scanned(port);
  openTab(kind === "office" ? "サマリー作成" : "サマリー作成");
  return port;
}

function steps(): string[] {
  return within(screen.getByRole("list", { name: "進み具合" }))
    .getAllByRole("listitem")
    .map((li) => li.textContent ?? "");
}

describe("Build step", () => {
  it("one button; the steps as they go; then links that activate each created sheet", async () => {
    const port = await buildTab();
    let release!: (o: BuildOutcome) => void;
    let report!: (p: BuildPhase) => void;
    let analyze!: AnalyzeForBuild;
    (port.buildSummary as jest.Mock).mockImplementationOnce(
      (a: AnalyzeForBuild, r: (p: BuildPhase) => void) => {
        analyze = a;
        report = r;
        return new Promise<BuildOutcome>((resolve) => (release = resolve));
      }
    );

    fireEvent.click(screen.getByRole("button", { name: "サマリーを作成" }));
    expect(
      (screen.getByRole("button", { name: "サマリーを作成" }) as HTMLButtonElement).disabled
    ).toBe(true);
    expect(steps()).toEqual([
      "ブックを読み取る — ▶ 実行中",
      "内容を解析する — ○ 待機",
      "サマリーシートを書き込む — ○ 待機",
    ]);
    expect(announcer().textContent).toBe("ブックを読み取る…");

    act(() => report({ phase: "write", step: "building the summary sheets" }));
    expect(steps()).toEqual([
      "ブックを読み取る — ✓ 完了",
      "内容を解析する — ✓ 完了",
      "サマリーシートを書き込む — ▶ 実行中",
    ]);
    expect(announcer().textContent).toBe("サマリーシートを書き込む…");

    // The pane hands the port a plan made with the user's choices, in the pane's language.
    const { plan } = await analyze({ sheets: [] });
    expect((plan as SummaryPlan).lang).toBe("ja");
    expect((plan as SummaryPlan).sheets).toHaveLength(5);

    await act(async () =>
      release({
        sheetNames: { evaluation: "評価サマリー", findings: "指摘一覧" },
        renamed: [{ key: "findings", wanted: "指摘", used: "指摘一覧" }],
      })
    );
    // Success is said once on screen (the progress steps go; the status line is for screen readers).
    expect(screen.queryByRole("list", { name: "進み具合" })).toBeNull();
    expect(screen.getAllByText(/作成しました/)).toHaveLength(2);
    expect(announcer().textContent).toBe("サマリーシートを作成しました。");
    // The summary's first sheet is the primary action now, and has focus.
    expect(document.activeElement).toBe(
      screen.getByRole("button", { name: "サマリー「評価サマリー」を開く" })
    );
    expect(screen.getByText(/「指摘」は「指摘一覧」という名前にしました/)).toBeTruthy();

    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "シート「指摘一覧」を開く" }));
    });
    expect(port.activateSheet).toHaveBeenCalledWith("指摘一覧");
  });

  it("a protected sheet: the error in plain words, the Office code, what to do, whether it was undone", async () => {
    const port = await buildTab();
    const officeError = Object.assign(new Error("The sheet is protected."), {
      code: "AccessDenied",
    });
    const applyError = Object.assign(new Error("apply failed"), {
      name: "ApplyPlanError",
      cause: officeError,
      rolledBack: true,
    });
    (port.buildSummary as jest.Mock).mockImplementationOnce(
      async (_a: unknown, r: (p: BuildPhase) => void) => {
        r({ phase: "analyze" });
        r({ phase: "write", step: "x" });
        throw applyError;
      }
    );
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "サマリーを作成" }));
    });
    const alert = screen.getByRole("alert");
    expect(alert.textContent).toContain("サマリーを作成できませんでした。");
    expect(alert.textContent).toContain("コード: AccessDenied");
    expect(alert.textContent).toContain("保護を解除してからやり直してください");
    expect(alert.textContent).toContain("ブックは元の状態に戻しました");
    expect(steps()).toEqual([
      "ブックを読み取る — ✓ 完了",
      "内容を解析する — ✓ 完了",
      "サマリーシートを書き込む — ✖ 失敗",
    ]);
    expect(
      (screen.getByRole("button", { name: "サマリーを作成" }) as HTMLButtonElement).disabled
    ).toBe(false);
  });

  it("browser mode: a download link to the summarized workbook, sheet names as text", async () => {
    const port = await buildTab("browser");
    (port.buildSummary as jest.Mock).mockResolvedValueOnce({
      sheetNames: { evaluation: "評価サマリー" },
      renamed: [],
      download: { fileName: "seed-summary.xlsx", url: "blob:http://127.0.0.1/abc" },
    });
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "サマリーを作成" }));
    });
    const link = screen.getByRole("link", {
      name: /サマリー付きのブックをダウンロード（seed-summary.xlsx）/,
    });
    expect(link.getAttribute("href")).toBe("blob:http://127.0.0.1/abc");
    expect(link.getAttribute("download")).toBe("seed-summary.xlsx");
    expect(
      screen.getByText("シート「評価サマリー」はダウンロードしたファイルにあります。")
    ).toBeTruthy();
    // The download is the next thing to do: it has focus.
    expect(document.activeElement).toBe(link);
  });

  it("browser mode: a package the applier refuses is named with its code", async () => {
    const port = await buildTab("browser");
    (port.buildSummary as jest.Mock).mockRejectedValueOnce(
      Object.assign(new Error("This workbook package cannot be summarized safely. encrypted"), {
        name: "XlsxApplyError",
        code: "unsupported-package",
        detail: "encrypted",
      })
    );
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "サマリーを作成" }));
    });
    const text = screen.getByRole("alert").textContent ?? "";
    expect(text).toContain(
      "このブックには、安全にサマリーを加えられない部分があります（コード: unsupported-package）"
    );
    // In Japanese only, once.
    expect(text).not.toContain("cannot be summarized");
    expect(announcer().textContent).toBe("");
  });

  it("the plan follows the pane's choices (grades, language) on a real analysis", async () => {
    const port = fakePort();
    renderApp(port, analyzeWorkbook, "en");
    await scanned(port, "en");
    openTab("Build");
    let plan: SummaryPlan | undefined;
    (port.buildSummary as jest.Mock).mockImplementationOnce(async (a: AnalyzeForBuild) => {
      plan = (await a({ sheets: [{ name: "x", origin: "A1", values: [["memo"]] }] })).plan;
      return { sheetNames: {}, renamed: [] };
    });
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Build summary" }));
    });
    expect(plan?.lang).toBe("en");
    expect(plan?.owner).toBe("hyoka");
  });
});
