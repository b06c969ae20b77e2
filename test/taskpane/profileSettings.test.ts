/**
 * The layout profile in the pane's saved settings: kept when whole, dropped with each problem
 * when not (and that note is never written back); the new sheet kinds survive a save; the
 * profile file's text is read as untrusted data; Excel's selection is read in one batch.
 */
import { TWO_TABLE_PROFILE } from "../core/profile/cases";
import { FakeExcel } from "../excel/fakeExcel";
import { createOfficePort } from "../../src/taskpane/officePort";
import { profileFileName, readProfileFile, readProfileText } from "../../src/taskpane/profileFile";
import { defaultSettings, parseSettings, serializeSettings } from "../../src/taskpane/settings";

describe("the profile in the saved settings", () => {
  it("is kept when whole", () => {
    const s = { ...defaultSettings(), profile: TWO_TABLE_PROFILE };
    expect(parseSettings(serializeSettings(s))).toEqual(s);
  });

  it("is dropped when not whole, with each problem; the note itself is never saved", () => {
    const raw = JSON.stringify({
      ...defaultSettings(),
      profile: {
        ...TWO_TABLE_PROFILE,
        sheets: [{ ...TWO_TABLE_PROFILE.sheets[0], family: "macro" }],
      },
    });
    const parsed = parseSettings(raw);
    expect(parsed.profile).toBeUndefined();
    expect(parsed.droppedProfile?.map((p) => p.path)).toEqual(["$.sheets[0].family"]);
    expect(parsed.droppedProfile?.[0].en).toMatch(/is not one of/);
    expect(JSON.parse(serializeSettings(parsed))).toEqual(defaultSettings());
  });

  it("keeps overrides to the layout families' kinds (a saved projectTable is not lost)", () => {
    const kinds = { a: "projectSheet", b: "measureSheet", c: "projectTable", d: "custom" } as const;
    expect(parseSettings({ sheetKinds: kinds }).sheetKinds).toEqual(kinds);
  });
});

describe("a profile file", () => {
  it("is named after the workbook", () => {
    expect(profileFileName("評価.xlsx")).toBe("評価-layout.json");
    expect(profileFileName("Excel")).toBe("Excel-layout.json");
  });

  it("is read through a BOM, refused when not JSON, checked whole", () => {
    expect(readProfileText(`\uFEFF${JSON.stringify(TWO_TABLE_PROFILE)}`).profile).toEqual(
      TWO_TABLE_PROFILE
    );
    const bad = readProfileText("<xml/>");
    expect(bad.profile).toBeNull();
    expect(bad.problems[0]).toMatchObject({
      path: "$",
      ja: expect.stringMatching(/^JSON として読めません/),
    });
    expect(readProfileText(JSON.stringify({ profileVersion: 1 })).problems[0].path).toBe(
      "$.sheets"
    );
  });

  it("is refused unread when larger than a profile can be", async () => {
    const text = jest.fn(async () => "{}");
    const r = await readProfileFile({ name: "big.json", size: 3 * 1024 * 1024, text } as never);
    expect(r.profile).toBeNull();
    expect(r.problems[0].en).toMatch(/too large/);
    expect(text).not.toHaveBeenCalled();
  });
});

describe("Excel's selection (teach mode inside Excel)", () => {
  afterEach(() => {
    delete (globalThis as unknown as { Excel?: unknown }).Excel;
  });

  it("is each selected area on the active sheet, read in one sync, waiting out a cell edit", async () => {
    const fx = new FakeExcel([{ name: "メモ" }, { name: "指標 の推移" }]);
    fx.state.activeId = fx.state.sheets[1].id;
    fx.selection = ["A5:A7", "$A$12:$A$14"];
    fx.cellEditMode = true;
    (globalThis as unknown as { Excel: unknown }).Excel = fx.excel;
    const port = createOfficePort();
    expect(await port.readSelection!()).toEqual({
      sheet: "指標 の推移",
      ranges: ["A5:A7", "A12:A14"],
    });
    expect(fx.syncs).toBe(1);
    expect(fx.runs).toEqual([{ delayForCellEdit: true }]);
    expect(fx.delayedSyncs).toBe(1);
    expect(fx.undoRecords).toBe(0);
  });
});
