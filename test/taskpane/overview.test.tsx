/** @jest-environment jsdom */
import { act, fireEvent, screen, within } from "@testing-library/react";
import {
  SNAPSHOT,
  finding,
  indicator,
  announcer,
  fakeAnalyze,
  fakePort,
  field,
  model,
  openTab,
  renderApp,
  scanned,
  settle,
} from "./helpers";
import { parseGradeDraft } from "../../src/taskpane/components/overview/GradeSettings";

/** The field's row in the table: its cells' text (name, ✓, ✗, －, …, findings). */
function fieldRow(name: RegExp | string): string[] {
  const header = screen.getByRole("rowheader", { name });
  const row = header.closest('[role="row"]')!;
  return Array.from(row.querySelectorAll('[role="rowheader"], [role="cell"]')).map(
    (c) => c.textContent ?? ""
  );
}

/** Opens a field's settings (its row's button). */
function openField(name: RegExp | string): void {
  fireEvent.click(within(screen.getByRole("rowheader", { name })).getByRole("button"));
}

async function overview(analyze = fakeAnalyze()) {
  const port = fakePort();
  renderApp(port, analyze);
  await scanned(port);
  openTab("概要");
  return { port, analyze };
}

describe("Overview step", () => {
  it("one row per policy field: the evaluation year's KPI statuses, grades and findings", async () => {
    await overview();
    const [name, achieved, notAchieved, notReported, pending, findings] = fieldRow(/政策分野9 社会参画/);
    expect(name).toContain("令和5年度（2023）");
    expect([achieved, notAchieved, notReported, pending, findings]).toEqual(["2", "1", "0", "0", "1"]);
    expect(screen.getByRole("columnheader", { name: "達成" }).getAttribute("aria-sort")).toBe("none");
    // Opening the field shows each KPI with its status and rate.
    openField(/政策分野9 社会参画/);
    const kpis = screen.getByRole("table", { name: /指標ごとの状況/ });
    const third = within(kpis).getAllByRole("row")[3];
    expect(third.textContent).toContain("✗ 未達成");
    expect(third.textContent).toContain("達成率 90.0%");
    expect(screen.getByText(/指標 3 ・ 施策 1 ・ 事務事業 0/)).toBeTruthy();
  });

  it("shows a dash, not zero, when the evaluation year is unknown", async () => {
    await overview(fakeAnalyze(() => model({ policyFields: [field({ asOf: null })] })));
    expect(fieldRow(/政策分野9/).slice(1, 5)).toEqual(["—", "—", "—", "—"]);
    expect(fieldRow(/政策分野9/)[0]).toContain("評価年度なし");
  });

  it("changes the evaluation year: re-analysis with it, saved", async () => {
    const { port, analyze } = await overview();
    openField(/政策分野9/);
    const select = screen.getByRole("combobox", {
      name: /^評価年度（政策分野9/,
    }) as HTMLSelectElement;
    // Automatic names the latest year with actuals; then each year of the KPIs.
    expect(Array.from(select.options).map((o) => o.textContent)).toEqual([
      "自動: 令和5年度（2023）",
      "令和4年度（2022）",
      "令和5年度（2023）",
    ]);
    fireEvent.change(select, { target: { value: "2022" } });
    await settle();
    expect(analyze).toHaveBeenLastCalledWith(
      SNAPSHOT,
      expect.objectContaining({ asOf: { "9": 2022 } })
    );
    expect(port.saved.at(-1)?.asOf).toEqual({ "9": 2022 });
    expect(announcer().textContent).toBe("再解析しました。");
    fireEvent.change(select, { target: { value: "auto" } });
    expect(port.saved.at(-1)?.asOf).toEqual({});
  });

  it("overrides a KPI's direction", async () => {
    const { port, analyze } = await overview();
    openField(/政策分野9/);
    const select = screen.getByRole("combobox", {
      name: "指標2「指標2」の方向",
    }) as HTMLSelectElement;
    expect(select.options[0].textContent).toBe("自動: 増やす");
    fireEvent.change(select, { target: { value: "decrease" } });
    await settle();
    expect(analyze).toHaveBeenLastCalledWith(
      SNAPSHOT,
      expect.objectContaining({ directions: { "9/2": "decrease" } })
    );
    expect(port.saved.at(-1)?.directions).toEqual({ "9/2": "decrease" });
  });

  it("edits the grade table, at the top for every field; a table that does not fall is refused", async () => {
    const { port, analyze } = await overview();
    const common = screen.getByRole("group", { name: "すべての政策分野に共通の設定" });
    expect(common.textContent).toContain("A 100% 以上 ・ B 80% 以上 ・ C 50% 以上 ・ D: それ未満");
    fireEvent.click(within(common).getByRole("button", { name: "評価区分を変更" }));
    const b = screen.getByRole("textbox", { name: "区分 B の下限（%）" }) as HTMLInputElement;
    expect(b.value).toBe("80");
    fireEvent.change(b, { target: { value: "70" } });
    await settle();
    expect(port.saved.at(-1)?.grades).toEqual([
      { grade: "A", min: 1 },
      { grade: "B", min: 0.7 },
      { grade: "C", min: 0.5 },
      { grade: "D", min: 0 },
    ]);
    const grades = (analyze.mock.calls.at(-1)![1]!.grades ?? []).map((g) => [g.grade, g.min]);
    expect(grades).toEqual([
      ["A", 1],
      ["B", 0.7],
      ["C", 0.5],
      ["D", -Infinity],
    ]);

    const saves = port.saved.length;
    fireEvent.change(b, { target: { value: "120" } });
    expect(screen.getByRole("alert").textContent).toContain("下限は上の区分ほど大きく");
    expect(port.saved.length).toBe(saves);

    fireEvent.click(screen.getByRole("button", { name: "既定の区分に戻す" }));
    expect(port.saved.at(-1)?.grades[1]).toEqual({ grade: "B", min: 0.8 });
    expect(
      (screen.getByRole("textbox", { name: "区分 B の下限（%）" }) as HTMLInputElement).value
    ).toBe("80");
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("parseGradeDraft reads %, full-width digits, and refuses blanks, negatives and rises", () => {
    const grades = [
      { grade: "A", min: 1 },
      { grade: "B", min: 0.8 },
      { grade: "C", min: 0 },
    ];
    expect(parseGradeDraft(grades, ["１００％", "75", ""])).toEqual([
      { grade: "A", min: 1 },
      { grade: "B", min: 0.75 },
      { grade: "C", min: 0 },
    ]);
    expect(parseGradeDraft(grades, ["", "75", ""])).toBeNull();
    expect(parseGradeDraft(grades, ["100", "-5", ""])).toBeNull();
    expect(parseGradeDraft(grades, ["80", "90", ""])).toBeNull();
    expect(parseGradeDraft(grades, ["100", "0", ""])).toBeNull();
  });

  describe("at city scale", () => {
    // Three fields; field 2 has the most findings, field 3 the most KPIs not achieved.
    const fields = [
      field({ id: "1", name: "安全", sheet: "政策分野1" }),
      field({
        id: "2",
        name: "健康",
        sheet: "政策分野2",
        indicators: [indicator(1, "achieved")],
      }),
      field({
        id: "3",
        name: "環境",
        sheet: "政策分野3",
        indicators: [indicator(1, "notAchieved"), indicator(2, "notAchieved")],
      }),
    ];
    const findings = [
      finding({ policyField: "1", sheet: "政策分野1" }),
      finding({ policyField: "2", sheet: "政策分野2", address: "C1" }),
      finding({ policyField: "2", sheet: "政策分野2", address: "C2" }),
      finding({ policyField: "2", sheet: "政策分野2", address: "C3" }),
      // The workbook's own: no field holds it.
      finding({ rule: "formula-error", policyField: null, sheet: "メモ", address: "A1" }),
    ];
    const city = () => overview(fakeAnalyze(() => model({ policyFields: fields, findings })));
    const names = () =>
      screen.getAllByRole("rowheader").map((h) => /政策分野(\d)/.exec(h.textContent ?? "")![1]);

    it("sorts by a column, most first, and back; aria-sort says how", async () => {
      await city();
      expect(names()).toEqual(["1", "2", "3"]);
      fireEvent.click(within(screen.getByRole("columnheader", { name: "未達成" })).getByRole("button"));
      expect(names()).toEqual(["3", "1", "2"]);
      expect(screen.getByRole("columnheader", { name: "未達成" }).getAttribute("aria-sort")).toBe(
        "descending"
      );
      fireEvent.click(within(screen.getByRole("columnheader", { name: "指摘" })).getByRole("button"));
      expect(names()).toEqual(["2", "1", "3"]);
      fireEvent.click(within(screen.getByRole("columnheader", { name: "指摘" })).getByRole("button"));
      expect(names()).toEqual(["3", "1", "2"]);
      expect(screen.getByRole("columnheader", { name: "未達成" }).getAttribute("aria-sort")).toBe("none");
    });

    it("opens one field at a time; the jump list opens and focuses a field", async () => {
      await city();
      openField(/政策分野1/);
      expect(screen.getAllByRole("combobox", { name: /^評価年度/ })).toHaveLength(1);
      openField(/政策分野3/);
      const open = screen.getAllByRole("button", { expanded: true });
      expect(open.map((b) => b.textContent)).toEqual([expect.stringContaining("政策分野3 環境")]);
      await act(async () => {
        fireEvent.change(screen.getByRole("combobox", { name: "政策分野へ移動" }), {
          target: { value: "|2" },
        });
      });
      expect(document.activeElement?.textContent).toContain("政策分野2 健康");
      expect(document.activeElement?.getAttribute("aria-expanded")).toBe("true");
      expect(screen.getAllByRole("button", { expanded: true })).toHaveLength(1);
    });

    // Issue 14: the per-field counts did not add up to the findings tab's.
    it("counts agree: the fields' findings and the others add up to the tab; a count opens them", async () => {
      await city();
      expect(screen.getByRole("tab", { name: "指摘 (5)" })).toBeTruthy();
      expect(screen.getByText("指摘 5 件（うち政策分野に属さないもの 1 件）")).toBeTruthy();
      const perField = ["1", "2", "3"].map((id) => fieldRow(new RegExp(`政策分野${id}`))[5]);
      expect(perField).toEqual(["1", "3", "0"]);
      fireEvent.click(screen.getByRole("button", { name: "政策分野2 健康 の指摘 3 件を表示" }));
      expect(screen.getByRole("tab", { name: "指摘 (5)", selected: true })).toBeTruthy();
      expect((screen.getByRole("combobox", { name: "政策分野" }) as HTMLSelectElement).value).toBe("|2");
      expect(screen.getByText("5 件中 3 件を表示")).toBeTruthy();
      fireEvent.change(screen.getByRole("combobox", { name: "政策分野" }), {
        target: { value: "none" },
      });
      expect(screen.getByText("5 件中 1 件を表示")).toBeTruthy();
    });
  });

  it("says so when no policy field was found", async () => {
    await overview(fakeAnalyze(() => model({ policyFields: [], findings: [] })));
    expect(screen.getByText(/政策分野は見つかりませんでした/)).toBeTruthy();
  });
});
