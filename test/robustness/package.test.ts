/**
 * Fuzz at the package level (issue 13, item 8): damaged zips, damaged parts, far cells, huge
 * strings, lying sizes, copied marks, odd sheet names, prefixes — each with its expected
 * outcome: a summary (findings), or one line and exit ≠ 0 with nothing written. Time and memory
 * are bounded: the heavy cases run the built CLI in a child process under a 256 MB heap and
 * report their peak RSS. HYOKA_PKG_FUZZ_N sets the number of random damages (default 120).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import JSZip from 'jszip';
import { main } from '../../src/cli/main';
import { rng } from '../../bench/generate';
import { excelCopySheet } from '../helpers/excelCopy';
import { prefixAll, rawParts, rawXlsx } from '../helpers/xlsxPackage';
import { deflateRepeated, zipBuffer } from '../helpers/zipWriter';

const ROOT = path.join(__dirname, '../..');
const SEED = fs.readFileSync(path.join(ROOT, 'test/fixtures/seed.xlsx'));
const N = Number(process.env.HYOKA_PKG_FUZZ_N ?? 120);
const SEED_RNG = Number(process.env.HYOKA_FUZZ_SEED ?? 20261130);

interface Outcome {
  code: number;
  out: string;
  err: string;
  ms: number;
  /** Files left in the run's folder besides the input. */
  left: string[];
  /** The model JSON, when one was written. */
  model?: { findings: { rule: string; sheet: string }[]; sheets: { name: string; kind: string }[] };
}

/** summarize in-process into a fresh folder, with a model JSON and an output workbook. */
async function summarize(bytes: Uint8Array, extra: string[] = []): Promise<Outcome> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hyoka-pkg-'));
  const input = path.join(dir, 'in.xlsx');
  fs.writeFileSync(input, bytes);
  let out = '';
  let err = '';
  const t = Date.now();
  const code = await main(['summarize', input, '--out', path.join(dir, 'out.xlsx'), '--json', path.join(dir, 'm.json'), ...extra], { out: (s) => (out += s), err: (s) => (err += s) });
  const ms = Date.now() - t;
  const left = fs.readdirSync(dir).filter((f) => f !== 'in.xlsx');
  const model = left.includes('m.json') ? JSON.parse(fs.readFileSync(path.join(dir, 'm.json'), 'utf8')) : undefined;
  fs.rmSync(dir, { recursive: true, force: true });
  return { code, out, err, ms, left, model };
}

/** The built CLI in a child process under a 256 MB heap; its peak RSS comes back on stderr. */
function cliChild(bytes: Uint8Array, args: string[]): Outcome & { rssMb: number } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hyoka-pkg-child-'));
  const input = path.join(dir, 'in.xlsx');
  fs.writeFileSync(input, bytes);
  const t = Date.now();
  const r = spawnSync(
    process.execPath,
    ['--max-old-space-size=256', '-r', path.join(__dirname, '../helpers/reportRss.js'), path.join(ROOT, 'bin/hyoka.js'), ...args.map((a) => (a === 'IN' ? input : a.replace('DIR', dir)))],
    { encoding: 'utf8', cwd: dir },
  );
  const ms = Date.now() - t;
  const rssMb = Number(/HYOKA_MAX_RSS_KB=(\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1024;
  const err = r.stderr.replace(/\n?HYOKA_MAX_RSS_KB=\d+\n/, '');
  const left = fs.readdirSync(dir).filter((f) => f !== 'in.xlsx');
  fs.rmSync(dir, { recursive: true, force: true });
  return { code: r.status ?? -1, out: r.stdout, err, ms, left, rssMb };
}

/** A failure the user can act on: one line, exit 1, no internal error, nothing written. */
function expectOneLine(o: Outcome, message?: RegExp): void {
  expect(o.code).toBe(1);
  expect(o.err.trim().split('\n')).toHaveLength(1);
  expect(o.err).toMatch(/^hyoka: /);
  expect(o.err).not.toMatch(/内部エラー|Internal error/);
  if (message) expect(o.err).toMatch(message);
  expect(o.left).toEqual([]);
}

describe('named cases', () => {
  it('far cell (A1 + XFD1048576): the answer in bounded time and memory', async () => {
    const bytes = await rawXlsx({
      sheets: [
        { name: '方眼紙', body: '<row r="1"><c r="A1" t="inlineStr"><is><t>メモ</t></is></c></row><row r="1048576"><c r="XFD1048576"><v>1</v></c></row>' },
        { name: '政策分野9', body: '' },
      ],
    });
    const o = cliChild(bytes, ['inspect', 'IN', '--lang', 'en']);
    expect(o.code).toBe(0);
    expect(o.rssMb).toBeLessThan(300);
    expect(o.ms).toBeLessThan(15000);
  });

  it('one 300 MB shared string in a small package: refused before it inflates', () => {
    const sst = deflateRepeated(`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>`, Buffer.alloc(1 << 20, 0x78), 300, '</t></si></sst>');
    const parts = rawParts({ sheets: [{ name: 'S', body: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' }], sharedStrings: [] });
    const bytes = zipBuffer(parts.map((p) => (p.name === 'xl/sharedStrings.xml' ? { name: p.name, data: sst } : p)));
    expect(bytes.length).toBeLessThan(1024 * 1024);
    const o = cliChild(bytes, ['summarize', 'IN', '--out', 'DIR/out.xlsx']);
    expectOneLine(o, /上限を超えている/);
    expect(o.rssMb).toBeLessThan(300);
    expect(o.ms).toBeLessThan(10000);
  });

  it('a 10 MB string inside the part limit: stopped by the string limit while it streams', () => {
    const sst = deflateRepeated(`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>`, Buffer.alloc(1 << 20, 0x79), 10, '</t></si></sst>');
    const parts = rawParts({ sheets: [{ name: 'S', body: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' }], sharedStrings: [] });
    const o = cliChild(zipBuffer(parts.map((p) => (p.name === 'xl/sharedStrings.xml' ? { name: p.name, data: sst } : p))), ['summarize', 'IN', '--out', 'DIR/out.xlsx']);
    expectOneLine(o, /上限を超えている.*131,072/);
    expect(o.rssMb).toBeLessThan(300);
  });

  it('a part larger than its zip entry says (a lying size): refused as damaged as soon as it passes it', () => {
    const rows = deflateRepeated('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>', Buffer.from('<row><c><v>1</v></c></row>'.repeat(40000)), 50, '</sheetData></worksheet>');
    const parts = rawParts({ sheets: [{ name: 'S', body: '' }] });
    const bytes = zipBuffer(parts.map((p) => (p.name === 'xl/worksheets/sheet1.xml' ? { name: p.name, data: rows, declaredSize: 1000 } : p)));
    const o = cliChild(bytes, ['summarize', 'IN', '--out', 'DIR/out.xlsx']);
    expectOneLine(o, /壊れている/);
    expect(o.rssMb).toBeLessThan(300);
  });

  it('more non-empty cells than the limit: one line', () => {
    const row = (r: number) => `<row r="${r}">${'<c><v>1</v></c>'.repeat(1000)}</row>`;
    const body = Array.from({ length: 2100 }, (_, i) => row(i + 1)).join('');
    const o = cliChild(zipBuffer(rawParts({ sheets: [{ name: 'S', body }] })), ['summarize', 'IN', '--out', 'DIR/out.xlsx']);
    expectOneLine(o, /上限を超えている.*2,000,000/);
  });

  it('a DOCTYPE with an entity (XXE): refused as a damaged part', async () => {
    const zip = await JSZip.loadAsync(SEED);
    const wb = await zip.file('xl/workbook.xml')!.async('string');
    zip.file('xl/workbook.xml', wb.replace('<workbook', '<!DOCTYPE workbook [<!ENTITY x SYSTEM "file:///etc/passwd">]><workbook').replace('name="政策分野9"', 'name="&x;"'));
    expectOneLine(await summarize(await zip.generateAsync({ type: 'uint8array' })), /壊れている.*xl\/workbook\.xml/);
  });

  it('SpreadsheetML with a namespace prefix everywhere: summarized like the plain workbook', async () => {
    const plain = await summarize(SEED);
    const pre = await summarize(await prefixAll(new Uint8Array(SEED)));
    expect(pre.code).toBe(0);
    expect(pre.out.split('\n').slice(-2)[0].replace(/\d+ ms/, '')).toBe(plain.out.split('\n').slice(-2)[0].replace(/\d+ ms/, ''));
  });

  it.each(['目標>実績', 'R&D "計画"', "政策分野9 (写し)'s", '😀 絵文字のシート名', '１２３４５６７８９０１２３４５６７８９０１２３４５６７８９０１'])('odd sheet name %j: read and summarized', async (name) => {
    const zip = await JSZip.loadAsync(SEED);
    const wb = await zip.file('xl/workbook.xml')!.async('string');
    const esc = name.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
    zip.file('xl/workbook.xml', wb.replace('name="政策分野9"', `name="${esc}"`));
    const o = await summarize(await zip.generateAsync({ type: 'uint8array' }));
    expect(o.err).toBe('');
    expect(o.code).toBe(0);
    expect(o.out).toMatch(/政策分野 1、指標 3/);
  });

  it('a copied summary sheet: the re-run keeps the copy, says so, and reports it in the findings', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hyoka-pkg-copy-'));
    const once = path.join(dir, 'once.xlsx');
    let out = '';
    expect(await main(['summarize', path.join(ROOT, 'test/fixtures/seed.xlsx'), '--out', once], { out: (s) => (out += s), err: () => undefined })).toBe(0);
    const copied = await excelCopySheet(new Uint8Array(fs.readFileSync(once)), '評価サマリー', '評価サマリー 控え', { note: 'メモ', deleteOriginal: true });
    const o = await summarize(copied, ['--lang', 'en']);
    expect(o.code).toBe(0);
    expect(o.out).toMatch(/kept as yours.*評価サマリー 控え \(a copy\)/);
    expect(o.model!.findings.filter((f) => f.rule === 'sheet-kept-mark').map((f) => f.sheet)).toEqual(['評価サマリー 控え']);
    expect(o.model!.sheets.find((s) => s.name === '評価サマリー 控え')!.kind).toBe('unknown');
  });
});

/** Random damage to the seed package: to the zip's bytes, or to one XML part's text. */
async function damaged(r: () => number): Promise<{ what: string; bytes: Uint8Array }> {
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const kind = Math.floor(r() * 6);
  if (kind === 0) {
    const at = Math.floor(r() * SEED.length);
    return { what: `zip truncated at ${at}`, bytes: new Uint8Array(SEED.subarray(0, at)) };
  }
  if (kind === 1) {
    const b = Buffer.from(SEED);
    const flips = 1 + Math.floor(r() * 8);
    for (let i = 0; i < flips; i++) b[Math.floor(r() * b.length)] ^= 1 + Math.floor(r() * 255);
    return { what: `${flips} bytes flipped`, bytes: new Uint8Array(b) };
  }
  const zip = await JSZip.loadAsync(SEED);
  const part = pick(Object.keys(zip.files).filter((n) => n.endsWith('.xml') || n.endsWith('.rels')));
  let text = await zip.file(part)!.async('string');
  const at = Math.floor(r() * text.length);
  const junk = pick(['<', '&', '&bogus;', ']]>', '\u0000', '</x>', '<a b="1" b="2"/>', '"', "<!DOCTYPE x>", '<?pi?>', '\uFFFF', 'r:id="rId999"']);
  if (kind === 2) text = text.slice(0, at);
  else if (kind === 3) text = text.slice(0, at) + junk + text.slice(at);
  else if (kind === 4) text = text.slice(0, at) + text.slice(at + 1 + Math.floor(r() * 40));
  else text = text.replace(/Target="[^"]*"/, `Target="${pick(['../../../etc/passwd', 'missing.xml', '', '%ZZ', 'C:\\\\x'])}"`);
  zip.file(part, text);
  return { what: `${['', '', 'truncated', 'junk ' + JSON.stringify(junk), 'cut', 'retargeted'][kind]} in ${part} at ${at}`, bytes: await zip.generateAsync({ type: 'uint8array' }) };
}

it(`${N} randomly damaged packages: a summary or one line, never a crash (seed ${SEED_RNG})`, async () => {
  const r = rng(SEED_RNG);
  const outcomes = { summarized: 0, refused: 0 };
  // Memory is measured as growth over this test: the worker has run other suites before it.
  const rssBefore = process.memoryUsage().rss;
  for (let n = 0; n < N; n++) {
    const { what, bytes } = await damaged(r);
    const o = await summarize(bytes);
    try {
      expect(o.ms).toBeLessThan(10000);
      if (o.code === 0) {
        expect(o.left.sort()).toEqual(['m.json', 'out.xlsx']);
        outcomes.summarized++;
      } else {
        expectOneLine(o);
        outcomes.refused++;
      }
    } catch (e) {
      throw new Error(`#${n} (${what}): ${(e as Error).message}\n${o.err}`);
    }
  }
  // Both outcomes occur: the damage reaches the parsers, not only the zip reader.
  expect(outcomes.summarized).toBeGreaterThan(0);
  expect(outcomes.refused).toBeGreaterThan(N / 4);
  expect((process.memoryUsage().rss - rssBefore) / 1024 / 1024).toBeLessThan(1024);
});
