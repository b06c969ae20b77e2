/** @jest-environment jsdom */
import { fireEvent, screen, within } from "@testing-library/react";
import {
  SNAPSHOT,
  announcer,
  fakeAnalyze,
  fakePort,
  field,
  model,
  openTab,
  renderApp,
  scanned,
} from "./helpers";
import { parseGradeDraft } from "../../src/taskpane/components/OverviewPanel";

/** The value next to a label in the field's count table. */
function countOf(label: string): string {
  const table = screen.getByRole("table", { name: /評価年度の指標の状況/ });
  const row = within(table).getByText(label).closest("tr")!;
  return row.querySelectorAll("td")[1].textContent ?? "";
}

async function overview(analyze = fakeAnalyze()) {
  const port = fakePort();
  renderApp(port, analyze);
  await scanned(port);
  openTab("概要");
  return { port, analyze };
}

describe("Overview step", () => {
  it("counts KPIs per policy field with a symbol and a word for each status", async () => {
    await overview();
    expect(screen.getByRole("heading", { name: "政策分野9 社会参画" })).toBeTruthy();
    expect(countOf("✓ 達成")).toBe("2");
    expect(countOf("✗ 未達成")).toBe("1");
    expect(countOf("－ 実績なし")).toBe("0");
    expect(countOf("… 集計中")).toBe("0");
    expect(countOf("指標")).toBe("3");
    expect(countOf("施策")).toBe("1");
    expect(countOf("指摘")).toBe("1");
    const kpis = screen.getByRole("table", { name: /指標ごとの状況/ });
    const third = within(kpis).getAllByRole("row")[3];
    expect(third.textContent).toContain("✗ 未達成");
    expect(third.textContent).toContain("達成率 90.0%");
  });

  it("shows a dash, not zero, when the evaluation year is unknown", async () => {
    await overview(fakeAnalyze(() => model({ policyFields: [field({ asOf: null })] })));
    expect(countOf("✓ 達成")).toBe("—");
    expect(countOf("指標")).toBe("3");
  });

  it("changes the evaluation year: re-analysis with it, saved", async () => {
    const { port, analyze } = await overview();
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
    const select = screen.getByRole("combobox", {
      name: "指標2「指標2」の方向",
    }) as HTMLSelectElement;
    expect(select.options[0].textContent).toBe("自動: 増やす");
    fireEvent.change(select, { target: { value: "decrease" } });
    expect(analyze).toHaveBeenLastCalledWith(
      SNAPSHOT,
      expect.objectContaining({ directions: { "9/2": "decrease" } })
    );
    expect(port.saved.at(-1)?.directions).toEqual({ "9/2": "decrease" });
  });

  it("edits the grade table; a table that does not fall is refused with a message", async () => {
    const { port, analyze } = await overview();
    const b = screen.getByRole("textbox", { name: "区分 B の下限（%）" }) as HTMLInputElement;
    expect(b.value).toBe("80");
    fireEvent.change(b, { target: { value: "70" } });
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

  it("says so when no policy field was found", async () => {
    await overview(fakeAnalyze(() => model({ policyFields: [], findings: [] })));
    expect(screen.getByText(/政策分野は見つかりませんでした/)).toBeTruthy();
  });
});
