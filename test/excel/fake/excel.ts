/**
 * The fake Excel application: the workbook as plain data, counters, and Excel.run. What it
 * models of real Excel (each documented where it is enforced):
 *  - every call is queued and runs only at context.sync(), in order; reading a property that
 *    was not loaded *and* synced throws, and so does touching any member the fake lacks;
 *  - requests and responses are measured as the JSON Office.js sends and receives (object paths,
 *    property names and all) and refused over 5 MB, like Excel on the web;
 *  - cell-edit mode (a run without delayForCellEdit fails), undo records and mergeUndoGroup;
 *  - a failure can be injected at the N-th operation or N-th sync: the operations before it
 *    stay applied (a batch is not a transaction), the rest of the batch is dropped.
 */
import { boxAddress, cellKey, parseBox } from './address';
import { FakeOfficeError } from './base';
import { FakeContext } from './context';
import { emptySheet, fillSheet, type FakeName, type FakeSheet, type FakeWorkbookState, type SheetInit } from './state';

/** Excel on the web's limit for one request and for one response. */
export const FAKE_PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

export interface RunOptions {
  delayForCellEdit?: boolean;
  mergeUndoGroup?: boolean;
}

export interface FakeExcelOptions {
  /** Workbook-scoped defined names. */
  names?: string[];
  /** Requirement sets this Excel supports: name → highest version ("ExcelApi" → "1.13"). */
  sets?: Record<string, string>;
}

/** A name the user defined (a reference the fake does not evaluate). */
function userName(name: string, sheetId: string | null): FakeName {
  return { name, sheetId, formula: '=0', visible: true };
}

function versionAtLeast(have: string, want: string): boolean {
  const a = have.split('.').map(Number);
  const b = want.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  }
  return true;
}

export class FakeExcel {
  state: FakeWorkbookState = { sheets: [], tables: [], names: [], docProps: {}, activeId: '' };
  syncs = 0;
  /** Operations executed so far (0-based index of the next one). */
  opsExecuted = 0;
  failAtOp: number | null = null;
  failAtSync: number | null = null;
  requestLimitBytes = FAKE_PAYLOAD_LIMIT_BYTES;
  responseLimitBytes = FAKE_PAYLOAD_LIMIT_BYTES;
  /** Per sync: the request's JSON bytes, and the response's (0 when Excel refused the batch). */
  requestBytes: number[] = [];
  responseBytes: number[] = [];
  /** Responses Excel refused for their size, in bytes. */
  refusedResponses: number[] = [];
  opsPerSync: number[] = [];
  /** The user is typing in a cell (until a delayed batch lets the edit finish). */
  cellEditMode = false;
  /** Batches that waited for cell-edit mode to end. */
  delayedSyncs = 0;
  /** Entries Ctrl+Z would step through. */
  undoRecords = 0;
  /** The options of every Excel.run, in order. */
  runs: RunOptions[] = [];
  /** What the user selected on the active sheet (A1 areas), for Workbook.getSelectedRanges. */
  selection: string[] = ['A1'];
  sets: Record<string, string>;
  /** The context tests use directly (like an Excel.run without options). */
  readonly context: Excel.RequestContext;
  private ids = 0;
  private wireIds = 0;

  constructor(sheets: SheetInit[] = [{ name: 'Sheet1' }], options: FakeExcelOptions = {}) {
    this.sets = { ExcelApi: '1.13', ...(options.sets ?? {}) };
    for (const s of sheets) this.addSheetState(s);
    for (const name of options.names ?? []) this.state.names.push(userName(name, null));
    this.state.activeId = this.state.sheets[0]?.id ?? '';
    this.context = this.newContext();
  }

  /** A deep copy of the workbook, for before/after comparisons. */
  snapshot(): FakeWorkbookState {
    return JSON.parse(JSON.stringify(this.state));
  }

  newId(prefix: string): string {
    return `${prefix}${++this.ids}`;
  }

  nextWireId(): number {
    return ++this.wireIds;
  }

  newContext(options: RunOptions = {}): Excel.RequestContext {
    return new FakeContext(this, options) as unknown as Excel.RequestContext;
  }

  /** Excel.run(batch) or Excel.run(options, batch), over this workbook. */
  run = <T>(a: RunOptions | ((context: Excel.RequestContext) => Promise<T>), b?: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const options = typeof a === 'function' ? {} : a;
    const batch = typeof a === 'function' ? a : b;
    if (!batch) throw new FakeOfficeError('InvalidArgument', 'Excel.run without a batch function');
    this.runs.push(options);
    return batch(this.newContext(options));
  };

  /** A stand-in for the global `Excel` (for code that calls Excel.run itself). */
  get excel(): { run: FakeExcel['run'] } {
    return { run: this.run };
  }

  /** Event handlers registered with the host, by event name ("onChanged"). */
  listeners: Record<string, ((args: unknown) => Promise<unknown>)[]> = {};

  listen(event: string, handler: (args: unknown) => Promise<unknown>): void {
    (this.listeners[event] ??= []).push(handler);
  }

  /** The user types a value into a cell: the workbook changes and WorksheetCollection.onChanged fires. */
  async userEdit(sheetName: string, address: string, value: string | number): Promise<void> {
    const sheet = this.state.sheets.find((s) => s.name === sheetName);
    if (!sheet) throw new Error(`no sheet ${sheetName}`);
    const box = parseBox(address);
    const key = cellKey(box.r0, box.c0);
    sheet.cells[key] = { ...(sheet.cells[key] ?? {}), v: value, t: typeof value === 'number' ? 'Double' : 'String' };
    for (const h of this.listeners.onChanged ?? []) await h({ type: 'WorksheetChanged', worksheetId: sheet.id, address });
  }

  supports(name: string, version = '1.1'): boolean {
    const have = this.sets[name];
    return have !== undefined && versionAtLeast(have, version);
  }

  /** A stand-in for Office.context.requirements. */
  get requirements(): { isSetSupported(name: string, version?: string): boolean } {
    return { isSetSupported: (name, version) => this.supports(name, version) };
  }

  addSheetState(init: SheetInit): FakeSheet {
    const sheet = emptySheet(this.newId('ws'), init.name);
    sheet.visibility = init.visibility ?? 'Visible';
    sheet.merges = (init.merges ?? []).map((m) => boxAddress(parseBox(m)));
    sheet.props = { ...(init.props ?? {}) };
    fillSheet(sheet, init);
    this.state.sheets.push(sheet);
    for (const t of init.tables ?? []) this.state.tables.push({ id: this.newId('tb'), name: t.name, sheetId: sheet.id, range: t.range });
    for (const name of init.names ?? []) this.state.names.push(userName(name, sheet.id));
    return sheet;
  }

  /**
   * The user's "Move or Copy… → Create a copy": a new sheet (new id) right after the original,
   * with its cells and — as Excel does — its custom properties (so any mark on it) and its
   * sheet-scoped names. Not an API call.
   */
  copySheetAsUser(name: string, newName: string): void {
    const i = this.state.sheets.findIndex((s) => s.name === name);
    if (i < 0) throw new Error(`no sheet ${name}`);
    const original = this.state.sheets[i];
    const copy: FakeSheet = { ...JSON.parse(JSON.stringify(original)), id: this.newId('ws'), name: newName };
    this.state.sheets.splice(i + 1, 0, copy);
    for (const n of this.state.names.filter((x) => x.sheetId === original.id)) this.state.names.push({ ...n, sheetId: copy.id });
  }

  sheetById(id: string | undefined): FakeSheet {
    const s = this.state.sheets.find((x) => x.id === id);
    if (!s) throw new FakeOfficeError('ItemNotFound', `worksheet ${id} does not exist`);
    return s;
  }

  validateSheetName(name: string, self?: FakeSheet): void {
    if (typeof name !== 'string' || name.length === 0 || Array.from(name).length > 31 || /[:\\/?*[\]]/.test(name) || /^'|'$/.test(name) || /^history$/i.test(name)) {
      throw new FakeOfficeError('InvalidArgument', `invalid sheet name "${name}"`);
    }
    if (this.state.sheets.some((s) => s !== self && s.name.toUpperCase() === name.toUpperCase())) {
      throw new FakeOfficeError('InvalidArgument', `a sheet named "${name}" already exists`);
    }
  }

  /** Table and defined names share one namespace, whatever a defined name's scope. */
  nameTaken(name: string, exceptTableId?: string): boolean {
    const key = name.toUpperCase();
    return this.state.tables.some((t) => t.id !== exceptTableId && t.name.toUpperCase() === key) || this.state.names.some((n) => n.name.toUpperCase() === key);
  }
}
