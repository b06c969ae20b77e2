/**
 * Errors in plain words, with the code kept: Excel's (string codes), Office's Common API errors
 * (Office.Error: a plain object with a numeric code, e.g. from settings.saveAsync), a build
 * refused by the run lock, and an applier failure wrapping any of them.
 */
import { ApplyPlanError } from "../../src/excel/applyPlan";
import { BuildLockedError } from "../../src/excel/runLock";
import { describeError } from "../../src/taskpane/errors";
import { translator } from "../../src/taskpane/i18n";

const ja = translator("ja");
const en = translator("en");
/** What Office.context.document.settings.saveAsync reports in result.error. */
const officeError = { code: 5001, name: "Internal Error", message: "An internal error has occurred." };

describe("describeError", () => {
  test("an Office.Error (numeric code, plain object) keeps its code and message", () => {
    const text = describeError(officeError, ja);
    expect(text).not.toContain("[object Object]");
    expect(text).toContain("コード: 5001 Internal Error");
    expect(text).toContain("An internal error has occurred.");
  });

  test("an applier failure caused by an Office.Error says what Excel said and that the workbook was restored", () => {
    const text = describeError(new ApplyPlanError("x", officeError, true, 4), en);
    expect(text).toContain("code: 5001 Internal Error");
    expect(text).toContain("put back as it was");
  });

  test.each([
    ["InvalidOperationInCellEditMode", /Enter キー/],
    ["ResponsePayloadSizeLimitExceeded", /5 MB/],
    ["RequestPayloadSizeLimitExceeded", /5 MB/],
    ["EmptyChartSeries", /グラフ/],
    ["AccessDenied", /保護を解除/],
  ])("Excel's %s comes with what to do, and the code", (code, advice) => {
    const text = describeError({ code, message: "…" }, ja);
    expect(text).toContain(`コード: ${code}`);
    expect(text).toMatch(advice);
  });

  test("a build refused by the lock says who builds since when", () => {
    const since = new Date(2026, 3, 1, 9, 5);
    expect(describeError(new BuildLockedError(since, "ribbon"), ja)).toBe(
      "別のサマリー作成（リボン、09:05 開始）が実行中です。終わってから、もう一度お試しください。"
    );
    const wrapped = new ApplyPlanError("x", new BuildLockedError(since, "pane"), true, 2);
    expect(describeError(wrapped, en)).toMatch(/^Another summary build \(task pane, started 09:05\)/);
  });
});
