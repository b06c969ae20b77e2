/** @jest-environment jsdom */
/**
 * Teach mode in the pane, on the real core: a sheet no layout fits is marked cell by cell (by
 * keyboard on the grid, by mouse, or from Excel's selection), the preview shows what the marks
 * read before anything is saved, and accepting saves a profile that reads the sheet as the
 * hand-written one does — the overview then shows its indicators.
 */
import { act, fireEvent, screen, within } from "@testing-library/react";
import { analyzeWorkbook } from "../../src/core";
import type { WorkbookSnapshot } from "../../src/core";
import type { CellSelection } from "../../src/taskpane/port";
import { TWO_TABLE_PROFILE, twoTableSheet } from "../core/profile/cases";
import { announcer, fakePort, openTab, renderApp, settle } from "./helpers";
import { TEACH_KEYS } from "./teachKeys";
import type { FakePort } from "./helpers";

const SHEET = "指標の推移";
const BOOK: WorkbookSnapshot = { source: "kpi.xlsx", sheets: [twoTableSheet()] };

async function teachMode(port: FakePort = fakePort("browser"), lang: "ja" | "en" = "ja") {
  renderApp(port, analyzeWorkbook, lang);
  fireEvent.click(screen.getByRole("button", { name: lang === "ja" ? "スキャン" : "Scan" }));
  await act(async () => port.finishRead(BOOK));
  await settle();
  openTab(lang === "ja" ? "読み取り設定" : "Layout");
  fireEvent.click(
    screen.getByRole("button", {
      name: lang === "ja" ? `「${SHEET}」の読み方を教える` : `Teach the layout of ${SHEET}`,
    })
  );
  return port;
}

const grid = () => screen.getByRole("grid");
const key = (k: string, shift = false) => fireEvent.keyDown(grid(), { key: k, shiftKey: shift });
const press = (k: string, n: number, shift = false) => {
  for (let i = 0; i < n; i++) key(k, shift);
};
const activeCell = () =>
  document.getElementById(grid().getAttribute("aria-activedescendant")!)!.getAttribute("data-cell");
const selected = () =>
  within(grid())
    .getAllByRole("gridcell")
    .filter((c) => c.getAttribute("aria-selected") === "true")
    .map((c) => c.getAttribute("data-cell"));

/** Marks the six ranges of test/core/profile/teach.test.ts (MARKS) with the keyboard only. */
function markByKeyboard(): void {
  for (const step of TEACH_KEYS) {
    for (const k of step.keys) key(k.replace(/^Shift\+/, ""), k.startsWith("Shift+"));
    key("Enter");
  }
}

const marksList = () =>
  within(screen.getByRole("group", { name: "割り当て" }))
    .queryAllByRole("listitem")
    .map((li) => li.textContent!.replace(/\s*外す$/, "").trim());

describe("teach mode", () => {
  it("lists the sheet no layout fits and opens teach mode on it, focus on its heading", async () => {
    await teachMode();
    const heading = screen.getByRole("heading", { name: `「${SHEET}」の読み方を教える` });
    expect(document.activeElement).toBe(heading);
    // The sheet's cells, as text, in a one-stop grid.
    expect(grid().getAttribute("tabindex")).toBe("0");
    expect(screen.getByRole("gridcell", { name: "目標値の推移" })).toBeTruthy();
    expect(screen.getByText("まだ何も割り当てていません。")).toBeTruthy();
    expect(screen.getByRole("button", { name: "この読み方で読み取る" })).toHaveProperty(
      "disabled",
      false
    );
    expect(
      screen.getByRole("button", { name: "この読み方で読み取る" }).getAttribute("aria-disabled")
    ).toBe("true");
  });

  it("keyboard: arrows move and stop at the edge, Shift extends, Escape collapses", async () => {
    await teachMode();
    expect(activeCell()).toBe("A1");
    key("ArrowUp");
    key("ArrowLeft");
    expect(activeCell()).toBe("A1");
    press("ArrowDown", 2);
    press("ArrowRight", 2, true);
    press("ArrowDown", 1, true);
    expect(activeCell()).toBe("C4");
    expect(selected()).toEqual(["A3", "B3", "C3", "A4", "B4", "C4"]);
    expect(screen.getByRole("button", { name: "A3:C4 を「年度」にする" })).toBeTruthy();
    key("Escape");
    expect(selected()).toEqual(["C4"]);
    key("End");
    expect(activeCell()).toBe("D4");
    key("Home", false);
    expect(activeCell()).toBe("A4");
  });

  it("by keyboard: marks, a live preview with the values, accept — saved and read as the hand-written profile", async () => {
    const port = await teachMode();
    markByKeyboard();
    expect(marksList()).toEqual([
      "年 年度: A5:A7",
      "年 年度: A12:A14",
      "名 指標名: B4:D4",
      "名 指標名: B11:D11",
      "目 目標値: B5:D7",
      "実 実績値: B12:D14",
    ]);
    expect(announcer().textContent).toBe("B12:D14 を「実績値」にしました。");
    // A marked cell says its role in words too (never colour alone).
    expect(screen.getByRole("gridcell", { name: "目標値: 100" })).toBeTruthy();

    const preview = screen.getByRole("region", { name: "プレビュー" });
    expect(within(preview).getByRole("status").textContent).toBe("指標 3 件を読み取れます。");
    const first = within(preview).getByRole("table", { name: "協働事業数" });
    const rows = within(first)
      .getAllByRole("row")
      .slice(1)
      .map((r) =>
        within(r)
          .getAllByRole("cell")
          .map((c) => c.textContent)
      );
    expect(rows).toEqual([
      ["令和3年度（2021）", "100", "105", expect.any(String)],
      ["令和4年度（2022）", "110", "112", expect.any(String)],
      ["令和5年度（2023）", "120", "集計中", expect.any(String)],
    ]);
    expect(port.saveSettings).not.toHaveBeenCalled();

    // Without a name there is nothing to accept yet.
    const accept = screen.getByRole("button", { name: "この読み方で読み取る" });
    expect(accept.getAttribute("aria-disabled")).toBe("true");
    expect(screen.getByText("名前を入れてください。")).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/^名前/), { target: { value: "協働のまちづくり" } });
    fireEvent.change(screen.getByLabelText("政策分野の番号"), { target: { value: "12" } });
    expect(accept.getAttribute("aria-disabled")).toBeNull();
    fireEvent.click(accept);
    await settle();

    expect(announcer().textContent).toBe(
      `「${SHEET}」を教えた読み方で読み取りました（指標 3 件）。`
    );
    const saved = port.saved.at(-1)!;
    expect(saved.profile!.sheets[0]).toMatchObject({ family: "custom", match: { name: SHEET } });
    const viaSaved = analyzeWorkbook(BOOK, { profile: JSON.parse(JSON.stringify(saved.profile)) });
    expect(viaSaved.policyFields).toEqual(
      analyzeWorkbook(BOOK, { profile: TWO_TABLE_PROFILE }).policyFields
    );
    // Back in the layout step, the sheet is now read with its custom entry; the overview has it.
    expect(screen.getByRole("group", { name: SHEET })).toBeTruthy();
    expect(screen.getByText(/形式: 読み取り設定で定義した表/)).toBeTruthy();
    openTab("概要");
    expect(screen.getByRole("rowheader", { name: /政策分野12 協働のまちづくり/ })).toBeTruthy();
  });

  it("by mouse: click, Shift+click and drag select; the button assigns; a mark can be removed", async () => {
    await teachMode();
    const cell = (a: string) => document.querySelector(`[data-cell="${a}"]`)!;
    fireEvent.mouseDown(cell("A5"));
    fireEvent.mouseDown(cell("A7"), { shiftKey: true });
    fireEvent.click(screen.getByRole("button", { name: "A5:A7 を「年度」にする" }));
    fireEvent.change(screen.getByRole("combobox", { name: "割り当てる役割" }), {
      target: { value: "names" },
    });
    fireEvent.mouseDown(cell("B4"));
    fireEvent.mouseEnter(cell("C4"));
    fireEvent.mouseEnter(cell("D4"));
    fireEvent.mouseUp(window);
    fireEvent.mouseEnter(cell("D5")); // no longer dragging
    fireEvent.click(screen.getByRole("button", { name: "B4:D4 を「指標名」にする" }));
    expect(marksList()).toEqual(["年 年度: A5:A7", "名 指標名: B4:D4"]);
    // Re-marking part of a range replaces the overlapped mark: a cell has one role.
    fireEvent.mouseDown(cell("A6"));
    fireEvent.click(screen.getByRole("button", { name: "A6 を「指標名」にする" }));
    expect(marksList()).toEqual(["名 指標名: B4:D4", "名 指標名: A6"]);
    fireEvent.click(screen.getByRole("button", { name: "指標名 A6 の割り当てを外す" }));
    expect(marksList()).toEqual(["名 指標名: B4:D4"]);
    expect(announcer().textContent).toBe("A6 の割り当てを外しました。");
  });

  it("says what is still missing (in the pane's language) and offers nothing to accept", async () => {
    await teachMode(fakePort("browser"), "en");
    key("4");
    press("ArrowDown", 4);
    key("ArrowRight");
    press("ArrowDown", 2, true);
    press("ArrowRight", 2, true);
    key("Enter");
    const preview = screen.getByRole("region", { name: "Preview" });
    expect(within(preview).getByRole("status").textContent).toBe("Still missing");
    expect(preview.textContent).toContain("No years range above or beside the values B5:D7");
    expect(
      screen.getByRole("button", { name: "Use this layout" }).getAttribute("aria-disabled")
    ).toBe("true");
    // Delete unmarks the selection.
    key("Delete");
    expect(
      within(screen.getByRole("group", { name: "Marks" })).getByText("Nothing is marked yet.")
    ).toBeTruthy();
  });

  it("stopping leaves nothing saved and returns focus to the button that opened teach mode", async () => {
    const port = await teachMode();
    key("Enter");
    fireEvent.click(screen.getByRole("button", { name: "教えるのをやめる" }));
    expect(announcer().textContent).toBe("教えるのをやめました。");
    await act(async () => new Promise((r) => setTimeout(r, 0)));
    expect(document.activeElement).toBe(
      screen.getByRole("button", { name: `「${SHEET}」の読み方を教える` })
    );
    expect(port.saveSettings).not.toHaveBeenCalled();
  });
});

it("shows cell text as text, never as markup", async () => {
  const port = fakePort("browser");
  const evil = '<img src=x onerror="alert(1)"><b>太字</b>';
  const sheet = { name: "メモ", origin: "A1", values: [[evil, "=1+1"]] };
  renderApp(port, analyzeWorkbook);
  fireEvent.click(screen.getByRole("button", { name: "スキャン" }));
  await act(async () => port.finishRead({ sheets: [sheet] }));
  await settle();
  openTab("読み取り設定");
  fireEvent.click(screen.getByRole("button", { name: "「メモ」の読み方を教える" }));
  expect(screen.getByRole("gridcell", { name: evil })).toBeTruthy();
  expect(grid().querySelector("img, b")).toBeNull();
});

describe("teach mode inside Excel: the selection made on the sheet", () => {
  function officePort(selection: () => Promise<CellSelection>): FakePort {
    const port = fakePort("office");
    port.readSelection = jest.fn(selection);
    return port;
  }

  it("assigns the chosen role to each selected area", async () => {
    const port = officePort(async () => ({ sheet: SHEET, ranges: ["A5:A7", "A12:A14"] }));
    await teachMode(port);
    expect(screen.getByText(/Excel でセルを選んでから/)).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Excel の選択範囲に割り当てる" }));
    });
    expect(port.readSelection).toHaveBeenCalledTimes(1);
    expect(marksList()).toEqual(["年 年度: A5:A7", "年 年度: A12:A14"]);
    expect(announcer().textContent).toBe("A5:A7, A12:A14 を「年度」にしました。");
  });

  it("refuses a selection on another sheet, or a whole column, and says why", async () => {
    let next: CellSelection = { sheet: "メモ", ranges: ["A1"] };
    const port = officePort(async () => next);
    await teachMode(port);
    const useExcel = () =>
      act(async () => {
        fireEvent.click(screen.getByRole("button", { name: "Excel の選択範囲に割り当てる" }));
      });
    await useExcel();
    expect(screen.getByText(/Excel で選ばれているのはシート「メモ」のセルです/)).toBeTruthy();
    next = { sheet: SHEET, ranges: ["A:A"] };
    await useExcel();
    expect(screen.getByText(/A:A は使えません/)).toBeTruthy();
    expect(marksList()).toEqual([]);
  });

  it("shows Excel's error when the selection cannot be read", async () => {
    const port = officePort(async () => {
      throw Object.assign(new Error("busy"), { code: "InvalidOperation" });
    });
    await teachMode(port);
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Excel の選択範囲に割り当てる" }));
    });
    expect(screen.getByText(/InvalidOperation/)).toBeTruthy();
  });

  it("is absent in browser mode, where the grid selects", async () => {
    await teachMode(fakePort("browser"));
    expect(screen.queryByRole("button", { name: "Excel の選択範囲に割り当てる" })).toBeNull();
  });
});
