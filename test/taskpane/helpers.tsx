/** Shared by the task pane's component tests: a model, a fake port, rendering. */
import { act, fireEvent, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/App";
import type { Analyze, AppProps } from "../../src/taskpane/App";
import type {
  BuildOutcome,
  BuildPhase,
  SelectOutcome,
  WorkbookPort,
} from "../../src/taskpane/port";
import type { PaneSettings } from "../../src/taskpane/settings";
import type {
  AnalyzeOptions,
  EvaluationModel,
  Finding,
  Indicator,
  PolicyField,
  WorkbookSnapshot,
  YearStatus,
} from "../../src/core";
import type { Lang } from "../../src/taskpane/i18n";

// Fluent's MessageBar measures itself; jsdom has no ResizeObserver (every browser does).
class NoResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
(window as unknown as { ResizeObserver: unknown }).ResizeObserver ??= NoResizeObserver;

export const SHEET = "9 社会参画";

export const SNAPSHOT: WorkbookSnapshot = {
  source: "test",
  sheets: [{ name: SHEET, origin: "A1", values: [["政策分野 9 社会参画"]] }],
};

export function indicator(no: number, status: YearStatus, name = `指標${no}`): Indicator {
  return {
    no,
    kind: "kpi",
    name,
    unit: "人",
    definition: "",
    direction: "increase",
    directionInfo: { value: "increase", rule: "trend", detail: "targets rise" },
    cumulative: false,
    finalTarget: 100,
    finalTargetSource: null,
    verification: "",
    verificationSource: null,
    years: [
      {
        fiscalYear: 2022,
        label: "令和4年度",
        target: 10,
        actual: 9,
        targetState: "number",
        actualState: "number",
        achievementRate: 0.9,
        status: "notAchieved",
        targetSource: null,
        actualSource: null,
      },
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
    source: { sheet: SHEET, address: "B10" },
  };
}

export function field(overrides: Partial<PolicyField> = {}): PolicyField {
  return {
    id: "9",
    name: "社会参画",
    sheet: SHEET,
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
      code: null,
      indicators: [],
      sheetGrades: [],
        projects: [],
        source: { sheet: SHEET, address: "B30" },
      },
    ],
    relatedProjects: [],
    finalEvaluation: "",
    source: { sheet: SHEET, address: "A1" },
    ...overrides,
  };
}

export function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    rule: "kpi-below-target",
    severity: "warning",
    message: "指標3 が目標に届いていません",
    messageJa: "指標3 が目標に届いていません",
    messageEn: "KPI 3 missed its target",
    sheet: SHEET,
    address: "C12",
    policyField: "9",
    indicator: 3,
    project: null,
    fiscalYear: 2023,
    ...overrides,
  };
}

export function model(overrides: Partial<EvaluationModel> = {}): EvaluationModel {
  return {
    schemaVersion: 2,
    generator: { name: "hyoka", version: "test" },
    source: "test",
    sheets: [
      { name: SHEET, kind: "policyField", reason: "heading 政策分野9 社会参画 at A1" },
      { name: "メモ", kind: "unknown", reason: "no 政策分野 heading" },
    ],
    policyFields: [field()],
    findings: [finding()],
    ...overrides,
  };
}

/** A recording analyze: the model it returns may depend on the options. */
export function fakeAnalyze(
  make: (options: AnalyzeOptions) => EvaluationModel = () => model()
): jest.Mock<EvaluationModel, [WorkbookSnapshot, AnalyzeOptions?]> {
  return jest.fn((_snapshot: WorkbookSnapshot, options: AnalyzeOptions = {}) => make(options));
}

export interface FakePort extends WorkbookPort {
  saved: PaneSettings[];
  progress: (done: number, total: number) => void;
  finishRead: (s?: WorkbookSnapshot) => void;
  failRead: (e: unknown) => void;
}

/**
 * A port whose read the test finishes by hand (so the in-between states can be seen); the
 * other calls are jest mocks with harmless defaults.
 */
export function fakePort(
  kind: "office" | "browser" = "office",
  saved: PaneSettings | null = null
): FakePort {
  // The read's promise exists before readSnapshot is called, so a test can settle it at once.
  let finish!: (s: WorkbookSnapshot) => void;
  let fail!: (e: unknown) => void;
  let pending!: Promise<WorkbookSnapshot>;
  const arm = () => {
    pending = new Promise<WorkbookSnapshot>((resolve, reject) => {
      finish = resolve;
      fail = reject;
    });
  };
  arm();
  let onProgress: ((done: number, total: number) => void) | undefined;
  const port: FakePort = {
    kind,
    name: kind === "office" ? "Excel" : "seed.xlsx",
    saved: [],
    readSnapshot: jest.fn((p?: (done: number, total: number) => void) => {
      onProgress = p;
      const read = pending;
      void read.then(arm, arm);
      return read;
    }),
    selectCell: jest.fn(async (): Promise<SelectOutcome> =>
      kind === "office" ? "selected" : "shown"
    ),
    activateSheet: jest.fn(async (): Promise<SelectOutcome> =>
      kind === "office" ? "selected" : "shown"
    ),
    buildSummary: jest.fn(
      async (analyze, report?: (p: BuildPhase) => void): Promise<BuildOutcome> => {
        report?.({ phase: "read", done: 1, total: 1 });
        report?.({ phase: "analyze" });
        await analyze(SNAPSHOT);
        report?.({ phase: "write", step: "x" });
        return { sheetNames: { evaluation: "評価サマリー", log: "実行記録" }, renamed: [] };
      }
    ),
    loadSettings: jest.fn(async () => saved),
    saveSettings: jest.fn(async (s: PaneSettings) => {
      port.saved.push(s);
    }),
    progress: (done, total) => onProgress?.(done, total),
    finishRead: (s = SNAPSHOT) => finish(s),
    failRead: (e) => fail(e),
  };
  return port;
}

export function renderApp(
  port: WorkbookPort | null,
  analyze: Analyze,
  lang: Lang = "ja",
  extra: Partial<AppProps> = {}
) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App
        port={port}
        lang={lang}
        analyze={analyze}
        now={() => new Date("2024-04-01T00:00:00Z")}
        {...extra}
      />
    </FluentProvider>
  );
}

/**
 * Lets the pane's main-thread jobs finish: each phase yields a macrotask (worker/client.ts), which
 * act() alone does not wait for.
 */
export async function settle(rounds = 6): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
  }
}

/** Clicks Scan, finishes the read and lets the analysis finish. */
export async function scanned(port: FakePort, lang: Lang = "ja"): Promise<void> {
  fireEvent.click(screen.getByRole("button", { name: lang === "ja" ? "スキャン" : "Scan" }));
  await act(async () => port.finishRead());
  await settle();
}

/** Selects a step tab (Fluent tabs select on click; Enter/Space click a focused tab). */
export function openTab(name: RegExp | string): void {
  fireEvent.click(screen.getByRole("tab", { name }));
}

export const announcer = () => screen.getByTestId("announcer");
