/**
 * Teach mode end to end (run by taskpane.e2e.test.ts, in its build and browser): the two-table
 * workbook no recognizer reads (test/fixtures/profiles/two-table.xlsx) is opened in browser
 * mode, its cells are marked with roles on the grid — by mouse in Japanese, by keyboard only in
 * English —, the preview is checked, the layout accepted, the profile exported (and, in English,
 * imported back after a reset), the summary built and downloaded: its evaluation sheet holds
 * the taught indicators. Screenshots of the layout step and teach mode at 350 px.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import type { Download, Page } from "playwright-core";
import { validateProfile } from "../../src/core/profile/validate";
import { findHyokaSheets } from "../../src/xlsx/applyPlan";
import { TEACH_KEYS } from "../taskpane/teachKeys";
import { PANE_WIDTH, fitsPane } from "./pane";

export const TWO_TABLE = path.resolve(__dirname, "../fixtures/profiles/two-table.xlsx");
const SHEET = "指標の推移";

interface Violation {
  id: string;
}

/** What the E2E file gives the flows (its own helpers, so both flows test the same way). */
export interface FlowHelpers {
  axe: (page: Page, step: string) => Promise<Violation[]>;
  shot: (page: Page, name: string) => Promise<void>;
  tabTo: (page: Page, name: RegExp, max?: number, key?: string) => Promise<void>;
  arrowTo: (page: Page, name: RegExp, max?: number) => Promise<void>;
}

async function saved(download: Download, name: string): Promise<string> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "hyoka-dl-")), name);
  await download.saveAs(file);
  return file;
}

/** The exported profile is a whole profile whose first entry is the taught custom one. */
function checkProfile(file: string): void {
  const { profile, problems } = validateProfile(JSON.parse(fs.readFileSync(file, "utf8")));
  expect(problems).toEqual([]);
  expect(profile!.sheets[0]).toMatchObject({
    family: "custom",
    match: { name: SHEET },
    layout: { level: "field", owner: { id: "12", name: "協働のまちづくり" } },
  });
}

/** The summarized workbook: the source sheet kept, the evaluation sheet lists the taught KPIs. */
async function checkSummary(file: string): Promise<void> {
  const bytes = new Uint8Array(fs.readFileSync(file));
  const owned = await findHyokaSheets(bytes);
  const evaluation = owned.find((s) => s.key === "evaluation");
  expect(evaluation).toBeDefined();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
  );
  expect(wb.worksheets.map((w) => w.name)).toContain(SHEET);
  const texts: string[] = [];
  wb.getWorksheet(evaluation!.name)!.eachRow((row) => row.eachCell((c) => texts.push(c.text)));
  for (const name of ["協働事業数", "市民活動団体数", "交通事故件数"]) {
    expect(texts.some((x) => x.includes(name))).toBe(true);
  }
}

async function announced(page: Page, text: string | RegExp): Promise<void> {
  await page.getByTestId("announcer").getByText(text).waitFor();
}

/** Marks `from`..`to` as `role` by mouse: choose the role, click, Shift+click, the assign button. */
async function markByMouse(page: Page, role: string, label: string, from: string, to: string) {
  await page.getByRole("combobox", { name: "割り当てる役割" }).selectOption(role);
  await page.locator(`[data-cell="${from}"]`).click();
  await page.locator(`[data-cell="${to}"]`).click({ modifiers: ["Shift"] });
  await page.getByRole("button", { name: `${from}:${to} を「${label}」にする` }).click();
  await announced(page, `${from}:${to} を「${label}」にしました。`);
}

export async function teachByMouse(
  page: Page,
  h: FlowHelpers
): Promise<Record<string, Violation[]>> {
  const serious: Record<string, Violation[]> = {};
  await page.setViewportSize({ width: PANE_WIDTH, height: 900 });
  await page.locator('input[type="file"]').first().setInputFiles(TWO_TABLE);
  await page.getByText("two-table.xlsx を開きました").waitFor();
  await page.getByRole("button", { name: "スキャン", exact: true }).click();
  await page.getByRole("tab", { name: "読み取り設定" }).click();
  await page.getByRole("heading", { name: "読み取り設定", exact: true }).waitFor();
  await page.getByRole("button", { name: `「${SHEET}」の読み方を教える` }).click();
  await page.getByRole("heading", { name: `「${SHEET}」の読み方を教える` }).waitFor();

  await markByMouse(page, "years", "年度", "A5", "A7");
  await markByMouse(page, "names", "指標名", "B4", "D4");
  await markByMouse(page, "targets", "目標値", "B5", "D7");
  await markByMouse(page, "years", "年度", "A12", "A14");
  await markByMouse(page, "names", "指標名", "B11", "D11");
  await markByMouse(page, "actuals", "実績値", "B12", "D14");
  await page.getByLabel(/^名前/).fill("協働のまちづくり");
  await page.getByLabel("政策分野の番号").fill("12");

  const preview = page.getByRole("region", { name: "プレビュー" });
  await preview.getByText("指標 3 件を読み取れます。").waitFor();
  const first = preview.getByRole("table", { name: "協働事業数" });
  expect(await first.getByRole("row").nth(1).textContent()).toMatch(/令和3年度（2021）100105/);
  await fitsPane(page, "teach");
  serious.teach = await h.axe(page, "teach");
  await h.shot(page, "2b-teach-ja");

  await page.getByRole("button", { name: "この読み方で読み取る" }).click();
  await announced(page, `「${SHEET}」を教えた読み方で読み取りました（指標 3 件）。`);
  await page.getByRole("group", { name: SHEET }).waitFor();
  await fitsPane(page, "layout");
  serious.layout = await h.axe(page, "layout");
  await h.shot(page, "2a-layout-ja");

  const [exported] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "書き出す（.json）" }).click(),
  ]);
  expect(exported.suggestedFilename()).toBe("two-table-layout.json");
  checkProfile(await saved(exported, "layout.json"));

  await page.getByRole("tab", { name: "概要" }).click();
  await page
    .getByRole("rowheader")
    .getByRole("button", { name: /^政策分野12 協働のまちづくり/ })
    .waitFor();
  await page.getByRole("tab", { name: "サマリー作成" }).click();
  await page.getByRole("button", { name: "サマリーを作成" }).click();
  const link = page.getByRole("link", { name: /サマリー付きのブックをダウンロード/ });
  await link.waitFor({ timeout: 60_000 });
  const [book] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(book.suggestedFilename()).toBe("two-table-summary.xlsx");
  await checkSummary(await saved(book, "out.xlsx"));
  return serious;
}

/** Presses Tab until an input whose label matches has focus. */
async function tabToField(page: Page, label: RegExp, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const text = await page.evaluate(
      () => (document.activeElement as HTMLInputElement | null)?.labels?.[0]?.textContent ?? ""
    );
    if (label.test(text)) return;
  }
  throw new Error(`Tab never reached the field ${label}`);
}

/** The six ranges by keyboard on the grid (from A1): 1–6 choose the role, Enter assigns. */
async function markByKeyboard(page: Page): Promise<void> {
  for (const { range, keys } of TEACH_KEYS) {
    for (const key of keys) await page.keyboard.press(key);
    await page.keyboard.press("Enter");
    await announced(page, new RegExp(`^Marked ${range} as `));
  }
}

export async function teachByKeyboard(
  page: Page,
  h: FlowHelpers
): Promise<Record<string, Violation[]>> {
  const serious: Record<string, Violation[]> = {};
  await page.setViewportSize({ width: PANE_WIDTH, height: 900 });
  await h.tabTo(page, /^Open a file/);
  const [chooser] = await Promise.all([
    page.waitForEvent("filechooser"),
    page.keyboard.press("Enter"),
  ]);
  await chooser.setFiles(TWO_TABLE);
  await page.getByText("Opened two-table.xlsx").waitFor();
  await h.tabTo(page, /^Scan$/);
  await page.keyboard.press("Enter");
  await page.getByRole("tab", { name: "Layout" }).waitFor();

  await h.tabTo(page, /^(Sheets|Layout|Overview|Findings|Build)/);
  await h.arrowTo(page, /^Layout$/);
  await page.keyboard.press("Enter");
  await page.getByRole("heading", { name: "How the sheets are read" }).waitFor();
  await h.tabTo(page, new RegExp(`^Teach the layout of ${SHEET}$`));
  await page.keyboard.press("Enter");
  // Focus lands on teach mode's heading.
  await page.getByRole("heading", { name: `Teach the layout of ${SHEET}` }).waitFor();
  expect(await page.evaluate(() => document.activeElement?.id)).toBe("hyoka-teach");

  await h.tabTo(page, new RegExp(`^Cells of ${SHEET}$`));
  await markByKeyboard(page);
  await tabToField(page, /^Name/);
  await page.keyboard.type("協働のまちづくり");
  await tabToField(page, /^Policy field number/);
  await page.keyboard.type("12");
  await page.getByText("Indicators that can be read: 3.").waitFor();
  await fitsPane(page, "teach (en)");
  serious.teach = await h.axe(page, "teach (en)");
  await h.shot(page, "2b-teach-en");

  await h.tabTo(page, /^Use this layout$/);
  await page.keyboard.press("Enter");
  await announced(page, `Read ${SHEET} with the layout you taught (indicators: 3).`);
  await page.getByRole("group", { name: SHEET }).waitFor();
  await fitsPane(page, "layout (en)");
  serious.layout = await h.axe(page, "layout (en)");
  await h.shot(page, "2a-layout-en");

  // Export, go back to the automatic reading, import the file: the sheet is read again.
  await h.tabTo(page, /^Export \(\.json\)$/);
  const [exported] = await Promise.all([
    page.waitForEvent("download"),
    page.keyboard.press("Enter"),
  ]);
  const profileFile = await saved(exported, "two-table-layout.json");
  checkProfile(profileFile);
  await h.tabTo(page, /^Back to automatic reading$/);
  await page.keyboard.press("Enter");
  await announced(page, "Back to automatic reading.");
  await page.getByRole("button", { name: `Teach the layout of ${SHEET}` }).waitFor();
  await h.tabTo(page, /^Import \(\.json\)$/);
  const [picker] = await Promise.all([
    page.waitForEvent("filechooser"),
    page.keyboard.press("Enter"),
  ]);
  await picker.setFiles(profileFile);
  await announced(page, /^Read again with the layout profile in two-table-layout\.json/);

  await h.tabTo(page, /^(Sheets|Layout|Overview|Findings|Build)/, 80, "Shift+Tab");
  await h.arrowTo(page, /^Overview$/);
  await page.keyboard.press("Enter");
  await page
    .getByRole("rowheader")
    .getByRole("button", { name: /^Policy field 12 協働のまちづくり/ })
    .waitFor();
  // Focus is still on the Overview tab: arrows reach the next one.
  await h.arrowTo(page, /^Build$/);
  await page.keyboard.press("Enter");
  await h.tabTo(page, /^Build summary$/);
  await page.keyboard.press("Enter");
  await page.getByRole("link", { name: /Download/ }).waitFor({ timeout: 60_000 });
  // The download has focus once the summary is built.
  expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(
    /Download the summarized workbook/
  );
  const [book] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
  await checkSummary(await saved(book, "out.xlsx"));
  return serious;
}
