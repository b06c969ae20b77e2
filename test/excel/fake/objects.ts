/** Tables, charts and freeze panes of a sheet. */
import { boxAddress, cellKey, intersects, parseBox } from './address';
import { FakeObject, FakeOfficeError, Loadable, strict, type ObjPath } from './base';
import type { FakeContext } from './context';
import { fakeNode } from './node';
import { FakeRange } from './range';
import type { FakeChart, FakeSheet } from './state';

export class FakeFreezePanes extends FakeObject {
  constructor(
    ctx: FakeContext,
    path: ObjPath,
    private sheet: () => FakeSheet,
  ) {
    super(ctx, path);
  }
  freezeRows(count: number): void {
    this.call('freezeRows', [count], () => (this.sheet().freeze = { rows: count, columns: 0 }));
  }
  freezeColumns(count: number): void {
    this.call('freezeColumns', [count], () => (this.sheet().freeze = { rows: 0, columns: count }));
  }
  freezeAt(range: FakeRange): void {
    this.call('freezeAt', [range], () => {
      const b = range.box();
      if (b.r0 !== 0 || b.c0 !== 0) throw new FakeOfficeError('InvalidArgument', 'freezeAt must start at A1');
      this.sheet().freeze = { rows: b.r1 + 1, columns: b.c1 + 1 };
    });
  }
}

const TABLE_NAME = /^[\p{L}_\\][\p{L}\p{N}_.]*$/u;

export class FakeTableCollection extends Loadable {
  /** sheet null: the workbook's collection. */
  constructor(
    ctx: FakeContext,
    path: ObjPath,
    private sheet: (() => FakeSheet) | null,
  ) {
    super(ctx, path);
  }
  protected capture(props: string[]): Record<string, unknown> {
    const sheetId = this.sheet ? this.sheet().id : null;
    const tables = this.fx.state.tables.filter((t) => sheetId === null || t.sheetId === sheetId);
    return {
      items: tables.map((t) => {
        const item = new FakeTableItem(this.ctx, this.ctx.path(5, '', this.path, [t.id]), t.id);
        item.preload(Object.fromEntries(props.map((p) => {
          if (p !== 'items/name') throw new FakeOfficeError('NotImplemented', `TableCollection.load(${p})`);
          return ['name', t.name];
        })));
        return strict(item);
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
    const table = strict(new FakeTableItem(this.ctx, this.method('add', [address, hasHeaders]), ref));
    this.ctx.instantiate(table.path, () => {
      const s = sheetOf();
      const b = parseBox(address);
      if (this.fx.state.tables.some((t) => t.sheetId === s.id && intersects(parseBox(t.range), b))) throw new FakeOfficeError('InvalidOperation', 'tables overlap');
      let n = 1;
      while (this.fx.nameTaken(`Table${n}`)) n++;
      ref.id = this.fx.newId('tb');
      this.fx.state.tables.push({ id: ref.id, name: `Table${n}`, sheetId: s.id, range: boxAddress(b) });
    });
    return table;
  }
}

export class FakeTableItem extends Loadable {
  constructor(
    ctx: FakeContext,
    path: ObjPath,
    private ref: string | { id: string },
  ) {
    super(ctx, path);
  }
  protected capture(): Record<string, unknown> | null {
    throw new FakeOfficeError('NotImplemented', 'Table.load');
  }
  get name(): string {
    return this.read('name');
  }
  set name(value: string) {
    this.set('name', value, () => {
      const id = typeof this.ref === 'string' ? this.ref : this.ref.id;
      const t = this.fx.state.tables.find((x) => x.id === id);
      if (!t) throw new FakeOfficeError('ItemNotFound', 'table');
      if (!TABLE_NAME.test(value) || value.length > 255) throw new FakeOfficeError('InvalidArgument', `table name ${value}`);
      // A table name must differ from every other table's and from every defined name, of any scope.
      if (this.fx.nameTaken(value, t.id)) throw new FakeOfficeError('InvalidArgument', `table name ${value} is taken`);
      t.name = value;
    });
  }
}

type Series = FakeChart['series'][number];

export class FakeChartCollection extends FakeObject {
  constructor(
    ctx: FakeContext,
    path: ObjPath,
    private sheet: () => FakeSheet,
  ) {
    super(ctx, path);
  }
  add(type: string, source: FakeRange, seriesBy?: string): object {
    const holder: { chart?: FakeChart } = {};
    const path = this.method('add', [type, source, seriesBy]);
    this.ctx.instantiate(path, () => {
      if (!(source instanceof FakeRange)) throw new FakeOfficeError('InvalidArgument', 'sourceData');
      const s = this.sheet();
      if (source.sheetOf() !== s) throw new FakeOfficeError('InvalidArgument', 'source on another sheet');
      const b = source.box();
      const by = seriesBy ?? 'Auto';
      const series: Series[] = [];
      const blank = { name: null, xValues: null, chartType: null, fill: null, line: null };
      if (by === 'Rows') for (let r = b.r0; r <= b.r1; r++) series.push({ ...blank, values: boxAddress({ r0: r, r1: r, c0: b.c0, c1: b.c1 }) });
      else for (let c = b.c0; c <= b.c1; c++) series.push({ ...blank, values: boxAddress({ r0: b.r0, r1: b.r1, c0: c, c1: c }) });
      // A chart whose first series has no number fails with EmptyChartSeries (Excel.ErrorCodes).
      const first = parseBox(series[0].values);
      let numeric = false;
      for (let r = first.r0; r <= first.r1 && !numeric; r++) for (let c = first.c0; c <= first.c1 && !numeric; c++) numeric = s.cells[cellKey(r, c)]?.t === 'Double';
      if (!numeric) throw new FakeOfficeError('EmptyChartSeries', `the first series of ${boxAddress(b)} has no numeric point`);
      holder.chart = { name: `Chart ${s.charts.length + 1}`, type, source: boxAddress(b), seriesBy: by, title: null, series, position: null, valueAxis: {} };
      s.charts.push(holder.chart);
    });
    const chart = (): FakeChart => {
      if (!holder.chart) throw new FakeOfficeError('ItemNotFound', 'chart');
      return holder.chart;
    };
    const ctx = this.ctx;
    const seriesNode = (p: ObjPath, pick: () => Series) =>
      fakeNode(ctx, p, 'ChartSeries', {
        set: { name: (v: string) => (pick().name = v), chartType: (v: string) => (pick().chartType = v) },
        call: { setValues: (r: FakeRange) => (pick().values = r.addressLocal()), setXAxisValues: (r: FakeRange) => (pick().xValues = r.addressLocal()) },
        child: {
          format: (f) =>
            fakeNode(ctx, f, 'ChartSeriesFormat', {
              child: {
                fill: (q) => fakeNode(ctx, q, 'ChartFill', { call: { setSolidColor: (c: string) => (pick().fill = c) } }),
                line: (q) => fakeNode(ctx, q, 'ChartLineFormat', { set: { color: (c: string) => (pick().line = c) } }),
              },
            }),
        },
      });
    return fakeNode(ctx, path, 'Chart', {
      set: { name: (v: string) => (chart().name = v) },
      call: {
        setPosition: (start: string, end?: string) => {
          parseBox(start);
          if (end) parseBox(end);
          chart().position = [start, end ?? start];
        },
      },
      child: {
        title: (p) => fakeNode(ctx, p, 'ChartTitle', { set: { text: (v: string) => (chart().title = v) } }),
        axes: (p) =>
          fakeNode(ctx, p, 'ChartAxes', {
            child: {
              valueAxis: (q) =>
                fakeNode(ctx, q, 'ChartAxis', {
                  set: Object.fromEntries(['numberFormat', 'minimum', 'maximum'].map((k) => [k, (v: unknown) => (chart().valueAxis[k] = v)])),
                  child: { title: (t) => fakeNode(ctx, t, 'ChartAxisTitle', { set: { text: (v: unknown) => (chart().valueAxis['title.text'] = v) } }) },
                }),
            },
          }),
        series: (p) =>
          fakeNode(ctx, p, 'ChartSeriesCollection', {
            own: {
              getItemAt: (i: number) =>
                seriesNode(ctx.path(3, 'getItemAt', p, [i]), () => {
                  const s = chart().series[i];
                  if (!s) throw new FakeOfficeError('ItemNotFound', `series ${i}`);
                  return s;
                }),
              add: (name?: string) => {
                let index = -1;
                const sp = ctx.path(3, 'add', p, [name ?? null]);
                ctx.instantiate(sp, () => {
                  const c = chart();
                  c.series.push({ name: name ?? null, values: '', xValues: null, chartType: null, fill: null, line: null });
                  index = c.series.length - 1;
                });
                return seriesNode(sp, () => chart().series[index]);
              },
            },
          }),
      },
    });
  }
}
