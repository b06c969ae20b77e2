/**
 * `hyoka summarize` over several workbooks and folders (issue 15): a progress line per file, a
 * bad file skipped with its reason while the rest go on, a new workbook whose links point to the
 * inputs relative to it, no input changed, the model JSON schema-valid; nothing written on failure.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import Ajv from 'ajv';
import JSZip from 'jszip';
import { main } from '../../src/cli/main';
import { cityFields, departmentWorkbooks } from '../../bench/city';

const schema = JSON.parse(fs.readFileSync(path.join(__dirname, '../../schema/evaluation-model.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

async function run(argv: string[], cwd?: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const before = process.cwd();
  if (cwd) process.chdir(cwd);
  try {
    const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s) });
    return { code, out, err };
  } finally {
    process.chdir(before);
  }
}

describe('summarize A.xlsx B.xlsx DIR/', () => {
  let dir: string;
  let depts: { name: string; bytes: Buffer }[];
  const stamp = () => Object.fromEntries(fs.readdirSync(path.join(dir, 'depts')).map((n) => [n, fs.readFileSync(path.join(dir, 'depts', n)).toString('base64')]));

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hyoka-city-'));
    fs.mkdirSync(path.join(dir, 'depts'));
    fs.mkdirSync(path.join(dir, 'out'));
    depts = await departmentWorkbooks(cityFields(8), 4);
    for (const d of depts.slice(0, 3)) fs.writeFileSync(path.join(dir, 'depts', d.name), d.bytes);
    fs.writeFileSync(path.join(dir, 'extra.xlsx'), depts[3].bytes);
    // A damaged workbook in the folder, Excel's lock file and a text file beside it.
    fs.writeFileSync(path.join(dir, 'depts', '00-壊れた.xlsx'), Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(64, 7)]));
    fs.writeFileSync(path.join(dir, 'depts', '~$01-企画政策部.xlsx'), 'lock');
    fs.writeFileSync(path.join(dir, 'depts', 'readme.txt'), 'memo');
  }, 60000);

  it('reads every workbook, skips the damaged one with its reason, and writes the city summary', async () => {
    const before = stamp();
    const r = await run(['summarize', 'depts/', 'extra.xlsx', '--out', 'out/city.xlsx', '--json', 'out/city.json'], dir);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n');
    // One progress line per file, in name order, the damaged one saying why.
    expect(lines.slice(0, 5)).toEqual([
      expect.stringMatching(/^\[1\/5\] depts\/00-壊れた\.xlsx: スキップ — ブックが壊れているため読めません/),
      expect.stringMatching(/^\[2\/5\] depts\/01-企画政策部\.xlsx: シート 3 枚 \(\d+ ms\)$/),
      expect.stringMatching(/^\[3\/5\] depts\/02-総務部\.xlsx: /),
      expect.stringMatching(/^\[4\/5\] depts\/03-市民部\.xlsx: /),
      expect.stringMatching(/^\[5\/5\] extra\.xlsx: シート 3 枚/),
    ]);
    expect(r.out).toMatch(/全体サマリーを作成しました: out\/city\.xlsx \(全体サマリー, 評価サマリー/);
    expect(r.out).toMatch(/ブック 4 冊（スキップ 1）、政策分野 8、/);
    expect(stamp()).toEqual(before);

    const model = JSON.parse(fs.readFileSync(path.join(dir, 'out/city.json'), 'utf8'));
    expect(validate(model)).toBe(true);
    expect(validate.errors ?? []).toEqual([]);
    expect(model.policyFields.map((f: { id: string }) => f.id)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    // Relative to the output's folder, so the folders can move together.
    // The workbooks read, in order, then those skipped.
    expect(model.sources.map((s: { file: string; status: string }) => [s.file, s.status])).toEqual([
      ['../depts/01-企画政策部.xlsx', 'read'],
      ['../depts/02-総務部.xlsx', 'read'],
      ['../depts/03-市民部.xlsx', 'read'],
      ['../extra.xlsx', 'read'],
      ['../depts/00-壊れた.xlsx', 'skipped'],
    ]);
    expect(model.policyFields[0].source.file).toBe('../depts/01-企画政策部.xlsx');

    const zip = await JSZip.loadAsync(fs.readFileSync(path.join(dir, 'out/city.xlsx')));
    const rels = await zip.file('xl/worksheets/_rels/sheet1.xml.rels')!.async('string');
    expect(rels).toContain(`Target="../depts/${encodeURIComponent('01-企画政策部.xlsx')}" TargetMode="External"`);
  }, 60000);

  it('writes nothing when no workbook can be read', async () => {
    fs.mkdirSync(path.join(dir, 'bad'));
    fs.writeFileSync(path.join(dir, 'bad', 'a.xlsx'), 'not a workbook');
    const r = await run(['summarize', 'bad/', 'nowhere.xlsx', '--out', 'bad-city.xlsx'], dir);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/スキップ: nowhere\.xlsx — ファイルが見つかりません/);
    expect(r.err).toMatch(/読み込めたブックがありません/);
    expect(fs.existsSync(path.join(dir, 'bad-city.xlsx'))).toBe(false);
  });

  it('does not read its own earlier output from the folder, and refuses --in-place', async () => {
    const folder = path.join(dir, 'depts');
    const first = await run(['summarize', 'depts/', '--out', 'depts/city.xlsx', '--lang', 'en'], dir);
    expect(first.code).toBe(0);
    const again = await run(['summarize', 'depts/', '--out', 'depts/city.xlsx', '--lang', 'en'], dir);
    expect(again.code).toBe(0);
    expect(again.out).not.toMatch(/city\.xlsx: \d+ sheets/);
    expect(again.out).toMatch(/3 workbooks \(1 skipped\), 6 policy fields/);
    fs.rmSync(path.join(folder, 'city.xlsx'));
    expect((await run(['summarize', 'depts/', 'extra.xlsx', '--in-place'], dir)).code).toBe(2);
  });
});
