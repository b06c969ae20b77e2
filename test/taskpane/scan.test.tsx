/** @jest-environment jsdom */
import { act, fireEvent, screen, within } from "@testing-library/react";
import {
  SHEET,
  SNAPSHOT,
  announcer,
  fakeAnalyze,
  fakePort,
  field,
  model,
  renderApp,
  scanned,
  settle,
} from "./helpers";
import type { Analyze } from "../../src/taskpane/App";
import { defaultSettings } from "../../src/taskpane/settings";

describe("Scan step", () => {
  it("shows progress, then each sheet with its kind and reason", async () => {
    const port = fakePort();
    const analyze = fakeAnalyze();
    renderApp(port, analyze);

    fireEvent.click(screen.getByRole("button", { name: "スキャン" }));
    expect((screen.getByRole("button", { name: "スキャン" }) as HTMLButtonElement).disabled).toBe(
      true
    );
    await act(async () => undefined); // the saved settings load first
    await act(async () => port.progress(1, 3));
    expect(
      screen.getByRole("progressbar", { name: "ブックを読み取っています… (1/3)" })
    ).toBeTruthy();

    await act(async () => port.finishRead());

    await settle();
    expect(analyze).toHaveBeenCalledWith(
      SNAPSHOT,
      expect.objectContaining({ lang: "ja", sheetKinds: {} })
    );
    expect(announcer().textContent).toBe("1 枚のシートを読み取りました。");
    expect(screen.queryByRole("progressbar")).toBeNull();

    const table = screen.getByRole("table", { name: /各シートの種類/ });
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.map((r) => r.querySelector("strong")!.textContent)).toEqual([SHEET, "メモ"]);
    const kind = within(rows[0]).getByRole("combobox", {
      name: `${SHEET} の種類`,
    }) as HTMLSelectElement;
    expect(kind.value).toBe("auto");
    expect(kind.selectedOptions[0].textContent).toBe("自動判定（政策分野）");
    expect(rows[1].textContent).toContain("no 政策分野 heading");
    expect(screen.getByRole("button", { name: "もう一度スキャン" })).toBeTruthy();
  });

  it("overriding a sheet's kind re-analyses with it and saves it in the document", async () => {
    const port = fakePort();
    const analyze = fakeAnalyze((o) =>
      o.sheetKinds?.["メモ"]
        ? model({
            sheets: [
              { name: SHEET, kind: "policyField", reason: "r" },
              { name: "メモ", kind: o.sheetKinds["メモ"], reason: "kind set by the user" },
            ],
          })
        : model()
    );
    renderApp(port, analyze);
    await scanned(port);

    const select = screen.getByRole("combobox", { name: "メモ の種類" }) as HTMLSelectElement;
    fireEvent.change(select, { target: { value: "projectList" } });
    await settle();

    expect(analyze).toHaveBeenLastCalledWith(SNAPSHOT, expect.objectContaining({ sheetKinds: {} }));
    expect(analyze).toHaveBeenCalledWith(
      SNAPSHOT,
      expect.objectContaining({ sheetKinds: { メモ: "projectList" } })
    );
    expect(port.saved.at(-1)?.sheetKinds).toEqual({ メモ: "projectList" });
    expect(announcer().textContent).toBe("メモ の種類を「事務事業一覧」にして再解析しました。");
    const row = select.closest('[role="row"]')!;
    expect(row.textContent).toContain("あなたが指定した種類です。");
    // "Automatic" still names what the classifier found on its own.
    expect(
      (screen.getByRole("combobox", { name: "メモ の種類" }) as HTMLSelectElement).options[0]
        .textContent
    ).toBe("自動判定（対象外）");

    fireEvent.change(screen.getByRole("combobox", { name: "メモ の種類" }), {
      target: { value: "auto" },
    });
    expect(port.saved.at(-1)?.sheetKinds).toEqual({});
  });

  it("reuses the choices saved in the document", async () => {
    const saved = {
      ...defaultSettings(),
      sheetKinds: { メモ: "empty" as const },
      asOf: { "9": 2022 },
    };
    const port = fakePort("office", saved);
    const analyze = fakeAnalyze();
    renderApp(port, analyze);
    await scanned(port);
    expect(port.loadSettings).toHaveBeenCalled();
    expect(analyze).toHaveBeenCalledWith(
      SNAPSHOT,
      expect.objectContaining({ sheetKinds: { メモ: "empty" }, asOf: { "9": 2022 } })
    );
    expect((screen.getByRole("combobox", { name: "メモ の種類" }) as HTMLSelectElement).value).toBe(
      "empty"
    );
  });

  it("shows an Excel error in plain words with its code and what to do", async () => {
    const port = fakePort();
    renderApp(port, fakeAnalyze());
    fireEvent.click(screen.getByRole("button", { name: "スキャン" }));
    await act(async () =>
      port.failRead(Object.assign(new Error("The sheet is protected."), { code: "AccessDenied" }))
    );
    const alert = screen.getByRole("alert");
    expect(alert.textContent).toContain("Excel がエラーを返しました（コード: AccessDenied）");
    expect(alert.textContent).toContain("保護を解除してから");
    expect((screen.getByRole("button", { name: "スキャン" }) as HTMLButtonElement).disabled).toBe(
      false
    );
    expect(screen.queryByRole("tablist")).toBeNull();
  });

  it("reports an analysis failure instead of crashing", async () => {
    const port = fakePort();
    renderApp(port, () => {
      throw new Error("boom");
    });
    await scanned(port);
    expect(screen.getByRole("alert").textContent).toContain(
      "解析中にエラーが起きました。予期しないエラーが起きました（技術情報: boom）。"
    );
  });

  it("renders cell text as text, never as HTML", async () => {
    const port = fakePort();
    const evil = '<img src=x onerror="window.__pwned=1"><b>太字</b>';
    const { container } = renderApp(port, () =>
      model({
        sheets: [{ name: evil, kind: "unknown", reason: evil }],
        policyFields: [field({ name: evil, sheet: evil })],
      })
    );
    await scanned(port);
    expect(container.querySelector("img")).toBeNull();
    expect(container.querySelector("b")).toBeNull();
    expect(screen.getAllByText(evil, { exact: false }).length).toBeGreaterThan(0);
  });

  it("speaks English when Office does", async () => {
    const port = fakePort();
    renderApp(port, fakeAnalyze(), "en");
    await scanned(port, "en");
    expect(screen.getByRole("heading", { name: "Sheet mapping" })).toBeTruthy();
    expect(screen.getByRole("tab", { name: "Findings (1)" })).toBeTruthy();
    expect(announcer().textContent).toBe("Read 1 sheets.");
  });

  it("runs the real core on what the port reads", async () => {
    const port = fakePort();
    renderApp(port, undefined as unknown as Analyze);
    fireEvent.click(screen.getByRole("button", { name: "スキャン" }));
    await act(async () =>
      port.finishRead({
        sheets: [{ name: "メモ", origin: "A1", values: [["買い物リスト"], ["牛乳"]] }],
      })
    );
    await settle();
    const sheets = screen.getByRole("table", { name: /各シートの種類/ });
    expect(within(sheets).getByText("メモ")).toBeTruthy();
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it.each([
    [
      "ja",
      "スキャン",
      /各シートの種類/,
      "政策分野の見出し・指標表・事務事業一覧・事業シートが見つからない",
    ],
    [
      "en",
      "Scan",
      /kind of each sheet|Each sheet/i,
      "no 政策分野 heading, KPI table, project list or project block found",
    ],
  ] as const)(
    "gives the classifier's reason in the pane's language (%s)",
    async (lang, scan, caption, reason) => {
      const port = fakePort();
      renderApp(port, undefined as unknown as Analyze, lang);
      fireEvent.click(screen.getByRole("button", { name: scan }));
      await act(async () =>
        port.finishRead({ sheets: [{ name: "メモ", origin: "A1", values: [["買い物リスト"]] }] })
      );
      await settle();
      const sheets = screen.getByRole("table", { name: caption });
      expect(within(sheets).getByText(reason)).toBeTruthy();
    }
  );
});
