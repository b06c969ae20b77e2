/** @jest-environment jsdom */
/**
 * 「他のブックを追加」 and 「前年度と比較」 (issue 15): picked files are read in the pane (the
 * reader is injected here; the lazy .xlsx chunk in the app), joined with the open workbook and
 * compared with last year — in the findings view at once, and in the plan the build writes.
 */
import { act, fireEvent, screen, within } from "@testing-library/react";
import { analyzeWorkbook } from "../../src/core";
import type { SummaryPlan, WorkbookSnapshot } from "../../src/core";
import type { AnalyzeForBuild } from "../../src/taskpane/port";
import { fieldBook, field } from "../core/consolidate/cases";
import { CASES, pair, yearBook } from "../core/compare/cases";
import { announcer, fakePort, openTab, renderApp, settle } from "./helpers";
import { analyzeAll } from "../../src/taskpane/others";
import { TWO_TABLE_PROFILE, twoTableSheet } from "../core/profile/cases";

function file(name: string): File {
  const f = new File([new Uint8Array([0x50, 0x4b])], name);
  // jsdom's File has no arrayBuffer(); browsers do.
  Object.defineProperty(f, "arrayBuffer", {
    value: async () => new Uint8Array([0x50, 0x4b]).buffer,
  });
  return f;
}

/** What each picked file "contains": a snapshot by name, or an error for a damaged one. */
function reader(books: Record<string, WorkbookSnapshot>) {
  return jest.fn(async (name: string) => {
    if (!books[name])
      throw Object.assign(new Error("The zip package is damaged."), {
        name: "XlsxApplyError",
        code: "corrupt",
        detail: "",
      });
    return books[name];
  });
}

async function buildTab(
  open: WorkbookSnapshot,
  books: Record<string, WorkbookSnapshot>,
  lang: "ja" | "en" = "ja"
) {
  const port = fakePort();
  const read = reader(books);
  renderApp(port, analyzeWorkbook, lang, { readWorkbook: read });
  fireEvent.click(screen.getByRole("button", { name: lang === "ja" ? "スキャン" : "Scan" }));
  await act(async () => port.finishRead(open));
  await settle();
  openTab(lang === "ja" ? "サマリー作成" : "Build");
  return { port, read };
}

/** Picks files and lets the analysis with them finish. */
const pick = async (label: string, files: File[]) => {
  await act(async () => {
    fireEvent.change(screen.getByLabelText(label), { target: { files } });
  });
  await settle();
};

/** Clicks サマリーを作成 and returns what the pane handed the port to analyze with. */
async function built(port: ReturnType<typeof fakePort>): Promise<AnalyzeForBuild> {
  let analyze!: AnalyzeForBuild;
  (port.buildSummary as jest.Mock).mockImplementationOnce(async (a: AnalyzeForBuild) => {
    analyze = a;
    return { sheetNames: {}, renamed: [] };
  });
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name: "サマリーを作成" }));
  });
  return analyze;
}

const findingsCount = () =>
  Number(/\((\d+)\)/.exec(screen.getByRole("tab", { name: /^指摘/ }).textContent ?? "")![1]);

describe("Other workbooks", () => {
  it("adds departments' workbooks: listed, joined into the findings, 全体サマリー in the plan", async () => {
    const { port, read } = await buildTab(fieldBook(field(1)), {
      "02-総務部.xlsx": fieldBook(field(2), field(3)),
    });
    const before = findingsCount();
    const input = screen.getByLabelText(
      "加える .xlsx / .xlsm ファイル（複数選べます）"
    ) as HTMLInputElement;
    const click = jest.spyOn(input, "click").mockImplementation(() => undefined);
    fireEvent.click(screen.getByRole("button", { name: "他のブックを追加" }));
    expect(click).toHaveBeenCalled();

    await pick("加える .xlsx / .xlsm ファイル（複数選べます）", [
      file("02-総務部.xlsx"),
      file("壊れた.xlsx"),
      file("メモ.txt"),
    ]);
    expect(read).toHaveBeenCalledTimes(2);
    const list = within(screen.getByRole("list", { name: "加えたブック" }));
    expect(list.getByText("02-総務部.xlsx（シート 2 枚）")).toBeTruthy();
    expect(list.getByText(/✖ 壊れた\.xlsx: 読み取れません。/)).toBeTruthy();
    expect(
      list.getByText(/✖ メモ\.txt: 読み取れません。.*\.xlsx \/ \.xlsm ファイルではありません/)
    ).toBeTruthy();
    expect(announcer().textContent).toBe("1 冊のブックを加えました。指摘とサマリーに反映します。");
    // The added fields' findings are in the view (and name their file).
    expect(findingsCount()).toBeGreaterThan(before);

    const { plan } = await (await built(port))(fieldBook(field(1)));
    expect((plan as SummaryPlan).sheets[0].key).toBe("overview");
    const overview = (plan as SummaryPlan).sheets[0];
    expect(overview.hyperlinks.map((h) => h.target.file)).toEqual([
      undefined,
      "02-総務部.xlsx",
      "02-総務部.xlsx",
    ]);
    // The unreadable ones are in the run log with their reasons.
    const log = JSON.stringify((plan as SummaryPlan).sheets.find((s) => s.key === "log"));
    expect(log).toContain("壊れた.xlsx");
    expect(log).toContain("メモ.txt");

    fireEvent.click(screen.getByRole("button", { name: "02-総務部.xlsx を外す" }));
    await settle();
    expect(findingsCount()).toBe(before);
    expect(screen.queryByText("02-総務部.xlsx（シート 2 枚）")).toBeNull();
  });

  it("compares with last year: the changes join the findings and 前年度比較 the plan", async () => {
    const p = pair();
    CASES["target-revised"].trigger(p);
    CASES["project-ended"].trigger(p);
    const { port } = await buildTab(yearBook(p.cur, "this"), {
      "R5.xlsx": yearBook(p.last, "last"),
    });
    expect(screen.getByText("昨年度のブックは選ばれていません。")).toBeTruthy();
    const before = findingsCount();
    await pick("昨年度の .xlsx / .xlsm ファイル", [file("R5.xlsx")]);
    expect(announcer().textContent).toBe(
      "R5.xlsx を昨年度のブックとして読み込みました。変更は指摘に加わります。"
    );
    expect(screen.getByText("昨年度: R5.xlsx")).toBeTruthy();
    expect(findingsCount()).toBe(before + 2);

    openTab(/^指摘/);
    expect(screen.getAllByText(/同じ指標・同じ年度の目標値が変わった/).length).toBeGreaterThan(0);
    // A finding in last year's workbook cannot be selected here: the pane says where it is.
    fireEvent.change(screen.getByRole("searchbox", { name: "文字で絞り込み" }), {
      target: { value: "R5.xlsx" },
    });
    const ended = screen.getByRole("button", { name: /\[R5\.xlsx\] 政策分野3!/ });
    await act(async () => {
      fireEvent.click(ended);
    });
    expect(port.selectCell).not.toHaveBeenCalled();
    expect(announcer().textContent).toMatch(
      /^\[R5\.xlsx\] 政策分野3!C\d+ は R5\.xlsx にあります。/
    );

    openTab("サマリー作成");
    const { plan } = await (await built(port))(yearBook(p.cur, "this"));
    expect((plan as SummaryPlan).sheets.map((s) => s.key)).toContain("compare");
    fireEvent.click(screen.getByRole("button", { name: "R5.xlsx を外す" }));
    await settle();
    expect(findingsCount()).toBe(before);
  });

  it("a last year's workbook that reads nothing is not compared, and the pane says why", async () => {
    const { port } = await buildTab(fieldBook(field(1)), {
      "メモ.xlsx": {
        sheets: [{ name: "メモ", origin: "A1", values: [["打合せメモ"], ["来週までに確認"]] }],
      },
    });
    const before = findingsCount();
    await pick("昨年度の .xlsx / .xlsm ファイル", [file("メモ.xlsx")]);
    expect(
      screen.getByText(
        /メモ\.xlsx からは政策分野・施策・事業を読み取れなかったため、比較していません/
      )
    ).toBeTruthy();
    // Not every KPI and project reported as new.
    expect(findingsCount()).toBe(before);
    const { plan } = await (await built(port))(fieldBook(field(1)));
    expect((plan as SummaryPlan).sheets.map((s) => s.key)).not.toContain("compare");
  });

  it("a last year's file that cannot be read says so, in English too", async () => {
    await buildTab(fieldBook(field(1)), {}, "en");
    await pick("Last year's .xlsx / .xlsm file", [file("R5.xlsx")]);
    expect(screen.getByRole("alert").textContent).toMatch(/^R5\.xlsx: cannot be read\. .*damaged/);
    expect(screen.getByText("No workbook from last year has been picked.")).toBeTruthy();
  });
});

describe("analyzeAll and layout profiles", () => {
  const book = (settings?: Record<string, string>): WorkbookSnapshot => ({
    sheets: [twoTableSheet()],
    ...(settings ? { settings } : {}),
  });
  const filesOf = (m: ReturnType<typeof analyzeWorkbook>) =>
    [
      ...new Set(m.policyFields.flatMap((f) => f.indicators.map((i) => i.source.file ?? "(open)"))),
    ].sort();

  it("an added workbook without a saved profile is read with the open workbook's", () => {
    const { model } = analyzeAll(
      analyzeWorkbook,
      book(),
      { profile: TWO_TABLE_PROFILE },
      { added: [{ name: "b.xlsx", snapshot: book() }], skipped: [], lastYear: null }
    );
    // Both read field 12: the open workbook's is kept, the added one's copy reported by file.
    expect(filesOf(model)).toEqual(["(open)"]);
    expect(
      model.findings.filter((f) => f.rule.startsWith("consolidate-") && f.file === "b.xlsx").length
    ).toBeGreaterThan(0);
  });

  it("an added workbook's own saved profile wins; last year's too", () => {
    const saved = {
      "hyoka.settings": JSON.stringify(JSON.stringify({ profile: TWO_TABLE_PROFILE })),
    };
    const { model, diff } = analyzeAll(
      analyzeWorkbook,
      book(),
      {},
      {
        added: [{ name: "b.xlsx", snapshot: book(saved) }],
        skipped: [],
        lastYear: { name: "r5.xlsx", snapshot: book(saved) },
      }
    );
    // The open workbook has no profile: only the added one reads; last year reads with its own.
    expect(filesOf(model)).toEqual(["b.xlsx"]);
    // Last year read the same three KPIs: nothing is new.
    expect(diff!.changes).toEqual([]);
  });
});
