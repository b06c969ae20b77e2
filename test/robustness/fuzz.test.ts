/**
 * Never crash on content: workbooks derived from the fixtures by deleting, duplicating and
 * shuffling rows, random text and numbers, error values, huge and negative numbers, merged
 * cells, empty and giant sheets, labels without values. No exception escapes, every model
 * validates against the JSON Schema, every finding points at a cell that exists, and the
 * summary plan builds. HYOKA_FUZZ_N sets the count (CI: 1,000 with a fixed seed).
 */
import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import { analyzeWorkbook } from '../../src/core/analyze';
import { planSummary } from '../../src/core/planSummary';
import type { CellValue, WorkbookSnapshot } from '../../src/core/snapshot';
import { readXlsxSnapshot } from '../../src/xlsx/readXlsx';
import { fieldRows, makeField, rng, SEED_VARIANT } from '../../bench/generate';
import { parseRange } from '../../src/core/a1';

const N = Number(process.env.HYOKA_FUZZ_N ?? 1000);
const SEED = Number(process.env.HYOKA_FUZZ_SEED ?? 20261127);
const schema = JSON.parse(fs.readFileSync(path.join(__dirname, '../../schema/evaluation-model.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

type Rows = CellValue[][];
const NOISE: CellValue[] = [
  '', '-', '―', '集計中', '未集計', '指標名', '年度', '目標', '実績', '最終目標', '検証', '事業名', '財務内容 単位(千円)', '事業費',
  '所要一般財源', '概算人件費', '施策1', '施策99 名前', '政策分野9 社会参画', '政策分野', '令和4年度', 'R99', '=SUM(A1:A9)', '+81-3', '@x',
  '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<table><tr><td>目標</td></tr>', '物品/60万円以上', '１，５６６', '▲300',
  1e308, -1e308, -5, 0, 3.14159, Number.MAX_SAFE_INTEGER, true, false, null, { error: '#DIV/0!' }, { error: '#REF!' }, { error: '#N/A' },
  'x'.repeat(5000), '\u0000\u0007', '\n\n\t', '１２３', '◎', '17.17',
];

function mutate(base: Rows, r: () => number): Rows {
  const rows: Rows = base.map((x) => (x ? [...x] : []));
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const ops = 1 + Math.floor(r() * 8);
  for (let k = 0; k < ops; k++) {
    const i = Math.floor(r() * Math.max(1, rows.length));
    switch (Math.floor(r() * 10)) {
      case 0: rows.splice(i, 1 + Math.floor(r() * 5)); break; // delete rows
      case 1: rows.splice(i, 0, ...rows.slice(i, i + 1 + Math.floor(r() * 4)).map((x) => [...x])); break; // duplicate
      case 2: { const j = Math.floor(r() * rows.length); [rows[i], rows[j]] = [rows[j], rows[i]]; break; } // shuffle
      case 3: if (rows[i]) rows[i][Math.floor(r() * 12)] = pick(NOISE); break; // random value
      case 4: if (rows[i]) rows[i] = rows[i].map((c) => (typeof c === 'number' ? pick([c * 1e12, -c, NaN, Infinity, 0]) : c)); break;
      case 5: if (rows[i]) rows[i] = rows[i].filter((_, j) => j === 0); break; // label without values
      case 6: if (rows[i]) rows[i] = [null, ...rows[i]]; break; // drift right
      case 7: if (rows[i]) rows[i] = rows[i].slice(1); break; // drift left
      case 8: rows.splice(i, 0, Array.from({ length: Math.floor(r() * 30) }, () => pick(NOISE))); break;
      case 9: for (let t = 0; t < 20; t++) { const a = Math.floor(r() * rows.length); if (rows[a]) rows[a][Math.floor(r() * 10)] = pick(NOISE); } break;
    }
  }
  return rows;
}

function snapshotOf(sheets: { name: string; rows: Rows; merges?: string[]; origin?: string }[]): WorkbookSnapshot {
  return { sheets: sheets.map((s) => ({ name: s.name, origin: s.origin ?? 'A1', values: s.rows, merges: s.merges })) };
}

let seedRows: Rows;
beforeAll(async () => {
  const snap = await readXlsxSnapshot(fs.readFileSync(path.join(__dirname, '../fixtures/seed.xlsx')));
  // The reader's sparse cells laid out as rows from A1.
  const rows: CellValue[][] = [];
  for (const c of snap.sheets[0].cells ?? []) (rows[c.row] ??= [])[c.col] = c.value;
  expect(rows.findIndex((r) => r !== undefined)).toBe(2);
  seedRows = Array.from(rows, (r) => Array.from(r ?? [], (v) => v ?? null));
});

it(`survives ${N} mutated workbooks (seed ${SEED})`, () => {
  const r = rng(SEED);
  const bases: Rows[] = [seedRows, fieldRows(makeField(5, 1), SEED_VARIANT) as Rows, fieldRows(makeField(8, 2), { ...SEED_VARIANT, labels: 'variant', numbers: 'text' }) as Rows];
  let findings = 0;
  let fields = 0;
  for (let n = 0; n < N; n++) {
    const sheets: { name: string; rows: Rows; merges?: string[]; origin?: string }[] = [];
    const count = 1 + Math.floor(r() * 3);
    for (let k = 0; k < count; k++) {
      const kind = r();
      if (kind < 0.06) sheets.push({ name: `空${k}`, rows: [] });
      else if (kind < 0.09) sheets.push({ name: `巨大${k}`, rows: Array.from({ length: 3000 }, (_, i) => [i, `行${i}`, i % 7 === 0 ? '目標' : null]) });
      else sheets.push({ name: `政策分野${n}-${k}`, rows: mutate(bases[Math.floor(r() * bases.length)], r), merges: r() < 0.3 ? ['B3:D3', 'G24:G25'] : undefined, origin: r() < 0.2 ? 'C5' : 'A1' });
    }
    const snap = snapshotOf(sheets);
    let model;
    try {
      model = analyzeWorkbook(snap, { lang: r() < 0.5 ? 'ja' : 'en' });
      planSummary(model, { lang: 'ja', now: new Date(0), generatorVersion: 'fuzz' });
    } catch (e) {
      throw new Error(`workbook #${n} threw: ${(e as Error).stack}\n${JSON.stringify(snap).slice(0, 2000)}`);
    }
    const json = JSON.parse(JSON.stringify(model));
    if (!validate(json)) throw new Error(`workbook #${n}: schema: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
    for (const f of model.findings) {
      const sheet = snap.sheets.find((s) => s.name === f.sheet);
      if (!sheet) throw new Error(`workbook #${n}: finding on a sheet that does not exist: ${f.sheet}`);
      const { start } = parseRange(f.address);
      if (start.row < 0 || start.col < 0) throw new Error(`workbook #${n}: bad address ${f.address}`);
      if (!f.message) throw new Error(`workbook #${n}: finding without message`);
    }
    findings += model.findings.length;
    fields += model.policyFields.length;
  }
  // The mutations leave most workbooks readable: the fuzz exercises the reader, not just the classifier.
  expect(fields).toBeGreaterThan(N * 0.5);
  expect(findings).toBeGreaterThan(N);
});

it('rejects nothing on degenerate snapshots', () => {
  const odd: WorkbookSnapshot[] = [
    { sheets: [] },
    { sheets: [{ name: 'x', origin: 'A1', values: [] }] },
    { sheets: [{ name: 'x', origin: 'A1', values: [[null, undefined as unknown as CellValue]] }] },
    { sheets: [{ name: 'x', origin: 'ZZ9999', values: [['政策分野1 テスト'], ['重要業績評価指標の達成状況'], ['年度', 'R4'], ['目標', 1]] }] },
    { sheets: null as unknown as [] },
  ];
  for (const s of odd) expect(() => analyzeWorkbook(s)).not.toThrow();
});
