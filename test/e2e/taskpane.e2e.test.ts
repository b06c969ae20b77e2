/**
 * End to end: the production build of the task pane in headless Chromium (Debian's chromium,
 * driven by playwright-core), outside Office — so in browser mode, on the real UI.
 *
 *   open test/fixtures/seed.xlsx → scan → overview → open a finding → build → download,
 *   then the downloaded workbook must hold Hyōka's summary sheets next to the source sheet;
 *   the same flow by keyboard only; axe-core on every step (no serious/critical violation);
 *   every request stays on 127.0.0.1, and after the page has loaded only the lazy chunks load.
 *   A generated 45-field city workbook in ja and en (scan and build times, long tasks), and a
 *   file switched during a build. All at a real task pane's width, 350 px: nothing may stick out
 *   at any step.
 *
 * Runs under `npm test`; it builds into a temporary folder first (webpack --mode production;
 * HYOKA_E2E_DIST=dist reuses an existing build instead).
 * HYOKA_SCREENSHOTS=1 (npm run screenshots) writes the step screenshots to docs/screenshots/.
 * Skipped, with a note, only when /usr/bin/chromium is absent (CI installs it).
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { chromium } from "playwright-core";
import type { BrowserContext, Page } from "playwright-core";
import { cityFields, cityWorkbook } from "../../bench/city";
import { analyzeWorkbook } from "../../src/core";
import { findHyokaSheets } from "../../src/xlsx/applyPlan";
import { readXlsxSnapshot } from "../../src/xlsx/readXlsx";
import {
  LONG_TASK_OBSERVER,
  PANE_WIDTH,
  fitsPane,
  tabsOnOneLine,
  takeLongTasks,
  timesShown,
} from "./pane";
import { teachByKeyboard, teachByMouse } from "./teach.flow";

const CHROMIUM = "/usr/bin/chromium";
const ROOT = path.resolve(__dirname, "../..");
const SEED = path.join(ROOT, "test/fixtures/seed.xlsx");
const SHOT_DIR =
  process.env.HYOKA_SCREENSHOTS === "1"
    ? path.join(ROOT, "docs/screenshots")
    : fs.mkdtempSync(path.join(os.tmpdir(), "hyoka-shots-"));
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".css": "text/css",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".xml": "application/xml",
  ".map": "application/json",
};

const present = fs.existsSync(CHROMIUM);
if (!present) {
  console.warn(
    `test/e2e: ${CHROMIUM} is absent — the end-to-end test of the task pane is SKIPPED. ` +
      "Install it with `apt-get install -y chromium` (CI does)."
  );
}
const describeE2E = present ? describe : describe.skip;

jest.setTimeout(600_000);

/** Serves `dir` on 127.0.0.1 (a random port); nothing else. */
function serve(dir: string): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const file = path.normalize(path.join(dir, decodeURIComponent(url.pathname)));
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream",
      "Cache-Control": "no-store",
    });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

interface Run {
  context: BrowserContext;
  page: Page;
  /** Every request the page made, in order, and how many came before the page had loaded. */
  requests: string[];
  loadedAt: number;
}

const timings: Record<string, number> = {};
async function timed<T>(label: string, f: () => Promise<T>): Promise<T> {
  const start = Date.now();
  try {
    return await f();
  } finally {
    timings[label] = Date.now() - start;
  }
}

async function launch(
  base: string,
  locale: string,
  prepare?: (context: BrowserContext) => Promise<void>
): Promise<Run> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "hyoka-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    locale,
    viewport: { width: PANE_WIDTH, height: 900 },
    acceptDownloads: true,
    // Fluent shortens its transitions then: axe must not judge a colour half-way through one.
    reducedMotion: "reduce",
  });
  const page = context.pages()[0] ?? (await context.newPage());
  // File-chooser interception is switched on when a listener exists; one from the start means a
  // keypress that opens the chooser cannot outrun it.
  page.on("filechooser", () => undefined);
  const requests: string[] = [];
  context.on("request", (r) => requests.push(r.url()));
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("response", (r) => {
    if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`);
  });
  const blocked: string[] = [];
  page.on("console", (m) => {
    if (m.type() !== "error") return;
    // office.js, outside Office, tries to frame Microsoft's telemetry page: the page's CSP
    // (frame-src 'self') stops it before any request is made. Kept apart and reported.
    if (
      /^Framing '.*' violates the following Content Security Policy directive: "frame-src 'self'"/.test(
        m.text()
      )
    ) {
      blocked.push(m.text().split("'")[1]);
    } else errors.push(m.text());
  });
  await prepare?.(context);
  await page.goto(`${base}/taskpane.html`);
  await page.getByRole("button", { name: /ファイルを開く|Open a file/ }).waitFor();
  await page.waitForLoadState("networkidle");
  const run = { context, page, requests, loadedAt: requests.length };
  Object.assign(run, { errors, blocked });
  return run;
}

const AXE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * axe-core in the page (evaluated, so the page's CSP stays as it is and nothing is fetched).
 * Tabster's dummy inputs (Fluent's focus sentinels: aria-hidden, tabindex 0, they hand focus on
 * at once) are left out — axe reads them as focusable hidden content.
 */
async function axe(page: Page, step: string): Promise<AxeViolation[]> {
  await page.waitForFunction(() =>
    document.getAnimations().every((a) => a.playState !== "running")
  );
  await page.evaluate(`${AXE}\n;0`);
  const violations = (await page.evaluate(
    `axe.run({ exclude: [["[data-tabster-dummy]"]] }, { resultTypes: ["violations"] }).then(r => r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => ({ target: n.target })) })))`
  )) as AxeViolation[];
  for (const v of violations.filter((x) => x.impact === "serious" || x.impact === "critical")) {
    console.log(
      `axe (${step}) ${v.impact}: ${v.id} — ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`
    );
  }
  const minor = violations.filter((v) => v.impact !== "serious" && v.impact !== "critical");
  if (minor.length) {
    console.log(`axe (${step}): ${minor.map((v) => `${v.id} [${v.impact}]`).join(", ")}`);
  }
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

/** The whole page; `screen` only: what the pane shows (a windowed list renders only that). */
async function shot(page: Page, name: string, screen = false): Promise<void> {
  const file = path.join(SHOT_DIR, `${name}.png`);
  if (screen) return void (await page.screenshot({ path: file }));
  // A windowed list renders what the window shows: the window is made as tall as the page
  // (twice: rows measured at last change the page's height) so that the picture is whole.
  const viewport = page.viewportSize()!;
  for (let i = 0; i < 2; i++) {
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.setViewportSize({ width: viewport.width, height });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
  }
  await page.screenshot({ path: file, fullPage: true });
  await page.setViewportSize(viewport);
}

/** The downloaded workbook: Hyōka's five sheets next to the untouched source sheet. */
async function checkDownloaded(file: string): Promise<void> {
  const bytes = new Uint8Array(fs.readFileSync(file));
  const owned = await findHyokaSheets(bytes);
  expect(owned.map((s) => s.key).sort()).toEqual(
    ["charts", "evaluation", "findings", "log", "projects"].sort()
  );
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
  );
  const names = wb.worksheets.map((w) => w.name);
  expect(names).toContain("政策分野9");
  for (const s of owned) expect(names).toContain(s.name);
}

/** Requests that left 127.0.0.1, and requests after the page had loaded other than lazy chunks. */
function networkProblems(run: Run, base: string): { offsite: string[]; late: string[] } {
  const local = (u: string) => u.startsWith(`${base}/`) || u.startsWith(`blob:${base}/`);
  return {
    offsite: run.requests.filter((u) => !local(u) && !u.startsWith("data:")),
    late: run.requests
      .slice(run.loadedAt)
      .filter(
        (u) => !(u.startsWith(`${base}/`) && /\.chunk\.js$/.test(u)) && !u.startsWith("blob:")
      ),
  };
}

/** Frames the CSP stopped (office.js's telemetry); never a request, so only reported. */
function reportBlocked(run: Run): void {
  const { blocked } = run as unknown as { blocked: string[] };
  if (blocked.length) console.log(`CSP blocked frames (no request made): ${blocked.join(", ")}`);
  for (const url of blocked) expect(run.requests).not.toContain(url);
}

/** Presses Tab until the focused element's accessible text matches (keyboard only). */
async function tabTo(page: Page, name: RegExp, max = 80, key = "Tab"): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    if (name.test(await focusedLabel(page))) return;
  }
  throw new Error(`${key} never reached ${name}; last focus: ${await focusedLabel(page)}`);
}

/** Presses ArrowRight (inside a tab list) until the focused tab matches. */
async function arrowTo(page: Page, name: RegExp, max = 8): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (name.test(await focusedLabel(page))) return;
    await page.keyboard.press("ArrowRight");
  }
  throw new Error(`Arrows never reached ${name}; last focus: ${await focusedLabel(page)}`);
}

function focusedLabel(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return "";
    // A Fluent Tab renders its label twice (one copy reserves the bold width).
    const text =
      el.getAttribute("role") === "tab"
        ? el.querySelector(".fui-Tab__content")?.textContent
        : el.textContent;
    return (el.getAttribute("aria-label") || text || "").trim();
  });
}

/** Keyboard focus is visible: Fluent marks the element it draws its focus ring on. */
function focusVisible(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return false;
    return el.hasAttribute("data-fui-focus-visible") || el.matches(":focus-visible");
  });
}

/** Scrolls as a user would to a heading, which then sits just below the sticky step tabs. */
async function scrollBelowTabs(page: Page, heading: string): Promise<void> {
  await page.locator(heading).evaluate((h) => {
    const tabs = document.getElementById("hyoka-steps")!.getBoundingClientRect().height;
    window.scrollTo(0, h.getBoundingClientRect().top + window.scrollY - tabs - 8);
  });
}

/**
 * After a build the download is the primary action and has focus: it is drawn in the brand
 * colour (as the primary button was), and the build button no longer is.
 */
async function downloadIsPrimary(page: Page, link: RegExp, build: string): Promise<void> {
  expect(await focusedLabel(page)).toMatch(link);
  // Not under the pointer (a hovered link takes the hover colour).
  await page.mouse.move(0, 0);
  const background = (el: Element) => getComputedStyle(el).backgroundColor;
  const linkBg = await page.getByRole("link", { name: link }).evaluate(background);
  const buildBg = await page.getByRole("button", { name: build, exact: true }).evaluate(background);
  const brand = await page.evaluate(() =>
    getComputedStyle(document.querySelector(".fui-FluentProvider")!).getPropertyValue(
      "--colorBrandBackground"
    )
  );
  expect({
    linkIsBrand: sameColor(linkBg, brand),
    buildIsBrand: sameColor(buildBg, brand),
  }).toEqual({ linkIsBrand: true, buildIsBrand: false });
}

/** "rgb(15, 108, 189)" and "#0f6cbd" are the same colour. */
function sameColor(rgb: string, hex: string): boolean {
  const h = hex.trim().replace("#", "");
  const parts = [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16));
  return rgb.replace(/\s/g, "") === `rgb(${parts.join(",")})`;
}

describeE2E("task pane in headless Chromium (browser mode, production build)", () => {
  let dist: string;
  let server: http.Server;
  let base: string;
  let city: string;
  let sharedPlace: string;
  /** Scan and build times (ms) and the long tasks' durations at N = 45, by locale. */
  const measured: Record<
    string,
    { scanMs: number; buildMs: number; scanLong: number[]; buildLong: number[] }
  > = {};

  beforeAll(async () => {
    // HYOKA_E2E_DIST=dist reuses a build (while iterating); by default the test builds its own.
    dist = process.env.HYOKA_E2E_DIST
      ? path.resolve(process.env.HYOKA_E2E_DIST)
      : fs.mkdtempSync(path.join(os.tmpdir(), "hyoka-e2e-dist-"));
    if (!process.env.HYOKA_E2E_DIST)
      await timed("build", async () => {
        // office.js self-hosted: CI has no internet, and nothing may leave 127.0.0.1 here.
        execFileSync(
          process.execPath,
          [
            require.resolve("webpack-cli/bin/cli.js"),
            "--mode",
            "production",
            "--output-path",
            dist,
          ],
          { cwd: ROOT, stdio: "pipe", env: { ...process.env, HYOKA_OFFICE_JS: "local" } }
        );
      });
    // The city: 45 generated policy fields (bench/city.ts), three label variants.
    city = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "hyoka-city-")), "city45.xlsx");
    const bytes = await cityWorkbook(cityFields(45));
    fs.writeFileSync(city, bytes);
    // A cell that several findings point at (the list showed them all selected after one click).
    const model = analyzeWorkbook(
      await readXlsxSnapshot(new Uint8Array(bytes), { source: "city45.xlsx" })
    );
    const byPlace = new Map<string, number>();
    for (const f of model.findings) {
      const place = `${f.sheet}!${f.address}`;
      byPlace.set(place, (byPlace.get(place) ?? 0) + 1);
    }
    sharedPlace = [...byPlace].find(([, n]) => n > 1)?.[0] ?? "";
    expect(sharedPlace).not.toBe("");
    server = await serve(dist);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((r) => server?.close(r));
    if (Object.keys(measured).length) console.log(`N = 45 measured: ${JSON.stringify(measured)}`);
    console.log(
      `E2E timings (ms): ${Object.entries(timings)
        .map(([k, v]) => `${k} ${v}`)
        .join(", ")}`
    );
  });

  it("the Office page's initial chunk has no .xlsx code, the lazy chunk has", () => {
    const report = JSON.parse(fs.readFileSync(path.join(dist, "bundle-report.json"), "utf8"));
    const initial: string[] = report.pages.taskpane.initialJs.map((f: { file: string }) => f.file);
    for (const f of initial) {
      expect(f).not.toMatch(/xlsx-libs|xlsx-engine/);
      // A part name only .xlsx code (src/xlsx) carries; a boolean keeps failures short.
      const text = fs.readFileSync(path.join(dist, f), "utf8");
      expect({ file: f, xlsxCode: text.includes("sharedStrings") }).toEqual({
        file: f,
        xlsxCode: false,
      });
    }
    expect(fs.readdirSync(dist).some((f) => /^xlsx-libs\..*\.chunk\.js$/.test(f))).toBe(true);
  });

  it("by mouse, in Japanese: open, scan, overview, finding, build, download", async () => {
    const run = await launch(base, "ja-JP");
    const { page } = run;
    try {
      await timed("mouse flow", async () => {
        const serious: Record<string, AxeViolation[]> = {};
        expect(await page.getAttribute("html", "lang")).toBe("ja");
        serious.open = await axe(page, "open");
        await fitsPane(page, "open");
        await shot(page, "1-open-ja");

        await page.locator('input[type="file"]').setInputFiles(SEED);
        await page.getByText("seed.xlsx を開きました").waitFor();
        await fitsPane(page, "opened");
        await page.getByRole("button", { name: "スキャン", exact: true }).click();
        await page.getByRole("tab", { name: "シート" }).waitFor();
        await page.locator('[role="cell"] strong', { hasText: /^政策分野9$/ }).waitFor();
        // With a file open, the open-file explanation folds away (a summary line opens it).
        expect(await page.getByText(/ファイルはこのブラウザーの中だけで処理され/).isVisible()).toBe(
          false
        );
        serious.sheets = await axe(page, "sheets");
        await fitsPane(page, "sheets");
        await shot(page, "2-sheets-ja");

        await page.getByRole("tab", { name: "読み取り設定" }).click();
        await page.getByRole("heading", { name: "読み取り設定", exact: true }).waitFor();
        await fitsPane(page, "layout");

        await page.getByRole("tab", { name: "概要" }).click();
        // The field's row: ✓ 達成, ✗ 未達成, － 実績なし, … 集計中, then its findings.
        const row = page.getByRole("row", { name: /政策分野9 社会参画/ });
        expect(await row.getByRole("cell").nth(1).textContent()).toBe("3");
        await page
          .getByRole("rowheader")
          .getByRole("button", { name: /^政策分野9 社会参画/ })
          .click();
        await page.getByText("指標ごとの状況と目標の方向", { exact: false }).waitFor();
        serious.overview = await axe(page, "overview");
        await fitsPane(page, "overview");
        await shot(page, "3-overview-ja");

        await page.getByRole("tab", { name: /指摘/ }).click();
        const first = page.getByRole("button", { name: /^政策分野9!C25 / }).first();
        await first.click();
        await page
          .getByTestId("announcer")
          .getByText(/政策分野9!C25 の位置です/)
          .waitFor();
        expect(await page.locator('[aria-current="true"]').textContent()).toMatch(
          /^▶ 選択中: 政策分野9!C25 /
        );
        // Filtering by text keeps only matching findings.
        await page.getByRole("searchbox", { name: "文字で絞り込み" }).fill("C29");
        await page.getByText(/11 件中 1 件を表示/).waitFor();
        await page.getByRole("searchbox", { name: "文字で絞り込み" }).fill("");
        serious.findings = await axe(page, "findings");
        await fitsPane(page, "findings");
        await shot(page, "4-findings-ja");

        await page.getByRole("tab", { name: "サマリー作成" }).click();
        await fitsPane(page, "build");
        await page.getByRole("button", { name: "サマリーを作成" }).click();
        await page.getByRole("link", { name: /ダウンロード/ }).waitFor({ timeout: 60_000 });
        expect(await page.getByTestId("announcer").textContent()).toBe(
          "サマリーシートを作成しました。"
        );
        await downloadIsPrimary(page, /サマリー付きのブックをダウンロード/, "サマリーを作成");
        // Success is said once on screen.
        expect(await timesShown(page, "作成しました")).toBe(1);
        serious.build = await axe(page, "build");
        await fitsPane(page, "after build");
        await shot(page, "5-build-ja");

        const [download] = await Promise.all([
          page.waitForEvent("download"),
          page.getByRole("link", { name: /サマリー付きのブックをダウンロード/ }).click(),
        ]);
        expect(download.suggestedFilename()).toBe("seed-summary.xlsx");
        const saved = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "hyoka-dl-")), "out.xlsx");
        await download.saveAs(saved);
        await checkDownloaded(saved);

        expect(serious).toEqual({ open: [], sheets: [], overview: [], findings: [], build: [] });
      });
      const { offsite, late } = networkProblems(run, base);
      expect(offsite).toEqual([]);
      expect(late).toEqual([]);
      reportBlocked(run);
      // The lazy chunk did load (after the page load, on opening the file).
      expect(
        run.requests.slice(run.loadedAt).some((u) => /xlsx-libs\..*\.chunk\.js$/.test(u))
      ).toBe(true);
      expect(run.requests.slice(0, run.loadedAt).some((u) => /xlsx-libs/.test(u))).toBe(false);
      expect((run as unknown as { errors: string[] }).errors).toEqual([]);
    } finally {
      await run.context.close();
    }
  });

  it("by keyboard only, in English: the same flow", async () => {
    const run = await launch(base, "en-US");
    const { page } = run;
    try {
      await timed("keyboard flow", async () => {
        expect(await page.getAttribute("html", "lang")).toBe("en");
        await fitsPane(page, "open (en)");
        await shot(page, "1-open-en");

        await tabTo(page, /^Open a file/);
        expect(await focusVisible(page)).toBe(true);
        const [chooser] = await Promise.all([
          page.waitForEvent("filechooser"),
          page.keyboard.press("Enter"),
        ]);
        await chooser.setFiles(SEED);
        await page.getByText("Opened seed.xlsx").waitFor();

        await tabTo(page, /^Scan$/);
        expect(await focusVisible(page)).toBe(true);
        await page.keyboard.press("Enter");
        await page.getByRole("tab", { name: "Sheets" }).waitFor();
        await page.locator('[role="cell"] strong', { hasText: /^政策分野9$/ }).waitFor();
        await fitsPane(page, "sheets (en)");
        await shot(page, "2-sheets-en");

        // Override the sheet's kind with the keyboard and back (re-analysis each time).
        await tabTo(page, /^Kind of 政策分野9$/);
        await page.keyboard.press("ArrowDown"); // automatic → policy field (native select)
        await page
          .getByTestId("announcer")
          .getByText(/Set 政策分野9 to "Policy field"/)
          .waitFor();
        await page.keyboard.press("ArrowUp");
        await page
          .getByTestId("announcer")
          .getByText(/Set 政策分野9 to "Automatic"/)
          .waitFor();

        // Tabs: Tab reaches the tab list, arrows move, Enter selects.
        await tabTo(page, /^(Sheets|Layout|Overview|Findings|Build)/);
        await arrowTo(page, /^Overview$/);
        await page.keyboard.press("Enter");
        await tabTo(page, /^▸ Policy field 9 社会参画/);
        await page.keyboard.press("Enter");
        await page.getByText("Each KPI's status and target direction", { exact: false }).waitFor();
        await fitsPane(page, "overview (en)");
        await shot(page, "3-overview-en");

        await tabTo(page, /^Overview$/, 80, "Shift+Tab");
        await arrowTo(page, /^Findings/);
        await page.keyboard.press("Enter");
        await tabTo(page, /^政策分野9!C25 /);
        await page.keyboard.press("Space");
        await page
          .getByTestId("announcer")
          .getByText(/The finding is at 政策分野9!C25/)
          .waitFor();
        await fitsPane(page, "findings (en)");
        await shot(page, "4-findings-en");

        await tabTo(page, /^Findings/, 80, "Shift+Tab");
        await arrowTo(page, /^Build$/);
        await page.keyboard.press("Enter");
        await fitsPane(page, "build (en)");
        await tabTo(page, /^Build summary$/);
        expect(await page.evaluate(() => document.activeElement?.getAttribute("role"))).not.toBe(
          "tab"
        );
        await page.keyboard.press("Enter");
        await page.getByRole("link", { name: /Download/ }).waitFor({ timeout: 60_000 });
        expect(await page.getByTestId("announcer").textContent()).toBe(
          "The summary sheets were created."
        );
        await fitsPane(page, "after build (en)");
        await shot(page, "5-build-en");

        // Focus is on the download already: Enter downloads.
        await downloadIsPrimary(page, /Download the summarized workbook/, "Build summary");
        expect(await timesShown(page, "were created")).toBe(1);
        const [download] = await Promise.all([
          page.waitForEvent("download"),
          page.keyboard.press("Enter"),
        ]);
        const saved = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "hyoka-dl-")), "out.xlsx");
        await download.saveAs(saved);
        await checkDownloaded(saved);
      });
      const { offsite, late } = networkProblems(run, base);
      expect(offsite).toEqual([]);
      expect(late).toEqual([]);
      reportBlocked(run);
      expect((run as unknown as { errors: string[] }).errors).toEqual([]);
    } finally {
      await run.context.close();
    }
  });

  // Issue 14: a city's workbook (45 policy fields, generated) at 350 px, in both languages.
  const CITY_WORDS = {
    "ja-JP": {
      opened: "city45.xlsx を開きました",
      scan: "スキャン",
      sheets: "シート",
      layout: "読み取り設定",
      overview: "概要",
      fieldTable: "政策分野ごとの評価年度の指標の状況と指摘",
      findings: /^指摘/,
      findingsList: "指摘の一覧",
      grades: /評価区分を変更|閉じる/,
      field: /^政策分野1 /,
      build: "サマリー作成",
      buildButton: "サマリーを作成",
      download: /サマリー付きのブックをダウンロード/,
      shot: "ja",
    },
    "en-US": {
      opened: "Opened city45.xlsx",
      scan: "Scan",
      sheets: "Sheets",
      layout: "Layout",
      overview: "Overview",
      fieldTable: "KPI statuses in the evaluation year, and findings, per policy field",
      findings: /^Findings/,
      findingsList: "Findings",
      grades: /Change the grades|Close/,
      field: /^Policy field 1 /,
      build: "Build",
      buildButton: "Build summary",
      download: /Download the summarized workbook/,
      shot: "en",
    },
  } as const;

  it.each(["ja-JP", "en-US"] as const)(
    "a 45-field city workbook at 350 px (%s): every step fits, one click selects one finding, axe clean, times recorded",
    async (locale) => {
      const w = CITY_WORDS[locale];
      const run = await launch(base, locale, async (context) => {
        await context.addInitScript(LONG_TASK_OBSERVER);
      });
      const { page } = run;
      try {
        const serious: Record<string, AxeViolation[]> = {};
        await page.locator('input[type="file"]').first().setInputFiles(city);
        await page.getByText(w.opened).waitFor();
        await fitsPane(page, `${locale} opened`);
        await takeLongTasks(page);

        let started = Date.now();
        await page.getByRole("button", { name: w.scan, exact: true }).click();
        await page.getByRole("tab", { name: w.sheets }).waitFor({ timeout: 60_000 });
        const scanMs = Date.now() - started;
        const scanLong = (await takeLongTasks(page)).map((x) => Math.round(x.duration));
        serious.sheets = await axe(page, `${locale} city sheets`);
        await fitsPane(page, `${locale} city sheets`);
        await tabsOnOneLine(page);

        await page.getByRole("tab", { name: w.layout }).click();
        await fitsPane(page, `${locale} city layout`);
        serious.layout = await axe(page, `${locale} city layout`);

        await page.getByRole("tab", { name: w.overview }).click();
        await page.getByRole("table", { name: w.fieldTable }).waitFor();
        await fitsPane(page, `${locale} city overview`);
        serious.overview = await axe(page, `${locale} city overview`);
        // The grade table (settings for every field) and one field opened to its settings.
        await page.getByRole("button", { name: w.grades }).click();
        await fitsPane(page, `${locale} city grades`);
        serious.grades = await axe(page, `${locale} city grades`);
        await page.getByRole("button", { name: w.grades }).click();
        await page.getByRole("rowheader").getByRole("button", { name: w.field }).click();
        await fitsPane(page, `${locale} city field`);
        // As the user scrolls to the table: the steps stay on top.
        await scrollBelowTabs(page, "#hyoka-fields");
        await shot(page, `3b-overview-city-${w.shot}`, true);

        await page.getByRole("tab", { name: w.findings }).click();
        const list = page.getByRole("list", { name: w.findingsList, exact: true });
        await list.waitFor();
        await scrollBelowTabs(page, "#hyoka-findings");
        await shot(page, `4b-findings-city-${w.shot}`, true);
        // A cell several findings share: one click on one of them selects that one.
        await page.getByRole("searchbox").fill(sharedPlace);
        const places = await list.locator("button strong").allTextContents();
        const alike = places.flatMap((p, i) => (p === sharedPlace ? [i] : []));
        expect(alike.length).toBeGreaterThan(1);
        await list.locator("button").nth(alike[1]).click();
        await page.locator('[aria-current="true"]').first().waitFor();
        expect(await page.locator('[aria-current="true"]').count()).toBe(1);
        await fitsPane(page, `${locale} city findings`);
        serious.findings = await axe(page, `${locale} city findings`);

        await page.getByRole("tab", { name: w.build }).click();
        await fitsPane(page, `${locale} city build`);
        await takeLongTasks(page);
        started = Date.now();
        await page.getByRole("button", { name: w.buildButton, exact: true }).click();
        await page.getByRole("link", { name: w.download }).waitFor({ timeout: 120_000 });
        const buildMs = Date.now() - started;
        const buildLong = (await takeLongTasks(page)).map((x) => Math.round(x.duration));
        await downloadIsPrimary(page, w.download, w.buildButton);
        await fitsPane(page, `${locale} city after build`);
        serious.build = await axe(page, `${locale} city after build`);

        measured[locale] = { scanMs, buildMs, scanLong, buildLong };
        console.log(
          `N = 45 (${locale}): scan ${scanMs} ms, build ${buildMs} ms; long tasks during scan ` +
            `${scanLong.length} (longest ${Math.max(0, ...scanLong)} ms: ${scanLong.join(", ")}), ` +
            `during build ${buildLong.length} (longest ${Math.max(0, ...buildLong)} ms: ${buildLong.join(", ")})`
        );
        // Generous bounds only: the targets (1.5 s each) are the benchmark's and the worker's.
        expect(scanMs).toBeLessThan(30_000);
        expect(buildMs).toBeLessThan(30_000);
        expect(serious).toEqual({
          sheets: [],
          layout: [],
          overview: [],
          grades: [],
          findings: [],
          build: [],
        });
        expect((run as unknown as { errors: string[] }).errors).toEqual([]);
      } finally {
        await run.context.close();
      }
    }
  );

  // Issue 14's target: no long task over 100 ms on the main thread while the 45-field city is
  // scanned or built (parse, validate, plan and the .xlsx work run in the Web Worker).
  it("no long task over 100 ms during the scan and build of the 45-field city workbook", () => {
    expect(Object.keys(measured).sort()).toEqual(["en-US", "ja-JP"]);
    for (const m of Object.values(measured)) {
      expect(Math.max(0, ...m.scanLong, ...m.buildLong)).toBeLessThanOrEqual(100);
    }
  });

  it("a file switched during a build: the pane shows the new file's scan and builds the new file", async () => {
    // A finished build makes its download's blob URL: counted, so the test knows A's has ended.
    const run = await launch(base, "ja-JP", async (context) => {
      await context.addInitScript(`{
        window.__blobs = 0;
        const make = URL.createObjectURL.bind(URL);
        URL.createObjectURL = (blob) => (window.__blobs++, make(blob));
      }`);
    });
    const { page } = run;
    try {
      const input = page.locator('input[type="file"]').first();
      await input.setInputFiles(city);
      await page.getByText("city45.xlsx を開きました").waitFor();
      await page.getByRole("button", { name: "スキャン", exact: true }).click();
      await page.getByRole("tab", { name: "サマリー作成" }).click({ timeout: 60_000 });
      await page.getByRole("button", { name: "サマリーを作成" }).click();
      // The build of A is under way: Open waits (disabled) — the file input is set directly.
      await page.locator('section[aria-labelledby="hyoka-build"][aria-busy="true"]').waitFor();
      expect(await page.getByRole("button", { name: "ファイルを開く（.xlsx）" }).isDisabled()).toBe(
        true
      );
      await input.setInputFiles(SEED);
      await page.getByText("seed.xlsx を開きました").waitFor();
      await page.getByRole("button", { name: "スキャン", exact: true }).click();
      await page.getByRole("tab", { name: "サマリー作成" }).click();
      expect(await page.getByText("対象: seed.xlsx").count()).toBe(1);
      // A's build has ended: nothing of it is offered for B.
      await page.waitForFunction(
        () => (window as unknown as { __blobs: number }).__blobs >= 1,
        null,
        {
          timeout: 60_000,
        }
      );
      expect(await page.getByRole("link", { name: /ダウンロード/ }).count()).toBe(0);
      expect(await page.getByTestId("announcer").textContent()).not.toContain("作成しました");
      await page.getByRole("button", { name: "サマリーを作成" }).click();
      const link = page.getByRole("link", { name: /サマリー付きのブックをダウンロード/ });
      await link.waitFor({ timeout: 60_000 });
      // B's download, B's sheets.
      expect(await link.getAttribute("download")).toBe("seed-summary.xlsx");
      const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
      const saved = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "hyoka-dl-")), "out.xlsx");
      await download.saveAs(saved);
      await checkDownloaded(saved);
      expect(await page.getByText("対象: seed.xlsx").count()).toBe(1);
      await fitsPane(page, "race");
    } finally {
      await run.context.close();
    }
  });

  // Teach mode (issue 11): a layout no recognizer reads, taught on the grid, built, downloaded.
  it.each([
    ["by mouse, in Japanese", "ja-JP", teachByMouse],
    ["by keyboard only, in English", "en-US", teachByKeyboard],
  ])(
    "teach mode %s: mark, preview, accept, export, build, download",
    async (_label, locale, flow) => {
      const run = await launch(base, locale);
      try {
        const serious = await timed(`teach ${locale}`, () =>
          flow(run.page, { axe, shot, tabTo, arrowTo })
        );
        expect(serious).toEqual({ teach: [], layout: [] });
        const { offsite, late } = networkProblems(run, base);
        expect(offsite).toEqual([]);
        expect(late).toEqual([]);
        expect((run as unknown as { errors: string[] }).errors).toEqual([]);
      } finally {
        await run.context.close();
      }
    }
  );

  it("the self-check, outside Excel, says so and names the office.js it loaded", async () => {
    const run = await launch(base, "ja-JP");
    try {
      await run.page.getByRole("button", { name: "動作確認を実行" }).click();
      const box = run.page.getByRole("textbox", { name: /動作確認の結果/ });
      await box.waitFor();
      const report = await box.inputValue();
      expect(report).toContain("Excel: Excel の外で開かれています / not in Excel");
      expect(report).toContain("office.js: office-js/office.js");
      expect(networkProblems(run, base)).toEqual({ offsite: [], late: [] });
    } finally {
      await run.context.close();
    }
  });

  it("when office.js cannot load (the Office CDN out of reach) the pane opens in browser mode at once", async () => {
    const started = Date.now();
    const run = await launch(base, "en-US", async (context) => {
      await context.route("**/office.js", (route) => route.abort());
    });
    try {
      expect(Date.now() - started).toBeLessThan(30_000);
      await run.page.getByRole("button", { name: "Run the self-check" }).click();
      const box = run.page.getByRole("textbox", { name: /Self-check result/ });
      await box.waitFor();
      expect(await box.inputValue()).toContain("(読み込めませんでした / failed to load)");
      const { errors } = run as unknown as { errors: string[] };
      expect(errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
    } finally {
      await run.context.close();
    }
  });
});
