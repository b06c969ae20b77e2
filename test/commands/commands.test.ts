/** @jest-environment jsdom */
/**
 * The ribbon command "buildSummary": it builds through src/excel (faked here), saves the outcome
 * in the document, opens the notice dialog and completes the Office event without waiting for
 * the notice to be closed (the function's runtime is closed about five minutes after the click).
 */
import * as fs from "fs";
import * as path from "path";
import { TWO_TABLE_PROFILE, twoTableSheet } from "../core/profile/cases";

type Handler = (arg?: unknown) => void;

interface FakeDialog {
  close: jest.Mock;
  handlers: Record<string, Handler>;
}

const dialogs: { url: string; dialog: FakeDialog }[] = [];
let dialogOpens = true;
const associate = jest.fn();

(globalThis as unknown as { Office: unknown }).Office = {
  onReady: (cb: (info: { host: string }) => void) => cb({ host: "Excel" }),
  actions: { associate },
  context: {
    displayLanguage: "ja-JP",
    ui: {
      displayDialogAsync: (url: string, _options: unknown, callback: (r: unknown) => void) => {
        if (!dialogOpens) {
          callback({ status: "failed", error: { code: 12007 } });
          return;
        }
        const dialog: FakeDialog = {
          close: jest.fn(),
          handlers: {},
        };
        const value = {
          close: dialog.close,
          addEventHandler: (type: string, h: Handler) => (dialog.handlers[type] = h),
        };
        dialogs.push({ url, dialog });
        callback({ status: "succeeded", value });
      },
    },
  },
  AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
  EventType: {
    DialogMessageReceived: "dialogMessageReceived",
    DialogEventReceived: "dialogEventReceived",
  },
};

// eslint-disable-next-line @typescript-eslint/no-require-imports
const commands =
  require("../../src/commands/commands") as typeof import("../../src/commands/commands");
const NOTICE_BODY = /<body>([\s\S]*)<\/body>/.exec(
  fs.readFileSync(path.resolve(__dirname, "../../src/commands/notice.html"), "utf8")
)![1];
// notice.ts renders on Office.onReady when loaded, as in its page.
document.body.innerHTML = NOTICE_BODY;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const notice = require("../../src/commands/notice") as typeof import("../../src/commands/notice");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const lastBuild = require("../../src/commands/lastBuild") as typeof import("../../src/commands/lastBuild");

function fakeEvent() {
  return { completed: jest.fn() } as unknown as Office.AddinCommands.Event & {
    completed: jest.Mock;
  };
}

/** Lets pending promise callbacks run. */
const settle = () => new Promise((r) => setTimeout(r, 0));

function lastNotice() {
  const { url, dialog } = dialogs[dialogs.length - 1];
  return { params: new URL(url).searchParams, path: new URL(url).pathname, dialog };
}

beforeEach(() => {
  dialogs.length = 0;
  dialogOpens = true;
});

describe("ribbon command buildSummary", () => {
  const saved: unknown[] = [];
  const save = async (o: unknown) => void saved.push(o);
  beforeEach(() => (saved.length = 0));

  it("is registered under the manifest's FunctionName", () => {
    expect(associate).toHaveBeenCalledWith("buildSummary", expect.any(Function));
  });

  it("builds, saves the outcome, and completes once the notice is open — without waiting for it to be closed", async () => {
    const build = jest.fn().mockResolvedValue({
      sheetNames: { evaluation: "評価サマリー", findings: "指摘事項" },
      skippedCharts: [{ sheet: "グラフ", id: "kpi-1", title: "参加者数" }],
    });
    const event = fakeEvent();
    const now = () => new Date("2026-04-01T00:00:00Z");
    await commands.makeBuildSummaryCommand({ build, save, now })(event);

    expect(build).toHaveBeenCalledWith(expect.objectContaining({ by: "ribbon" }));
    const { params, path: page, dialog } = lastNotice();
    expect(page).toMatch(/\/notice\.html$/);
    expect(params.get("kind")).toBe("success");
    expect(params.get("lang")).toBe("ja");
    expect(params.get("message")).toBe(
      "サマリーを作成しました: 評価サマリー、指摘事項\nグラフ「参加者数」（グラフ）は数値がないため作成しませんでした。"
    );
    // The function's runtime is released while the notice is still open.
    expect(event.completed).toHaveBeenCalledTimes(1);
    expect(dialog.close).not.toHaveBeenCalled();
    expect(saved).toEqual([{ at: "2026-04-01T00:00:00.000Z", kind: "success", message: params.get("message") }]);
    // The notice's Close button still works while the runtime lives.
    dialog.handlers.dialogMessageReceived({ message: "close" });
    expect(dialog.close).toHaveBeenCalled();
  });

  it("reports a failed build in plain words, with Excel's code and whether it was undone", async () => {
    const cause = Object.assign(new Error("Sheet is protected"), { code: "AccessDenied" });
    const failure = Object.assign(new Error("apply failed"), {
      name: "ApplyPlanError",
      cause,
      rolledBack: true,
    });
    const event = fakeEvent();
    await commands.makeBuildSummaryCommand({ build: jest.fn().mockRejectedValue(failure), save })(event);

    const { params } = lastNotice();
    expect(params.get("kind")).toBe("error");
    const message = params.get("message")!;
    expect(message).toContain("サマリーを作成できませんでした");
    expect(message).toContain("コード: AccessDenied");
    expect(message).toContain("保護を解除");
    expect(message).toContain("元の状態に戻しました");
    expect(saved).toEqual([expect.objectContaining({ kind: "error", message })]);
    expect(event.completed).toHaveBeenCalledTimes(1);
  });

  it("still completes the event when the notice cannot open or the outcome cannot be saved", async () => {
    dialogOpens = false;
    const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const event = fakeEvent();
    const refuse = () => Promise.reject({ code: 5001, name: "Internal Error", message: "x" });
    await commands.makeBuildSummaryCommand({ build: jest.fn().mockRejectedValue(new Error("x")), save: refuse })(event);
    expect(event.completed).toHaveBeenCalledTimes(1);
    expect(spy.mock.calls.map((c) => String(c[0])).join("\n")).toMatch(/5001 Internal Error/);
    spy.mockRestore();
  });

  it("saves the outcome in the document's settings, where it is read back", async () => {
    const store = new Map<string, unknown>();
    const context = (Office as unknown as { context: Record<string, unknown> }).context;
    context.document = {
      settings: {
        set: (k: string, v: unknown) => store.set(k, v),
        get: (k: string) => store.get(k) ?? null,
        saveAsync: (cb: (r: { status: string }) => void) => cb({ status: "succeeded" }),
      },
    };
    try {
      await lastBuild.saveLastBuild({ at: "2026-04-01T00:00:00.000Z", kind: "success", message: "ok" });
      expect(lastBuild.loadLastBuild()).toEqual({ at: "2026-04-01T00:00:00.000Z", kind: "success", message: "ok" });
    } finally {
      delete context.document;
    }
  });

  it("analyzes and plans in the user's language with the real core", () => {
    const analyze = commands.analyzeForSummary("en", () => new Date("2025-04-01T00:00:00Z"));
    const { model, plan } = analyze({
      source: "t.xlsx",
      sheets: [{ name: "メモ", origin: "A1", values: [["買い物"]] }],
    });
    expect(model.sheets.map((s) => s.name)).toEqual(["メモ"]);
    expect(plan.lang).toBe("en");
    expect(plan.owner).toBe("hyoka");
  });
});

describe("the command reuses the task pane's saved choices", () => {
  const snapshot = {
    source: "t.xlsx",
    sheets: [{ name: "メモ", origin: "A1", values: [["買い物"]] }],
  };
  const context = (Office as unknown as { context: Record<string, unknown> }).context;
  afterEach(() => {
    delete context.document;
  });

  it("reads them from the document's settings", () => {
    const saved = JSON.stringify({
      sheetKinds: { メモ: "empty" },
      asOf: {},
      directions: {},
      grades: [],
    });
    context.document = {
      settings: { get: (k: string) => (k === "hyoka.settings" ? saved : null) },
    };
    const { model } = commands.analyzeForSummary("ja")(snapshot);
    expect(model.sheets[0]).toMatchObject({ name: "メモ", kind: "empty" });
  });

  it("reads with the layout profile saved there (a taught layout, also in the ribbon's build)", () => {
    const saved = JSON.stringify({ sheetKinds: {}, profile: TWO_TABLE_PROFILE });
    context.document = {
      settings: { get: (k: string) => (k === "hyoka.settings" ? saved : null) },
    };
    const { model, plan } = commands.analyzeForSummary("ja")({ sheets: [twoTableSheet()] });
    expect(model.policyFields.map((f) => [f.id, f.indicators.length])).toEqual([["12", 3]]);
    expect(plan.sheets.length).toBeGreaterThan(0);
  });

  it("uses the defaults when nothing was saved", () => {
    context.document = { settings: { get: () => null } };
    const { model } = commands.analyzeForSummary("ja")(snapshot);
    expect(model.sheets[0].kind).toBe("unknown");
  });
});

describe("notice dialog page", () => {
  beforeEach(() => {
    document.body.innerHTML = NOTICE_BODY;
  });

  it("shows the message as text, in the requested language, and closes on the button", () => {
    const onClose = jest.fn();
    const message = '<img src=x onerror="alert(1)"> シート「<b>集計</b>」';
    notice.renderNotice(
      document,
      `?lang=en&kind=error&message=${encodeURIComponent(message)}`,
      onClose
    );
    expect(document.getElementById("notice-message")!.textContent).toBe(message);
    expect(document.querySelector("img, b")).toBeNull();
    expect(document.getElementById("notice")!.className).toBe("error");
    const button = document.getElementById("notice-close")!;
    expect(button.textContent).toBe("Close");
    expect(document.activeElement).toBe(button);
    button.click();
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it("defaults to Japanese", () => {
    notice.renderNotice(document, "?message=x", jest.fn());
    expect(document.getElementById("notice-close")!.textContent).toBe("閉じる");
    expect(document.documentElement.lang).toBe("ja");
  });
});
