/**
 * `hyoka compare LAST.xlsx THIS.xlsx` (issue 15): the diff JSON valid against its schema and
 * exactly the planted changes, a copy of THIS with 前年度比較 (links to last year's file relative
 * to the output) and the summary sheets, neither input changed; --cost-threshold, --in-place,
 * and a wrong number of workbooks.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import Ajv from 'ajv';
import JSZip from 'jszip';
import { main } from '../../src/cli/main';
import { yearPair, yearWorkbook } from '../../bench/yearPair';

const schema = JSON.parse(fs.readFileSync(path.join(__dirname, '../../schema/year-diff.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

describe('compare', () => {
  let dir: string;
  let planted: ReturnType<typeof yearPair>['planted'];
  const R5 = () => path.join(dir, 'R5', '評価.xlsx');
  const R6 = () => path.join(dir, 'R6', '評価.xlsx');

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hyoka-compare-'));
    fs.mkdirSync(path.join(dir, 'R5'));
    fs.mkdirSync(path.join(dir, 'R6'));
    const p = yearPair(14, true);
    planted = p.planted;
    fs.writeFileSync(R5(), await yearWorkbook(p.last, 'last'));
    fs.writeFileSync(R6(), await yearWorkbook(p.cur, 'this'));
  }, 60000);

  it('writes the diff JSON and a copy of this year with 前年度比較, changing neither input', async () => {
    const before = [fs.readFileSync(R5()), fs.readFileSync(R6())];
    const out = path.join(dir, 'R6', 'compared.xlsx');
    const json = path.join(dir, 'diff.json');
    const r = await run(['compare', R5(), R6(), '--out', out, '--json', json]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/前年度比較を作成しました: .*compared\.xlsx \(評価サマリー, 事業サマリー, .*前年度比較, 検証結果, 実行ログ\)/);
    expect(r.out).toMatch(/変更 13 件（警告 7・情報 6）/);
    expect(fs.readFileSync(R5()).equals(before[0])).toBe(true);
    expect(fs.readFileSync(R6()).equals(before[1])).toBe(true);

    const diff = JSON.parse(fs.readFileSync(json, 'utf8'));
    expect(validate(diff)).toBe(true);
    expect(validate.errors ?? []).toEqual([]);
    expect(diff.changes.map((c: { rule: string }) => c.rule).sort()).toEqual(planted.map((p) => p.rule).sort());
    // Last year's cells are named relative to the output workbook's folder.
    expect(diff.last.file).toBe('../R5/評価.xlsx');
    expect(diff.changes.find((c: { rule: string }) => c.rule === 'project-ended').last.file).toBe('../R5/評価.xlsx');

    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    const rels = await Promise.all(Object.keys(zip.files).filter((n) => /worksheets\/_rels/.test(n)).map((n) => zip.file(n)!.async('string')));
    expect(rels.join('')).toContain(`Target="../R5/${encodeURIComponent('評価.xlsx')}" TargetMode="External"`);
  }, 60000);

  it('--cost-threshold moves the line; --in-place writes into this year’s workbook', async () => {
    const json = path.join(dir, 'diff-50.json');
    const r = await run(['compare', R5(), R6(), '--json', json, '--no-summary', '--cost-threshold', '60%']);
    expect(r.code).toBe(0);
    const diff = JSON.parse(fs.readFileSync(json, 'utf8'));
    expect(diff.options.costThreshold).toBe(0.6);
    // The +100% general fund stays, the −33% cost goes.
    expect(diff.changes.filter((c: { rule: string }) => c.rule === 'cost-change').map((c: { item: string }) => c.item)).toEqual(['generalFund']);

    const copy = path.join(dir, 'R6', 'copy.xlsx');
    fs.copyFileSync(R6(), copy);
    const inPlace = await run(['compare', R5(), copy, '--in-place', '--lang', 'en']);
    expect(inPlace.code).toBe(0);
    expect(inPlace.out).toMatch(/Comparison written: .*copy\.xlsx/);
    const names = Object.keys((await JSZip.loadAsync(fs.readFileSync(copy))).files).filter((n) => /worksheets\/sheet\d+\.xml$/.test(n));
    expect(names.length).toBeGreaterThan(14);
  }, 60000);

  it('needs exactly two different workbooks', async () => {
    expect((await run(['compare', R6()])).code).toBe(2);
    expect((await run(['compare', R6(), R6()])).code).toBe(2);
    expect((await run(['compare', R5(), R6(), '--cost-threshold', 'lots'])).code).toBe(2);
    const missing = await run(['compare', path.join(dir, 'nope.xlsx'), R6(), '--no-summary']);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/ファイルが見つかりません/);
  });
});
