/**
 * Applies a SummaryPlan to the open workbook through Office.js.
 *
 * Round trips — `context.sync()` calls — are constant in the plan's size:
 *   1. load the sheet list (names, ids), the active sheet and the workbook's table names;
 *   2. build every plan sheet under a temporary name ("~hyoka-tmp-<key>"), marked as Hyōka's,
 *      with values, number formats, styles, conditional formats, hyperlinks, tables, charts,
 *      freeze panes and column widths — and, in the same batch, load the ownership mark of
 *      every existing sheet;
 *   3. swap: rename the old Hyōka sheets aside, give the new sheets their final names,
 *      activate the first, delete the old sheets, name the tables.
 * So 3 syncs, plus one per extra chunk when step 2's request would pass REQUEST_BUDGET_BYTES
 * (Excel on the web refuses requests over 5 MB): cell writes are then split across the fewest
 * batches that fit (planChunks).
 *
 * Failure: a batch is not a transaction (commands before the failing one stay applied), so on
 * any failure in step 2 or 3 two more syncs read the sheet list and undo: delete the new
 * sheets, give the old ones back their names, re-activate the user's sheet — the workbook is
 * as it was. Only when step 3 failed after an old sheet was already deleted is there no way
 * back; then the same two syncs finish the swap instead (the new summary is complete by then).
 *
 * A user's own sheet is never touched: a plan sheet whose name it holds gets a free variant
 * ("評価サマリー (2)"), reported in `renamed`. Ownership follows src/core/ownership.ts: a sheet
 * is Hyōka's only when its mark (custom properties: key, run, its own worksheet id, its name)
 * agrees with the sheet and with the workbook's record (a hidden workbook-scoped name). A copy
 * — Excel copies custom properties with the sheet — has another id, so it stays the user's
 * and is reported in `kept`.
 */
import { parseRange, rangeA1, toA1 } from '../core/a1';
import { isLinkedWorkbook } from '../core/plan';
import type {
  PlanChart,
  PlanConditionalFormat,
  PlanHyperlink,
  PlanSheet,
  PlanStyle,
  PlanValue,
  SummaryPlan,
} from '../core/plan';
import { decideOwnership, formatRecord, parseRecord, quoteFormulaString, runIdOf, type KeptReason, type MarkedSheet } from '../core/ownership';
import { ID_PROPERTY, KEY_PROPERTY, NAME_PROPERTY, OWNER_PROPERTY, OWNER_VALUE, RECORD_NAME, RUN_PROPERTY, documentReference, nameKey, pickFreeName } from './names';
import { CALL_OVERHEAD_BYTES, REQUEST_BUDGET_BYTES, type PayloadItem, estimateCallBytes, planChunks, utf8Length } from './payload';

export interface ApplyOptions {
  onProgress?: (step: string) => void;
  /** Bytes one write batch may carry (default REQUEST_BUDGET_BYTES ≈ 4.5 MB); tests lower it. */
  budgetBytes?: number;
}

export interface ApplyResult {
  /** Plan sheet key → the name the sheet got. */
  sheetNames: Record<string, string>;
  /** Sheets that could not take their wanted name because a user's own sheet holds it. */
  renamed: { key: string; wanted: string; used: string }[];
  /** Sheets that carry Hyōka's mark but are the user's (copies, renamed sheets): kept as they are. */
  kept: { name: string; key: string; reason: KeptReason }[];
  /** `context.sync()` calls made: 3 + (chunks − 1). */
  syncs: number;
  /** Write batches step 2 was split into (1 unless the plan passes the budget). */
  chunks: number;
  /** Estimated request bytes of each write batch. */
  batchBytes: number[];
}

/** Raised when the plan could not be applied; says whether the workbook was restored. */
export class ApplyPlanError extends Error {
  constructor(
    message: string,
    readonly cause: unknown,
    /** True when the workbook was put back exactly as it was. */
    readonly rolledBack: boolean,
    readonly syncs: number,
  ) {
    super(message);
    this.name = 'ApplyPlanError';
  }
}

const HEADER_FILL = '#DDEBF7';
const ICON_SETS: Record<string, Excel.IconSet> = {
  '3Symbols': 'ThreeSymbols' as Excel.IconSet,
  '3TrafficLights1': 'ThreeTrafficLights1' as Excel.IconSet,
  '3Arrows': 'ThreeArrows' as Excel.IconSet,
  '4Rating': 'FourRating' as Excel.IconSet,
  '3Flags': 'ThreeFlags' as Excel.IconSet,
};
const OPERATORS = {
  lessThan: 'LessThan',
  greaterThanOrEqual: 'GreaterThanOrEqual',
  greaterThan: 'GreaterThan',
  lessThanOrEqual: 'LessThanOrEqual',
} as const;
const CHART_TYPES = { column: 'ColumnClustered', bar: 'BarClustered', line: 'Line' } as const;

/** Column width in characters → points (Calibri 11: 7 px a digit plus 5 px padding, 0.75 pt a px). */
export function charsToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/**
 * The number format each cell of a block gets: "@" (text) for every string, so Excel never
 * turns "=1+1", "+81", "-5", "@x", "1,566" or "R4.1" into a formula, number or date;
 * otherwise the plan's format for that cell, or General.
 */
export function blockNumberFormats(values: PlanValue[][], width: number, formatAt: (row: number, col: number) => string | undefined, r0: number, c0: number): string[][] {
  return values.map((row, r) =>
    Array.from({ length: width }, (_, c) => (typeof row[c] === 'string' ? '@' : formatAt(r0 + r, c0 + c) ?? 'General')),
  );
}

function cellValue(v: PlanValue | undefined): string | number | boolean {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' && !Number.isFinite(v)) return '';
  return v;
}

function cap<T extends string>(s: string): T {
  return (s.charAt(0).toUpperCase() + s.slice(1)) as T;
}

/** Shared between the batches of one run: the proxies of the sheets and tables being built. */
interface BuildEnv {
  context: Excel.RequestContext;
  sheets: Excel.Worksheet[];
  tables: { table: Excel.Table; sheet: number; wanted: string }[];
}

/** A unit of step 2: queued as a whole, or by rows for cell writes (see planChunks). */
interface WriteItem extends PayloadItem {
  queue(env: BuildEnv, rowStart: number, rowEnd: number): void;
}

function queueStyle(range: Excel.Range, st: PlanStyle, rows: number, cols: number): void {
  const f = range.format;
  if (st.bold !== undefined) f.font.bold = st.bold;
  if (st.italic !== undefined) f.font.italic = st.italic;
  if (st.fontColor) f.font.color = st.fontColor;
  if (st.fontSize) f.font.size = st.fontSize;
  if (st.fill) f.fill.color = st.fill;
  if (st.wrap !== undefined) f.wrapText = st.wrap;
  if (st.hAlign) f.horizontalAlignment = cap<Excel.HorizontalAlignment>(st.hAlign);
  if (st.vAlign) f.verticalAlignment = cap<Excel.VerticalAlignment>(st.vAlign);
  if (st.border) {
    const edges = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'];
    if (cols > 1) edges.push('InsideVertical');
    if (rows > 1) edges.push('InsideHorizontal');
    for (const e of edges) f.borders.getItem(e as Excel.BorderIndex).style = 'Continuous' as Excel.BorderLineStyle;
  }
}

function dims(range: string): { rows: number; cols: number } {
  const { start, end } = parseRange(range);
  return { rows: end.row - start.row + 1, cols: end.col - start.col + 1 };
}

function queueConditionalFormat(ws: Excel.Worksheet, cf: PlanConditionalFormat): void {
  const range = ws.getRange(cf.range);
  switch (cf.type) {
    case 'iconSet': {
      const f = range.conditionalFormats.add('IconSet' as Excel.ConditionalFormatType);
      f.iconSet.style = ICON_SETS[cf.iconSet];
      // criteria[0] (the lowest icon) stays empty: every cell below the next bound gets it.
      f.iconSet.criteria = [
        {} as Excel.ConditionalIconCriterion,
        ...cf.thresholds.map((t) => ({ type: 'Number', operator: 'GreaterThanOrEqual', formula: `=${t}` }) as Excel.ConditionalIconCriterion),
      ];
      return;
    }
    case 'dataBar': {
      const f = range.conditionalFormats.add('DataBar' as Excel.ConditionalFormatType);
      f.dataBar.positiveFormat.fillColor = cf.color;
      if (cf.min !== undefined) f.dataBar.lowerBoundRule = { type: 'Number', formula: `=${cf.min}` };
      if (cf.max !== undefined) f.dataBar.upperBoundRule = { type: 'Number', formula: `=${cf.max}` };
      return;
    }
    case 'textEquals':
    case 'cellValue': {
      const f = range.conditionalFormats.add('CellValue' as Excel.ConditionalFormatType);
      if (cf.style.fontColor) f.cellValue.format.font.color = cf.style.fontColor;
      if (cf.style.bold !== undefined) f.cellValue.format.font.bold = cf.style.bold;
      if (cf.style.fill) f.cellValue.format.fill.color = cf.style.fill;
      // A whole-text match is "cell value = "text"" (ContainsText would also match substrings).
      f.cellValue.rule =
        cf.type === 'textEquals'
          ? { operator: 'EqualTo', formula1: `="${cf.text.replace(/"/g, '""')}"` }
          : { operator: OPERATORS[cf.operator], formula1: `=${cf.value}` };
      return;
    }
  }
}

function queueHyperlink(ws: Excel.Worksheet, link: PlanHyperlink, targetSheet: string): void {
  if (link.target.file !== undefined && !isLinkedWorkbook(link.target.file)) return;
  const cell = ws.getRange(link.cell);
  // The display text lands in the cell: keep it text whatever it starts with.
  cell.numberFormat = [['@']];
  const reference = documentReference(targetSheet, link.target.address.replace(/\$/g, ''));
  cell.hyperlink = {
    // Another workbook: RangeHyperlink has no sub-address, so the cell follows the file after "#", as
    // Excel's own link dialog and HYPERLINK("Book.xlsx#Sheet!A1") write it (learn.microsoft.com: Excel.RangeHyperlink).
    ...(link.target.file === undefined ? { documentReference: reference } : { address: `${link.target.file}#${reference}` }),
    textToDisplay: link.text,
    ...(link.tooltip ? { screenTip: link.tooltip } : {}),
  };
}

function seriesBy(address: string): Excel.ChartSeriesBy {
  const { rows, cols } = dims(address);
  return (rows === 1 && cols > 1 ? 'Rows' : 'Columns') as Excel.ChartSeriesBy;
}

function queueChart(ws: Excel.Worksheet, ch: PlanChart): void {
  if (ch.series.length === 0) return;
  const [first, ...rest] = ch.series;
  const chart = ws.charts.add(CHART_TYPES[ch.kind] as Excel.ChartType, ws.getRange(first.values), seriesBy(first.values));
  chart.name = ch.id;
  chart.title.text = ch.title;
  const categories = ws.getRange(ch.categories);
  const style = (s: Excel.ChartSeries, p: (typeof ch.series)[number]) => {
    s.name = p.name;
    s.setXAxisValues(categories);
    if (p.asLine) s.chartType = 'Line' as Excel.ChartType;
    if (p.color) {
      if (p.asLine || ch.kind === 'line') s.format.line.color = p.color;
      else s.format.fill.setSolidColor(p.color);
    }
  };
  style(chart.series.getItemAt(0), first);
  for (const p of rest) {
    const s = chart.series.add(p.name);
    s.setValues(ws.getRange(p.values));
    style(s, p);
  }
  const axis = ch.valueAxis;
  if (axis) {
    const v = chart.axes.valueAxis;
    if (axis.title) v.title.text = axis.title;
    if (axis.percent) v.numberFormat = '0%';
    if (axis.min !== undefined) v.minimum = axis.min;
    if (axis.max !== undefined) v.maximum = axis.max;
  }
  const a = ch.anchor;
  chart.setPosition(toA1(a.fromRow, a.fromCol), toA1(Math.max(a.fromRow, a.toRow - 1), Math.max(a.fromCol, a.toCol - 1)));
}

/** The plan's number format of each cell of a sheet (the last format naming it wins). */
function numberFormatLookup(sheet: PlanSheet): (row: number, col: number) => string | undefined {
  const map = new Map<number, string>();
  for (const f of sheet.formats) {
    if (!f.numberFormat) continue;
    const { start, end } = parseRange(f.range);
    for (let r = start.row; r <= end.row; r++) for (let c = start.col; c <= end.col; c++) map.set(r * 16384 + c, f.numberFormat);
  }
  return (row, col) => map.get(row * 16384 + col);
}

/**
 * Step 2 as an ordered list of items. Order matters and planChunks keeps it: the sheet and its
 * mark first, styles, then cells (number format before value), then what reads the cells —
 * conditional formats, hyperlinks, tables, charts.
 */
function buildWriteItems(plan: SummaryPlan, tmpNames: string[], tmpTableNames: string[], deferLink: (l: PlanHyperlink) => boolean, run: string): WriteItem[] {
  const items: WriteItem[] = [];
  let tableIndex = 0;
  plan.sheets.forEach((sheet, si) => {
    items.push({
      overhead: estimateCallBytes(tmpNames[si], sheet.key, sheet.tabColor, sheet.freeze) + (sheet.columnWidths.length + 4) * CALL_OVERHEAD_BYTES,
      queue(env) {
        const ws = env.context.workbook.worksheets.add(tmpNames[si]);
        ws.load('id');
        env.sheets[si] = ws;
        // Marked at birth (without id and name yet): a temp sheet orphaned by a crash is recognised and removed next run.
        ws.customProperties.add(OWNER_PROPERTY, OWNER_VALUE);
        ws.customProperties.add(KEY_PROPERTY, sheet.key);
        ws.customProperties.add(RUN_PROPERTY, run);
        if (sheet.tabColor) ws.tabColor = sheet.tabColor;
        sheet.columnWidths.forEach((w, c) => {
          const col = toA1(0, c).replace(/\d+$/, '');
          ws.getRange(`${col}:${col}`).format.columnWidth = charsToPoints(w);
        });
        const fr = sheet.freeze;
        if (fr && fr.rows > 0 && fr.columns > 0) ws.freezePanes.freezeAt(ws.getRange(rangeA1(0, 0, fr.rows - 1, fr.columns - 1)));
        else if (fr && fr.rows > 0) ws.freezePanes.freezeRows(fr.rows);
        else if (fr && fr.columns > 0) ws.freezePanes.freezeColumns(fr.columns);
      },
    });

    const width = Math.max(
      sheet.columnWidths.length,
      ...sheet.blocks.map((b) => parseRange(b.address).start.col + Math.max(0, ...b.values.map((r) => r.length))),
    );
    if (sheet.headerRows.length > 0 && width > 0) {
      items.push({
        overhead: sheet.headerRows.length * 3 * CALL_OVERHEAD_BYTES,
        queue(env) {
          for (const r of sheet.headerRows) {
            const fmt = env.sheets[si].getRange(rangeA1(r, 0, r, width - 1)).format;
            fmt.font.bold = true;
            fmt.fill.color = HEADER_FILL;
          }
        },
      });
    }
    for (const f of sheet.formats) {
      if (!f.style) continue;
      const style = f.style;
      items.push({
        overhead: estimateCallBytes(f.range, style) + 8 * CALL_OVERHEAD_BYTES,
        queue(env) {
          const d = dims(f.range);
          queueStyle(env.sheets[si].getRange(f.range), style, d.rows, d.cols);
        },
      });
    }

    const formatAt = numberFormatLookup(sheet);
    for (const block of sheet.blocks) {
      if (block.values.length === 0) continue;
      const { start } = parseRange(block.address);
      const w = Math.max(1, ...block.values.map((r) => r.length));
      const values = block.values.map((row) => Array.from({ length: w }, (_, c) => cellValue(row[c])));
      const formats = blockNumberFormats(block.values, w, formatAt, start.row, start.col);
      items.push({
        overhead: 2 * CALL_OVERHEAD_BYTES + 2 * utf8Length(block.address) + 8,
        rowBytes: values.map((row, r) => utf8Length(JSON.stringify(row)) + utf8Length(JSON.stringify(formats[r])) + 2),
        queue(env, r0, r1) {
          const range = env.sheets[si].getRange(rangeA1(start.row + r0, start.col, start.row + r1 - 1, start.col + w - 1));
          range.numberFormat = formats.slice(r0, r1);
          range.values = values.slice(r0, r1);
        },
      });
    }

    // Wrapped text: rows grow to show it (after the values, in the same request).
    const height = Math.max(0, ...sheet.blocks.map((b) => parseRange(b.address).start.row + b.values.length));
    if (height > 0 && width > 0 && sheet.formats.some((f) => f.style?.wrap)) {
      items.push({
        overhead: 2 * CALL_OVERHEAD_BYTES,
        queue: (env) => env.sheets[si].getRange(rangeA1(0, 0, height - 1, width - 1)).format.autofitRows(),
      });
    }

    for (const cf of sheet.conditionalFormats) {
      items.push({ overhead: estimateCallBytes(cf) + 5 * CALL_OVERHEAD_BYTES, queue: (env) => queueConditionalFormat(env.sheets[si], cf) });
    }
    for (const link of sheet.hyperlinks) {
      if (deferLink(link)) continue;
      items.push({
        overhead: estimateCallBytes(link) + 2 * CALL_OVERHEAD_BYTES,
        queue: (env) => queueHyperlink(env.sheets[si], link, link.target.sheet),
      });
    }
    for (const t of sheet.tables) {
      const tmp = tmpTableNames[tableIndex++];
      items.push({
        overhead: estimateCallBytes(t, tmp) + CALL_OVERHEAD_BYTES,
        queue(env) {
          const table = env.sheets[si].tables.add(t.range, true);
          table.name = tmp;
          env.tables.push({ table, sheet: si, wanted: t.name });
        },
      });
    }
    for (const ch of sheet.charts) {
      items.push({ overhead: estimateCallBytes(ch) + (ch.series.length * 5 + 10) * CALL_OVERHEAD_BYTES, queue: (env) => queueChart(env.sheets[si], ch) });
    }
  });
  return items;
}

/** Excel table names: a letter or underscore first, then letters, digits, underscores, dots. */
function sanitizeTableName(name: string): string {
  let s = name.replace(/[^\p{L}\p{N}_.]/gu, '_');
  if (!/^[\p{L}_]/u.test(s)) s = `_${s}`;
  // "A1" or "R1C1" would read as a cell reference.
  if (/^([A-Za-z]{1,3}\d+|[Rr]\d*[Cc]\d*)$/.test(s)) s = `_${s}`;
  return s.slice(0, 255);
}

function pickFreeTableName(wanted: string, taken: Set<string>): string {
  const base = sanitizeTableName(wanted);
  let name = base;
  for (let n = 2; taken.has(nameKey(name)); n++) name = `${base}_${n}`;
  taken.add(nameKey(name));
  return name;
}

export async function applyPlanInExcel(context: Excel.RequestContext, plan: SummaryPlan, opts: ApplyOptions = {}): Promise<ApplyResult> {
  let syncs = 0;
  const sync = async () => {
    syncs++;
    await context.sync();
  };
  const progress = opts.onProgress ?? (() => undefined);
  const budget = opts.budgetBytes ?? REQUEST_BUDGET_BYTES;

  // ── Sync 1: what is there.
  progress('reading the workbook');
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name,items/id');
  const activeSheet = worksheets.getActiveWorksheet();
  activeSheet.load('id');
  const workbookTables = context.workbook.tables;
  workbookTables.load('items/name');
  const recordName = context.workbook.names.getItemOrNullObject(RECORD_NAME);
  recordName.load('formula');
  syncs++;
  await context.sync().catch((e: unknown) => {
    throw new ApplyPlanError(`The workbook could not be read (${e instanceof Error ? e.message : String(e)}); nothing was changed.`, e, true, syncs);
  });

  const existing = worksheets.items.map((ws) => ({ ws, id: ws.id, name: ws.name }));
  const activeId = activeSheet.id;
  const taken = new Set(existing.map((e) => nameKey(e.name)));
  const tmpNames = plan.sheets.map((s) => {
    const n = pickFreeName(`~hyoka-tmp-${s.key}`, taken);
    taken.add(nameKey(n));
    return n;
  });
  const tableNamesTaken = new Set(workbookTables.items.map((t) => nameKey(t.name)));
  const tmpTableNames = plan.sheets.flatMap((s) => s.tables).map((_, i) => pickFreeTableName(`HyokaTmp_${i + 1}`, tableNamesTaken));
  const planNameKeys = new Set(plan.sheets.map((s) => nameKey(s.name)));
  // A link to one of the plan's own sheets waits for their final names; a link to another workbook never does.
  const deferLink = (l: PlanHyperlink) => l.target.file === undefined && planNameKeys.has(nameKey(l.target.sheet));

  const run = runIdOf(JSON.stringify(plan));
  const record = recordName.isNullObject ? undefined : parseRecord(String(recordName.formula));
  const items = buildWriteItems(plan, tmpNames, tmpTableNames, deferLink, run);
  const head: PayloadItem = { overhead: existing.length * 4 * CALL_OVERHEAD_BYTES + 2 * CALL_OVERHEAD_BYTES };
  const chunks = planChunks([head, ...items], budget);
  const batchBytes = chunks.map((chunk) =>
    chunk.reduce((sum, p) => {
      const it: PayloadItem = p.item === 0 ? head : items[p.item - 1];
      const rows = (it.rowBytes ?? []).slice(p.rowStart, p.rowEnd).reduce((a, b) => a + b, 0);
      return sum + it.overhead + rows;
    }, 0),
  );

  const env: BuildEnv = { context, sheets: [], tables: [] };
  let marks: { props: Excel.WorksheetCustomPropertyCollection; tables: Excel.TableCollection }[] = [];
  let newIds: string[] | null = null;
  let owned: typeof existing = [];

  /**
   * Two more syncs after a failure: undo and throw — or, when the swap already deleted an old
   * sheet (no way back), finish the swap and return normally.
   */
  const recover = async (stage: 'build' | 'swap', cause: unknown, finish: (record: Excel.NamedItem) => void): Promise<void> => {
    let rolledBack = false;
    try {
      const now = context.workbook.worksheets;
      now.load('items/name,items/id');
      const recordNow = context.workbook.names.getItemOrNullObject(RECORD_NAME);
      recordNow.load('formula');
      syncs++;
      await context.sync();
      const recordText = recordNow.isNullObject ? null : String(recordNow.formula);
      const present = new Map(now.items.map((ws) => [ws.id, ws]));
      if (stage === 'swap' && owned.some((o) => !present.has(o.id))) {
        for (const o of owned) present.get(o.id)?.delete();
        finish(recordNow);
        await sync();
        return;
      }
      // The record is written last; if it was, put back the one the workbook had.
      const before = recordName.isNullObject ? null : String(recordName.formula);
      if (recordText !== before) {
        if (recordText !== null) recordNow.delete();
        if (before !== null) context.workbook.names.add(RECORD_NAME, before).visible = false;
      }
      const tmpKeys = new Set(tmpNames.map(nameKey));
      const fresh = new Set(newIds ?? []);
      for (const ws of now.items) if (fresh.has(ws.id) || tmpKeys.has(nameKey(ws.name))) ws.delete();
      for (const o of owned) {
        const ws = present.get(o.id);
        if (ws && ws.name !== o.name) ws.name = o.name;
      }
      present.get(activeId)?.activate();
      await sync();
      rolledBack = true;
    } catch {
      rolledBack = false;
    }
    const why = cause instanceof Error ? cause.message : String(cause);
    throw new ApplyPlanError(
      rolledBack
        ? `The summary could not be written (${why}); the workbook was left as it was.`
        : `The summary could not be written (${why}), and undoing it failed too: look for sheets named "~hyoka-…".`,
      cause,
      rolledBack,
      syncs,
    );
  };

  // ── Sync 2 (+ one per extra chunk): build under temporary names.
  try {
    for (let k = 0; k < chunks.length; k++) {
      progress(chunks.length === 1 ? 'building the summary sheets' : `building the summary sheets (${k + 1}/${chunks.length})`);
      context.application.suspendApiCalculationUntilNextSync();
      if (k === 0) context.application.suspendScreenUpdatingUntilNextSync();
      for (const piece of chunks[k]) {
        if (piece.item === 0) {
          marks = existing.map((e) => {
            const props = e.ws.customProperties;
            props.load('items/key,items/value');
            const tables = e.ws.tables;
            tables.load('items/name');
            return { props, tables };
          });
        } else items[piece.item - 1].queue(env, piece.rowStart, piece.rowEnd);
      }
      await sync();
    }
    // Read once every sheet exists; until the swap the temporary names identify them anyway.
    newIds = env.sheets.map((ws) => ws.id);
  } catch (e) {
    await recover('build', e, () => undefined);
  }

  // ── Decide names, now that ownership is known.
  const marked: MarkedSheet[] = existing.map((e, index) => {
    // Custom property keys are case-insensitive in Excel.
    const props = new Map(marks[index].props.items.map((p) => [p.key.toLowerCase(), String(p.value)]));
    const [owner, key, runMark, id, name] = [OWNER_PROPERTY, KEY_PROPERTY, RUN_PROPERTY, ID_PROPERTY, NAME_PROPERTY].map((k) => props.get(k) ?? '');
    return owner === OWNER_VALUE ? { index, name: e.name, id: e.id, mark: { key, run: runMark, id, name } } : { index, name: e.name, id: e.id };
  });
  const decision = decideOwnership(record, marked);
  const replace = new Set([...decision.owned.map((o) => o.index), ...decision.orphans]);
  owned = existing.filter((_, i) => replace.has(i));
  const kept = decision.kept.map((k) => ({ name: k.name, key: k.key, reason: k.reason }));
  const ownedIds = new Set(owned.map((o) => o.id));
  const userSheets = existing.filter((e) => !ownedIds.has(e.id));
  const finalTaken = new Set([...userSheets.map((e) => nameKey(e.name)), ...tmpNames.map(nameKey)]);
  const sheetNames: Record<string, string> = {};
  const renamed: ApplyResult['renamed'] = [];
  const finalNames = plan.sheets.map((s) => {
    const used = pickFreeName(s.name, finalTaken);
    finalTaken.add(nameKey(used));
    sheetNames[s.key] = used;
    if (used !== s.name) renamed.push({ key: s.key, wanted: s.name, used });
    return used;
  });
  const asideTaken = new Set([...finalTaken, ...existing.map((e) => nameKey(e.name))]);
  const asideNames = owned.map((_, j) => {
    const n = pickFreeName(`~hyoka-old-${j + 1}`, asideTaken);
    asideTaken.add(nameKey(n));
    return n;
  });
  // Table names held by tables on the old Hyōka sheets are free once those sheets are gone.
  const tablesTaken = new Set(tableNamesTaken);
  existing.forEach((e, i) => {
    if (ownedIds.has(e.id)) for (const t of marks[i].tables.items) tablesTaken.delete(nameKey(t.name));
  });
  const finalTableNames = env.tables.map((t) => pickFreeTableName(t.wanted, tablesTaken));
  const userSheetKeys = new Set(userSheets.map((e) => nameKey(e.name)));
  const resolveTarget = (sheet: string) => {
    if (userSheetKeys.has(nameKey(sheet))) return sheet;
    const i = plan.sheets.findIndex((s) => nameKey(s.name) === nameKey(sheet));
    return i >= 0 ? finalNames[i] : sheet;
  };
  const nameTables = () => env.tables.forEach((t, i) => (t.table.name = finalTableNames[i]));
  // Last in the swap: the marks get the sheets' ids and names, and the record names this run.
  const stampAndRecord = (previous: Excel.NamedItem) => {
    env.sheets.forEach((ws, i) => {
      ws.customProperties.add(ID_PROPERTY, newIds![i]);
      ws.customProperties.add(NAME_PROPERTY, finalNames[i]);
    });
    if (!previous.isNullObject) previous.delete();
    const added = context.workbook.names.add(RECORD_NAME, `=${quoteFormulaString(formatRecord({ run, keys: plan.sheets.map((p) => p.key) }))}`);
    added.visible = false;
  };

  // ── Sync 3: swap. Old sheets are deleted last: until then everything can be undone.
  progress('replacing the previous summary');
  context.application.suspendApiCalculationUntilNextSync();
  owned.forEach((o, j) => (o.ws.name = asideNames[j]));
  env.sheets.forEach((ws, i) => (ws.name = finalNames[i]));
  plan.sheets.forEach((s, si) => {
    for (const link of s.hyperlinks) if (deferLink(link)) queueHyperlink(env.sheets[si], link, resolveTarget(link.target.sheet));
  });
  env.sheets[0]?.activate();
  for (const o of owned) o.ws.delete();
  nameTables();
  stampAndRecord(recordName);
  try {
    await sync();
  } catch (e) {
    await recover('swap', e, (now) => {
      nameTables();
      stampAndRecord(now);
    });
  }
  progress('done');
  return { sheetNames, renamed, kept, syncs, chunks: chunks.length, batchBytes };
}
