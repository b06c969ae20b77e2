/**
 * The self-check against the strict fake: every probe OK on an Excel with ExcelApi 1.20, the
 * user's workbook exactly as before (the scratch sheet and the probe keys are gone), "not
 * supported" where the requirement set is missing, and a failure reported with Excel's code.
 */
import { runSelfCheck, type ProbeId } from '../../src/excel/selfCheck';
import { formatSelfCheck, PROBE_LABELS } from '../../src/taskpane/selfCheckReport';
import { FakeExcel } from './fakeExcel';
import { SOURCE_SHEETS } from './planFixtures';

/** Office.context.document.settings over a map; saveAsync records what it saved. */
function fakeSettings(initial: Record<string, unknown> = {}) {
  const store = new Map(Object.entries(initial));
  const saved: Record<string, unknown>[] = [];
  const settings = {
    get: (k: string) => store.get(k) ?? null,
    set: (k: string, v: unknown) => void store.set(k, v),
    remove: (k: string) => void store.delete(k),
    saveAsync: (cb: (r: { status: string }) => void) => {
      saved.push(Object.fromEntries(store));
      cb({ status: 'succeeded' });
    },
  };
  return { settings: settings as unknown as Office.Settings, saved };
}

const g = globalThis as unknown as { Office?: unknown };
beforeAll(() => (g.Office = { AsyncResultStatus: { Succeeded: 'succeeded' } }));
afterAll(() => delete g.Office);

const ALL: ProbeId[] = Object.keys(PROBE_LABELS) as ProbeId[];

test('on an Excel with ExcelApi 1.20 every API Hyōka uses is OK, and the workbook is as it was', async () => {
  const fx = new FakeExcel(SOURCE_SHEETS, { sets: { ExcelApi: '1.20', DialogApi: '1.2' }, names: ['UserName'] });
  const { settings, saved } = fakeSettings({ 'hyoka.settings': '{"sheetKinds":{}}' });
  const before = fx.snapshot();
  const result = await runSelfCheck({
    run: fx.run,
    isSetSupported: (n, v) => fx.supports(n, v),
    settings: () => settings,
    diagnostics: () => ({ host: 'Excel', platform: 'OfficeOnline', version: '16.0.19822.20000' }),
    now: () => new Date('2026-04-01T00:00:00Z'),
  });
  expect(result.probes.filter((p) => p.outcome.status !== 'ok')).toEqual([]);
  expect(result.probes.map((p) => p.id).sort()).toEqual([...ALL].sort());
  expect(result.environment).toEqual({ host: 'Excel', platform: 'OfficeOnline', version: '16.0.19822.20000', excelApi: '1.20' });
  expect(fx.snapshot()).toEqual(before);
  expect(saved).toEqual([{ 'hyoka.settings': '{"sheetKinds":{}}' }]);
  // Every Excel.run waits out cell-edit mode.
  expect(fx.runs.every((o) => o.delayForCellEdit)).toBe(true);
  const text = formatSelfCheck(result, { officeJs: 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js' });
  expect(text).toContain('Excel: 16.0.19822.20000 · OfficeOnline (Excel)');
  expect(text).toContain(`合計 / Total: ${ALL.length} OK, 0 FAILED, 0 NOT SUPPORTED`);
  expect(text.split('\n').filter((l) => l.startsWith('OK '))).toHaveLength(ALL.length);
});

test('an older Excel: what it lacks is "not supported" with the requirement set; the rest is checked', async () => {
  const fx = new FakeExcel(SOURCE_SHEETS, { sets: { ExcelApi: '1.8' } });
  const { settings } = fakeSettings();
  const result = await runSelfCheck({ run: fx.run, isSetSupported: (n, v) => fx.supports(n, v), settings: () => settings, diagnostics: () => null });
  const unsupported = result.probes.filter((p) => p.outcome.status === 'unsupported').map((p) => `${p.id} ${p.requirement}`);
  expect(unsupported).toEqual(['merged-areas ExcelApi 1.13', 'special-cells ExcelApi 1.9', 'sheet-properties ExcelApi 1.12', 'undo-group ExcelApi 1.20', 'dialog DialogApi 1.1']);
  expect(result.probes.find((p) => p.id === 'chart')?.outcome).toEqual({ status: 'ok' });
  expect(result.environment.excelApi).toBe('1.8');
});

test('a probe Excel refuses is reported with its code; the others still run and the scratch sheet is removed', async () => {
  const fx = new FakeExcel(SOURCE_SHEETS, { sets: { ExcelApi: '1.20' } });
  const { settings } = fakeSettings();
  const before = fx.snapshot();
  // The chart's source holds no number: Excel's EmptyChartSeries.
  const run: typeof fx.run = (o, b) =>
    fx.run(o as never, async (ctx) => {
      const sync = ctx.sync.bind(ctx);
      (ctx as unknown as { sync: () => Promise<void> }).sync = async () => {
        const scratch = fx.state.sheets.find((s) => s.name.startsWith('~hyoka-check'));
        if (scratch && scratch.charts.length === 0 && scratch.conditionalFormats.length > 0) for (const c of ['2,2', '3,2', '0,2', '1,2']) delete scratch.cells[c];
        await sync();
      };
      return (b as (c: Excel.RequestContext) => Promise<unknown>)(ctx);
    }) as never;
  const result = await runSelfCheck({ run, isSetSupported: (n, v) => fx.supports(n, v), settings: () => settings, diagnostics: () => null });
  expect(result.probes.find((p) => p.id === 'chart')?.outcome).toMatchObject({ status: 'failed', code: 'EmptyChartSeries' });
  expect(result.probes.find((p) => p.id === 'table')?.outcome).toEqual({ status: 'ok' });
  expect(result.probes.find((p) => p.id === 'sheet')?.outcome).toEqual({ status: 'ok' });
  expect(fx.snapshot()).toEqual(before);
  expect(formatSelfCheck(result, { officeJs: null })).toMatch(/^FAILED {10}chart .*: \[EmptyChartSeries\] /m);
});
