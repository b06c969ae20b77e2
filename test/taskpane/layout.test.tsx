/** @jest-environment jsdom */
/**
 * The 読み取り設定 / Layout step on the real core: each sheet's reading as an editable table (a
 * changed role is saved as a profile and read again at once), the profile exported, imported
 * (used only when whole, each problem shown), reset; and a broken profile in the document
 * dropped with a visible note.
 */
import { act, fireEvent, screen, within } from "@testing-library/react";
import { projectTableCase, snapshotOf } from "../../bench/families/cases";
import { analyzeWorkbook } from "../../src/core";
import type { AnalyzeOptions, WorkbookSnapshot } from "../../src/core";
import { validateProfile } from "../../src/core/profile/validate";
import { parseSettings } from "../../src/taskpane/settings";
import type { PaneSettings } from "../../src/taskpane/settings";
import { TWO_TABLE_PROFILE, twoTableSheet } from "../core/profile/cases";
import { SNAPSHOT, announcer, fakePort, openTab, renderApp, settle } from "./helpers";

// The flat export of test/fixtures/families/flat-export-labelled.xlsx (its generator's case).
const FLAT: WorkbookSnapshot = snapshotOf(
  projectTableCase(8, {
    yearLabels: "group",
    hierarchy: "code",
    grades: true,
    indicatorTargets: true,
  })
);
const TWO_TABLE: WorkbookSnapshot = { source: "kpi.xlsx", sheets: [twoTableSheet()] };
const FLAT_SHEET = FLAT.sheets[0].name;

async function layoutStep(book: WorkbookSnapshot, saved: PaneSettings | null = null) {
  const port = fakePort("browser", saved);
  const analyze = jest.fn((s: WorkbookSnapshot, o?: AnalyzeOptions) => analyzeWorkbook(s, o));
  renderApp(port, analyze);
  fireEvent.click(screen.getByRole("button", { name: "スキャン" }));
  await act(async () => port.finishRead(book));
  await settle();
  openTab("読み取り設定");
  return { port, analyze };
}

const jsonFile = (name: string, text: string): File => {
  const file = new File([text], name, { type: "application/json" });
  // jsdom's File has no text(); browsers do.
  Object.defineProperty(file, "text", { value: async () => text });
  return file;
};

async function importFile(file: File): Promise<void> {
  await act(async () => {
    fireEvent.change(screen.getByLabelText("読み取り設定の .json ファイル"), {
      target: { files: [file] },
    });
  });
}

describe("the layout step: what each sheet was read as", () => {
  it("shows a flat table's columns and year blocks with their roles", async () => {
    await layoutStep(FLAT);
    expect(screen.getByRole("heading", { name: "読み取り設定" })).toBeTruthy();
    const card = screen.getByRole("group", { name: FLAT_SHEET });
    expect(card.textContent).toContain(
      "形式: 事務事業の一覧表（1行1事業）（読み取り設定の項目 1）"
    );
    const id = within(card).getByRole("combobox", {
      name: `${FLAT_SHEET} の「事務事業ID」の役割`,
    }) as HTMLSelectElement;
    expect(id.selectedOptions[0].textContent).toBe("事業番号・ID");
    const gf = within(card).getByRole("combobox", {
      name: `${FLAT_SHEET} の「2020年度決算 一般財源」の役割`,
    }) as HTMLSelectElement;
    expect(gf.selectedOptions[0].textContent).toBe("一般財源");
    const year = within(card).getByRole("combobox", {
      name: `${FLAT_SHEET} の「2022年度予算」の役割`,
    }) as HTMLSelectElement;
    expect(year.selectedOptions[0].textContent).toBe("令和4年度（2022）");
  });

  it("a changed role is saved as the profile, read again at once, and shown", async () => {
    const { port, analyze } = await layoutStep(FLAT);
    const before = analyzeWorkbook(FLAT).policyFields[0].measures[0].projects[0].finance[0];
    expect(before.generalFund).not.toBeUndefined();
    fireEvent.change(
      screen.getByRole("combobox", { name: `${FLAT_SHEET} の「2020年度決算 一般財源」の役割` }),
      { target: { value: "other" } }
    );
    await settle();
    expect(announcer().textContent).toBe(
      `${FLAT_SHEET} の「2020年度決算 一般財源」を「その他の財源」として読み直しました。`
    );
    const profile = port.saved.at(-1)!.profile!;
    const block = (profile.sheets[0].layout as { yearBlocks: { finance: object }[] }).yearBlocks[0];
    expect(Object.keys(block.finance)).toContain("other");
    expect(Object.keys(block.finance)).not.toContain("generalFund");
    // The pane read the workbook again with it: 一般財源 of 2020 is now その他.
    expect(analyze).toHaveBeenLastCalledWith(FLAT, expect.objectContaining({ profile }));
    const after = analyzeWorkbook(FLAT, { profile }).policyFields[0].measures[0].projects[0];
    expect(after.finance[0].other).toBe(before.generalFund);
    const gf = screen.getByRole("combobox", {
      name: `${FLAT_SHEET} の「2020年度決算 一般財源」の役割`,
    }) as HTMLSelectElement;
    expect(gf.selectedOptions[0].textContent).toBe("その他の財源");
  });

  it("a year block read as the wrong year is set to another", async () => {
    const { port } = await layoutStep(FLAT);
    fireEvent.change(
      screen.getByRole("combobox", { name: `${FLAT_SHEET} の「2022年度予算」の役割` }),
      { target: { value: "2023" } }
    );
    const profile = port.saved.at(-1)!.profile!;
    const blocks = (profile.sheets[0].layout as { yearBlocks: { fiscalYear: number }[] })
      .yearBlocks;
    expect(blocks.map((b) => b.fiscalYear)).toEqual([2020, 2021, 2023]);
  });

  it("a sheet the profile ignores says so, with nothing to change", async () => {
    const ignore = { match: { name: "指標の推移" }, family: "ignore" as const, layout: {} };
    const saved = {
      ...parseSettings(null),
      profile: { profileVersion: 1 as const, sheets: [ignore] },
    };
    await layoutStep(TWO_TABLE, saved);
    const card = screen.getByRole("group", { name: "指標の推移" });
    expect(card.textContent).toContain("形式: 読み取り対象外（読み取り設定の項目 1）");
    expect(card.textContent).toContain("この形式には、ここで変更できる項目はありません。");
    expect(screen.queryByRole("button", { name: /の読み方を教える/ })).toBeNull();
  });
});

describe("the profile: saved, exported, imported, reset", () => {
  let blobs: Blob[];
  let clicked: { download: string; href: string }[];
  beforeEach(() => {
    blobs = [];
    clicked = [];
    (URL as unknown as { createObjectURL: (b: Blob) => string }).createObjectURL = (b: Blob) => {
      blobs.push(b);
      return `blob:test/${blobs.length}`;
    };
    (URL as unknown as { revokeObjectURL: () => void }).revokeObjectURL = () => undefined;
    jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (
      this: HTMLAnchorElement
    ) {
      clicked.push({ download: this.download, href: this.href });
    });
  });
  afterEach(() => jest.restoreAllMocks());

  it("exports how the workbook is read as a .json file that validates and reads the same", async () => {
    await layoutStep(FLAT);
    expect(screen.getByText(/自動で読み取っています/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "書き出す（.json）" }));
    expect(clicked).toEqual([{ download: "seed-layout.json", href: "blob:test/1" }]);
    expect(blobs[0].type).toBe("application/json");
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as string);
      reader.readAsText(blobs[0]);
    });
    const { profile, problems } = validateProfile(JSON.parse(text));
    expect(problems).toEqual([]);
    expect(analyzeWorkbook(FLAT, { profile: profile! }).policyFields).toEqual(
      analyzeWorkbook(FLAT).policyFields
    );
    expect(announcer().textContent).toBe("読み取り設定を seed-layout.json として書き出しました。");
  });

  it("imports a whole profile: saved and read with (a taught layout another office shared)", async () => {
    const { port } = await layoutStep(TWO_TABLE);
    await importFile(jsonFile("kpi-layout.json", JSON.stringify(TWO_TABLE_PROFILE)));
    expect(announcer().textContent).toBe(
      "kpi-layout.json の読み取り設定（1 項目）で読み直しました。"
    );
    expect(port.saved.at(-1)!.profile).toEqual(TWO_TABLE_PROFILE);
    expect(
      screen.getByText(/このブックに保存された読み取り設定で読んでいます（1 項目）/)
    ).toBeTruthy();
    openTab("概要");
    expect(screen.getByRole("rowheader", { name: /政策分野12 協働のまちづくり/ })).toBeTruthy();
  });

  it("refuses a broken file whole: every problem shown, nothing saved or changed", async () => {
    const { port, analyze } = await layoutStep(TWO_TABLE);
    const calls = analyze.mock.calls.length;
    const broken = {
      profileVersion: 1,
      sheets: [
        { match: {}, family: "spreadsheet", layout: {} },
        {
          match: { name: "x" },
          family: "custom",
          layout: { level: "city", kind: "kpi", owner: {}, tables: "none" },
        },
      ],
    };
    await importFile(jsonFile("broken.json", JSON.stringify(broken)));
    const alert = screen.getByRole("alert");
    expect(alert.textContent).toContain(
      "broken.json は読み取り設定として使えません。何も変更していません。問題 4 件:"
    );
    const items = within(alert)
      .getAllByRole("listitem")
      .map((li) => li.textContent);
    expect(items).toEqual([
      "$.sheets[0].match: name か signature のどちらかが必要です",
      "$.sheets[0].family: 次のいずれかではありません: policyField, projectTable, projectSheet, measureSheet, custom, ignore",
      "$.sheets[1].layout.level: 次のいずれかではありません: field, measure, project",
      "$.sheets[1].layout.tables: 配列ではありません",
    ]);
    expect(port.saveSettings).not.toHaveBeenCalled();
    expect(analyze.mock.calls.length).toBe(calls);

    await importFile(jsonFile("notes.json", "{ profileVersion: 1"));
    expect(screen.getByRole("alert").textContent).toMatch(/\$: JSON として読めません/);
    expect(port.saveSettings).not.toHaveBeenCalled();
  });

  it("goes back to the automatic reading", async () => {
    const saved = { ...parseSettings(null), profile: TWO_TABLE_PROFILE };
    const { port } = await layoutStep(TWO_TABLE, saved);
    expect(screen.getByRole("group", { name: "指標の推移" })).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "自動の読み取りに戻す" }));
    await settle();
    expect(announcer().textContent).toBe("自動の読み取りに戻しました。");
    expect(port.saved.at(-1)!.profile).toBeUndefined();
    // The sheet is unread again: it can be taught.
    expect(screen.getByRole("button", { name: "「指標の推移」の読み方を教える" })).toBeTruthy();
  });
});

describe("a profile saved in the document that is not valid", () => {
  it("is dropped with a visible note naming each problem; the sheets are read automatically", async () => {
    const saved = parseSettings(
      JSON.stringify({ sheetKinds: {}, profile: { profileVersion: 2, sheets: "all" } })
    );
    expect(saved.profile).toBeUndefined();
    const port = fakePort("office", saved);
    const analyze = jest.fn((s: WorkbookSnapshot, o?: AnalyzeOptions) => analyzeWorkbook(s, o));
    renderApp(port, analyze);
    fireEvent.click(screen.getByRole("button", { name: "スキャン" }));
    await act(async () => port.finishRead(SNAPSHOT));
    await settle();
    const note = screen.getByRole("alert");
    expect(note.textContent).toContain(
      "このブックに保存されていた読み取り設定は正しくないため使わず"
    );
    expect(note.textContent).toContain("$.profileVersion: 1 ではありません");
    expect(note.textContent).toContain("$.sheets: 配列ではありません");
    expect(analyze.mock.calls.every(([, o]) => o?.profile === undefined)).toBe(true);
  });
});
