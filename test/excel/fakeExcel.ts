/**
 * A strict fake of the part of the Excel object model Hyōka uses — a witness for the
 * properties office-addin-mock cannot check:
 *  - every call is queued and runs only at context.sync(), in order, like Office.js;
 *  - reading a property that was not loaded *and* synced throws (office-addin-mock returns a
 *    string instead), and so does touching any member this fake does not implement;
 *  - syncs, operations, request bytes and response bytes are counted; a request over 5 MB is
 *    refused like Excel on the web;
 *  - a failure can be injected at the N-th operation or N-th sync: the operations before it
 *    stay applied (a batch is not a transaction), the rest of the batch is dropped;
 *  - the workbook is plain data (`state`), so tests compare it whole.
 */

export type FakeCellType = 'String' | 'Double' | 'Boolean' | 'Error';
export interface FakeCell {
  v?: string | number | boolean;
  t?: FakeCellType;
  /** Formula text when the cell holds a formula. */
  f?: string;
  nf?: string;
  link?: { documentReference?: string; address?: string; textToDisplay?: string; screenTip?: string };
}
export interface FakeChart {
  name: string;
  type: string;
  source: string;
  seriesBy: string;
  title: string | null;
  series: { name: string | null; values: string; xValues: string | null; chartType: string | null; fill: string | null; line: string | null }[];
  position: [string, string] | null;
  valueAxis: Record<string, unknown>;
}
export interface FakeConditionalFormat {
  range: string;
  type: string;
  props: Record<string, unknown>;
}
export interface FakeSheet {
  id: string;
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  /** Key "row,col" (0-based). */
  cells: Record<string, FakeCell>;
  merges: string[];
  props: Record<string, string>;
  charts: FakeChart[];
  conditionalFormats: FakeConditionalFormat[];
  /** Range formats in the order written: [range, property path, value]. */
  formats: [string, string, unknown][];
  columnWidths: Record<string, number>;
  freeze: { rows: number; columns: number } | null;
  tabColor: string | null;
}
export interface FakeTable {
  id: string;
  name: string;
  sheetId: string;
  range: string;
}
/** A workbook-scoped defined name. */
export interface FakeName {
  name: string;
  formula: string;
  visible: boolean;
}
export interface FakeWorkbookState {
  sheets: FakeSheet[];
  tables: FakeTable[];
  names: FakeName[];
  activeId: string;
}

export type CellInit = string | number | boolean | null | { error: string } | { formula: string; value: string | number | boolean } | { text: string };
export interface SheetInit {
  name: string;
  visibility?: FakeSheet['visibility'];
  origin?: string;
  values?: CellInit[][];
  numberFormats?: Record<string, string>;
  merges?: string[];
  props?: Record<string, string>;
  tables?: { name: string; range: string }[];
}

export class FakeOfficeError extends Error {
  constructor(readonly code: string, message: string) {
    super(`${code}: ${message}`);
  }
}

const MAX_ROW = 1048575;
const MAX_COL = 16383;

function colIdx(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n - 1;
}
function colLetters(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
export interface Box {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}
/** "B3", "B3:D5", "B:B", "3:3", optionally with $ and a sheet prefix. */
export function parseBox(address: string): Box {
  const a = address.slice(address.lastIndexOf('!') + 1).replace(/\$/g, '').toUpperCase();
  const parts = a.split(':');
  if (parts.length > 2) throw new FakeOfficeError('InvalidArgument', `bad address ${address}`);
  const one = (p: string) => {
    let m = /^([A-Z]{1,3})(\d+)$/.exec(p);
    if (m) return { r: Number(m[2]) - 1, c: colIdx(m[1]), kind: 'cell' };
    m = /^([A-Z]{1,3})$/.exec(p);
    if (m) return { r: -1, c: colIdx(m[1]), kind: 'col' };
    m = /^(\d+)$/.exec(p);
    if (m) return { r: Number(m[1]) - 1, c: -1, kind: 'row' };
    throw new FakeOfficeError('InvalidArgument', `bad address ${address}`);
  };
  const s = one(parts[0]);
  const e = one(parts[1] ?? parts[0]);
  if (s.kind !== e.kind || (s.kind !== 'cell' && parts.length === 1)) throw new FakeOfficeError('InvalidArgument', `bad address ${address}`);
  const box =
    s.kind === 'col'
      ? { r0: 0, c0: s.c, r1: MAX_ROW, c1: e.c }
      : s.kind === 'row'
        ? { r0: s.r, c0: 0, r1: e.r, c1: MAX_COL }
        : { r0: s.r, c0: s.c, r1: e.r, c1: e.c };
  if (box.r0 > box.r1 || box.c0 > box.c1 || box.r0 < 0 || box.c0 < 0) throw new FakeOfficeError('InvalidArgument', `bad address ${address}`);
  return box;
}
export function boxAddress(b: Box): string {
  const s = `${colLetters(b.c0)}${b.r0 + 1}`;
  return b.r0 === b.r1 && b.c0 === b.c1 ? s : `${s}:${colLetters(b.c1)}${b.r1 + 1}`;
}
function qualified(sheet: string, b: Box): string {
  const q = /^[A-Za-z_\u3000-\u9fff][\w.\u3000-\u9fff]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${q}!${boxAddress(b)}`;
}
function intersects(a: Box, b: Box): boolean {
  return a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
}
function utf8(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}
function key(r: number, c: number): string {
  return `${r},${c}`;
}

/** Strings Excel would not keep as text in a General cell. */
function coerce(s: string): { v: string | number | boolean; t: FakeCellType; f?: string } {
  if (/^[=+\-@]/.test(s)) return { v: 0, t: 'Double', f: s };
  const num = s.replace(/,/g, '');
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(s) || /^\d+(\.\d+)?(e[+-]?\d+)?$/i.test(num)) return { v: Number(num), t: 'Double' };
  if (/^\d+(\.\d+)?%$/.test(s)) return { v: Number(s.slice(0, -1)) / 100, t: 'Double' };
  if (/^(true|false)$/i.test(s)) return { v: /^true$/i.test(s), t: 'Boolean' };
  if (/^\d{1,4}[/-]\d{1,2}([/-]\d{1,4})?$/.test(s)) return { v: 45000, t: 'Double' };
  return { v: s, t: 'String' };
}

const PASS_THROUGH = new Set(['then', 'toJSON', 'asymmetricMatch', '$$typeof', 'nodeType', 'tagName', 'constructor', 'inspect']);
/** Any member this fake does not implement throws, on read or write. */
function strict<T extends object>(o: T): T {
  return new Proxy(o, {
    get(target, p, receiver) {
      if (typeof p === 'string' && !(p in target) && !PASS_THROUGH.has(p) && !p.startsWith('@@')) {
        throw new FakeOfficeError('NotImplemented', `${target.constructor.name}.${p} is not implemented by the fake`);
      }
      return Reflect.get(target, p, receiver);
    },
    set(target, p, value, receiver) {
      if (typeof p === 'string' && !(p in target)) throw new FakeOfficeError('NotImplemented', `${target.constructor.name}.${p} cannot be set on the fake`);
      if (!Reflect.set(target, p, value, receiver)) throw new FakeOfficeError('NotImplemented', `${target.constructor.name}.${String(p)} is read-only`);
      return true;
    },
  });
}

interface Op {
  name: string;
  args: unknown;
  write: boolean;
  run: () => void;
}

export class FakeExcel {
  state: FakeWorkbookState = { sheets: [], tables: [], names: [], activeId: '' };
  syncs = 0;
  /** Operations executed so far (0-based index of the next one). */
  opsExecuted = 0;
  failAtOp: number | null = null;
  failAtSync: number | null = null;
  requestLimitBytes = 5 * 1024 * 1024;
  requestBytes: number[] = [];
  responseBytes: number[] = [];
  opsPerSync: number[] = [];
  /** Every write executed, in order. */
  writes: { sync: number; op: string; args: unknown }[] = [];
  /** What the user selected on the active sheet (A1 areas), for Workbook.getSelectedRanges. */
  selection: string[] = ['A1'];
  readonly context: Excel.RequestContext;
  private queue: Op[] = [];
  private commits: (() => void)[] = [];
  private response = 0;
  private ids = 0;

  constructor(sheets: SheetInit[] = [{ name: 'Sheet1' }]) {
    for (const s of sheets) this.addSheetState(s);
    this.state.activeId = this.state.sheets[0]?.id ?? '';
    this.context = strict(new FakeContext(this)) as unknown as Excel.RequestContext;
  }

  /** A deep copy of the workbook, for before/after comparisons. */
  snapshot(): FakeWorkbookState {
    return JSON.parse(JSON.stringify(this.state));
  }

  newId(prefix: string): string {
    return `${prefix}${++this.ids}`;
  }

  /**
   * The user's "Move or Copy… → Create a copy": a new sheet (new id) right after the original,
   * with its cells and — as Excel does — its custom properties, so any mark on it. Not an API call.
   */
  copySheetAsUser(name: string, newName: string): void {
    const i = this.state.sheets.findIndex((s) => s.name === name);
    if (i < 0) throw new Error(`no sheet ${name}`);
    const copy: FakeSheet = { ...JSON.parse(JSON.stringify(this.state.sheets[i])), id: this.newId('ws'), name: newName };
    this.state.sheets.splice(i + 1, 0, copy);
  }

  private addSheetState(init: SheetInit): void {
    const sheet: FakeSheet = {
      id: this.newId('ws'),
      name: init.name,
      visibility: init.visibility ?? 'Visible',
      cells: {},
      merges: init.merges ?? [],
      props: { ...(init.props ?? {}) },
      charts: [],
      conditionalFormats: [],
      formats: [],
      columnWidths: {},
      freeze: null,
      tabColor: null,
    };
    if (init.values) {
      const o = parseBox(init.origin ?? 'A1');
      init.values.forEach((row, r) =>
        row.forEach((v, c) => {
          if (v === null) return;
          const cell: FakeCell = {};
          if (typeof v === 'object' && 'error' in v) Object.assign(cell, { v: v.error, t: 'Error' });
          else if (typeof v === 'object' && 'formula' in v) Object.assign(cell, { v: v.value, t: typeof v.value === 'number' ? 'Double' : typeof v.value === 'boolean' ? 'Boolean' : 'String', f: v.formula });
          else if (typeof v === 'object') Object.assign(cell, { v: v.text, t: 'String', nf: '@' });
          else Object.assign(cell, { v, t: typeof v === 'number' ? 'Double' : typeof v === 'boolean' ? 'Boolean' : 'String' });
          sheet.cells[key(o.r0 + r, o.c0 + c)] = cell;
        }),
      );
    }
    for (const [a, nf] of Object.entries(init.numberFormats ?? {})) {
      const b = parseBox(a);
      const k = key(b.r0, b.c0);
      sheet.cells[k] = { ...(sheet.cells[k] ?? {}), nf };
    }
    this.state.sheets.push(sheet);
    for (const t of init.tables ?? []) this.state.tables.push({ id: this.newId('tb'), name: t.name, sheetId: sheet.id, range: t.range });
  }

  enqueue(name: string, args: unknown, run: () => void, write = true): void {
    this.queue.push({ name, args, write, run });
  }

  /** Registers what a load makes readable once the sync in progress succeeds. */
  deliver(data: unknown, commit: () => void): void {
    this.response += utf8(JSON.stringify(data ?? null));
    this.commits.push(commit);
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

  async sync(): Promise<void> {
    const n = ++this.syncs;
    const batch = this.queue;
    this.queue = [];
    this.commits = [];
    this.response = 0;
    const bytes = batch.reduce((sum, op) => sum + 40 + utf8(JSON.stringify({ n: op.name, a: op.args ?? null })), 0);
    this.requestBytes.push(bytes);
    this.opsPerSync.push(batch.length);
    if (bytes > this.requestLimitBytes) throw new FakeOfficeError('RequestPayloadSizeLimitExceeded', `request of ${bytes} bytes`);
    if (this.failAtSync === n) throw new FakeOfficeError('InjectedFailure', `sync ${n}`);
    for (const op of batch) {
      if (this.opsExecuted++ === this.failAtOp) throw new FakeOfficeError('InjectedFailure', `operation ${this.failAtOp} (${op.name})`);
      op.run();
      if (op.write) this.writes.push({ sync: n, op: op.name, args: op.args });
    }
    this.responseBytes.push(this.response);
    for (const c of this.commits) c();
  }
}

/** Load specs: "a,b", ["a","b"], "items/name,items/id". */
function propList(spec: string | string[] | undefined): string[] {
  if (spec === undefined) throw new FakeOfficeError('NotImplemented', 'load() without property names: name what you read');
  return (Array.isArray(spec) ? spec : spec.split(',')).map((s) => s.trim()).filter(Boolean);
}

abstract class Loadable {
  protected loaded = new Map<string, unknown>();
  constructor(protected fx: FakeExcel) {}
  protected read<T>(prop: string): T {
    if (!this.loaded.has(prop)) {
      throw new FakeOfficeError('PropertyNotLoaded', `${this.constructor.name}.${prop} was read before load('${prop}') and context.sync()`);
    }
    return this.loaded.get(prop) as T;
  }
  get isNullObject(): boolean {
    return this.read<boolean>('isNullObject');
  }
  /** What the response carried for this object (sizes the response). */
  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
  /** The property values a load reads now (null when the object is a null object). */
  protected abstract capture(props: string[]): Record<string, unknown> | null;
  load(spec?: string | string[]): this {
    const props = propList(spec);
    this.fx.enqueue(`${this.constructor.name}.load`, props, () => {
      const data = this.capture(props);
      this.fx.deliver(data, () => {
        this.loaded.set('isNullObject', data === null);
        if (data) for (const [k, v] of Object.entries(data)) this.loaded.set(k, v);
      });
    }, false);
    return this;
  }
}

class FakeContext {
  readonly workbook: FakeWorkbook;
  readonly application: FakeApplication;
  constructor(private fx: FakeExcel) {
    this.workbook = strict(new FakeWorkbook(fx));
    this.application = strict(new FakeApplication(fx));
  }
  sync(): Promise<void> {
    return this.fx.sync();
  }
}

class FakeApplication {
  constructor(private fx: FakeExcel) {}
  suspendApiCalculationUntilNextSync(): void {
    this.fx.enqueue('application.suspendApiCalculationUntilNextSync', null, () => undefined, false);
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.fx.enqueue('application.suspendScreenUpdatingUntilNextSync', null, () => undefined, false);
  }
}

class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly tables: FakeTableCollection;
  readonly names: FakeNamedItemCollection;
  constructor(private fx: FakeExcel) {
    this.worksheets = strict(new FakeWorksheetCollection(fx));
    this.tables = strict(new FakeTableCollection(fx, null));
    this.names = strict(new FakeNamedItemCollection(fx));
  }
  /** The selection (ExcelApi 1.9): every area, on the active sheet. */
  getSelectedRanges(): FakeSelectedRanges {
    return strict(new FakeSelectedRanges(this.fx));
  }
}

class FakeSelectedRanges extends Loadable {
  protected capture(props: string[]): Record<string, unknown> {
    const s = this.fx.sheetById(this.fx.state.activeId);
    return Object.fromEntries(props.map((p) => {
      if (p !== 'address') throw new FakeOfficeError('NotImplemented', `RangeAreas.load(${p})`);
      return [p, this.fx.selection.map((a) => qualified(s.name, parseBox(a))).join(', ')];
    }));
  }
  get address(): string {
    return this.read('address');
  }
}

/** Workbook-scoped names (ExcelApi 1.4): add a formula name, find one, hide it, delete it. */
class FakeNamedItemCollection {
  constructor(private fx: FakeExcel) {}
  add(name: string, reference: string): FakeNamedItem {
    this.fx.enqueue('names.add', [name, reference], () => {
      if (typeof reference !== 'string' || !reference.startsWith('=')) throw new FakeOfficeError('InvalidArgument', 'the fake takes formula references only');
      // Excel limits a text constant in a formula to 255 characters.
      if ((reference.match(/"(?:[^"]|"")*"/g) ?? []).some((q) => q.length - 2 > 255)) throw new FakeOfficeError('InvalidArgument', 'text constant over 255 characters');
      if (this.fx.state.names.some((n) => n.name.toUpperCase() === name.toUpperCase())) throw new FakeOfficeError('InvalidArgument', `the name ${name} exists`);
      this.fx.state.names.push({ name, formula: reference, visible: true });
    });
    return strict(new FakeNamedItem(this.fx, name));
  }
  getItemOrNullObject(name: string): FakeNamedItem {
    return strict(new FakeNamedItem(this.fx, name));
  }
}

class FakeNamedItem extends Loadable {
  constructor(fx: FakeExcel, private readonly name: string) {
    super(fx);
  }
  private find(): FakeName | undefined {
    return this.fx.state.names.find((n) => n.name.toUpperCase() === this.name.toUpperCase());
  }
  protected capture(props: string[]): Record<string, unknown> | null {
    const n = this.find();
    if (!n) return null;
    return Object.fromEntries(props.map((p) => {
      if (p === 'formula' || p === 'visible' || p === 'name') return [p, n[p]];
      throw new FakeOfficeError('NotImplemented', `NamedItem.load(${p})`);
    }));
  }
  get formula(): string {
    return this.read('formula');
  }
  set visible(v: boolean) {
    this.fx.enqueue('namedItem.visible', v, () => {
      const n = this.find();
      if (!n) throw new FakeOfficeError('ItemNotFound', `no name ${this.name}`);
      n.visible = v;
    });
  }
  delete(): void {
    this.fx.enqueue('namedItem.delete', this.name, () => {
      const i = this.fx.state.names.findIndex((n) => n.name.toUpperCase() === this.name.toUpperCase());
      if (i < 0) throw new FakeOfficeError('ItemNotFound', `no name ${this.name}`);
      this.fx.state.names.splice(i, 1);
    });
  }
}

/** Binds a proxy to a sheet id when its first operation runs (like Office.js object paths). */
type SheetRef = { id?: string; find?: () => FakeSheet | null };

class FakeWorksheetCollection extends Loadable {
  get items(): FakeWorksheet[] {
    return this.read('items');
  }
  protected capture(props: string[]): Record<string, unknown> {
    const itemProps = props.map((p) => {
      if (!p.startsWith('items/')) throw new FakeOfficeError('NotImplemented', `WorksheetCollection.load(${p})`);
      return p.slice(6);
    });
    const items = this.fx.state.sheets.map((s) => {
      const ws = new FakeWorksheet(this.fx, { id: s.id });
      ws.preload(Object.fromEntries(itemProps.map((p) => [p, ws.propOf(p, s)])));
      return strict(ws);
    });
    return { items };
  }
  add(name: string): FakeWorksheet {
    const ref: SheetRef = {};
    this.fx.enqueue('worksheets.add', name, () => {
      this.fx.validateSheetName(name);
      const id = this.fx.newId('ws');
      this.fx.state.sheets.push({
        id, name, visibility: 'Visible', cells: {}, merges: [], props: {}, charts: [], conditionalFormats: [], formats: [], columnWidths: {}, freeze: null, tabColor: null,
      });
      ref.id = id;
    });
    return strict(new FakeWorksheet(this.fx, ref));
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    return strict(new FakeWorksheet(this.fx, { find: () => this.fx.state.sheets.find((s) => s.name.toUpperCase() === name.toUpperCase()) ?? null }));
  }
  getActiveWorksheet(): FakeWorksheet {
    return strict(new FakeWorksheet(this.fx, { find: () => this.fx.sheetById(this.fx.state.activeId) }));
  }
}

class FakeWorksheet extends Loadable {
  readonly customProperties: FakeCustomPropertyCollection;
  readonly charts: FakeChartCollection;
  readonly tables: FakeTableCollection;
  readonly freezePanes: FakeFreezePanes;
  constructor(fx: FakeExcel, private ref: SheetRef) {
    super(fx);
    this.customProperties = strict(new FakeCustomPropertyCollection(fx, () => this.sheet()));
    this.charts = strict(new FakeChartCollection(fx, () => this.sheet()));
    this.tables = strict(new FakeTableCollection(fx, () => this.sheet()));
    this.freezePanes = strict(new FakeFreezePanes(fx, () => this.sheet()));
  }
  preload(values: Record<string, unknown>): void {
    this.loaded.set('isNullObject', false);
    for (const [k, v] of Object.entries(values)) this.loaded.set(k, v);
  }
  /** The sheet, or null for a null object; binds the proxy on first use. */
  resolve(): FakeSheet | null {
    if (this.ref.id === undefined && this.ref.find) {
      const s = this.ref.find();
      if (!s) return null;
      this.ref.id = s.id;
    }
    return this.fx.state.sheets.find((s) => s.id === this.ref.id) ?? null;
  }
  sheet(): FakeSheet {
    const s = this.resolve();
    if (!s) throw new FakeOfficeError('ItemNotFound', 'the worksheet does not exist (null object or deleted)');
    return s;
  }
  propOf(prop: string, s: FakeSheet): unknown {
    switch (prop) {
      case 'name':
        return s.name;
      case 'id':
        return s.id;
      case 'visibility':
        return s.visibility;
      default:
        throw new FakeOfficeError('NotImplemented', `Worksheet.load(${prop})`);
    }
  }
  protected capture(props: string[]): Record<string, unknown> | null {
    const s = this.resolve();
    return s ? Object.fromEntries(props.map((p) => [p, this.propOf(p, s)])) : null;
  }
  get name(): string {
    return this.read('name');
  }
  set name(value: string) {
    this.fx.enqueue('worksheet.name', value, () => {
      const s = this.sheet();
      this.fx.validateSheetName(value, s);
      s.name = value;
    });
  }
  get id(): string {
    return this.read('id');
  }
  get visibility(): string {
    return this.read('visibility');
  }
  set tabColor(value: string) {
    this.fx.enqueue('worksheet.tabColor', value, () => (this.sheet().tabColor = value));
  }
  getRange(address?: string): FakeRange {
    const box = address === undefined ? { r0: 0, c0: 0, r1: MAX_ROW, c1: MAX_COL } : parseBox(address);
    return strict(new FakeRange(this.fx, () => this.sheet(), () => box));
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    let bound: Box | null | undefined;
    return strict(
      new FakeRange(this.fx, () => this.sheet(), () => {
        if (bound === undefined) {
          const s = this.sheet();
          const keys = Object.entries(s.cells).filter(([, c]) => c.v !== undefined || (!valuesOnly && c.nf !== undefined));
          if (keys.length === 0) bound = null;
          else {
            const rc = keys.map(([k]) => k.split(',').map(Number));
            bound = {
              r0: Math.min(...rc.map((x) => x[0])),
              c0: Math.min(...rc.map((x) => x[1])),
              r1: Math.max(...rc.map((x) => x[0])),
              c1: Math.max(...rc.map((x) => x[1])),
            };
          }
        }
        return bound;
      }),
    );
  }
  delete(): void {
    this.fx.enqueue('worksheet.delete', null, () => {
      const s = this.sheet();
      const st = this.fx.state;
      if (!st.sheets.some((x) => x !== s && x.visibility === 'Visible')) throw new FakeOfficeError('InvalidOperation', 'cannot delete the last visible sheet');
      const i = st.sheets.indexOf(s);
      st.sheets.splice(i, 1);
      st.tables = st.tables.filter((t) => t.sheetId !== s.id);
      if (st.activeId === s.id) st.activeId = (st.sheets.slice(i).concat(st.sheets.slice(0, i).reverse()).find((x) => x.visibility === 'Visible') as FakeSheet).id;
    });
  }
  activate(): void {
    this.fx.enqueue('worksheet.activate', null, () => {
      const s = this.sheet();
      if (s.visibility !== 'Visible') throw new FakeOfficeError('InvalidOperation', 'cannot activate a hidden sheet');
      this.fx.state.activeId = s.id;
    });
  }
}

class FakeCustomPropertyCollection extends Loadable {
  constructor(fx: FakeExcel, private sheet: () => FakeSheet) {
    super(fx);
  }
  protected capture(props: string[]): Record<string, unknown> {
    for (const p of props) if (p !== 'items/key' && p !== 'items/value') throw new FakeOfficeError('NotImplemented', `WorksheetCustomPropertyCollection.load(${p})`);
    return { items: Object.entries(this.sheet().props).map(([key, value]) => ({ key, value })) };
  }
  get items(): { key: string; value: string }[] {
    return this.read('items');
  }
  add(keyName: string, value: string): void {
    this.fx.enqueue('customProperties.add', [keyName, value], () => {
      if (keyName.length > 255 || value.length > 255) throw new FakeOfficeError('InvalidArgument', 'custom property too long');
      this.sheet().props[keyName] = value;
    });
  }
  getItemOrNullObject(keyName: string): FakeCustomProperty {
    return strict(new FakeCustomProperty(this.fx, () => this.sheet(), keyName));
  }
}

class FakeCustomProperty extends Loadable {
  constructor(fx: FakeExcel, private sheet: () => FakeSheet, private keyName: string) {
    super(fx);
  }
  protected capture(props: string[]): Record<string, unknown> | null {
    const props0 = this.sheet().props;
    const found = Object.keys(props0).find((k) => k.toUpperCase() === this.keyName.toUpperCase());
    if (found === undefined) return null;
    return Object.fromEntries(props.map((p) => {
      if (p === 'value') return [p, props0[found]];
      if (p === 'key') return [p, found];
      throw new FakeOfficeError('NotImplemented', `WorksheetCustomProperty.load(${p})`);
    }));
  }
  get value(): string {
    return this.read('value');
  }
}

class FakeRange extends Loadable {
  readonly format: FakeRangeFormat;
  readonly conditionalFormats: FakeConditionalFormatCollection;
  constructor(fx: FakeExcel, readonly sheetOf: () => FakeSheet, readonly boxOf: () => Box | null) {
    super(fx);
    this.format = strict(new FakeRangeFormat(fx, (prop, value) => this.recordFormat(prop, value), (w) => this.setColumnWidth(w)));
    this.conditionalFormats = strict(new FakeConditionalFormatCollection(fx, this));
  }
  box(): Box {
    const b = this.boxOf();
    if (!b) throw new FakeOfficeError('ItemNotFound', 'the range is a null object');
    return b;
  }
  addressLocal(): string {
    return boxAddress(this.box());
  }
  private cells<T>(fn: (cell: FakeCell | undefined, r: number, c: number) => T): T[][] {
    const b = this.box();
    if ((b.r1 - b.r0 + 1) * (b.c1 - b.c0 + 1) > 5_000_000) throw new FakeOfficeError('InvalidOperation', 'range too large to read');
    const s = this.sheetOf();
    const out: T[][] = [];
    for (let r = b.r0; r <= b.r1; r++) {
      const row: T[] = [];
      for (let c = b.c0; c <= b.c1; c++) row.push(fn(s.cells[key(r, c)], r, c));
      out.push(row);
    }
    return out;
  }
  protected capture(props: string[]): Record<string, unknown> | null {
    if (!this.boxOf()) return null;
    return Object.fromEntries(
      props.map((p) => {
        switch (p) {
          case 'address':
            return [p, qualified(this.sheetOf().name, this.box())];
          case 'values':
            return [p, this.cells((x) => x?.v ?? '')];
          case 'valueTypes':
            return [p, this.cells((x) => (x?.v === undefined ? 'Empty' : x.t))];
          case 'formulas':
            return [p, this.cells((x) => x?.f ?? x?.v ?? '')];
          case 'numberFormat':
            return [p, this.cells((x) => x?.nf ?? 'General')];
          default:
            throw new FakeOfficeError('NotImplemented', `Range.load(${p})`);
        }
      }),
    );
  }
  get address(): string {
    return this.read('address');
  }
  get values(): unknown[][] {
    return this.read('values');
  }
  get valueTypes(): string[][] {
    return this.read('valueTypes');
  }
  get formulas(): unknown[][] {
    return this.read('formulas');
  }
  get numberFormat(): unknown[][] {
    return this.read('numberFormat');
  }
  private checkShape(m: unknown, what: string): unknown[][] {
    const b = this.box();
    const rows = b.r1 - b.r0 + 1;
    const cols = b.c1 - b.c0 + 1;
    if (!Array.isArray(m) || m.length !== rows || m.some((r) => !Array.isArray(r) || r.length !== cols)) {
      throw new FakeOfficeError('InvalidArgument', `${what}: the array does not match the range ${boxAddress(b)}`);
    }
    return m as unknown[][];
  }
  set values(m: unknown[][]) {
    this.fx.enqueue('range.values', { address: this.safeAddress(), m }, () => {
      const b = this.box();
      const s = this.sheetOf();
      this.checkShape(m, 'values').forEach((row, r) =>
        row.forEach((v, c) => {
          const k = key(b.r0 + r, b.c0 + c);
          const cell: FakeCell = { ...(s.cells[k] ?? {}) };
          delete cell.f;
          if (v === null || v === undefined) return;
          if (v === '') {
            delete cell.v;
            delete cell.t;
          } else if (typeof v === 'string') {
            Object.assign(cell, cell.nf === '@' ? { v, t: 'String' } : coerce(v));
          } else if (typeof v === 'number' || typeof v === 'boolean') {
            // Like typing into a text-formatted cell: the number becomes text.
            Object.assign(cell, cell.nf === '@' ? { v: String(v), t: 'String' } : { v, t: typeof v === 'number' ? 'Double' : 'Boolean' });
          } else throw new FakeOfficeError('InvalidArgument', `unsupported value ${JSON.stringify(v)}`);
          s.cells[k] = cell;
        }),
      );
    });
  }
  set numberFormat(m: unknown[][]) {
    this.fx.enqueue('range.numberFormat', { address: this.safeAddress(), m }, () => {
      const b = this.box();
      const s = this.sheetOf();
      this.checkShape(m, 'numberFormat').forEach((row, r) =>
        row.forEach((nf, c) => {
          if (typeof nf !== 'string') throw new FakeOfficeError('InvalidArgument', 'number format must be a string');
          const k = key(b.r0 + r, b.c0 + c);
          s.cells[k] = { ...(s.cells[k] ?? {}), nf };
        }),
      );
    });
  }
  set hyperlink(link: FakeCell['link']) {
    this.fx.enqueue('range.hyperlink', { address: this.safeAddress(), link }, () => {
      const b = this.box();
      const s = this.sheetOf();
      const k = key(b.r0, b.c0);
      const cell: FakeCell = { ...(s.cells[k] ?? {}), link: { ...link } };
      if (link?.textToDisplay !== undefined) Object.assign(cell, cell.nf === '@' ? { v: link.textToDisplay, t: 'String' } : coerce(link.textToDisplay));
      s.cells[k] = cell;
    });
  }
  getMergedAreasOrNullObject(): FakeRangeAreas {
    return strict(new FakeRangeAreas(this.fx, this));
  }
  private safeAddress(): string | null {
    try {
      return this.boxOf() ? this.addressLocal() : null;
    } catch {
      return null;
    }
  }
  recordFormat(prop: string, value: unknown): void {
    this.fx.enqueue(`range.format.${prop}`, { address: this.safeAddress(), value }, () => {
      this.sheetOf().formats.push([this.addressLocal(), prop, value]);
    });
  }
  setColumnWidth(w: number): void {
    this.fx.enqueue('range.format.columnWidth', { address: this.safeAddress(), w }, () => {
      const b = this.box();
      if (typeof w !== 'number' || w < 0) throw new FakeOfficeError('InvalidArgument', 'bad column width');
      const s = this.sheetOf();
      for (let c = b.c0; c <= b.c1; c++) s.columnWidths[colLetters(c)] = w;
    });
  }
}

class FakeRangeAreas extends Loadable {
  constructor(fx: FakeExcel, private range: FakeRange) {
    super(fx);
  }
  protected capture(props: string[]): Record<string, unknown> | null {
    const b = this.range.box();
    const s = this.range.sheetOf();
    const hits = s.merges.map(parseBox).filter((m) => intersects(m, b));
    if (hits.length > 512) throw new FakeOfficeError('GeneralException', 'more than 512 merged areas');
    if (hits.length === 0) return null;
    return Object.fromEntries(props.map((p) => {
      if (p !== 'address') throw new FakeOfficeError('NotImplemented', `RangeAreas.load(${p})`);
      return [p, hits.map((m) => qualified(s.name, m)).join(', ')];
    }));
  }
  get address(): string {
    return this.read('address');
  }
}

/** A format sub-object: each settable property records [range, path, value]. */
function formatNode<T extends object>(record: (prop: string, value: unknown) => void, path: string, props: string[], extra: object = {}): T {
  const node: Record<string, unknown> = { ...extra };
  for (const p of props) {
    Object.defineProperty(node, p, {
      get() {
        throw new FakeOfficeError('PropertyNotLoaded', `${path}.${p} was not loaded`);
      },
      set(v) {
        record(`${path}.${p}`, v);
      },
      enumerable: true,
    });
  }
  return strict(node) as T;
}

class FakeRangeFormat {
  readonly font: object;
  readonly fill: object;
  readonly borders: { getItem(index: string): object };
  constructor(fx: FakeExcel, private record: (prop: string, value: unknown) => void, private width: (w: number) => void) {
    this.font = formatNode(record, 'font', ['bold', 'italic', 'color', 'size']);
    this.fill = formatNode(record, 'fill', ['color']);
    const edges = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'];
    this.borders = strict({
      getItem: (index: string) => {
        if (!edges.includes(index)) throw new FakeOfficeError('InvalidArgument', `border ${index}`);
        return formatNode(record, `borders.${index}`, ['style']);
      },
    });
  }
  set columnWidth(w: number) {
    this.width(w);
  }
  set wrapText(v: boolean) {
    this.record('wrapText', v);
  }
  autofitRows(): void {
    this.record('autofitRows', true);
  }
  set horizontalAlignment(v: string) {
    if (!['Left', 'Center', 'Right'].includes(v)) throw new FakeOfficeError('InvalidArgument', `horizontalAlignment ${v}`);
    this.record('horizontalAlignment', v);
  }
  set verticalAlignment(v: string) {
    if (!['Top', 'Center', 'Bottom'].includes(v)) throw new FakeOfficeError('InvalidArgument', `verticalAlignment ${v}`);
    this.record('verticalAlignment', v);
  }
}

class FakeConditionalFormatCollection {
  constructor(private fx: FakeExcel, private range: FakeRange) {}
  add(type: string): object {
    const holder: { cf?: FakeConditionalFormat } = {};
    this.fx.enqueue('conditionalFormats.add', { type }, () => {
      if (!['IconSet', 'DataBar', 'CellValue'].includes(type)) throw new FakeOfficeError('NotImplemented', `conditional format ${type}`);
      holder.cf = { range: this.range.addressLocal(), type, props: {} };
      this.range.sheetOf().conditionalFormats.push(holder.cf);
    });
    const set = (want: string) => (prop: string, value: unknown) =>
      this.fx.enqueue(`conditionalFormat.${prop}`, value, () => {
        if (!holder.cf || holder.cf.type !== want) throw new FakeOfficeError('InvalidOperation', `${prop} on a ${holder.cf?.type} format`);
        holder.cf.props[prop] = value;
      });
    const icon = set('IconSet');
    const bar = set('DataBar');
    const cell = set('CellValue');
    return strict({
      iconSet: formatNode(icon, 'iconSet', ['style', 'criteria']),
      dataBar: formatNode(bar, 'dataBar', ['lowerBoundRule', 'upperBoundRule'], { positiveFormat: formatNode(bar, 'dataBar.positiveFormat', ['fillColor']) }),
      cellValue: formatNode(cell, 'cellValue', ['rule'], {
        format: strict({ font: formatNode(cell, 'cellValue.format.font', ['color', 'bold']), fill: formatNode(cell, 'cellValue.format.fill', ['color']) }),
      }),
    });
  }
}

class FakeFreezePanes {
  constructor(private fx: FakeExcel, private sheet: () => FakeSheet) {}
  freezeRows(count: number): void {
    this.fx.enqueue('freezePanes.freezeRows', count, () => (this.sheet().freeze = { rows: count, columns: 0 }));
  }
  freezeColumns(count: number): void {
    this.fx.enqueue('freezePanes.freezeColumns', count, () => (this.sheet().freeze = { rows: 0, columns: count }));
  }
  freezeAt(range: FakeRange): void {
    this.fx.enqueue('freezePanes.freezeAt', null, () => {
      const b = range.box();
      if (b.r0 !== 0 || b.c0 !== 0) throw new FakeOfficeError('InvalidArgument', 'freezeAt must start at A1');
      this.sheet().freeze = { rows: b.r1 + 1, columns: b.c1 + 1 };
    });
  }
}

class FakeTableCollection extends Loadable {
  /** sheet null: the workbook's collection. */
  constructor(fx: FakeExcel, private sheet: (() => FakeSheet) | null) {
    super(fx);
  }
  protected capture(props: string[]): Record<string, unknown> {
    const sheetId = this.sheet ? this.sheet().id : null;
    const tables = this.fx.state.tables.filter((t) => sheetId === null || t.sheetId === sheetId);
    return {
      items: tables.map((t) => {
        const data = Object.fromEntries(props.map((p) => {
          if (p !== 'items/name') throw new FakeOfficeError('NotImplemented', `TableCollection.load(${p})`);
          return ['name', t.name];
        }));
        return strict(new FakeTableItem(this.fx, t.id, data));
      }),
    };
  }
  get items(): FakeTableItem[] {
    return this.read('items');
  }
  add(address: string, hasHeaders: boolean): FakeTableItem {
    if (!this.sheet) throw new FakeOfficeError('NotImplemented', 'workbook.tables.add');
    const sheetOf = this.sheet;
    const ref = { id: '' };
    this.fx.enqueue('tables.add', { address, hasHeaders }, () => {
      const s = sheetOf();
      const b = parseBox(address);
      if (this.fx.state.tables.some((t) => t.sheetId === s.id && intersects(parseBox(t.range), b))) throw new FakeOfficeError('InvalidOperation', 'tables overlap');
      let n = 1;
      while (this.fx.state.tables.some((t) => t.name.toUpperCase() === `TABLE${n}`)) n++;
      ref.id = this.fx.newId('tb');
      this.fx.state.tables.push({ id: ref.id, name: `Table${n}`, sheetId: s.id, range: boxAddress(b) });
    });
    return strict(new FakeTableItem(this.fx, ref, {}));
  }
}

class FakeTableItem {
  constructor(private fx: FakeExcel, private ref: string | { id: string }, private data: Record<string, unknown>) {}
  toJSON(): Record<string, unknown> {
    return this.data;
  }
  get name(): string {
    if (!('name' in this.data)) throw new FakeOfficeError('PropertyNotLoaded', 'Table.name');
    return this.data.name as string;
  }
  set name(value: string) {
    this.fx.enqueue('table.name', value, () => {
      const id = typeof this.ref === 'string' ? this.ref : this.ref.id;
      const t = this.fx.state.tables.find((x) => x.id === id);
      if (!t) throw new FakeOfficeError('ItemNotFound', 'table');
      if (!/^[\p{L}_][\p{L}\p{N}_.]*$/u.test(value) || value.length > 255) throw new FakeOfficeError('InvalidArgument', `table name ${value}`);
      if (this.fx.state.tables.some((x) => x !== t && x.name.toUpperCase() === value.toUpperCase())) throw new FakeOfficeError('InvalidArgument', `table name ${value} is taken`);
      t.name = value;
    });
  }
}

class FakeChartCollection {
  constructor(private fx: FakeExcel, private sheet: () => FakeSheet) {}
  add(type: string, source: FakeRange, seriesBy?: string): object {
    const holder: { chart?: FakeChart } = {};
    this.fx.enqueue('charts.add', { type, seriesBy }, () => {
      if (!(source instanceof FakeRange) && typeof source !== 'object') throw new FakeOfficeError('InvalidArgument', 'sourceData');
      const s = this.sheet();
      if (source.sheetOf() !== s) throw new FakeOfficeError('InvalidArgument', 'source on another sheet');
      const b = source.box();
      const by = seriesBy ?? 'Auto';
      const series: FakeChart['series'] = [];
      const blank = { name: null, xValues: null, chartType: null, fill: null, line: null };
      if (by === 'Rows') for (let r = b.r0; r <= b.r1; r++) series.push({ ...blank, values: boxAddress({ r0: r, r1: r, c0: b.c0, c1: b.c1 }) });
      else for (let c = b.c0; c <= b.c1; c++) series.push({ ...blank, values: boxAddress({ r0: b.r0, r1: b.r1, c0: c, c1: c }) });
      holder.chart = { name: `Chart ${s.charts.length + 1}`, type, source: boxAddress(b), seriesBy: by, title: null, series, position: null, valueAxis: {} };
      s.charts.push(holder.chart);
    });
    const chart = (): FakeChart => {
      if (!holder.chart) throw new FakeOfficeError('ItemNotFound', 'chart');
      return holder.chart;
    };
    const fx = this.fx;
    const seriesProxy = (pick: () => FakeChart['series'][number]) =>
      strict({
        set name(v: string) {
          fx.enqueue('series.name', v, () => (pick().name = v));
        },
        set chartType(v: string) {
          fx.enqueue('series.chartType', v, () => (pick().chartType = v));
        },
        setValues(r: FakeRange) {
          fx.enqueue('series.setValues', null, () => (pick().values = r.addressLocal()));
        },
        setXAxisValues(r: FakeRange) {
          fx.enqueue('series.setXAxisValues', null, () => (pick().xValues = r.addressLocal()));
        },
        format: strict({
          fill: strict({ setSolidColor: (c: string) => fx.enqueue('series.fill', c, () => (pick().fill = c)) }),
          line: strict({
            set color(c: string) {
              fx.enqueue('series.line.color', c, () => (pick().line = c));
            },
          }),
        }),
      });
    const axisNode = formatNode((prop, v) => fx.enqueue(prop, v, () => (chart().valueAxis[prop.replace(/^valueAxis\./, '')] = v)), 'valueAxis', ['numberFormat', 'minimum', 'maximum'], {
      title: formatNode((prop, v) => fx.enqueue(`valueAxis.${prop}`, v, () => (chart().valueAxis[prop] = v)), 'title', ['text']),
    });
    return strict({
      set name(v: string) {
        fx.enqueue('chart.name', v, () => (chart().name = v));
      },
      title: formatNode((_p, v) => fx.enqueue('chart.title', v, () => (chart().title = v as string)), 'title', ['text']),
      axes: strict({ valueAxis: axisNode }),
      series: strict({
        getItemAt: (i: number) =>
          seriesProxy(() => {
            const s = chart().series[i];
            if (!s) throw new FakeOfficeError('ItemNotFound', `series ${i}`);
            return s;
          }),
        add: (name?: string) => {
          let index = -1;
          fx.enqueue('series.add', name ?? null, () => {
            const c = chart();
            c.series.push({ name: name ?? null, values: '', xValues: null, chartType: null, fill: null, line: null });
            index = c.series.length - 1;
          });
          return seriesProxy(() => chart().series[index]);
        },
      }),
      setPosition: (start: string, end?: string) =>
        fx.enqueue('chart.setPosition', [start, end], () => {
          parseBox(start);
          if (end) parseBox(end);
          chart().position = [start, end ?? start];
        }),
    });
  }
}
