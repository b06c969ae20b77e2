/**
 * Small workbooks for the consolidation rules, as snapshots (no .xlsx round trip): generated
 * fields in the city's layout, a field's sheet cut into its KPI part and its project blocks, and
 * the trigger / near-miss pair of every consolidation rule.
 */
import { consolidateWorkbooks, type WorkbookInput } from '../../../src/core/consolidate';
import type { EvaluationModel } from '../../../src/core/model';
import type { CellValue, WorkbookSnapshot } from '../../../src/core/snapshot';
import { fieldRows, makeField, SEED_VARIANT, type GenField } from '../../../bench/generate';

export const field = (id: number): GenField => makeField(id, 15);

export const rowsOf = (f: GenField): CellValue[][] => fieldRows(f, SEED_VARIANT) as CellValue[][];

export const sheet = (name: string, rows: CellValue[][]) => ({ name, origin: 'A1', values: rows });

export const book = (...sheets: ReturnType<typeof sheet>[]): WorkbookSnapshot => ({ sheets });

export const fieldBook = (...fields: GenField[]) => book(...fields.map((f) => sheet(`政策分野${f.id}`, rowsOf(f))));

/** Where a field's project blocks begin: the row of the first measure heading after the 事務事業一覧. */
export function blocksStart(rows: CellValue[][]): number {
  const list = rows.findIndex((r) => r?.[0] === '5 事務事業一覧');
  const blank = rows.findIndex((r, i) => i > list + 2 && (!r || r.every((c) => c === null || c === undefined)));
  return blank + 1;
}

/** A field's sheet cut in two: KPIs, measures and the 事務事業一覧 (one department), the project blocks (another). */
export function splitField(f: GenField): { kpiPart: CellValue[][]; blocks: CellValue[][] } {
  const rows = rowsOf(f);
  const at = blocksStart(rows);
  return { kpiPart: rows.slice(0, at), blocks: rows.slice(at) };
}

export const join = (...books: [string, WorkbookSnapshot][]): EvaluationModel =>
  consolidateWorkbooks(books.map(([file, snapshot]): WorkbookInput => ({ file, snapshot })));

export const fired = (m: EvaluationModel, rule: string) => m.findings.filter((f) => f.rule === rule);

/** The clean case: two departments, two fields each, nothing shared. */
export const clean = () => join(['a.xlsx', fieldBook(field(1), field(2))], ['b.xlsx', fieldBook(field(3), field(4))]);

/** Each rule: a join that must fire it, and one as close as can be that must not. */
export const CASES: Record<string, { trigger: () => EvaluationModel; nearMiss: () => EvaluationModel }> = {
  'consolidate-conflict': {
    // The same field in two workbooks, one KPI's target retyped in the second.
    trigger: () => {
      const f = field(3);
      const g = field(3);
      g.kpis[0].targets[1] = (g.kpis[0].targets[1] as number) + 9;
      return join(['a.xlsx', fieldBook(f)], ['b.xlsx', fieldBook(g)]);
    },
    // The same value written differently (1566 and "1,566") is no conflict.
    nearMiss: () => {
      const f = field(3);
      const rows = rowsOf(f).map((r) => r?.map((c) => (typeof c === 'number' && c >= 1000 ? c.toLocaleString('en-US') : c)));
      return join(['a.xlsx', fieldBook(f)], ['b.xlsx', book(sheet('政策分野3', rows))]);
    },
  },
  'consolidate-duplicate': {
    trigger: () => join(['a.xlsx', fieldBook(field(3))], ['b.xlsx', fieldBook(field(3))]),
    // Two fields that are not the same: nothing is read twice.
    nearMiss: () => join(['a.xlsx', fieldBook(field(3))], ['b.xlsx', fieldBook(field(4))]),
  },
  'consolidate-field-name': {
    trigger: () => {
      const g = field(3);
      g.name = '観光振興分野3';
      return join(['a.xlsx', fieldBook(field(3))], ['b.xlsx', fieldBook(g)]);
    },
    // The same name typed with full-width digits and a space is the same name.
    nearMiss: () => {
      const g = field(3);
      g.name = ` ${g.name.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))}`;
      return join(['a.xlsx', fieldBook(field(3))], ['b.xlsx', fieldBook(g)]);
    },
  },
  'consolidate-unattached': {
    // Project blocks on a sheet that names no field, with names no list has.
    trigger: () => {
      const { kpiPart, blocks } = splitField(field(3));
      const renamed = blocks.map((r) => r?.map((c) => (typeof c === 'string' && c.includes('推進事業') ? c.replace('推進事業', '調整事業') : c)));
      return join(['a.xlsx', book(sheet('政策分野3', kpiPart), sheet('政策分野4', rowsOf(field(4))))], ['b.xlsx', book(sheet('事業シート', renamed))]);
    },
    // The same sheet named for its field is attached to it.
    nearMiss: () => {
      const { kpiPart, blocks } = splitField(field(3));
      return join(['a.xlsx', book(sheet('政策分野3', kpiPart), sheet('政策分野4', rowsOf(field(4))))], ['b.xlsx', book(sheet('政策分野3_事業', blocks))]);
    },
  },
};
