/** Ranges: values, number formats, hyperlinks, formats, conditional formats, merged and special cells. */
import { boxAddress, cellCount, cellKey, coerce, colLetters, contains, parseBox, qualified, type Box } from './address';
import { FakeObject, FakeOfficeError, Loadable, strict, type ObjPath } from './base';
import type { FakeContext } from './context';
import { fakeNode } from './node';
import type { FakeCell, FakeConditionalFormat, FakeSheet } from './state';

/**
 * Past this many cells Excel returns cell-level properties (values, formulas, number formats)
 * as null rather than reading them, as it does for an unbounded range
 * (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-unbounded).
 */
export const MAX_READ_CELLS = 5_000_000;
/** getMergedAreasOrNullObject "will fail to return the result" past 512 areas (Excel.Range typings): a null object here. */
export const MAX_MERGED_AREAS = 512;

export class FakeRange extends Loadable {
  readonly format: object;
  readonly conditionalFormats: FakeConditionalFormatCollection;
  constructor(
    ctx: FakeContext,
    path: ObjPath,
    readonly sheetOf: () => FakeSheet,
    readonly boxOf: () => Box | null,
  ) {
    super(ctx, path);
    this.format = rangeFormat(ctx, this.prop('format'), this);
    this.conditionalFormats = strict(new FakeConditionalFormatCollection(ctx, this.prop('conditionalFormats'), this));
  }
  box(): Box {
    const b = this.boxOf();
    if (!b) throw new FakeOfficeError('ItemNotFound', 'the range is a null object');
    return b;
  }
  addressLocal(): string {
    return boxAddress(this.box());
  }
  private cells<T>(fn: (cell: FakeCell | undefined) => T): T[][] | null {
    const b = this.box();
    if (cellCount(b) > MAX_READ_CELLS) return null;
    const s = this.sheetOf();
    const out: T[][] = [];
    for (let r = b.r0; r <= b.r1; r++) {
      const row: T[] = [];
      for (let c = b.c0; c <= b.c1; c++) row.push(fn(s.cells[cellKey(r, c)]));
      out.push(row);
    }
    return out;
  }
  protected capture(props: string[]): Record<string, unknown> | null {
    if (!this.boxOf()) return null;
    const b = this.box();
    return Object.fromEntries(
      props.map((p) => {
        switch (p) {
          case 'address':
            return [p, qualified(this.sheetOf().name, b)];
          case 'rowCount':
            return [p, b.r1 - b.r0 + 1];
          case 'columnCount':
            return [p, b.c1 - b.c0 + 1];
          case 'rowIndex':
            return [p, b.r0];
          case 'columnIndex':
            return [p, b.c0];
          case 'cellCount':
            return [p, cellCount(b)];
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
  get rowCount(): number {
    return this.read('rowCount');
  }
  get columnCount(): number {
    return this.read('columnCount');
  }
  get rowIndex(): number {
    return this.read('rowIndex');
  }
  get columnIndex(): number {
    return this.read('columnIndex');
  }
  get cellCount(): number {
    return this.read('cellCount');
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
    this.set('values', m, () => {
      const b = this.box();
      const s = this.sheetOf();
      this.checkShape(m, 'values').forEach((row, r) =>
        row.forEach((v, c) => {
          const k = cellKey(b.r0 + r, b.c0 + c);
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
    this.set('numberFormat', m, () => {
      const b = this.box();
      const s = this.sheetOf();
      this.checkShape(m, 'numberFormat').forEach((row, r) =>
        row.forEach((nf, c) => {
          if (typeof nf !== 'string') throw new FakeOfficeError('InvalidArgument', 'number format must be a string');
          const k = cellKey(b.r0 + r, b.c0 + c);
          s.cells[k] = { ...(s.cells[k] ?? {}), nf };
        }),
      );
    });
  }
  set hyperlink(link: FakeCell['link']) {
    this.set('hyperlink', link, () => {
      const b = this.box();
      const s = this.sheetOf();
      const k = cellKey(b.r0, b.c0);
      const cell: FakeCell = { ...(s.cells[k] ?? {}), link: { ...link } };
      if (link?.textToDisplay !== undefined) Object.assign(cell, cell.nf === '@' ? { v: link.textToDisplay, t: 'String' } : coerce(link.textToDisplay));
      s.cells[k] = cell;
    });
  }
  getMergedAreasOrNullObject(): FakeRangeAreas {
    return strict(new FakeRangeAreas(this.ctx, this.method('getMergedAreasOrNullObject'), this, 'merged'));
  }
  getSpecialCellsOrNullObject(cellType: string): FakeRangeAreas {
    if (cellType !== 'Constants' && cellType !== 'Formulas') throw new FakeOfficeError('NotImplemented', `getSpecialCellsOrNullObject(${cellType})`);
    return strict(new FakeRangeAreas(this.ctx, this.method('getSpecialCellsOrNullObject', [cellType]), this, cellType));
  }
  merge(across?: boolean): void {
    this.call('merge', [across ?? false], () => {
      const b = this.box();
      const s = this.sheetOf();
      if (s.merges.some((m) => intersectsBox(parseBox(m), b))) throw new FakeOfficeError('InvalidOperation', 'merged areas overlap');
      s.merges.push(boxAddress(b));
    });
  }
  select(): void {
    this.call('select', [], () => void this.box(), false);
  }
  recordFormat(prop: string, value: unknown): void {
    this.sheetOf().formats.push([this.addressLocal(), prop, value]);
  }
}

function intersectsBox(a: Box, b: Box): boolean {
  return a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
}

/** The cells of `b` Excel would report as special cells, as rectangles (runs of columns, stacked). */
function specialAreas(s: FakeSheet, b: Box, kind: 'Constants' | 'Formulas'): Box[] {
  const runs = new Map<number, [number, number][]>();
  for (const [k, cell] of Object.entries(s.cells)) {
    if (cell.v === undefined) continue;
    if ((kind === 'Formulas') !== (cell.f !== undefined)) continue;
    const [r, c] = k.split(',').map(Number);
    if (!contains(b, r, c)) continue;
    (runs.get(r) ?? runs.set(r, []).get(r)!).push([c, c]);
  }
  const open: Box[] = [];
  const done: Box[] = [];
  for (const r of [...runs.keys()].sort((x, y) => x - y)) {
    const cols = runs.get(r)!.map(([c]) => c).sort((x, y) => x - y);
    const spans: [number, number][] = [];
    for (const c of cols) {
      const last = spans[spans.length - 1];
      if (last && last[1] === c - 1) last[1] = c;
      else spans.push([c, c]);
    }
    const next: Box[] = [];
    for (const [c0, c1] of spans) {
      const above = open.findIndex((o) => o.r1 === r - 1 && o.c0 === c0 && o.c1 === c1);
      if (above >= 0) {
        const [o] = open.splice(above, 1);
        next.push({ ...o, r1: r });
      } else next.push({ r0: r, r1: r, c0, c1 });
    }
    done.push(...open);
    open.length = 0;
    open.push(...next);
  }
  return [...done, ...open].sort((x, y) => x.r0 - y.r0 || x.c0 - y.c0);
}

export class FakeRangeAreas extends Loadable {
  constructor(
    ctx: FakeContext,
    path: ObjPath,
    private range: FakeRange,
    private kind: 'merged' | 'Constants' | 'Formulas',
  ) {
    super(ctx, path);
  }
  private areas(): Box[] | null {
    const b = this.range.box();
    const s = this.range.sheetOf();
    if (this.kind !== 'merged') {
      const found = specialAreas(s, b, this.kind);
      return found.length ? found : null;
    }
    // Only merged areas whose top-left cell is in the range are returned
    // (https://github.com/OfficeDev/office-js/issues/3611, "by design").
    const hits = s.merges.map(parseBox).filter((m) => contains(b, m.r0, m.c0));
    if (hits.length === 0 || hits.length > MAX_MERGED_AREAS) return null;
    return hits;
  }
  protected capture(props: string[]): Record<string, unknown> | null {
    const areas = this.areas();
    if (!areas) return null;
    const name = this.range.sheetOf().name;
    return Object.fromEntries(
      props.map((p) => {
        if (p === 'address') return [p, areas.map((m) => qualified(name, m)).join(', ')];
        if (p === 'areaCount') return [p, areas.length];
        if (p === 'cellCount') return [p, areas.reduce((n, m) => n + cellCount(m), 0)];
        throw new FakeOfficeError('NotImplemented', `RangeAreas.load(${p})`);
      }),
    );
  }
  get address(): string {
    return this.read('address');
  }
  get areaCount(): number {
    return this.read('areaCount');
  }
}

const ALIGN_H = ['Left', 'Center', 'Right'];
const ALIGN_V = ['Top', 'Center', 'Bottom'];
const EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'];

function rangeFormat(ctx: FakeContext, path: ObjPath, range: FakeRange): object {
  const rec = (prop: string) => (v: unknown) => range.recordFormat(prop, v);
  return fakeNode(ctx, path, 'RangeFormat', {
    set: {
      wrapText: rec('wrapText'),
      horizontalAlignment: (v: string) => {
        if (!ALIGN_H.includes(v)) throw new FakeOfficeError('InvalidArgument', `horizontalAlignment ${v}`);
        range.recordFormat('horizontalAlignment', v);
      },
      verticalAlignment: (v: string) => {
        if (!ALIGN_V.includes(v)) throw new FakeOfficeError('InvalidArgument', `verticalAlignment ${v}`);
        range.recordFormat('verticalAlignment', v);
      },
      columnWidth: (w: number) => {
        const b = range.box();
        if (typeof w !== 'number' || w < 0) throw new FakeOfficeError('InvalidArgument', 'bad column width');
        const s = range.sheetOf();
        for (let c = b.c0; c <= b.c1; c++) s.columnWidths[colLetters(c)] = w;
      },
    },
    call: { autofitRows: () => range.recordFormat('autofitRows', true) },
    child: {
      font: (p) => fakeNode(ctx, p, 'RangeFont', { set: { bold: rec('font.bold'), italic: rec('font.italic'), color: rec('font.color'), size: rec('font.size') } }),
      fill: (p) => fakeNode(ctx, p, 'RangeFill', { set: { color: rec('fill.color') } }),
      borders: (p) =>
        fakeNode(ctx, p, 'RangeBorderCollection', {
          own: {
            getItem: (index: string) => {
              if (!EDGES.includes(index)) throw new FakeOfficeError('InvalidArgument', `border ${index}`);
              return fakeNode(ctx, ctx.path(3, 'getItem', p, [index]), 'RangeBorder', { set: { style: rec(`borders.${index}.style`) } });
            },
          },
        }),
    },
  });
}

export class FakeConditionalFormatCollection extends FakeObject {
  constructor(
    ctx: FakeContext,
    path: ObjPath,
    private range: FakeRange,
  ) {
    super(ctx, path);
  }
  add(type: string): object {
    const holder: { cf?: FakeConditionalFormat } = {};
    const path = this.method('add', [type]);
    this.ctx.instantiate(path, () => {
      if (!['IconSet', 'DataBar', 'CellValue'].includes(type)) throw new FakeOfficeError('NotImplemented', `conditional format ${type}`);
      holder.cf = { range: this.range.addressLocal(), type, props: {} };
      this.range.sheetOf().conditionalFormats.push(holder.cf);
    });
    const ctx = this.ctx;
    const put = (want: string, prop: string) => (value: unknown) => {
      if (!holder.cf || holder.cf.type !== want) throw new FakeOfficeError('InvalidOperation', `${prop} on a ${holder.cf?.type} format`);
      holder.cf.props[prop] = value;
    };
    return fakeNode(ctx, path, 'ConditionalFormat', {
      child: {
        iconSet: (p) => fakeNode(ctx, p, 'IconSetConditionalFormat', { set: { style: put('IconSet', 'iconSet.style'), criteria: put('IconSet', 'iconSet.criteria') } }),
        dataBar: (p) =>
          fakeNode(ctx, p, 'DataBarConditionalFormat', {
            set: { lowerBoundRule: put('DataBar', 'dataBar.lowerBoundRule'), upperBoundRule: put('DataBar', 'dataBar.upperBoundRule') },
            child: { positiveFormat: (q) => fakeNode(ctx, q, 'ConditionalDataBarPositiveFormat', { set: { fillColor: put('DataBar', 'dataBar.positiveFormat.fillColor') } }) },
          }),
        cellValue: (p) =>
          fakeNode(ctx, p, 'CellValueConditionalFormat', {
            set: { rule: put('CellValue', 'cellValue.rule') },
            child: {
              format: (q) =>
                fakeNode(ctx, q, 'ConditionalRangeFormat', {
                  child: {
                    font: (f) => fakeNode(ctx, f, 'ConditionalRangeFont', { set: { color: put('CellValue', 'cellValue.format.font.color'), bold: put('CellValue', 'cellValue.format.font.bold') } }),
                    fill: (f) => fakeNode(ctx, f, 'ConditionalRangeFill', { set: { color: put('CellValue', 'cellValue.format.fill.color') } }),
                  },
                }),
            },
          }),
      },
    });
  }
}
