/**
 * The self-check IT runs in real Excel: every Excel API Hyōka uses, tried one by one on a
 * scratch sheet this check creates and removes — nothing of the user's workbook is read or
 * changed (the workbook's custom properties and the document settings get a probe key that is
 * removed again). Each probe reports OK, failed with Excel's error code, or not supported by
 * this Excel (the requirement set it lacks). src/taskpane/selfCheckReport.ts turns the result
 * into the text the user copies to IT (docs/self-check.md).
 */
import { OWNER_PROPERTY, OWNER_VALUE } from './names';
import { isSetSupported as officeIsSetSupported, runBatch, type ExcelRun } from './run';
import { newRunToken } from './runLock';

export type ProbeId =
  | 'sheet'
  | 'write-text'
  | 'read'
  | 'merged-areas'
  | 'special-cells'
  | 'formats'
  | 'conditional-formats'
  | 'chart'
  | 'table'
  | 'hyperlink'
  | 'sheet-properties'
  | 'workbook-properties'
  | 'names'
  | 'record'
  | 'visibility'
  | 'activate'
  | 'undo-group'
  | 'settings'
  | 'dialog';

export type ProbeOutcome =
  | { status: 'ok' }
  | { status: 'failed'; code: string; message: string }
  | { status: 'unsupported' };

export interface ProbeResult {
  id: ProbeId;
  /** The requirement set the APIs belong to ("ExcelApi 1.13"). */
  requirement: string;
  outcome: ProbeOutcome;
}

export interface SelfCheckEnvironment {
  /** Office.context.diagnostics: host, platform ("PC", "OfficeOnline", "Mac"…) and version. */
  host: string | null;
  platform: string | null;
  version: string | null;
  /** The highest ExcelApi version this Excel supports ("1.20"), or null outside Excel. */
  excelApi: string | null;
}

export interface SelfCheckResult {
  at: string;
  environment: SelfCheckEnvironment;
  probes: ProbeResult[];
}

/** What the check needs from Office besides Excel.run; tests pass fakes. */
export interface SelfCheckDeps {
  run?: ExcelRun;
  isSetSupported?: (name: string, version: string) => boolean;
  diagnostics?: () => { host?: unknown; platform?: unknown; version?: unknown } | null;
  /** Office.context.document.settings (the pane's saved choices live there). */
  settings?: () => Office.Settings | null;
  now?: () => Date;
}

/** Every ExcelApi version up to the newest the add-in knows of, for the report's highest-supported line. */
const EXCEL_API_VERSIONS = Array.from({ length: 20 }, (_, i) => `1.${i + 1}`);

/** Office.Error (numeric code), OfficeExtension.Error (string code) or anything thrown → code and message. */
function failure(e: unknown): ProbeOutcome {
  const o = e as { code?: unknown; name?: unknown; message?: unknown } | null;
  const code = o && (typeof o.code === 'string' || typeof o.code === 'number') ? String(o.code) : o && typeof o.name === 'string' ? o.name : 'Error';
  const message = o && typeof o.message === 'string' ? o.message : String(e);
  return { status: 'failed', code, message };
}

interface Probe {
  id: ProbeId;
  set: 'ExcelApi' | 'DialogApi' | 'Settings';
  version: string;
  /** Queues the calls and syncs once (or more); throws what Excel threw. */
  run(context: Excel.RequestContext, scratch: Excel.Worksheet): Promise<void>;
}

const expectThat = (ok: boolean, what: string) => {
  if (!ok) throw Object.assign(new Error(what), { code: 'UnexpectedResult' });
};

/** The probes in order; each syncs on its own so that one failure hides no other result. */
function probes(deps: Required<Pick<SelfCheckDeps, 'settings'>>, token: string): Probe[] {
  return [
    {
      id: 'write-text',
      set: 'ExcelApi',
      version: '1.1',
      async run(context, ws) {
        const r = ws.getRange('A1:C2');
        r.numberFormat = [
          ['@', '@', 'General'],
          ['@', '@', 'General'],
        ];
        r.values = [
          ['=1+1', '1,566', 12],
          ['評価', '+81', 0.5],
        ];
        r.load('values,valueTypes');
        await context.sync();
        expectThat(r.values[0][0] === '=1+1' && r.valueTypes[0][2] === 'Double', 'text written with the text format did not stay text');
      },
    },
    {
      id: 'read',
      set: 'ExcelApi',
      version: '1.4',
      async run(context, ws) {
        const used = ws.getUsedRangeOrNullObject(true);
        used.load('address,rowIndex,columnIndex,rowCount,columnCount');
        await context.sync();
        expectThat(!used.isNullObject, 'the used range is empty');
        const cells = ws.getRange('A1:C2');
        cells.load('values,valueTypes,formulas,numberFormat');
        await context.sync();
        expectThat(cells.formulas[0][0] === '=1+1' && cells.numberFormat[0][0] === '@', 'the cells read back differ');
      },
    },
    {
      id: 'merged-areas',
      set: 'ExcelApi',
      version: '1.13',
      async run(context, ws) {
        ws.getRange('E1:F1').merge(false);
        const areas = ws.getRange('E1:F2').getMergedAreasOrNullObject();
        areas.load('address');
        await context.sync();
        expectThat(!areas.isNullObject, 'the merged area was not found');
      },
    },
    {
      id: 'special-cells',
      set: 'ExcelApi',
      version: '1.9',
      async run(context, ws) {
        const found = ws.getRange('A1:C2').getSpecialCellsOrNullObject('Constants' as Excel.SpecialCellType);
        found.load('address');
        await context.sync();
        expectThat(!found.isNullObject, 'no constants were found');
      },
    },
    {
      id: 'formats',
      set: 'ExcelApi',
      version: '1.7',
      async run(context, ws) {
        ws.tabColor = '#2E75B6';
        ws.freezePanes.freezeRows(1);
        ws.getRange('A:A').format.columnWidth = 60;
        const f = ws.getRange('A1:C1').format;
        f.font.bold = true;
        f.fill.color = '#DDEBF7';
        f.wrapText = true;
        f.horizontalAlignment = 'Center' as Excel.HorizontalAlignment;
        f.borders.getItem('EdgeBottom' as Excel.BorderIndex).style = 'Continuous' as Excel.BorderLineStyle;
        ws.getRange('A1:C2').format.autofitRows();
        context.application.suspendApiCalculationUntilNextSync();
        context.application.suspendScreenUpdatingUntilNextSync();
        await context.sync();
      },
    },
    {
      id: 'conditional-formats',
      set: 'ExcelApi',
      version: '1.6',
      async run(context, ws) {
        const range = ws.getRange('C1:C2');
        const icons = range.conditionalFormats.add('IconSet' as Excel.ConditionalFormatType);
        icons.iconSet.style = 'ThreeSymbols' as Excel.IconSet;
        icons.iconSet.criteria = [
          {} as Excel.ConditionalIconCriterion,
          { type: 'Number', operator: 'GreaterThanOrEqual', formula: '=0.8' } as Excel.ConditionalIconCriterion,
          { type: 'Number', operator: 'GreaterThanOrEqual', formula: '=1' } as Excel.ConditionalIconCriterion,
        ];
        range.conditionalFormats.add('DataBar' as Excel.ConditionalFormatType).dataBar.positiveFormat.fillColor = '#5B9BD5';
        const cell = range.conditionalFormats.add('CellValue' as Excel.ConditionalFormatType);
        cell.cellValue.format.font.color = '#C00000';
        cell.cellValue.rule = { operator: 'LessThan', formula1: '=0.8' };
        await context.sync();
      },
    },
    {
      id: 'chart',
      set: 'ExcelApi',
      version: '1.7',
      async run(context, ws) {
        const chart = ws.charts.add('ColumnClustered' as Excel.ChartType, ws.getRange('C1:C2'), 'Columns' as Excel.ChartSeriesBy);
        chart.title.text = 'Hyōka';
        chart.series.getItemAt(0).setXAxisValues(ws.getRange('B1:B2'));
        const line = chart.series.add('100%');
        line.setValues(ws.getRange('C1:C2'));
        line.chartType = 'Line' as Excel.ChartType;
        line.format.line.color = '#C00000';
        chart.axes.valueAxis.numberFormat = '0%';
        chart.setPosition('H1', 'M10');
        await context.sync();
      },
    },
    {
      id: 'table',
      set: 'ExcelApi',
      version: '1.2',
      async run(context, ws) {
        ws.getRange('A5:B6').values = [
          ['列1', '列2'],
          ['a', 'b'],
        ];
        const table = ws.tables.add('A5:B6', true);
        table.name = `HyokaCheck_${token.replace(/[^0-9A-Za-z]/g, '').slice(0, 8)}`;
        const tables = ws.tables;
        tables.load('items/name');
        await context.sync();
        expectThat(tables.items.length === 1, 'the table was not created');
      },
    },
    {
      id: 'hyperlink',
      set: 'ExcelApi',
      version: '1.7',
      async run(context, ws) {
        const cell = ws.getRange('D1');
        cell.numberFormat = [['@']];
        cell.hyperlink = { documentReference: `'${ws.name.replace(/'/g, "''")}'!A1`, textToDisplay: '→ A1' };
        await context.sync();
      },
    },
    {
      id: 'sheet-properties',
      set: 'ExcelApi',
      version: '1.12',
      async run(context, ws) {
        ws.customProperties.add('hyoka.check', token);
        const back = ws.customProperties.getItemOrNullObject('hyoka.check');
        back.load('value');
        // The reader and the applier load a sheet's ownership mark as the whole collection.
        const all = ws.customProperties;
        all.load('items/key,items/value');
        await context.sync();
        expectThat(!back.isNullObject && back.value === token, 'the sheet property did not read back');
        expectThat(all.items.some((p) => p.key === 'hyoka.check' && p.value === token), 'the sheet properties did not list the probe');
      },
    },
    {
      id: 'workbook-properties',
      set: 'ExcelApi',
      version: '1.7',
      async run(context) {
        // The build lock lives here: a probe key, removed in the same batch.
        const custom = context.workbook.properties.custom;
        const key = `hyoka.check.${token.slice(0, 8)}`;
        custom.add(key, token);
        const back = custom.getItemOrNullObject(key);
        back.load('value');
        custom.getItem(key).delete();
        await context.sync();
        expectThat(!back.isNullObject && back.value === token, 'the workbook property did not read back');
      },
    },
    {
      id: 'names',
      set: 'ExcelApi',
      version: '1.4',
      async run(context, ws) {
        // The scratch sheet's own names: the user's defined names are not read here.
        const names = ws.names;
        names.load('items/name');
        await context.sync();
        expectThat(names.items.length === 0, 'the scratch sheet has defined names');
      },
    },
    {
      id: 'record',
      set: 'ExcelApi',
      version: '1.7',
      async run(context) {
        // The ownership record is a hidden workbook-scoped name (RECORD_NAME): a probe name, removed in the same batch.
        const key = `_Hyoka.check${token.replace(/[^0-9A-Za-z]/g, '').slice(0, 8)}`;
        const added = context.workbook.names.add(key, `="${token}"`);
        added.visible = false;
        const back = context.workbook.names.getItemOrNullObject(key);
        back.load('formula');
        back.delete();
        await context.sync();
        expectThat(!back.isNullObject && back.formula === `="${token}"`, 'the hidden name did not read back');
      },
    },
    {
      id: 'visibility',
      set: 'ExcelApi',
      version: '1.2',
      async run(context, ws) {
        ws.visibility = 'Hidden' as Excel.SheetVisibility;
        ws.visibility = 'Visible' as Excel.SheetVisibility;
        await context.sync();
      },
    },
    {
      id: 'activate',
      set: 'ExcelApi',
      version: '1.1',
      async run(context, ws) {
        const active = context.workbook.worksheets.getActiveWorksheet();
        active.load('id');
        await context.sync();
        ws.activate();
        ws.getRange('A1').select();
        context.workbook.worksheets.getItem(active.id).activate();
        await context.sync();
      },
    },
    {
      id: 'settings',
      set: 'Settings',
      version: '1.1',
      async run() {
        const store = deps.settings();
        if (!store) throw Object.assign(new Error('Office.context.document.settings is absent'), { code: 'NoSettings' });
        const key = 'hyoka.check';
        store.set(key, token);
        expectThat(store.get(key) === token, 'the setting did not read back');
        store.remove(key);
        // Saved as they were before: the probe key is gone again.
        await new Promise<void>((resolve, reject) =>
          store.saveAsync((r) => (r.status === Office.AsyncResultStatus.Succeeded ? resolve() : reject(r.error))),
        );
      },
    },
  ];
}

export async function runSelfCheck(deps: SelfCheckDeps = {}): Promise<SelfCheckResult> {
  const supports = deps.isSetSupported ?? officeIsSetSupported;
  const settings = deps.settings ?? (() => (typeof Office !== 'undefined' ? (Office.context?.document?.settings ?? null) : null));
  const d = (deps.diagnostics ?? (() => (typeof Office !== 'undefined' ? (Office.context?.diagnostics ?? null) : null)))();
  const text = (v: unknown) => (v === undefined || v === null ? null : String(v));
  const highest = [...EXCEL_API_VERSIONS].reverse().find((v) => supports('ExcelApi', v)) ?? null;
  const environment: SelfCheckEnvironment = { host: text(d?.host), platform: text(d?.platform), version: text(d?.version), excelApi: highest };
  const at = (deps.now ?? (() => new Date()))().toISOString();
  const token = newRunToken();
  const results: ProbeResult[] = [];
  const result = (id: ProbeId, set: string, version: string, outcome: ProbeOutcome) => results.push({ id, requirement: `${set} ${version}`, outcome });

  const list = probes({ settings }, token);
  const excelProbes = list.filter((p) => p.set === 'ExcelApi');
  await runBatch(
    async (context) => {
      // The scratch sheet: marked as Hyōka's where Excel can (1.12), so that a build removes it should this check die.
      const ws = context.workbook.worksheets.add(`~hyoka-check-${token.replace(/[^0-9A-Za-z]/g, '').slice(0, 6)}`);
      if (supports('ExcelApi', '1.12')) ws.customProperties.add(OWNER_PROPERTY, OWNER_VALUE);
      ws.load('name,id');
      try {
        await context.sync();
      } catch (e) {
        result('sheet', 'ExcelApi', '1.1', failure(e));
        return;
      }
      for (const p of excelProbes) {
        if (!supports(p.set, p.version)) {
          result(p.id, p.set, p.version, { status: 'unsupported' });
          continue;
        }
        try {
          await p.run(context, ws);
          result(p.id, p.set, p.version, { status: 'ok' });
        } catch (e) {
          result(p.id, p.set, p.version, failure(e));
        }
      }
      // Removed whatever happened above (made visible first: a VeryHidden sheet cannot be deleted).
      try {
        ws.visibility = 'Visible' as Excel.SheetVisibility;
        ws.delete();
        await context.sync();
        results.unshift({ id: 'sheet', requirement: 'ExcelApi 1.1', outcome: { status: 'ok' } });
      } catch (e) {
        results.unshift({ id: 'sheet', requirement: 'ExcelApi 1.1', outcome: failure(e) });
      }
    },
    { run: deps.run },
  ).catch((e: unknown) => result('sheet', 'ExcelApi', '1.1', failure(e)));

  // One undo step for a whole build (Excel.RunOptions.mergeUndoGroup): a grouped run on nothing.
  if (!supports('ExcelApi', '1.20')) result('undo-group', 'ExcelApi', '1.20', { status: 'unsupported' });
  else {
    await runBatch(async (context) => {
      context.workbook.worksheets.load('items/name');
      await context.sync();
    }, { run: deps.run, undoGroup: true }).then(
      () => result('undo-group', 'ExcelApi', '1.20', { status: 'ok' }),
      (e: unknown) => result('undo-group', 'ExcelApi', '1.20', failure(e)),
    );
  }
  for (const p of list.filter((x) => x.set !== 'ExcelApi')) {
    try {
      await p.run(undefined as unknown as Excel.RequestContext, undefined as unknown as Excel.Worksheet);
      result(p.id, p.set, p.version, { status: 'ok' });
    } catch (e) {
      result(p.id, p.set, p.version, failure(e));
    }
  }
  // The ribbon's notice is an Office dialog.
  result('dialog', 'DialogApi', '1.1', supports('DialogApi', '1.1') ? { status: 'ok' } : { status: 'unsupported' });
  return { at, environment, probes: results };
}
