/** The workbook, its worksheets, custom properties and defined names. */
import { MAX_COL, MAX_ROW, parseBox, qualified, type Box } from './address';
import { FakeObject, FakeOfficeError, Loadable, strict, type ObjPath } from './base';
import type { FakeContext } from './context';
import { FakeChartCollection, FakeFreezePanes, FakeTableCollection } from './objects';
import { FakeRange } from './range';
import { emptySheet, type FakeName, type FakeSheet } from './state';

export class FakeApplication extends FakeObject {
  suspendApiCalculationUntilNextSync(): void {
    this.call('suspendApiCalculationUntilNextSync', [], () => undefined, false);
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.call('suspendScreenUpdatingUntilNextSync', [], () => undefined, false);
  }
}

export class FakeWorkbook extends FakeObject {
  readonly worksheets: FakeWorksheetCollection;
  readonly tables: FakeTableCollection;
  readonly names: FakeNamedItemCollection;
  readonly properties: FakeDocumentProperties;
  constructor(ctx: FakeContext, path: ObjPath) {
    super(ctx, path);
    this.worksheets = strict(new FakeWorksheetCollection(ctx, this.prop('worksheets')));
    this.tables = strict(new FakeTableCollection(ctx, this.prop('tables'), null));
    this.names = strict(new FakeNamedItemCollection(ctx, this.prop('names'), () => null));
    this.properties = strict(new FakeDocumentProperties(ctx, this.prop('properties')));
  }
  /** The user's selection (ExcelApi 1.9): every area, on the active sheet. */
  getSelectedRanges(): FakeSelectedRanges {
    return strict(new FakeSelectedRanges(this.ctx, this.method('getSelectedRanges')));
  }
}

/** Workbook.getSelectedRanges(): the areas of FakeExcel.selection on the active sheet. */
export class FakeSelectedRanges extends Loadable {
  protected capture(props: string[]): Record<string, unknown> {
    const s = this.fx.sheetById(this.fx.state.activeId);
    return Object.fromEntries(
      props.map((p) => {
        if (p !== 'address') throw new FakeOfficeError('NotImplemented', `RangeAreas.load(${p})`);
        return [p, this.fx.selection.map((a) => qualified(s.name, parseBox(a))).join(', ')];
      }),
    );
  }
  get address(): string {
    return this.read('address');
  }
}

/** Workbook.properties (ExcelApi 1.7): only its custom properties are modelled. */
export class FakeDocumentProperties extends FakeObject {
  readonly custom: FakeCustomPropertyCollection;
  constructor(ctx: FakeContext, path: ObjPath) {
    super(ctx, path);
    this.custom = strict(new FakeCustomPropertyCollection(ctx, this.prop('custom'), () => this.fx.state.docProps));
  }
}

/** Binds a worksheet proxy to a sheet id when its first operation runs (like Office.js object paths). */
type SheetRef = { id?: string; find?: () => FakeSheet | null };

export class FakeWorksheetCollection extends Loadable {
  get items(): FakeWorksheet[] {
    return this.read('items');
  }
  protected capture(props: string[]): Record<string, unknown> {
    const itemProps = props.map((p) => {
      if (!p.startsWith('items/')) throw new FakeOfficeError('NotImplemented', `WorksheetCollection.load(${p})`);
      return p.slice(6);
    });
    const items = this.fx.state.sheets.map((s) => {
      const ws = new FakeWorksheet(this.ctx, this.ctx.path(5, '', this.path, [s.id]), { id: s.id });
      ws.preload(Object.fromEntries(itemProps.map((p) => [p, ws.propOf(p, s)])));
      return strict(ws);
    });
    return { items };
  }
  add(name: string): FakeWorksheet {
    const ref: SheetRef = {};
    const ws = strict(new FakeWorksheet(this.ctx, this.method('add', [name]), ref));
    this.ctx.instantiate(ws.path, () => {
      this.fx.validateSheetName(name);
      const sheet = emptySheet(this.fx.newId('ws'), name);
      this.fx.state.sheets.push(sheet);
      ref.id = sheet.id;
    });
    return ws;
  }
  /** By name or by id, as Excel's WorksheetCollection.getItem(key). */
  getItem(name: string): FakeWorksheet {
    return strict(
      new FakeWorksheet(this.ctx, this.method('getItem', [name]), {
        find: () => {
          const s = this.fx.state.sheets.find((x) => x.id === name || x.name.toUpperCase() === name.toUpperCase());
          if (!s) throw new FakeOfficeError('ItemNotFound', `no worksheet named ${name}`);
          return s;
        },
      }),
    );
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    // By name or by id, as Excel's WorksheetCollection.getItemOrNullObject(key).
    return strict(new FakeWorksheet(this.ctx, this.method('getItemOrNullObject', [name]), { find: () => this.fx.state.sheets.find((s) => s.id === name || s.name.toUpperCase() === name.toUpperCase()) ?? null }));
  }
  getActiveWorksheet(): FakeWorksheet {
    return strict(new FakeWorksheet(this.ctx, this.method('getActiveWorksheet'), { find: () => this.fx.sheetById(this.fx.state.activeId) }));
  }
  // The collection's events (ExcelApi 1.7–1.17): a handler is registered with the host at the next sync.
  get onChanged(): FakeEvent {
    return this.event('onChanged', '1.9');
  }
  get onFormatChanged(): FakeEvent {
    return this.event('onFormatChanged', '1.9');
  }
  get onAdded(): FakeEvent {
    return this.event('onAdded', '1.7');
  }
  get onDeleted(): FakeEvent {
    return this.event('onDeleted', '1.7');
  }
  get onCalculated(): FakeEvent {
    return this.event('onCalculated', '1.8');
  }
  get onNameChanged(): FakeEvent {
    return this.event('onNameChanged', '1.17');
  }
  get onVisibilityChanged(): FakeEvent {
    return this.event('onVisibilityChanged', '1.17');
  }
  private event(name: string, since: string): FakeEvent {
    if (!this.fx.supports('ExcelApi', since)) throw new FakeOfficeError('ApiNotFound', `WorksheetCollection.${name} needs ExcelApi ${since}`);
    return {
      add: (handler) => {
        this.call(`${name}.add`, [], () => this.fx.listen(name, handler), false);
        return {};
      },
    };
  }
}

/** An Office.js EventHandlers object: add(handler) → a handler result. */
export interface FakeEvent {
  add(handler: (args: unknown) => Promise<unknown>): object;
}

export class FakeWorksheet extends Loadable {
  readonly customProperties: FakeCustomPropertyCollection;
  readonly charts: FakeChartCollection;
  readonly tables: FakeTableCollection;
  readonly freezePanes: FakeFreezePanes;
  readonly names: FakeNamedItemCollection;
  constructor(
    ctx: FakeContext,
    path: ObjPath,
    private ref: SheetRef,
  ) {
    super(ctx, path);
    this.customProperties = strict(new FakeCustomPropertyCollection(ctx, this.prop('customProperties'), () => this.sheet().props));
    this.charts = strict(new FakeChartCollection(ctx, this.prop('charts'), () => this.sheet()));
    this.tables = strict(new FakeTableCollection(ctx, this.prop('tables'), () => this.sheet()));
    this.freezePanes = strict(new FakeFreezePanes(ctx, this.prop('freezePanes'), () => this.sheet()));
    this.names = strict(new FakeNamedItemCollection(ctx, this.prop('names'), () => this.sheet().id));
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
    // Worksheet.name has no undo on Excel for Windows and Mac (undo capabilities table).
    this.set('name', value, () => {
      const s = this.sheet();
      this.fx.validateSheetName(value, s);
      s.name = value;
    }, true);
  }
  get id(): string {
    return this.read('id');
  }
  get visibility(): string {
    return this.read('visibility');
  }
  set visibility(value: string) {
    this.set('visibility', value, () => {
      const s = this.sheet();
      if (!['Visible', 'Hidden', 'VeryHidden'].includes(value)) throw new FakeOfficeError('InvalidArgument', `visibility ${value}`);
      if (value !== 'Visible' && !this.fx.state.sheets.some((x) => x !== s && x.visibility === 'Visible')) throw new FakeOfficeError('InvalidOperation', 'cannot hide the last visible sheet');
      s.visibility = value as FakeSheet['visibility'];
      if (value !== 'Visible' && this.fx.state.activeId === s.id) this.fx.state.activeId = (this.fx.state.sheets.find((x) => x.visibility === 'Visible') as FakeSheet).id;
    }, true);
  }
  set tabColor(value: string) {
    this.set('tabColor', value, () => (this.sheet().tabColor = value));
  }
  getRange(address?: string): FakeRange {
    const box = address === undefined ? { r0: 0, c0: 0, r1: MAX_ROW, c1: MAX_COL } : parseBox(address);
    return strict(new FakeRange(this.ctx, this.method('getRange', address === undefined ? [] : [address]), () => this.sheet(), () => box));
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    let bound: Box | null | undefined;
    return strict(
      new FakeRange(this.ctx, this.method('getUsedRangeOrNullObject', [valuesOnly]), () => this.sheet(), () => {
        if (bound === undefined) {
          const s = this.sheet();
          let b: Box | null = null;
          for (const [k, c] of Object.entries(s.cells)) {
            if (c.v === undefined && (valuesOnly || c.nf === undefined)) continue;
            const [r, col] = k.split(',').map(Number);
            b = b ? { r0: Math.min(b.r0, r), c0: Math.min(b.c0, col), r1: Math.max(b.r1, r), c1: Math.max(b.c1, col) } : { r0: r, c0: col, r1: r, c1: col };
          }
          bound = b;
        }
        return bound;
      }),
    );
  }
  delete(): void {
    // Worksheet.delete has no undo anywhere (undo capabilities table).
    this.call('delete', [], () => {
      const s = this.sheet();
      const st = this.fx.state;
      // https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-delete-member(1):
      // deleting a VeryHidden sheet fails with InvalidOperation.
      if (s.visibility === 'VeryHidden') throw new FakeOfficeError('InvalidOperation', 'a VeryHidden sheet cannot be deleted');
      if (!st.sheets.some((x) => x !== s && x.visibility === 'Visible')) throw new FakeOfficeError('InvalidOperation', 'cannot delete the last visible sheet');
      const i = st.sheets.indexOf(s);
      st.sheets.splice(i, 1);
      st.tables = st.tables.filter((t) => t.sheetId !== s.id);
      st.names = st.names.filter((n) => n.sheetId !== s.id);
      if (st.activeId === s.id) st.activeId = (st.sheets.slice(i).concat(st.sheets.slice(0, i).reverse()).find((x) => x.visibility === 'Visible') as FakeSheet).id;
    }, true, true);
  }
  activate(): void {
    this.call('activate', [], () => {
      const s = this.sheet();
      if (s.visibility !== 'Visible') throw new FakeOfficeError('InvalidOperation', 'cannot activate a hidden sheet');
      this.fx.state.activeId = s.id;
    }, false);
  }
}

/** Custom properties of a worksheet (ExcelApi 1.12) or of the workbook (ExcelApi 1.7); loadable as a collection. */
export class FakeCustomPropertyCollection extends Loadable {
  constructor(
    ctx: FakeContext,
    path: ObjPath,
    private store: () => Record<string, string>,
  ) {
    super(ctx, path);
  }
  protected capture(props: string[]): Record<string, unknown> {
    const itemProps = props.map((p) => {
      if (p !== 'items/key' && p !== 'items/value') throw new FakeOfficeError('NotImplemented', `CustomPropertyCollection.load(${p})`);
      return p.slice(6);
    });
    const items = Object.entries(this.store()).map(([key, value]) => {
      const item = new FakeCustomProperty(this.ctx, this.ctx.path(5, '', this.path, [key]), this.store, key);
      item.preload(Object.fromEntries(itemProps.map((p) => [p, p === 'key' ? key : value])));
      return strict(item);
    });
    return { items };
  }
  get items(): FakeCustomProperty[] {
    return this.read('items');
  }
  add(keyName: string, value: string): void {
    const path = this.method('add', [keyName, value]);
    this.ctx.instantiate(path, () => {
      if (keyName.length > 255 || String(value).length > 255) throw new FakeOfficeError('InvalidArgument', 'custom property too long');
      const props = this.store();
      const found = Object.keys(props).find((k) => k.toUpperCase() === keyName.toUpperCase());
      if (found !== undefined) delete props[found];
      props[keyName] = value;
    });
  }
  getItemOrNullObject(keyName: string): FakeCustomProperty {
    return strict(new FakeCustomProperty(this.ctx, this.method('getItemOrNullObject', [keyName]), this.store, keyName));
  }
  /** Like getItemOrNullObject, but a missing key fails the batch (ItemNotFound) when the item is used. */
  getItem(keyName: string): FakeCustomProperty {
    return strict(new FakeCustomProperty(this.ctx, this.method('getItem', [keyName]), this.store, keyName));
  }
}

export class FakeCustomProperty extends Loadable {
  constructor(
    ctx: FakeContext,
    path: ObjPath,
    private store: () => Record<string, string>,
    private keyName: string,
  ) {
    super(ctx, path);
  }
  private found(): string | undefined {
    return Object.keys(this.store()).find((k) => k.toUpperCase() === this.keyName.toUpperCase());
  }
  protected capture(props: string[]): Record<string, unknown> | null {
    const found = this.found();
    if (found === undefined) return null;
    return Object.fromEntries(
      props.map((p) => {
        if (p === 'value') return [p, this.store()[found]];
        if (p === 'key') return [p, found];
        throw new FakeOfficeError('NotImplemented', `CustomProperty.load(${p})`);
      }),
    );
  }
  get value(): string {
    return this.read('value');
  }
  get key(): string {
    return this.read('key');
  }
  delete(): void {
    this.call('delete', [], () => {
      const found = this.found();
      if (found === undefined) throw new FakeOfficeError('ItemNotFound', `custom property ${this.keyName}`);
      delete this.store()[found];
    });
  }
}

/** Defined names of the workbook (sheetId null) or of one sheet (ExcelApi 1.4): list, add a formula name, find one. */
export class FakeNamedItemCollection extends Loadable {
  constructor(
    ctx: FakeContext,
    path: ObjPath,
    private sheetId: () => string | null,
  ) {
    super(ctx, path);
  }
  private finder(name: string): () => FakeName | undefined {
    return () => {
      const scope = this.sheetId();
      return this.fx.state.names.find((n) => n.sheetId === scope && n.name.toUpperCase() === name.toUpperCase());
    };
  }
  protected capture(props: string[]): Record<string, unknown> {
    const scope = this.sheetId();
    return {
      items: this.fx.state.names
        .filter((n) => n.sheetId === scope)
        .map((n, i) => {
          const item = new FakeNamedItem(this.ctx, this.ctx.path(5, '', this.path, [n.name]), this.finder(n.name), n.name);
          item.preload(Object.fromEntries(props.map((p) => {
            if (p !== 'items/name') throw new FakeOfficeError('NotImplemented', `NamedItemCollection.load(${p}) [${i}]`);
            return ['name', n.name];
          })));
          return strict(item);
        }),
    };
  }
  get items(): FakeNamedItem[] {
    return this.read('items');
  }
  add(name: string, reference: string): FakeNamedItem {
    const item = strict(new FakeNamedItem(this.ctx, this.method('add', [name, reference]), this.finder(name), name));
    this.ctx.instantiate(item.path, () => {
      if (typeof reference !== 'string' || !reference.startsWith('=')) throw new FakeOfficeError('InvalidArgument', 'the fake takes formula references only');
      // Excel limits a text constant in a formula to 255 characters.
      if ((reference.match(/"(?:[^"]|"")*"/g) ?? []).some((q) => q.length - 2 > 255)) throw new FakeOfficeError('InvalidArgument', 'text constant over 255 characters');
      const scope = this.sheetId();
      // A defined name may not repeat in its scope, nor take a table's name.
      if (this.finder(name)() || this.fx.state.tables.some((t) => t.name.toUpperCase() === name.toUpperCase())) throw new FakeOfficeError('InvalidArgument', `the name ${name} exists`);
      this.fx.state.names.push({ name, sheetId: scope, formula: reference, visible: true });
    });
    return item;
  }
  getItemOrNullObject(name: string): FakeNamedItem {
    return strict(new FakeNamedItem(this.ctx, this.method('getItemOrNullObject', [name]), this.finder(name), name));
  }
}

export class FakeNamedItem extends Loadable {
  constructor(
    ctx: FakeContext,
    path: ObjPath,
    private find: () => FakeName | undefined,
    private label: string,
  ) {
    super(ctx, path);
  }
  private item(): FakeName {
    const n = this.find();
    if (!n) throw new FakeOfficeError('ItemNotFound', `no name ${this.label}`);
    return n;
  }
  protected capture(props: string[]): Record<string, unknown> | null {
    const n = this.find();
    if (!n) return null;
    return Object.fromEntries(
      props.map((p) => {
        if (p === 'formula' || p === 'visible' || p === 'name') return [p, n[p]];
        throw new FakeOfficeError('NotImplemented', `NamedItem.load(${p})`);
      }),
    );
  }
  get name(): string {
    return this.read('name');
  }
  get formula(): string {
    return this.read('formula');
  }
  set visible(v: boolean) {
    this.set('visible', v, () => (this.item().visible = v));
  }
  delete(): void {
    this.call('delete', [], () => {
      const n = this.item();
      this.fx.state.names.splice(this.fx.state.names.indexOf(n), 1);
    });
  }
}
