/** @jest-environment jsdom */
import { act, fireEvent, screen } from "@testing-library/react";
import {
  SHEET,
  announcer,
  fakeAnalyze,
  fakePort,
  finding,
  model,
  openTab,
  renderApp,
  scanned,
} from "./helpers";

const FINDINGS = [
  finding({
    rule: "kpi-below-target",
    severity: "warning",
    address: "C12",
    messageJa: "指標3 未達成",
  }),
  finding({
    rule: "kpi-below-target",
    severity: "warning",
    address: "C14",
    messageJa: "指標4 未達成",
  }),
  finding({
    rule: "formula-error",
    severity: "error",
    address: "D5",
    messageJa: "#DIV/0! があります",
  }),
  finding({
    rule: "outcome-no-data",
    severity: "info",
    address: "E9",
    messageJa: "成果の値がありません",
  }),
];

async function findings(kind: "office" | "browser" = "office") {
  const port = fakePort(kind);
  renderApp(
    port,
    fakeAnalyze(() => model({ findings: FINDINGS }))
  );
  await scanned(port);
  openTab("指摘 (4)");
  return port;
}

const groupNames = () => screen.getAllByRole("heading", { level: 3 }).map((h) => h.textContent);
/** The findings listed (group headings are list items too, without a button). */
const items = () =>
  screen
    .getAllByRole("listitem")
    .filter((li) => li.querySelector("button"))
    .map((li) => li.textContent);

describe("Findings step", () => {
  it("groups by severity (error first), then by rule, with symbols and counts", async () => {
    await findings();
    expect(groupNames()).toEqual(["✖ エラー（1 件）", "⚠ 注意（2 件）", "ℹ 情報（1 件）"]);
    expect(screen.getAllByRole("heading", { level: 4 }).map((h) => h.textContent)).toEqual([
      "セルのエラー値（1 件）",
      "目標未達成の年度（2 件）",
      "成果の推移に値がない（1 件）",
    ]);
    expect(items()).toEqual([
      `${SHEET}!D5 #DIV/0! があります`,
      `${SHEET}!C12 指標3 未達成`,
      `${SHEET}!C14 指標4 未達成`,
      `${SHEET}!E9 成果の値がありません`,
    ]);
    expect(screen.getByText("4 件中 4 件を表示")).toBeTruthy();
  });

  it("the list is one tab stop; arrows, Home and End move through the findings", async () => {
    await findings();
    const buttons = () => screen.getAllByRole("listitem").flatMap((li) => Array.from(li.querySelectorAll("button")));
    expect(buttons().map((b) => b.tabIndex)).toEqual([0, -1, -1, -1]);
    buttons()[0].focus();
    const list = screen.getByRole("list", { name: "指摘の一覧" });
    await act(async () => {
      fireEvent.keyDown(list, { key: "ArrowDown" });
    });
    expect(document.activeElement?.textContent).toBe(`${SHEET}!C12 指標3 未達成`);
    expect(buttons().map((b) => b.tabIndex)).toEqual([-1, 0, -1, -1]);
    await act(async () => {
      fireEvent.keyDown(list, { key: "End" });
    });
    expect(document.activeElement?.textContent).toBe(`${SHEET}!E9 成果の値がありません`);
    await act(async () => {
      fireEvent.keyDown(list, { key: "Home" });
    });
    expect(document.activeElement?.textContent).toBe(`${SHEET}!D5 #DIV/0! があります`);
  });

  it("renders only the findings on screen of a long list", async () => {
    const port = fakePort();
    const many = Array.from({ length: 500 }, (_, i) =>
      finding({ address: `C${i + 1}`, messageJa: `指摘${i + 1}` })
    );
    renderApp(
      port,
      fakeAnalyze(() => model({ findings: many }))
    );
    await scanned(port);
    openTab("指摘 (500)");
    const rendered = items().length;
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(60);
    expect(screen.getByText("500 件中 500 件を表示")).toBeTruthy();
    // Each says where it is in the whole list.
    const first = screen.getAllByRole("listitem").find((li) => li.querySelector("button"))!;
    expect(first.getAttribute("aria-setsize")).toBe("500");
  });

  it("filters by severity, by rule and by text", async () => {
    await findings();
    fireEvent.change(screen.getByRole("combobox", { name: "重要度" }), {
      target: { value: "warning" },
    });
    expect(items()).toHaveLength(2);
    expect(screen.getByText("4 件中 2 件を表示")).toBeTruthy();

    fireEvent.change(screen.getByRole("combobox", { name: "重要度" }), {
      target: { value: "all" },
    });
    fireEvent.change(screen.getByRole("combobox", { name: "ルール" }), {
      target: { value: "formula-error" },
    });
    expect(items()).toEqual([`${SHEET}!D5 #DIV/0! があります`]);

    fireEvent.change(screen.getByRole("combobox", { name: "ルール" }), {
      target: { value: "all" },
    });
    // Text matches the message, the place and the rule's title; full-width digits are folded.
    fireEvent.change(screen.getByRole("searchbox", { name: "文字で絞り込み" }), {
      target: { value: "指標４" },
    });
    expect(items()).toEqual([`${SHEET}!C14 指標4 未達成`]);
    fireEvent.change(screen.getByRole("searchbox", { name: "文字で絞り込み" }), {
      target: { value: "該当なし" },
    });
    expect(screen.getByText("条件に合う指摘はありません。")).toBeTruthy();
  });

  it("clicking a finding selects its source cell in Excel and says so", async () => {
    const port = await findings();
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: `${SHEET}!C14 指標4 未達成` }));
    });
    expect(port.selectCell).toHaveBeenCalledWith(SHEET, "C14");
    expect(announcer().textContent).toBe(`${SHEET}!C14 を選択しました。`);
    const current = screen.getByRole("button", { current: true });
    expect(current.textContent).toBe(`▶ 選択中: ${SHEET}!C14 指標4 未達成`);
  });

  // Issue 14: findings of one rule on one cell (a KPI's years) shared a key, so one click
  // marked them all as selected.
  it("one click selects one finding, also among findings of one rule on one cell", async () => {
    const port = fakePort();
    const sameCell = [2021, 2022, 2023].map((fiscalYear) =>
      finding({ address: "B10", fiscalYear, messageJa: `指標1 ${fiscalYear}年度 未達成` })
    );
    renderApp(
      port,
      fakeAnalyze(() => model({ findings: sameCell }))
    );
    await scanned(port);
    openTab("指摘 (3)");
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: `${SHEET}!B10 指標1 2022年度 未達成` }));
    });
    const current = screen.getAllByRole("button", { current: true });
    expect(current.map((b) => b.textContent)).toEqual([
      `▶ 選択中: ${SHEET}!B10 指標1 2022年度 未達成`,
    ]);
  });

  it("in browser mode, names the cell instead (no Excel selection there)", async () => {
    const port = await findings("browser");
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: `${SHEET}!D5 #DIV/0! があります` }));
    });
    expect(port.selectCell).toHaveBeenCalledWith(SHEET, "D5");
    expect(announcer().textContent).toContain(`${SHEET}!D5 の位置です`);
  });

  it("a failed selection (sheet deleted since the scan) is said in plain words", async () => {
    const port = await findings();
    (port.selectCell as jest.Mock).mockRejectedValueOnce(
      Object.assign(new Error("The requested resource doesn't exist."), { code: "ItemNotFound" })
    );
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: `${SHEET}!C12 指標3 未達成` }));
    });
    expect(announcer().textContent).toContain("コード: ItemNotFound");
  });

  it("says so when there are no findings", async () => {
    const port = fakePort();
    renderApp(
      port,
      fakeAnalyze(() => model({ findings: [] }))
    );
    await scanned(port);
    openTab("指摘 (0)");
    expect(screen.getByText("指摘はありません。")).toBeTruthy();
  });

  it("shows messages in English in English", async () => {
    const port = fakePort();
    renderApp(
      port,
      fakeAnalyze(() => model({ findings: [finding()] })),
      "en"
    );
    await scanned(port, "en");
    openTab("Findings (1)");
    expect(
      screen.getByRole("button", { name: `${SHEET}!C12 KPI 3 missed its target` })
    ).toBeTruthy();
    expect(groupNames()).toEqual(["⚠ Warning (1)"]);
  });
});
