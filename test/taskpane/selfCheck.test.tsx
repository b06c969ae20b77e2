/** @jest-environment jsdom */
/**
 * The 動作確認 / Self-check section: in browser mode it says the pane is not in Excel; given
 * Excel's check it shows that report as text to copy (never as markup).
 */
import { act, fireEvent, screen } from "@testing-library/react";
import { fakeAnalyze, fakePort, renderApp } from "./helpers";

async function runCheck(name: RegExp): Promise<string> {
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name }));
  });
  return (screen.getByRole("textbox") as HTMLTextAreaElement).value;
}

test("outside Excel (browser mode) the self-check says so, in both languages", async () => {
  renderApp(null, fakeAnalyze(), "ja");
  expect(screen.getByRole("heading", { name: "動作確認" })).toBeTruthy();
  const report = await runCheck(/動作確認を実行/);
  expect(report).toMatch(/^Hyōka 動作確認 \/ Self-check$/m);
  expect(report).toContain("Excel: Excel の外で開かれています / not in Excel");
  expect(report).toContain("office.js: 読み込まれていません / not loaded");
});

test("inside Excel the report of the check is shown as text (markup stays text)", async () => {
  const selfCheck = jest.fn().mockResolvedValue("OK              chart <b>x</b>");
  renderApp(fakePort("office"), fakeAnalyze(), "en", { selfCheck });
  const report = await runCheck(/Run the self-check/);
  expect(selfCheck).toHaveBeenCalledTimes(1);
  expect(report).toBe("OK              chart <b>x</b>");
  expect(document.querySelector("b")).toBeNull();
  expect(screen.getByText("The self-check has finished. The result is in the box below.")).toBeTruthy();
});

test("support.html links to the pane's self-check section", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fs = require("fs") as typeof import("fs");
  const html = fs.readFileSync(`${__dirname}/../../src/support/support.html`, "utf8");
  expect(html).toContain('href="taskpane.html#self-check"');
  renderApp(null, fakeAnalyze(), "ja");
  expect(document.getElementById("self-check")?.getAttribute("aria-labelledby")).toBe("hyoka-selfcheck");
});
