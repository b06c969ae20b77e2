/** The `hyoka` command, run in-process: the main job, its outputs, and one clear line per bad file. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { compoundFile } from '../helpers/cfb';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'hyoka-cli-'));
const SEED = path.join(__dirname, '../fixtures/seed.xlsx');

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

it('summarize writes the model JSON and a summarized workbook next to nothing it should not touch', async () => {
  const dir = tmp();
  const input = path.join(dir, 'in.xlsx');
  fs.copyFileSync(SEED, input);
  const before = fs.readFileSync(input);
  const r = await run(['summarize', input, '--out', path.join(dir, 'out.xlsx'), '--json', path.join(dir, 'model.json')]);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  expect(r.out).toMatch(/サマリーを作成しました/);
  const model = JSON.parse(fs.readFileSync(path.join(dir, 'model.json'), 'utf8'));
  expect(model.policyFields[0]).toMatchObject({ id: '9', name: '社会参画', asOf: 2022 });
  expect(fs.existsSync(path.join(dir, 'out.xlsx'))).toBe(true);
  expect(fs.readFileSync(input).equals(before)).toBe(true);
});

it('summarize with no file uses the bundled sample', async () => {
  const dir = tmp();
  const r = await run(['summarize', '--json', path.join(dir, 'm.json'), '--no-summary', '--lang', 'en']);
  expect(r.code).toBe(0);
  expect(r.out).toMatch(/1 policy fields, 3 KPIs/);
});

it('inspect prints the sheet kinds and a compact table', async () => {
  const r = await run(['inspect', SEED, '--lang', 'en']);
  expect(r.code).toBe(0);
  expect(r.out).toMatch(/政策分野9\tpolicyField — policy field sheet\theading 政策分野9 社会参画 at A5/);
  expect(r.out).toMatch(/KPI 1 NPO・ボランティアと市の協働事業数 \[事業\] increase/);
  expect(r.out).toMatch(/3-9 障がい者就労支援施設等からの優先調達/);
});

it('--as-of accepts era forms', async () => {
  const dir = tmp();
  const r = await run(['summarize', SEED, '--as-of', 'R5', '--json', path.join(dir, 'm.json'), '--no-summary']);
  expect(r.code).toBe(0);
  expect(JSON.parse(fs.readFileSync(path.join(dir, 'm.json'), 'utf8')).policyFields[0].asOf).toBe(2023);
});

describe('bad input: one line in the user language, a non-zero exit, no stack trace', () => {
  const dir = tmp();
  const write = (name: string, bytes: Buffer | string) => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, bytes);
    return p;
  };
  const xls = fs.readFileSync(path.join(__dirname, '../fixtures/error.xls-named-xlsx.xlsx'));
  const encrypted = compoundFile(['EncryptionInfo', 'EncryptedPackage']);
  const cases: [string, () => string, RegExp, RegExp][] = [
    ['missing file', () => path.join(dir, 'nope.xlsx'), /ファイルが見つかりません/, /File not found/],
    ['empty file', () => write('empty.xlsx', ''), /ファイルが空です/, /empty/],
    ['a CSV renamed', () => write('data.xlsx', '指標名,目標\nA,1\n'), /Excelブック（\.xlsx）ではありません/, /Not an Excel workbook/],
    ['an .xls file', () => write('old.xls', xls), /古い形式（\.xls）/, /old-format/],
    // Decided by content, not by the name (issue 13: a real .xls named .xlsx was called password-protected).
    ['a real .xls named .xlsx', () => write('old-named.xlsx', xls), /古い形式（\.xls）/, /old-format/],
    ['a password-protected .xlsx', () => write('locked.xlsx', encrypted), /パスワードで保護/, /password-protected/],
    ['a password-protected workbook named .xls', () => write('locked.xls', encrypted), /パスワードで保護/, /password-protected/],
    ['another compound file (a .doc renamed)', () => write('memo.xlsx', compoundFile(['WordDocument'])), /Excelブック（\.xlsx）ではありません/, /Not an Excel workbook/],
    ['a corrupt zip', () => write('broken.xlsx', Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(100, 7)])), /壊れている/, /damaged/],
    // A folder is a consolidation (issue 15): each file is tried, and none of these can be read.
    ['a folder of unreadable files', () => dir, /読み込めたブックがありません/, /No workbook could be read/],
  ];
  it.each(cases)('%s', async (_name, file, ja, en) => {
    const f = file();
    const a = await run(['summarize', f, '--no-summary']);
    expect(a.code).toBe(1);
    expect(a.err).toMatch(ja);
    expect(a.err.trim().split('\n')).toHaveLength(1);
    expect(a.err).not.toMatch(/\n\s+at /);
    const b = await run(['summarize', f, '--no-summary', '--lang', 'en']);
    expect(b.err).toMatch(en);
  });
  it('--debug adds the stack trace', async () => {
    const f = write('broken2.xlsx', Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(100, 7)]));
    const r = await run(['summarize', f, '--no-summary', '--debug']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/\n\s+at /);
  });
  it('a workbook with no policy field says so', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('メモ').getCell('A1').value = 'hello';
    const f = write('memo.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    const r = await run(['summarize', f, '--no-summary']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/評価シートが見つかりません/);
  });
  it('refuses to overwrite the input without --in-place', async () => {
    const f = path.join(dir, 'same.xlsx');
    fs.copyFileSync(SEED, f);
    const r = await run(['summarize', f, '--out', f]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/--in-place/);
  });
  it('bad options exit 2', async () => {
    expect((await run(['summarize', SEED, '--lang', 'fr'])).code).toBe(2);
    expect((await run(['summarize', SEED, '--as-of', 'someday'])).code).toBe(2);
    expect((await run(['frobnicate'])).code).toBe(2);
  });
});

it('summarizing its own output again gives the same summary sheets (Hyōka sheets are not read as sources)', async () => {
  const dir = tmp();
  const once = path.join(dir, 'once.xlsx');
  const twice = path.join(dir, 'twice.xlsx');
  expect((await run(['summarize', SEED, '--out', once, '--json', path.join(dir, 'm1.json')])).code).toBe(0);
  expect((await run(['summarize', once, '--out', twice, '--json', path.join(dir, 'm2.json')])).code).toBe(0);
  const m1 = JSON.parse(fs.readFileSync(path.join(dir, 'm1.json'), 'utf8'));
  const m2 = JSON.parse(fs.readFileSync(path.join(dir, 'm2.json'), 'utf8'));
  expect(m2.sheets.filter((s: { kind: string }) => s.kind === 'hyokaSummary').length).toBe(5);
  expect(m2.policyFields).toEqual(m1.policyFields);
  expect(m2.findings).toEqual(m1.findings);
  const JSZip = (await import('jszip')).default;
  const names = async (f: string) => Object.keys((await JSZip.loadAsync(fs.readFileSync(f))).files).sort();
  expect(await names(twice)).toEqual(await names(once));
});

it('--direction and --grades override the inference and the grade table', async () => {
  const dir = tmp();
  const r = await run(['summarize', SEED, '--direction', '9/2=decrease', '--grades', 'S=100,A=70,B=0', '--json', path.join(dir, 'm.json'), '--no-summary']);
  expect(r.code).toBe(0);
  const m = JSON.parse(fs.readFileSync(path.join(dir, 'm.json'), 'utf8'));
  const [k1, k2] = m.policyFields[0].indicators;
  expect(k2.direction).toBe('decrease');
  expect(k2.directionInfo.rule).toBe('override');
  expect(k2.years[0]).toMatchObject({ status: 'achieved', achievementRate: 155 / 75 });
  expect(k1.grade).toBe('A'); // 55/73 = 75% ≥ 70%
  expect((await run(['summarize', SEED, '--direction', '9/2=down'])).code).toBe(2);
});

it('a structure-protected workbook is reported, not forced, and the input stays as it was', async () => {
  const JSZip = (await import('jszip')).default;
  const zip = await JSZip.loadAsync(fs.readFileSync(SEED));
  const wb = await zip.file('xl/workbook.xml')!.async('string');
  zip.file('xl/workbook.xml', wb.replace('<sheets>', '<workbookProtection lockStructure="1"/><sheets>'));
  const dir = tmp();
  const f = path.join(dir, 'locked.xlsx');
  fs.writeFileSync(f, await zip.generateAsync({ type: 'nodebuffer' }));
  const before = fs.readFileSync(f);
  const r = await run(['summarize', f, '--out', path.join(dir, 'out.xlsx')]);
  expect(r.code).toBe(1);
  expect(r.err).toMatch(/保護されているため書き込めません/);
  expect(fs.existsSync(path.join(dir, 'out.xlsx'))).toBe(false);
  expect(fs.readFileSync(f).equals(before)).toBe(true);
});
