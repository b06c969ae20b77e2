/**
 * The real flat export (大船渡市 令和7年度 事務事業評価, 407 projects × 210 columns, written by
 * Excel) read completely through the .xlsx reader: counts, hierarchy and a sample of values
 * checked against the sheet's own cells (ofunato-r7-rows.json holds ten rows as plain values).
 */
import * as fs from 'fs';
import * as path from 'path';
import { analyzeWorkbook } from '../../../src/core/analyze';
import type { EvaluationModel, Project } from '../../../src/core/model';
import { readXlsxSnapshot } from '../../../src/xlsx/readXlsx';

const DIR = path.join(__dirname, '../../fixtures/real');
const rows = JSON.parse(fs.readFileSync(path.join(DIR, 'ofunato-r7-rows.json'), 'utf8')) as { rows: Record<string, Record<string, unknown>> };

/** Columns of the real sheet (1-based, as in the JSON): the test's ground truth, not the reader's. */
const COL = { id: 8, name: 9, policy: [11, 12], policyName: 13, measure: [14, 15], measureName: 16, basic: [17, 18], basicName: 19, legal: 20, dept: 21 };
const FINANCE = ['national', 'prefectural', 'bonds', 'other', 'generalFund', 'projectCost', 'staff', 'hours', 'personnelCost', 'totalCost'] as const;
const FIRST_BLOCK = 72;
const BLOCK_WIDTH = 19;
const BLOCKS = 6;
const EVALUATION_YEAR = 2025; // the 年度 column says 7: 令和7年度
const SLOTS: { kind: string; name: number; unit: number; value: number }[] = [
  ...[0, 1, 2].map((i) => ({ kind: 'activity', name: 54 + 2 * i, unit: 55 + 2 * i, value: 82 + i })),
  ...[0, 1, 2].map((i) => ({ kind: 'target-population', name: 60 + 2 * i, unit: 61 + 2 * i, value: 85 + i })),
  ...[0, 1, 2].map((i) => ({ kind: 'outcome', name: 66 + 2 * i, unit: 67 + 2 * i, value: 88 + i })),
];

const num = (v: unknown): number | null => {
  if (typeof v === 'number') return v;
  // Text numbers as staff type them ("7,291") are numbers.
  if (typeof v === 'string' && /^-?[0-9][0-9,]*(\.[0-9]+)?$/.test(v.trim())) return Number(v.replace(/,/g, ''));
  return null;
};
const digits = (row: Record<string, unknown>, cols: number[]) => String(Number(cols.map((c) => String(row[c] ?? '')).join('')));

let model: EvaluationModel;
let projects: { fieldId: string | null; fieldName: string; measureCode: string | null; measureName: string; p: Project }[];

beforeAll(async () => {
  const bytes = fs.readFileSync(path.join(DIR, 'ofunato-report-r7.xlsx'));
  model = analyzeWorkbook(await readXlsxSnapshot(bytes, { source: 'ofunato-report-r7.xlsx' }));
  projects = model.policyFields.flatMap((f) => f.measures.flatMap((m) => m.projects.map((p) => ({ fieldId: f.id, fieldName: f.name, measureCode: m.code, measureName: m.name, p }))));
});

describe('the real 大船渡 export (flat family, no year labels)', () => {
  it('is recognized as one table of 407 projects, with its years inferred and said so', () => {
    expect(model.sheets).toHaveLength(1);
    const s = model.sheets[0];
    expect(s.kind).toBe('projectTable');
    expect(s.family).toBe('projectTable');
    expect(s.counts?.projects).toBe(407);
    expect(s.inferred?.map((i) => i.what)).toEqual(expect.arrayContaining(['fiscalYear', 'evaluationYear']));
    expect(s.reasonJa).toMatch(/年度ブロック 6 組/);
    expect(projects).toHaveLength(407);
    expect(new Set(projects.map((x) => x.p.projectId)).size).toBe(407);
  });

  it('keeps the hierarchy: 政策 / 施策 / 基本事業 numbers and names', () => {
    expect(model.policyFields.map((f) => f.id).sort()).toEqual(['1', '2', '3', '4', '5', '6', '7', '9']);
    for (const f of model.policyFields) expect(f.label).toBe('政策');
    const codes = new Set(projects.map((x) => x.p.code));
    expect(codes.size).toBeGreaterThan(60);
    for (const x of projects) {
      expect(x.p.code).toMatch(/^[0-9]+-[0-9]+(-[0-9]+)?$/);
      expect(x.p.code!.startsWith(`${x.measureCode}`)).toBe(true);
    }
  });

  for (const [rowNo, row] of Object.entries(rows.rows).filter(([r]) => Number(r) > 2)) {
    it(`row ${rowNo} reads as the sheet says (${row[COL.name]})`, () => {
      const found = projects.filter((x) => x.p.projectId === row[COL.id]);
      expect(found).toHaveLength(1);
      const { p, fieldId, fieldName, measureCode, measureName } = found[0];
      expect(p.name).toBe(String(row[COL.name]).trim());
      expect(fieldId).toBe(digits(row, COL.policy));
      expect(fieldName).toBe(row[COL.policyName]);
      expect(measureCode).toBe(`${digits(row, COL.policy)}-${digits(row, COL.measure)}`);
      expect(measureName).toBe(row[COL.measureName]);
      expect(p.basicProject?.no).toBe(digits(row, COL.basic));
      expect(p.basicProject?.name).toBe(row[COL.basicName]);
      expect(p.code).toBe(`${measureCode}-${digits(row, COL.basic)}`);
      expect(p.department).toBe(row[COL.dept]);
      expect(p.financeUnit).toBe('千円');
      // Money per block: block k is the year 2025 − (5 − k), inferred.
      for (let k = 0; k < BLOCKS; k++) {
        const fiscalYear = EVALUATION_YEAR - (BLOCKS - 1 - k);
        const y = p.finance.find((f) => f.fiscalYear === fiscalYear);
        const cells = FINANCE.map((_, i) => row[FIRST_BLOCK + k * BLOCK_WIDTH + i]);
        if (cells.every((c) => c === undefined)) continue;
        expect(y?.yearInferred).toBe(true);
        FINANCE.forEach((item, i) => expect([item, y?.[item] ?? null]).toEqual([item, num(cells[i])]));
      }
      // Indicators: names and units, and each block's value as the actual of its year.
      for (const s of SLOTS) {
        const name = row[s.name];
        if (typeof name !== 'string' || !name.trim()) continue;
        const ind = p.indicators.find((i) => i.kind === s.kind && i.name === name.trim());
        expect(ind).toBeDefined();
        expect(ind!.unit).toBe(String(row[s.unit] ?? '').trim());
        for (let k = 0; k < BLOCKS; k++) {
          const v = row[s.value + k * BLOCK_WIDTH];
          if (v === undefined) continue;
          const y = ind!.years.find((x) => x.fiscalYear === EVALUATION_YEAR - (BLOCKS - 1 - k));
          expect(y?.actual ?? null).toBe(num(v));
          expect(y?.yearInferred).toBe(true);
        }
      }
    });
  }
});
