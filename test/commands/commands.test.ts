/** @jest-environment jsdom */
/**
 * The ribbon command "buildSummary": it builds through src/excel (faked here), reports the
 * outcome in the notice dialog, and completes the Office event only once the user has seen it.
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
  it("is registered under the manifest's FunctionName", () => {
    expect(associate).toHaveBeenCalledWith("buildSummary", expect.any(Function));
  });

  it("builds, names the created sheets, and completes after the user closes the notice", async () => {
    const build = jest.fn().mockResolvedValue({
      sheetNames: { evaluation: "評価サマリー", findings: "指摘事項" },
    });
    const event = fakeEvent();
    const done = commands.makeBuildSummaryCommand(build)(event);
    await settle();

    expect(build).toHaveBeenCalledTimes(1);
    const { params, path: page, dialog } = lastNotice();
    expect(page).toMatch(/\/notice\.html$/);
    expect(params.get("kind")).toBe("success");
    expect(params.get("lang")).toBe("ja");
    expect(params.get("message")).toBe("サマリーを作成しました: 評価サマリー、指摘事項");
    expect(event.completed).not.toHaveBeenCalled();

    dialog.handlers.dialogMessageReceived({ message: "close" });
    await done;
    expect(dialog.close).toHaveBeenCalled();
    expect(event.completed).toHaveBeenCalledTimes(1);
  });

  it("reports a failed build in plain words, with Excel's code and whether it was undone", async () => {
    const cause = Object.assign(new Error("Sheet is protected"), { code: "AccessDenied" });
    const failure = Object.assign(new Error("apply failed"), {
      name: "ApplyPlanError",
      cause,
      rolledBack: true,
    });
    const event = fakeEvent();
    const done = commands.makeBuildSummaryCommand(jest.fn().mockRejectedValue(failure))(event);
    await settle();

    const { params, dialog } = lastNotice();
    expect(params.get("kind")).toBe("error");
    const message = params.get("message")!;
    expect(message).toContain("サマリーを作成できませんでした");
    expect(message).toContain("コード: AccessDenied");
    expect(message).toContain("保護を解除");
    expect(message).toContain("元の状態に戻しました");

    dialog.handlers.dialogEventReceived({ error: 12006 }); // closed with the dialog's X
    await done;
    expect(event.completed).toHaveBeenCalledTimes(1);
  });

  it("still completes the event when the notice cannot open", async () => {
    dialogOpens = false;
    const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const event = fakeEvent();
    await commands.makeBuildSummaryCommand(jest.fn().mockRejectedValue(new Error("x")))(event);
    expect(event.completed).toHaveBeenCalledTimes(1);
    expect(spy).toHaveBeenCalled();
    spy.mockRestore();
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
