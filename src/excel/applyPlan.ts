/**
 * Applies a SummaryPlan to the open workbook through Office.js.
 *
 * Round trips — `context.sync()` calls — are constant in the plan's size:
 *   1. load the sheet list (names, ids, visibility), the active sheet, the workbook's table and
 *      defined names, the ownership record (RECORD_NAME) and the build lock (runLock.ts):
 *      another build's fresh lock stops here;
 *   2. take the lock, and build every plan sheet under a temporary name
 *      ("~hyoka-tmp-<key>-<token>"), marked as Hyōka's (owner, key, run), with values, number
 *      formats, styles, conditional formats, hyperlinks, tables, charts, freeze panes and column
 *      widths — and, in the same batch, load the custom properties (the ownership mark), tables
 *      and defined names of every existing sheet;
 *   3. swap: rename the old Hyōka sheets aside, give the new sheets their final names,
 *      activate the first, delete the old sheets, name the tables, complete the new sheets'
 *      marks (their ids and names), write the record last, release the lock.
 * So 3 syncs, plus one per extra chunk when step 2's request would pass the payload budget
 * (Excel on the web refuses requests over 5 MB): cell writes are then split across the fewest
 * batches that fit (planChunks). An undo group makes no extra sync.
 *
 * In an undo group (`undoGroup`, Excel.RunOptions.mergeUndoGroup, ExcelApi 1.20) the build is one
 * Ctrl+Z. Excel cannot group a sheet rename or delete (UndoNotSupported; see
 * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities), so
 * that mode is for a workbook without a previous summary: the sheets are born with their final
 * names and step 3 only names the tables and activates the first sheet.
 *
 * Failure: a batch is not a transaction (commands before the failing one stay applied), so on
 * any failure in step 2 or 3 two more syncs read the sheet list and the record and undo: delete
 * the sheets this run created (found by their run-specific names, or in an undo group by their
 * build token), give the old ones back their names, put back the record the workbook had,
 * re-activate the user's sheet — the workbook is as it was (a third sync in an undo group when
 * a new sheet's origin must be read from its token). Only when step 3 failed after an old sheet
 * was already deleted is there no way back; then the same two syncs finish the swap instead
 * (the new summary is complete by then).
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
import type { PlanConditionalFormat, PlanHyperlink, PlanSheet, PlanStyle, PlanValue, SummaryPlan } from '../core/plan';
import { decideOwnership, formatRecord, parseRecord, quoteFormulaString, runIdOf, type KeptReason, type MarkedSheet } from '../core/ownership';
import { drawableChart, queueChart } from './charts';
import { ID_PROPERTY, KEY_PROPERTY, NAME_PROPERTY, OWNER_PROPERTY, OWNER_VALUE, RECORD_NAME, RUN_PROPERTY, TOKEN_PROPERTY, documentReference, markOf, nameKey, pickFreeName } from './names';
import { CALL_OVERHEAD_BYTES, PAYLOAD_BUDGET_BYTES, type PayloadItem, chunkBytes, estimateCallBytes, planChunks, utf8Length } from './payload';
import { BuildLockedError, newRunToken, type RunLock } from './runLock';

export interface ApplyOptions {
  onProgress?: (step: string) => void;
  /** Bytes one write batch may carry (default PAYLOAD_BUDGET_BYTES, 4 MiB); tests lower it. */
  budgetBytes?: number;
  /**
   * The run is one undo group (Excel.run with mergeUndoGroup): build under the final names,
   * rename and delete nothing. Only for a workbook without a previous summary.
   */
  undoGroup?: boolean;
  /** Runs the undo after a failure in a fresh Excel.run (an undo group cannot delete sheets). */
  recoveryRun?: (batch: (context: Excel.RequestContext) => Promise<void>) => Promise<void>;
  /** The build lock: checked in sync 1, taken and refreshed with each write, released at the end. */
  lock?: RunLock;
  /** The user cancelled: checked before each write batch, whose failure path undoes what was built. */
  cancelled?: () => boolean;
}

/** The build stopped because the user cancelled it (before the swap; what was built is undone). */
export class BuildCancelledError extends Error {
  constructor() {
    super('The build was cancelled.');
    this.name = 'RunCancelled';
  }
}

export interface ApplyResult {
  /** Plan sheet key → the name the sheet got. */
  sheetNames: Record<string, string>;
  /** Sheets that could not take their wanted name because a user's own sheet holds it. */
  renamed: { key: string; wanted: string; used: string }[];
  /** Sheets that carry Hyōka's mark but are the user's (copies, renamed sheets): kept as they are. */
  kept: { name: string; key: string; reason: KeptReason }[];
  /** Charts left out because none of their series has a number (Excel cannot draw them). */
  skippedCharts: { sheet: string; id: string; title: string }[];
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

/** An error's message, Office.js's or any (an Office.Error is a plain object). */
function messageOf(e: unknown): string {
  if (e instanceof Error) return e.message;
  const o = e as { message?: unknown; code?: unknown } | null;
  if (o && typeof o.message === 'string') return o.code !== undefined ? `${String(o.code)}: ${o.message}` : o.message;
  return String(e);
}

const HEADER_FILL = '#DDEBF7';
/** What every write batch carries besides its items: suspends, the lock, the request wrapper. */
const BATCH_OVERHEAD_BYTES = 4 * CALL_OVERHEAD_BYTES;
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
function buildWriteItems(
  plan: SummaryPlan,
  buildNames: string[],
  tmpTableNames: string[],
  /** A link's target sheet now, or null to write the link with the swap (the target is being renamed). */
  linkTarget: (l: PlanHyperlink) => string | null,
  /** The run id of the ownership mark and record (src/core/ownership.ts). */
  run: string,
  /** Written on each new sheet when the undo after a failure must tell this run's sheets apart (undo groups). */
  token: string | null,
): { items: WriteItem[]; skippedCharts: ApplyResult['skippedCharts'] } {
  const items: WriteItem[] = [];
  const skippedCharts: ApplyResult['skippedCharts'] = [];
  let tableIndex = 0;
  plan.sheets.forEach((sheet, si) => {
    items.push({
      overhead: estimateCallBytes(buildNames[si], sheet.key, sheet.tabColor, sheet.freeze, run, token) + (sheet.columnWidths.length + 6) * CALL_OVERHEAD_BYTES,
      queue(env) {
        const ws = env.context.workbook.worksheets.add(buildNames[si]);
        ws.load('id');
        env.sheets[si] = ws;
        // Marked at birth (without id and name yet): a temp sheet orphaned by a crash is recognised and removed next run.
        ws.customProperties.add(OWNER_PROPERTY, OWNER_VALUE);
        ws.customProperties.add(KEY_PROPERTY, sheet.key);
        ws.customProperties.add(RUN_PROPERTY, run);
        if (token) ws.customProperties.add(TOKEN_PROPERTY, token);
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
      const target = linkTarget(link);
      if (target === null) continue;
      items.push({
        overhead: estimateCallBytes(link, target) + 2 * CALL_OVERHEAD_BYTES,
        queue: (env) => queueHyperlink(env.sheets[si], link, target),
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
    for (const planned of sheet.charts) {
      const ch = drawableChart(sheet, planned);
      if (!ch) {
        skippedCharts.push({ sheet: sheet.name, id: planned.id, title: planned.title });
        continue;
      }
      items.push({ overhead: estimateCallBytes(ch) + (ch.series.length * 5 + 10) * CALL_OVERHEAD_BYTES, queue: (env) => queueChart(env.sheets[si], ch) });
    }
  });
  return { items, skippedCharts };
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
  const budget = opts.budgetBytes ?? PAYLOAD_BUDGET_BYTES;
  const group = opts.undoGroup === true;
  const lock = opts.lock;
  const token = lock?.token ?? newRunToken();

  // ── Sync 1: what is there.
  progress('reading the workbook');
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name,items/id,items/visibility');
  const activeSheet = worksheets.getActiveWorksheet();
  activeSheet.load('id');
  const workbookTables = context.workbook.tables;
  workbookTables.load('items/name');
  const workbookNames = context.workbook.names;
  workbookNames.load('items/name');
  const recordName = context.workbook.names.getItemOrNullObject(RECORD_NAME);
  recordName.load('formula');
  lock?.queueCheck(context);
  try {
    syncs++;
    await context.sync();
  } catch (e) {
    throw new ApplyPlanError(`The workbook could not be read (${messageOf(e)}); nothing was changed.`, e, true, syncs);
  }
  // Another build holds the workbook: stop before changing anything.
  lock?.assertFree();

  const existing = worksheets.items.map((ws) => ({ ws, id: ws.id, name: ws.name, visibility: ws.visibility }));
  const activeId = activeSheet.id;
  const taken = new Set(existing.map((e) => nameKey(e.name)));
  // The names the new sheets are born with: run-specific temporary names swapped in at the end
  // (so an undo never touches another run's sheets) — or, in an undo group, the final names.
  const suffix = token.replace(/[^0-9A-Za-z]/g, '').slice(0, 6);
  const buildNames = plan.sheets.map((s) => {
    const n = pickFreeName(group ? s.name : `~hyoka-tmp-${s.key}-${suffix}`, taken);
    taken.add(nameKey(n));
    return n;
  });
  // A table name must differ from every table and every defined name, of any scope.
  const tableNamesTaken = new Set([...workbookTables.items, ...workbookNames.items].map((t) => nameKey(t.name)));
  const tmpTableNames = plan.sheets.flatMap((s) => s.tables).map((_, i) => pickFreeTableName(`HyokaTmp_${i + 1}`, tableNamesTaken));
  const existingKeys = new Set(existing.map((e) => nameKey(e.name)));
  const planIndex = (sheet: string) => plan.sheets.findIndex((s) => nameKey(s.name) === nameKey(sheet));
  // A link to a plan sheet is written with the swap, when that sheet has its final name — at
  // once in an undo group, where it is born with it. A user's sheet of that name wins, as at the swap.
  // A link to another workbook never waits.
  const linkTarget = (l: PlanHyperlink): string | null => {
    if (l.target.file !== undefined) return l.target.sheet;
    const i = planIndex(l.target.sheet);
    if (i < 0) return l.target.sheet;
    if (!group) return null;
    return existingKeys.has(nameKey(l.target.sheet)) ? l.target.sheet : buildNames[i];
  };

  const run = runIdOf(JSON.stringify(plan));
  const record = recordName.isNullObject ? undefined : parseRecord(String(recordName.formula));
  const { items, skippedCharts } = buildWriteItems(plan, buildNames, tmpTableNames, linkTarget, run, group ? token : null);
  // Per existing sheet: its custom properties (the ownership mark), tables and defined names (three loads).
  const head: PayloadItem = { overhead: existing.length * 3 * CALL_OVERHEAD_BYTES };
  const all = [head, ...items];
  // Each batch also carries the suspends, the lock and the request's own wrapper.
  const chunks = planChunks(all, budget - BATCH_OVERHEAD_BYTES);
  const batchBytes = chunkBytes(all, chunks).map((b) => b + BATCH_OVERHEAD_BYTES);

  const env: BuildEnv = { context, sheets: [], tables: [] };
  let marks: { props: Excel.WorksheetCustomPropertyCollection; tables: Excel.TableCollection; names: Excel.NamedItemCollection }[] = [];
  let newIds: string[] = [];
  let owned: typeof existing = [];

  /** Ids of the sheets this run created in batches that succeeded (their `id` loads arrived). */
  const createdIds = (): Set<string> => {
    const ids = new Set<string>();
    for (const ws of env.sheets) {
      try {
        if (ws) ids.add(ws.id);
      } catch {
        // Not loaded: its batch failed.
      }
    }
    return ids;
  };

  /**
   * Two more syncs after a failure (three in an undo group when a new sheet's origin must be
   * read from its build token): undo and throw — or, when the swap already deleted an old sheet
   * (no way back), finish the swap and return normally.
   */
  const recover = async (stage: 'build' | 'swap', cause: unknown, finish: (context: Excel.RequestContext, record: Excel.NamedItem) => void): Promise<void> => {
    let rolledBack = false;
    let finished = false;
    // `context` here is the undo's own (a fresh Excel.run in an undo group).
    const undo = async (context: Excel.RequestContext): Promise<void> => {
      const now = context.workbook.worksheets;
      now.load('items/name,items/id');
      const active = now.getActiveWorksheet();
      active.load('id');
      const recordNow = context.workbook.names.getItemOrNullObject(RECORD_NAME);
      recordNow.load('formula');
      // The swap writes the record right after the last new sheet's stamp: without that stamp this
      // run never touched the record (another build may have written it meanwhile; keep theirs).
      const lastId = newIds[newIds.length - 1];
      const stamp = stage === 'swap' && lastId ? now.getItemOrNullObject(lastId).customProperties.getItemOrNullObject(NAME_PROPERTY) : null;
      stamp?.load('value');
      syncs++;
      await context.sync();
      const present = new Map(now.items.map((ws) => [ws.id, ws]));
      if (stage === 'swap' && owned.some((o) => !present.has(o.id))) {
        for (const o of owned) {
          const ws = present.get(o.id);
          if (!ws) continue;
          if (o.visibility === 'VeryHidden') ws.visibility = 'Hidden' as Excel.SheetVisibility;
          ws.delete();
        }
        finish(context, recordNow);
        lock?.queueRelease(context);
        syncs++;
        await context.sync();
        lock?.releasedWith();
        finished = true;
        return;
      }
      const mine = createdIds();
      const before = new Set(existing.map((e) => e.id));
      const built = new Set(buildNames.map(nameKey));
      // A sheet born after sync 1 under one of this run's names whose id did not come back.
      const unsure = now.items.filter((ws) => !mine.has(ws.id) && !before.has(ws.id) && built.has(nameKey(ws.name)));
      let doomed = now.items.filter((ws) => mine.has(ws.id));
      if (!group) doomed = doomed.concat(unsure);
      else if (unsure.length > 0) {
        // Final names are not this run's alone: its build token tells its sheets apart — or, for a
        // sheet whose batch failed before the mark, being empty (nothing can be lost).
        const probes = unsure.map((ws) => ({
          token: ws.customProperties.getItemOrNullObject(TOKEN_PROPERTY).load('value'),
          used: ws.getUsedRangeOrNullObject().load('address'),
        }));
        syncs++;
        await context.sync();
        doomed = doomed.concat(unsure.filter((_, i) => (probes[i].token.isNullObject ? probes[i].used.isNullObject : probes[i].token.value === token)));
      }
      for (const ws of doomed) ws.delete();
      // The record is written last; if this run wrote it, put back the one the workbook had.
      const recordText = recordNow.isNullObject ? null : String(recordNow.formula);
      const recordBefore = recordName.isNullObject ? null : String(recordName.formula);
      if (stamp && !stamp.isNullObject && recordText !== recordBefore) {
        if (recordText !== null) recordNow.delete();
        if (recordBefore !== null) context.workbook.names.add(RECORD_NAME, recordBefore).visible = false;
      }
      for (const o of owned) {
        const ws = present.get(o.id);
        if (ws && ws.name !== o.name) ws.name = o.name;
      }
      // The user's sheet again, if one of this run's sheets had become the active one.
      if (doomed.some((ws) => ws.id === active.id)) present.get(activeId)?.activate();
      lock?.queueRelease(context);
      syncs++;
      await context.sync();
      lock?.releasedWith();
      rolledBack = true;
    };
    try {
      await (opts.recoveryRun ? opts.recoveryRun(undo) : undo(context));
    } catch {
      rolledBack = false;
    }
    if (finished) return;
    const why = messageOf(cause);
    throw new ApplyPlanError(
      rolledBack
        ? `The summary could not be written (${why}); the workbook was left as it was.`
        : `The summary could not be written (${why}), and undoing it failed too: look for sheets named "~hyoka-…".`,
      cause,
      rolledBack,
      syncs,
    );
  };

  // ── Sync 2 (+ one per extra chunk): build under the build names.
  try {
    for (let k = 0; k < chunks.length; k++) {
      if (opts.cancelled?.()) throw new BuildCancelledError();
      progress(chunks.length === 1 ? 'building the summary sheets' : `building the summary sheets (${k + 1}/${chunks.length})`);
      context.application.suspendApiCalculationUntilNextSync();
      if (k === 0) context.application.suspendScreenUpdatingUntilNextSync();
      // Taken with the first write, refreshed with each later one (a long build never looks stale).
      lock?.queueTake(context);
      for (const piece of chunks[k]) {
        if (piece.item === 0) {
          marks = existing.map((e) => {
            const props = e.ws.customProperties;
            props.load('items/key,items/value');
            const tables = e.ws.tables;
            tables.load('items/name');
            const names = e.ws.names;
            names.load('items/name');
            return { props, tables, names };
          });
        } else items[piece.item - 1].queue(env, piece.rowStart, piece.rowEnd);
      }
      await sync();
    }
    // Read once every sheet exists; until the swap the build names identify them anyway.
    newIds = env.sheets.map((ws) => ws.id);
  } catch (e) {
    await recover('build', e, () => undefined);
  }

  // ── Decide names, now that ownership is known.
  const marked: MarkedSheet[] = existing.map((e, index) => ({ index, name: e.name, id: e.id, mark: markOf(marks[index].props.items) }));
  const decision = decideOwnership(record, marked);
  if (group && decision.owned.length > 0) {
    // A summary appeared since the read (another build): an undo group cannot replace it.
    await recover('build', new BuildLockedError(new Date(), 'unknown'), () => undefined);
  }
  // Orphaned temporary sheets go with the old summary — except in an undo group, which cannot
  // delete a sheet: they stay for the next build that replaces a summary.
  const replace = new Set([...decision.owned.map((o) => o.index), ...(group ? [] : decision.orphans)]);
  owned = existing.filter((_, i) => replace.has(i));
  const kept = decision.kept.map((k) => ({ name: k.name, key: k.key, reason: k.reason }));
  const ownedIds = new Set(owned.map((o) => o.id));
  const userSheets = existing.filter((e) => !ownedIds.has(e.id));
  const finalTaken = new Set([...userSheets.map((e) => nameKey(e.name)), ...buildNames.map(nameKey)]);
  const sheetNames: Record<string, string> = {};
  const renamed: ApplyResult['renamed'] = [];
  const finalNames = plan.sheets.map((s, i) => {
    const used = group ? buildNames[i] : pickFreeName(s.name, finalTaken);
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
  // Defined names of every sheet count too; table and defined names on the old Hyōka sheets are
  // free once those sheets are gone.
  const tablesTaken = new Set(tableNamesTaken);
  existing.forEach((e, i) => {
    const gone = ownedIds.has(e.id);
    for (const n of marks[i].names.items) if (!gone) tablesTaken.add(nameKey(n.name));
    if (gone) for (const t of marks[i].tables.items) tablesTaken.delete(nameKey(t.name));
  });
  const finalTableNames = env.tables.map((t) => pickFreeTableName(t.wanted, tablesTaken));
  const userSheetKeys = new Set(userSheets.map((e) => nameKey(e.name)));
  const resolveTarget = (sheet: string) => {
    if (userSheetKeys.has(nameKey(sheet))) return sheet;
    const i = planIndex(sheet);
    return i >= 0 ? finalNames[i] : sheet;
  };
  const nameTables = () => env.tables.forEach((t, i) => (t.table.name = finalTableNames[i]));
  // Last in the swap: the marks get the sheets' ids and names, and the record names this run.
  const stampAndRecord = (ctx: Excel.RequestContext, previous: Excel.NamedItem) => {
    env.sheets.forEach((ws, i) => {
      ws.customProperties.add(ID_PROPERTY, newIds[i]);
      ws.customProperties.add(NAME_PROPERTY, finalNames[i]);
    });
    if (!previous.isNullObject) previous.delete();
    const added = ctx.workbook.names.add(RECORD_NAME, `=${quoteFormulaString(formatRecord({ run, keys: plan.sheets.map((p) => p.key) }))}`);
    added.visible = false;
  };

  // ── Sync 3: swap. Old sheets are deleted last: until then everything can be undone.
  progress('replacing the previous summary');
  context.application.suspendApiCalculationUntilNextSync();
  owned.forEach((o, j) => (o.ws.name = asideNames[j]));
  if (!group) env.sheets.forEach((ws, i) => (ws.name = finalNames[i]));
  plan.sheets.forEach((s, si) => {
    for (const link of s.hyperlinks) if (linkTarget(link) === null) queueHyperlink(env.sheets[si], link, resolveTarget(link.target.sheet));
  });
  env.sheets[0]?.activate();
  for (const o of owned) {
    // A VeryHidden sheet cannot be deleted (Excel.Worksheet.delete reference): hidden first.
    if (o.visibility === 'VeryHidden') o.ws.visibility = 'Hidden' as Excel.SheetVisibility;
    o.ws.delete();
  }
  nameTables();
  stampAndRecord(context, recordName);
  lock?.queueRelease(context);
  try {
    await sync();
    lock?.releasedWith();
  } catch (e) {
    await recover('swap', e, (ctx, now) => {
      nameTables();
      stampAndRecord(ctx, now);
    });
  }
  progress('done');
  return { sheetNames, renamed, kept, skippedCharts, syncs, chunks: chunks.length, batchBytes };
}
