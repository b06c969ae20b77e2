/** @jest-environment jsdom */
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/App";
import type { Analyze } from "../../src/taskpane/App";
import type { WorkbookPort } from "../../src/taskpane/port";
import type { EvaluationModel, Indicator, PolicyField, WorkbookSnapshot } from "../../src/core";
import type { Lang } from "../../src/taskpane/i18n";

// Fluent's MessageBar measures itself; jsdom has no ResizeObserver (every browser does).
class NoResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
beforeAll(() => {
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver ??= NoResizeObserver;
});

const SNAPSHOT: WorkbookSnapshot = {
  source: "test",
  sheets: [{ name: "9 社会参画", origin: "A1", values: [["政策分野 9 社会参画"]] }],
};

function indicator(no: number, status: "achieved" | "notAchieved" | "pending"): Indicator {
  return {
    no,
    name: `指標${no}`,
    unit: "人",
    definition: "",
    direction: "increase",
    cumulative: false,
    finalTarget: 100,
    finalTargetSource: null,
    verification: "",
    verificationSource: null,
    years: [
      {
        fiscalYear: 2023,
        label: "令和5年度",
        target: 10,
        actual: 9,
        targetState: "number",
        actualState: "number",
        achievementRate: 0.9,
        status,
        targetSource: null,
        actualSource: null,
      },
    ],
    source: { sheet: "9 社会参画", address: "B10" },
  };
}

function field(overrides: Partial<PolicyField> = {}): PolicyField {
  return {
    id: "9",
    name: "社会参画",
    sheet: "9 社会参画",
    goal: "",
    policy: "",
    vision: "",
    asOf: 2023,
    moneyUnit: "千円",
    indicators: [indicator(1, "achieved"), indicator(2, "achieved"), indicator(3, "notAchieved")],
    measures: [
      {
        no: 1,
        name: "施策1",
        content: "",
        evaluation: null,
        projects: [],
        source: { sheet: "9 社会参画", address: "B30" },
      },
    ],
    relatedProjects: [],
    finalEvaluation: "",
    source: { sheet: "9 社会参画", address: "A1" },
    ...overrides,
  };
}

function model(overrides: Partial<EvaluationModel> = {}): EvaluationModel {
  return {
    schemaVersion: 1,
    generator: { name: "hyoka", version: "test" },
    source: "test",
    sheets: [
      { name: "9 社会参画", kind: "policyField", reason: "found 政策分野 heading and KPI table" },
      { name: "メモ", kind: "unknown", reason: "no known labels" },
    ],
    policyFields: [field()],
    findings: [
      {
        rule: "R1",
        severity: "warning",
        message: "m",
        messageJa: "m",
        messageEn: "m",
        sheet: "9 社会参画",
        address: "C12",
        policyField: "9",
        indicator: 3,
        project: null,
        fiscalYear: 2023,
      },
    ],
    ...overrides,
  };
}

/** A port whose read the test finishes by hand, so the in-between states can be seen. */
function manualPort() {
  let finish!: (s: WorkbookSnapshot) => void;
  let fail!: (e: unknown) => void;
  let progress: ((done: number, total: number) => void) | undefined;
  const port: WorkbookPort = {
    kind: "office",
    readSnapshot: jest.fn((onProgress) => {
      progress = onProgress;
      return new Promise<WorkbookSnapshot>((resolve, reject) => {
        finish = resolve;
        fail = reject;
      });
    }),
  };
  return {
    port,
    progress: (done: number, total: number) => progress?.(done, total),
    finish: (s: WorkbookSnapshot) => finish(s),
    fail: (e: unknown) => fail(e),
  };
}

function renderApp(port: WorkbookPort | null, analyze: Analyze, lang: Lang = "ja") {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App port={port} lang={lang} analyze={analyze} />
    </FluentProvider>
  );
}

/** The value next to a label in a policy field's count table. */
function countOf(card: HTMLElement, label: string): string {
  const row = within(card).getByText(label).closest("tr")!;
  return row.querySelectorAll("td")[1].textContent ?? "";
}

describe("App (task pane)", () => {
  it("scans: shows progress, then the sheet mapping and the counts per policy field", async () => {
    const io = manualPort();
    const analyze = jest.fn(() => model());
    renderApp(io.port, analyze);

    fireEvent.click(screen.getByRole("button", { name: "スキャン" }));
    expect((screen.getByRole("button", { name: "スキャン" }) as HTMLButtonElement).disabled).toBe(
      true
    );
    await act(async () => io.progress(1, 3));
    expect(screen.getByRole("status").textContent).toBe("ブックを読み取っています… (1/3)");

    await act(async () => io.finish(SNAPSHOT));
    expect(analyze).toHaveBeenCalledWith(SNAPSHOT, { lang: "ja" });
    expect(screen.getByRole("status").textContent).toBe("2 枚のシートを読み取りました。");

    const sheets = screen.getByRole("table", { name: /各シートの種類/ });
    const rows = within(sheets).getAllByRole("row").slice(1);
    expect(rows.map((r) => Array.from(r.querySelectorAll("td")).map((c) => c.textContent))).toEqual(
      [
        ["9 社会参画", "政策分野", "found 政策分野 heading and KPI table"],
        ["メモ", "対象外", "no known labels"],
      ]
    );

    const card = screen.getByRole("table", { name: /9 社会参画/ });
    expect(countOf(card, "評価年度")).toBe("2023年度");
    expect(countOf(card, "指標")).toBe("3");
    expect(countOf(card, "達成")).toBe("2");
    expect(countOf(card, "未達成")).toBe("1");
    expect(countOf(card, "集計中")).toBe("0");
    expect(countOf(card, "施策")).toBe("1");
    expect(countOf(card, "指摘")).toBe("1");
    expect(
      (screen.getByRole("button", { name: "もう一度スキャン" }) as HTMLButtonElement).disabled
    ).toBe(false);
  });

  it("shows a dash, not zero, for status counts when the evaluation year is unknown", async () => {
    const io = manualPort();
    renderApp(io.port, () => model({ policyFields: [field({ asOf: null })] }));
    fireEvent.click(screen.getByRole("button", { name: "スキャン" }));
    await act(async () => io.finish(SNAPSHOT));
    const card = screen.getByRole("table", { name: /9 社会参画/ });
    expect(countOf(card, "評価年度")).toBe("—");
    expect(countOf(card, "達成")).toBe("—");
    expect(countOf(card, "指標")).toBe("3");
  });

  it("says so when no policy field was found", async () => {
    const io = manualPort();
    renderApp(io.port, () => model({ policyFields: [], findings: [] }));
    fireEvent.click(screen.getByRole("button", { name: "スキャン" }));
    await act(async () => io.finish(SNAPSHOT));
    expect(screen.getByText(/政策分野は見つかりませんでした/)).toBeTruthy();
  });

  it("shows an Excel error in plain words with its code, and lets the user try again", async () => {
    const io = manualPort();
    renderApp(io.port, () => model());
    fireEvent.click(screen.getByRole("button", { name: "スキャン" }));
    await act(async () =>
      io.fail(Object.assign(new Error("The sheet is protected."), { code: "AccessDenied" }))
    );
    const alert = screen.getByRole("alert");
    expect(alert.textContent).toContain("Excel がエラーを返しました（コード: AccessDenied）");
    expect(alert.textContent).toContain("保護を解除してから");
    expect((screen.getByRole("button", { name: "スキャン" }) as HTMLButtonElement).disabled).toBe(
      false
    );
  });

  it("reports an analysis failure instead of crashing", async () => {
    const io = manualPort();
    renderApp(io.port, () => {
      throw new Error("boom");
    });
    fireEvent.click(screen.getByRole("button", { name: "スキャン" }));
    await act(async () => io.finish(SNAPSHOT));
    expect(screen.getByRole("alert").textContent).toContain("予期しないエラーが起きました: boom");
  });

  it("renders cell text as text, never as HTML", async () => {
    const io = manualPort();
    const evil = '<img src=x onerror="window.__pwned=1"><b>太字</b>';
    const { container } = renderApp(io.port, () =>
      model({
        sheets: [{ name: evil, kind: "unknown", reason: evil }],
        policyFields: [field({ name: evil, sheet: evil })],
      })
    );
    fireEvent.click(screen.getByRole("button", { name: "スキャン" }));
    await act(async () => io.finish(SNAPSHOT));
    expect(container.querySelector("img")).toBeNull();
    expect(container.querySelector("b")).toBeNull();
    expect(screen.getAllByText(evil, { exact: false }).length).toBeGreaterThan(0);
  });

  it("speaks English when Office does", async () => {
    const io = manualPort();
    renderApp(io.port, () => model(), "en");
    fireEvent.click(screen.getByRole("button", { name: "Scan" }));
    await act(async () => io.finish(SNAPSHOT));
    expect(screen.getByRole("heading", { name: "Sheet mapping" })).toBeTruthy();
    expect(screen.getByText("Policy field")).toBeTruthy();
  });

  it("outside Office: explains that browser mode comes later and offers no scan", () => {
    renderApp(null, () => model());
    expect(screen.getByText("Excel の外で開かれています")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "スキャン" })).toBeNull();
  });

  it("runs the real core on what the port reads", async () => {
    const io = manualPort();
    renderApp(io.port, undefined as unknown as Analyze);
    fireEvent.click(screen.getByRole("button", { name: "スキャン" }));
    await act(async () =>
      io.finish({ sheets: [{ name: "メモ", origin: "A1", values: [["買い物リスト"], ["牛乳"]] }] })
    );
    const sheets = screen.getByRole("table", { name: /各シートの種類/ });
    expect(within(sheets).getByText("メモ")).toBeTruthy();
    expect(screen.queryByRole("alert")).toBeNull();
  });
});
