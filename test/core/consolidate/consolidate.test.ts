/**
 * Joining several workbooks (issue 15): the generated city of 45 fields sent as 12 department
 * workbooks reads as the one workbook does — ids, values, findings — with every cell naming
 * its file; a field split over two workbooks is one field; every consolidation rule fires on its
 * trigger and stays silent on its near miss and on the clean join.
 */
import { analyzeWorkbook } from '../../../src/core/analyze';
import { consolidateWorkbooks, CONSOLIDATION_RULES } from '../../../src/core/consolidate';
import type { EvaluationModel } from '../../../src/core/model';
import { readXlsxSnapshot } from '../../../src/xlsx/readXlsx';
import { cityFields, cityWorkbook, departmentWorkbooks, splitFields } from '../../../bench/city';
import { book, CASES, clean, field, fieldBook, fired, join, rowsOf, sheet, splitField } from './cases';

/** The model with every `file` taken out: what the one workbook would say. */
const withoutFiles = (v: unknown): unknown => JSON.parse(JSON.stringify(v, (k, x) => (k === 'file' ? undefined : x)));

/** Every object with sheet + address in the model: the cell references. */
function refs(v: unknown, out: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (Array.isArray(v)) for (const x of v) refs(x, out);
  else if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.sheet === 'string' && typeof o.address === 'string') out.push(o);
    for (const x of Object.values(o)) refs(x, out);
  }
  return out;
}

describe('the 45-field city in 12 department workbooks', () => {
  let single: EvaluationModel;
  let city: EvaluationModel;
  let names: string[];

  beforeAll(async () => {
    const fields = cityFields(45);
    single = analyzeWorkbook(await readXlsxSnapshot(await cityWorkbook(fields)));
    const depts = await departmentWorkbooks(fields, 12);
    names = depts.map((d) => d.name);
    city = consolidateWorkbooks(await Promise.all(depts.map(async (d) => ({ file: d.name, snapshot: await readXlsxSnapshot(d.bytes) }))));
  }, 60000);

  it('splits 45 fields into 12 workbooks of 3 or 4', () => {
    expect(splitFields(cityFields(45), 12).map((g) => g.length)).toEqual([4, 4, 4, 4, 4, 4, 4, 4, 4, 3, 3, 3]);
    expect(city.sources!.map((s) => [s.file, s.status, s.policyFields!.length])).toEqual(names.map((n, i) => [n, 'read', i < 9 ? 4 : 3]));
  });

  it('gives the same fields, ids and values as the single workbook', () => {
    expect(city.policyFields.map((f) => f.id)).toEqual(single.policyFields.map((f) => f.id));
    expect(single.policyFields).toHaveLength(45);
    expect(withoutFiles(city.policyFields)).toEqual(withoutFiles(single.policyFields));
  });

  it('gives the same findings, in the same order', () => {
    expect(single.findings.length).toBeGreaterThan(100);
    expect(withoutFiles(city.findings)).toEqual(withoutFiles(single.findings));
  });

  it('names the workbook of every cell, sheet and finding', () => {
    const cells = refs(city.policyFields);
    expect(cells.length).toBeGreaterThan(4000);
    for (const r of cells) expect(names).toContain(r.file);
    for (const f of city.findings) expect(names).toContain(f.file);
    for (const s of city.sheets) expect(names).toContain(s.file);
    // Field 5 is in the second department's workbook (fields 5–8).
    expect(city.policyFields.find((f) => f.id === '5')!.source.file).toBe(names[1]);
    // The single workbook's model says nothing of files.
    expect(refs(single.policyFields).filter((r) => 'file' in r)).toEqual([]);
  });
});

describe('a policy field split over two workbooks', () => {
  it('is one field: the KPI part from one, the project blocks (a sheet of their own) from the other', () => {
    const f = field(3);
    const whole = analyzeWorkbook(fieldBook(f));
    const { kpiPart, blocks } = splitField(f);
    const m = join(['kpi.xlsx', book(sheet('政策分野3', kpiPart))], ['projects.xlsx', book(sheet('政策分野3_事業', blocks))]);
    expect(m.policyFields).toHaveLength(1);
    const [pf] = m.policyFields;
    const [wf] = whole.policyFields;
    expect(withoutFiles(pf.indicators)).toEqual(withoutFiles(wf.indicators));
    const money = (x: typeof pf) => x.measures.flatMap((mm) => mm.projects.map((p) => [p.name, p.hasDetail, p.finance.map((y) => [y.fiscalYear, y.projectCost, y.generalFund])]));
    expect(money(pf)).toEqual(money(wf));
    expect(pf.indicators[0].source.file).toBe('kpi.xlsx');
    expect(pf.measures[0].projects.find((p) => p.hasDetail)!.source.file).toBe('projects.xlsx');
    // The blocks found their list entries: nothing is "listed without a block".
    expect(fired(m, 'project-missing-detail').length).toBe(fired(whole, 'project-missing-detail').length);
  });

  it('a project sheet repeating projects another workbook gave in full is reported, not added twice', () => {
    const f = field(3);
    const whole = analyzeWorkbook(fieldBook(f));
    const { blocks } = splitField(f);
    const count = (m: EvaluationModel) => m.policyFields.flatMap((x) => x.measures.flatMap((mm) => mm.projects)).length;
    const same = join(['field.xlsx', fieldBook(f)], ['copy.xlsx', book(sheet('政策分野3_事業', blocks))]);
    expect(count(same)).toBe(count(whole));
    const dup = fired(same, 'consolidate-duplicate');
    expect(dup.length).toBe(whole.policyFields[0].measures.flatMap((mm) => mm.projects.filter((p) => p.hasDetail)).length);
    expect(dup[0].messageJa).toMatch(/field\.xlsx と copy\.xlsx の両方/);
    expect(dup[0].file).toBe('copy.xlsx');
    // One amount retyped in the copy: a conflict naming both files, the first workbook's value kept.
    const changed = blocks.map((r) => r.slice());
    const at = changed.findIndex((r) => r.some((c) => typeof c === 'number' && c > 1000));
    const col = changed[at].findIndex((c) => typeof c === 'number' && c > 1000);
    const old = changed[at][col] as number;
    changed[at][col] = old + 7;
    const m = join(['field.xlsx', fieldBook(f)], ['copy.xlsx', book(sheet('政策分野3_事業', changed))]);
    expect(count(m)).toBe(count(whole));
    const conflict = fired(m, 'consolidate-conflict');
    expect(conflict).toHaveLength(1);
    expect(conflict[0].messageEn).toContain((old + 7).toLocaleString('en-US'));
  });

  it('joins the same field when the second workbook gives only more projects (one measure each)', () => {
    const a = field(3);
    const b = field(3);
    b.kpis = [];
    b.measures = [{ ...b.measures[0], no: 9, name: '観光の推進9', projects: b.measures[0].projects.map((p) => ({ ...p, name: `${p.name}B`, listName: `${p.name}B` })) }];
    const m = join(['a.xlsx', fieldBook(a)], ['b.xlsx', fieldBook(b)]);
    expect(m.policyFields).toHaveLength(1);
    expect(m.policyFields[0].measures.map((x) => x.no)).toEqual([...a.measures.map((x) => x.no), 9]);
    expect(m.policyFields[0].indicators).toHaveLength(a.kpis.length);
  });
});

it('the clean join raises no consolidation finding', () => {
  const m = clean();
  expect(m.policyFields.map((f) => f.id)).toEqual(['1', '2', '3', '4']);
  expect(m.findings.filter((f) => f.rule.startsWith('consolidate-'))).toEqual([]);
});

it('every consolidation rule has its trigger and near miss here', () => {
  expect(Object.keys(CASES).sort()).toEqual(CONSOLIDATION_RULES.map((r) => r.id).sort());
});

describe.each(Object.keys(CASES))('%s', (id) => {
  it('fires on its trigger, naming both workbooks, in both languages', () => {
    const found = fired(CASES[id].trigger(), id);
    expect(found.length).toBeGreaterThan(0);
    for (const f of found) {
      expect(f.messageJa).not.toMatch(/undefined|NaN|\{/);
      expect(f.messageEn).not.toMatch(/undefined|NaN|\{/);
      expect(f.file).toBe('b.xlsx');
      if (id !== 'consolidate-unattached') {
        expect(f.messageJa).toContain('a.xlsx');
        expect(f.messageJa).toContain('b.xlsx');
      }
    }
  });
  it('stays silent on its near miss', () => {
    expect(fired(CASES[id].nearMiss(), id)).toEqual([]);
  });
});

it('a conflict keeps the first workbook and says which value differs', () => {
  const m = CASES['consolidate-conflict'].trigger();
  const [f] = fired(m, 'consolidate-conflict');
  const k = field(3).kpis[0];
  expect(f).toMatchObject({ severity: 'error', policyField: '3', indicator: k.no, fiscalYear: k.years[1] });
  expect(f.messageJa).toContain(`a.xlsx: ${(k.targets[1] as number).toLocaleString('en-US')}`);
  expect(m.policyFields[0].indicators[0].years[1].target).toBe(k.targets[1]);
  // Read once: the field keeps its own KPIs, not two of each.
  expect(m.policyFields[0].indicators).toHaveLength(field(3).kpis.length);
});

it('the same project in two workbooks with other money is one project and a conflict', () => {
  const a = field(3);
  const b = field(3);
  b.kpis = [];
  b.measures[0].projects[0].finance.cost[0] += 500;
  const m = join(['a.xlsx', fieldBook(a)], ['b.xlsx', fieldBook(b)]);
  const conflicts = fired(m, 'consolidate-conflict');
  expect(conflicts.map((c) => c.project)).toEqual([`1-${a.measures[0].projects[0].no}`]);
  expect(conflicts[0].messageEn).toMatch(/project cost/);
  const projects = m.policyFields[0].measures.flatMap((x) => x.projects);
  expect(projects).toHaveLength(a.measures.reduce((n, x) => n + x.projects.length, 0));
  expect(fired(m, 'consolidate-duplicate').length).toBe(projects.length - 1);
});

it('a skipped input is listed with its reason, and the rest is read', () => {
  const m = consolidateWorkbooks([{ file: 'a.xlsx', snapshot: fieldBook(field(1)) }], { skipped: [{ file: 'broken.xlsx', reason: { ja: '壊れています', en: 'damaged' } }] });
  expect(m.sources).toEqual([
    { file: 'a.xlsx', status: 'read', policyFields: ['1'], sheets: 1 },
    { file: 'broken.xlsx', status: 'skipped', reason: { ja: '壊れています', en: 'damaged' } },
  ]);
  expect(m.policyFields).toHaveLength(1);
});

it('the open workbook (file null) keeps internal references; the added ones name their files', () => {
  const m = consolidateWorkbooks([
    { file: null, snapshot: fieldBook(field(1)) },
    { file: 'dept.xlsx', snapshot: book(sheet('政策分野2', rowsOf(field(2)))) },
  ]);
  expect(m.policyFields[0].source.file).toBeUndefined();
  expect(m.policyFields[1].source.file).toBe('dept.xlsx');
  expect(m.sources!.map((s) => s.file)).toEqual([null, 'dept.xlsx']);
});
