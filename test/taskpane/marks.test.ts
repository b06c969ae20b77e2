/** Teach mode's marks: ranges with roles, a cell has one role, unreadable ranges are refused. */
import {
  assign,
  parseBox,
  roleAt,
  spanOf,
  withoutBox,
} from "../../src/taskpane/components/layout/marks";
import { workbookYears } from "../../src/taskpane/components/layout/years";
import { analyzeWorkbook } from "../../src/core";
import { TWO_TABLE_PROFILE, twoTableSheet } from "../core/profile/cases";

describe("marks", () => {
  it("span any two corners", () => {
    expect(spanOf({ row: 6, col: 3 }, { row: 4, col: 1 })).toEqual({ r0: 4, c0: 1, r1: 6, c1: 3 });
  });

  it.each([
    ["B5:D7", { r0: 4, c0: 1, r1: 6, c1: 3 }],
    ["$A$12", { r0: 11, c0: 0, r1: 11, c1: 0 }],
    ["D7:B5", { r0: 4, c0: 1, r1: 6, c1: 3 }],
    ["A:A", null],
    ["1:3", null],
    ["Sheet1!A1", null],
    ["=HYPERLINK(1)", null],
  ])("parseBox(%s)", (range, box) => {
    expect(parseBox(range)).toEqual(box);
  });

  it("a new mark replaces the marks it overlaps, and only those", () => {
    let m = assign([], "years", parseBox("A5:A7")!);
    m = assign(m, "names", parseBox("B4:D4")!);
    m = assign(m, "targets", parseBox("A7:D7")!);
    expect(m).toEqual([
      { role: "names", range: "B4:D4" },
      { role: "targets", range: "A7:D7" },
    ]);
    expect(roleAt(m, 6, 0)).toBe("targets");
    expect(roleAt(m, 4, 0)).toBeNull();
    expect(withoutBox(m, parseBox("C4")!)).toEqual([{ role: "targets", range: "A7:D7" }]);
  });
});

describe("years a year row may take", () => {
  it("span the workbook's years, one either side", () => {
    const model = analyzeWorkbook({ sheets: [twoTableSheet()] }, { profile: TWO_TABLE_PROFILE });
    expect(workbookYears(model)).toEqual([2020, 2021, 2022, 2023, 2024]);
    expect(workbookYears(analyzeWorkbook({ sheets: [] }))).toEqual([]);
  });
});
