/**
 * The CLI's files (issue 13, item 4): --in-place on read-only files and symbolic links, the
 * file's mode, the output's extension and content type, damaged parts classified, and
 * nothing written unless the whole run succeeds.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import JSZip from 'jszip';
import { main } from '../../src/cli/main';

const SEED = path.join(__dirname, '../fixtures/seed.xlsx');
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'hyoka-files-'));

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

/** The seed workbook with parts edited. */
async function seedWith(edit: (zip: JSZip) => Promise<unknown>): Promise<Buffer> {
  const zip = await JSZip.loadAsync(fs.readFileSync(SEED));
  await edit(zip);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const text = (zip: JSZip, name: string) => zip.file(name)!.async('string');
const MACRO = 'application/vnd.ms-excel.sheet.macroEnabled.main+xml';
const MAIN = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';

/** Nothing but the input is left in the folder: no output, no JSON, no temporary file. */
function onlyInput(dir: string, input: string): void {
  expect(fs.readdirSync(dir)).toEqual([path.basename(input)]);
}

describe('--in-place', () => {
  it('refuses a read-only file with one clear line and leaves it (and its mode) as it was', async () => {
    const dir = tmp();
    const f = path.join(dir, 'ro.xlsx');
    fs.copyFileSync(SEED, f);
    fs.chmodSync(f, 0o444);
    const before = fs.readFileSync(f);
    const r = await run(['summarize', f, '--in-place']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/読み取り専用のファイルなので上書きしません/);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(fs.readFileSync(f).equals(before)).toBe(true);
    expect(fs.statSync(f).mode & 0o777).toBe(0o444);
    onlyInput(dir, f);
  });

  it('keeps the mode of the file it replaces', async () => {
    const dir = tmp();
    const f = path.join(dir, 'shared.xlsx');
    fs.copyFileSync(SEED, f);
    fs.chmodSync(f, 0o640);
    const r = await run(['summarize', f, '--in-place']);
    expect(r.code).toBe(0);
    expect(fs.statSync(f).mode & 0o777).toBe(0o640);
    expect(Object.keys((await JSZip.loadAsync(fs.readFileSync(f))).files).length).toBeGreaterThan(Object.keys((await JSZip.loadAsync(fs.readFileSync(SEED))).files).length);
  });

  it('writes through a symbolic link to the real workbook, keeps the link, and says so', async () => {
    const dir = tmp();
    const real = path.join(dir, 'real.xlsx');
    const link = path.join(dir, 'link.xlsx');
    fs.copyFileSync(SEED, real);
    fs.symlinkSync(real, link);
    const r = await run(['summarize', link, '--in-place', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`written through the symbolic link to ${real}`);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    const sheets = async (f: string) => (await text(await JSZip.loadAsync(fs.readFileSync(f)), 'xl/workbook.xml')).match(/<sheet /g)!.length;
    expect(await sheets(real)).toBe((await sheets(SEED)) + 5);
  });
});

describe('the output keeps the workbook format', () => {
  it('macro.xlsm → macro-summary.xlsm with the macro-enabled content type (Excel refuses it as .xlsx)', async () => {
    const dir = tmp();
    const f = path.join(dir, 'macro.xlsm');
    fs.writeFileSync(f, await seedWith(async (z) => z.file('[Content_Types].xml', (await text(z, '[Content_Types].xml')).replace(MAIN, MACRO))));
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const r = await run(['summarize', f]);
      expect(r.code).toBe(0);
    } finally {
      process.chdir(cwd);
    }
    expect(fs.existsSync(path.join(dir, 'macro-summary.xlsx'))).toBe(false);
    const out = await JSZip.loadAsync(fs.readFileSync(path.join(dir, 'macro-summary.xlsm')));
    expect(await text(out, '[Content_Types].xml')).toContain(MACRO);
  });

  it('refuses --out with an extension the format does not allow, before writing anything', async () => {
    const dir = tmp();
    const f = path.join(dir, 'macro.xlsm');
    fs.writeFileSync(f, await seedWith(async (z) => z.file('[Content_Types].xml', (await text(z, '[Content_Types].xml')).replace(MAIN, MACRO))));
    const r = await run(['summarize', f, '--out', path.join(dir, 'out.xlsx'), '--json', path.join(dir, 'm.json')]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/拡張子が入力の形式と合いません.*\.xlsm/);
    onlyInput(dir, f);
  });
});

describe('damaged or unsupported packages: one line, nothing written', () => {
  const cases: [string, (z: JSZip) => Promise<unknown>, RegExp][] = [
    [
      'a truncated [Content_Types].xml',
      async (z) => z.file('[Content_Types].xml', (await text(z, '[Content_Types].xml')).slice(0, 300)),
      /ブックが壊れているため読めません.*\[Content_Types\]\.xml/,
    ],
    ['a truncated styles.xml', async (z) => z.file('xl/styles.xml', (await text(z, 'xl/styles.xml')).slice(0, 400)), /ブックが壊れているため読めません.*xl\/styles\.xml/],
    [
      'Strict Open XML',
      async (z) => {
        z.file('_rels/.rels', (await text(z, '_rels/.rels')).replace('http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument', 'http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument'));
        z.file('xl/workbook.xml', (await text(z, 'xl/workbook.xml')).replace('http://schemas.openxmlformats.org/spreadsheetml/2006/main', 'http://purl.oclc.org/ooxml/spreadsheetml/main'));
      },
      /Strict Open XML 形式のブックには対応していません/,
    ],
  ];
  it.each(cases)('%s', async (_name, edit, message) => {
    const dir = tmp();
    const f = path.join(dir, 'in.xlsx');
    fs.writeFileSync(f, await seedWith(edit));
    const r = await run(['summarize', f, '--json', path.join(dir, 'm.json'), '--out', path.join(dir, 'out.xlsx')]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(/内部エラー/);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    onlyInput(dir, f);
  });
});

describe('output paths', () => {
  it('--out in a folder that does not exist: one clear line, and no model JSON either', async () => {
    const dir = tmp();
    const f = path.join(dir, 'in.xlsx');
    fs.copyFileSync(SEED, f);
    const r = await run(['summarize', f, '--json', path.join(dir, 'm.json'), '--out', path.join(dir, 'no/such/out.xlsx')]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/出力先のフォルダーがありません/);
    expect(r.err).not.toMatch(/内部エラー|ENOENT/);
    onlyInput(dir, f);
  });

  it('--out naming a folder: one clear line, no temporary file left behind', async () => {
    const dir = tmp();
    const f = path.join(dir, 'in.xlsx');
    fs.copyFileSync(SEED, f);
    fs.mkdirSync(path.join(dir, 'folder.xlsx'));
    const r = await run(['summarize', f, '--out', path.join(dir, 'folder.xlsx'), '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/The output is a folder/);
    expect(fs.readdirSync(dir).sort()).toEqual(['folder.xlsx', 'in.xlsx']);
    expect(fs.readdirSync(path.join(dir, 'folder.xlsx'))).toEqual([]);
  });
});
