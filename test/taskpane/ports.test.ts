import { createBrowserPort, summaryFileName } from "../../src/taskpane/browserPort";
import type { loadXlsxEngine } from "../../src/taskpane/browserPort";
import { SETTINGS_KEY, createOfficePort, loadOfficeSettings } from "../../src/taskpane/officePort";
import type { BuildPhase } from "../../src/taskpane/port";
import {
  DEFAULT_GRADE_SETTINGS,
  analysisGrades,
  defaultSettings,
  parseSettings,
  planGrades,
} from "../../src/taskpane/settings";
import type { SummaryPlan, WorkbookSnapshot } from "../../src/core";

describe("settings saved in the document", () => {
  it("round-trips through JSON", () => {
    const s = {
      sheetKinds: { メモ: "unknown" as const },
      asOf: { "9": 2022 },
      directions: { "9/2": "decrease" as const },
      grades: [
        { grade: "S", min: 1.2 },
        { grade: "A", min: 1 },
        { grade: "B", min: 0 },
      ],
    };
    expect(parseSettings(JSON.stringify(s))).toEqual(s);
  });

  it.each([
    ["not JSON", "{oops"],
    ["a number", 42],
    ["null", null],
    ["an array", []],
  ])("falls back to defaults for %s", (_label, raw) => {
    expect(parseSettings(raw)).toEqual(defaultSettings());
  });

  it("keeps what is well-formed and drops the rest (another version, a hand edit)", () => {
    const parsed = parseSettings({
      sheetKinds: { a: "policyField", b: "spreadsheet", c: 3 },
      asOf: { "9": 2022, "10": "R4", "11": 2022.5, "12": 99999 },
      directions: { "9/1": "maintain", "9/2": "up" },
      grades: [
        { grade: "A", min: 1 },
        { grade: "", min: 0.5 },
        { grade: "B", min: Infinity },
      ],
    });
    expect(parsed.sheetKinds).toEqual({ a: "policyField" });
    expect(parsed.asOf).toEqual({ "9": 2022 });
    expect(parsed.directions).toEqual({ "9/1": "maintain" });
    // One usable band is not a table: the default one is used.
    expect(parsed.grades).toEqual(DEFAULT_GRADE_SETTINGS);
  });

  it("hands the analysis an open lowest band and the plan one that starts at 0", () => {
    const grades = [
      { grade: "C", min: 0.3 },
      { grade: "A", min: 1 },
      { grade: "B", min: 0.6 },
    ];
    expect(analysisGrades(grades)).toEqual([
      { grade: "A", min: 1 },
      { grade: "B", min: 0.6 },
      { grade: "C", min: -Infinity },
    ]);
    expect(planGrades(grades).at(-1)).toEqual({ grade: "C", min: 0 });
  });
});

describe("Office port settings (Office.context.document.settings)", () => {
  const store = new Map<string, unknown>();
  let saveStatus = "succeeded";
  beforeEach(() => {
    store.clear();
    saveStatus = "succeeded";
    (globalThis as unknown as { Office: unknown }).Office = {
      AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
      context: {
        document: {
          settings: {
            get: (k: string) => (store.has(k) ? store.get(k) : null),
            set: (k: string, v: unknown) => store.set(k, v),
            saveAsync: (cb: (r: { status: string; error?: unknown }) => void) =>
              cb({
                status: saveStatus,
                error: saveStatus === "failed" ? new Error("read-only") : undefined,
              }),
          },
        },
      },
    };
  });
  afterAll(() => {
    delete (globalThis as unknown as { Office?: unknown }).Office;
  });

  it("saves under one key and reads it back; nothing saved → null", async () => {
    const port = createOfficePort();
    expect(await port.loadSettings()).toBeNull();
    const s = { ...defaultSettings(), asOf: { "9": 2021 } };
    await port.saveSettings(s);
    expect(typeof store.get(SETTINGS_KEY)).toBe("string");
    expect(loadOfficeSettings()).toEqual(s);
  });

  it("a failed save rejects (the pane says so)", async () => {
    saveStatus = "failed";
    await expect(createOfficePort().saveSettings(defaultSettings())).rejects.toThrow("read-only");
  });
});

describe("browser port (an .xlsx opened in the page)", () => {
  const snapshot: WorkbookSnapshot = { source: "seed.xlsx", sheets: [] };
  const plan = { owner: "hyoka", sheets: [] } as unknown as SummaryPlan;

  function engine() {
    const e = {
      readXlsxSnapshot: jest.fn(
        async (_b: Uint8Array, o?: { onProgress?: (d: number, t: number) => void }) => {
          o?.onProgress?.(0, 2);
          o?.onProgress?.(1, 2);
          o?.onProgress?.(2, 2);
          return snapshot;
        }
      ),
      applyPlanToXlsx: jest.fn(async () => ({
        bytes: new Uint8Array([1, 2, 3]),
        sheetNames: { evaluation: "評価サマリー" },
        renamed: [],
      })),
    };
    return { e, load: jest.fn(async () => e) as unknown as typeof loadXlsxEngine };
  }

  it("reads the file's package (the reader skips Hyōka's own sheets as sources)", async () => {
    const { e, load } = engine();
    const bytes = new Uint8Array([9]);
    const port = createBrowserPort({ name: "seed.xlsx", bytes }, { engine: load });
    const progress: [number, number][] = [];
    expect(await port.readSnapshot((d, t) => progress.push([d, t]))).toBe(snapshot);
    expect(e.readXlsxSnapshot).toHaveBeenCalledWith(
      bytes,
      expect.objectContaining({ source: "seed.xlsx" })
    );
    // Per sheet, as the reader goes.
    expect(progress).toEqual([
      [0, 2],
      [1, 2],
      [2, 2],
    ]);
    expect(await port.selectCell("a", "B2")).toBe("shown");
  });

  it("builds into the file's bytes and offers them as a download; the previous URL is revoked", async () => {
    const { e, load } = engine();
    const urls: Blob[] = [];
    const revoked: string[] = [];
    const port = createBrowserPort(
      { name: "評価.xlsx", bytes: new Uint8Array([9]) },
      {
        engine: load,
        makeUrl: (b) => {
          urls.push(b);
          return `blob:test/${urls.length}`;
        },
        revokeUrl: (u) => revoked.push(u),
      }
    );
    const phases: BuildPhase["phase"][] = [];
    const out = await port.buildSummary(
      async () => ({ plan }),
      (p) => phases.push(p.phase)
    );
    expect(e.applyPlanToXlsx).toHaveBeenCalledWith(new Uint8Array([9]), plan);
    expect(out.download).toEqual({ fileName: "評価-summary.xlsx", url: "blob:test/1" });
    expect(out.sheetNames).toEqual({ evaluation: "評価サマリー" });
    expect(urls[0].type).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(urls[0].size).toBe(3);
    expect([...new Set(phases)]).toEqual(["read", "analyze", "write", "package"]);

    await port.buildSummary(async () => ({ plan }));
    expect(revoked).toEqual(["blob:test/1"]);
    // The file cannot change once opened: the second build reuses the first one's read.
    expect(e.readXlsxSnapshot).toHaveBeenCalledTimes(1);
  });

  it("a build after a scan reuses the scan's read; a cancelled build offers no download", async () => {
    const { e, load } = engine();
    const urls: Blob[] = [];
    const port = createBrowserPort(
      { name: "評価.xlsx", bytes: new Uint8Array([9]) },
      { engine: load, makeUrl: (b) => (urls.push(b), "blob:x"), revokeUrl: () => undefined }
    );
    const scanned = await port.readSnapshot();
    const seen: WorkbookSnapshot[] = [];
    const phases: BuildPhase["phase"][] = [];
    await port.buildSummary(
      async (s) => (seen.push(s), { plan }),
      (p) => phases.push(p.phase)
    );
    expect(seen).toEqual([scanned]);
    expect(e.readXlsxSnapshot).toHaveBeenCalledTimes(1);
    expect(phases).not.toContain("read");

    const controller = new AbortController();
    const build = port.buildSummary(
      async () => {
        controller.abort();
        return { plan };
      },
      undefined,
      controller.signal
    );
    await expect(build).rejects.toMatchObject({ name: "RunCancelled" });
    expect(e.applyPlanToXlsx).toHaveBeenCalledTimes(1);
    expect(urls).toHaveLength(1);
  });

  it("keeps the choices in memory only", async () => {
    const port = createBrowserPort(
      { name: "a.xlsx", bytes: new Uint8Array() },
      { engine: engine().load }
    );
    expect(await port.loadSettings()).toBeNull();
    const s = defaultSettings();
    await port.saveSettings(s);
    expect(await port.loadSettings()).toBe(s);
  });

  it.each([
    ["評価.xlsx", ".xlsx", "評価-summary.xlsx"],
    ["A.XLSX", ".xlsx", "A-summary.xlsx"],
    [".xlsx", ".xlsx", "workbook-summary.xlsx"],
    // A macro-enabled workbook stays one (Excel refuses a .xlsm package named .xlsx).
    ["macro.xlsm", ".xlsm", "macro-summary.xlsm"],
  ])("summaryFileName(%s, %s) = %s", (input, ext, out) => {
    expect(summaryFileName(input, ext)).toBe(out);
  });
});
