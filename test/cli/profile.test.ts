/**
 * Layout profiles on the command line: inspect --profile-out writes the reading as a profile,
 * summarize --profile reads with it (the same model), a taught layout reads through a profile
 * file, a broken profile is refused with each problem, and a profile saved in the workbook by
 * the task pane applies without a flag.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { main } from '../../src/cli/main';
import { TWO_TABLE_PROFILE, twoTableSheet } from '../core/profile/cases';
import { SheetDraft } from '../../bench/families/draft';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'hyoka-prof-'));
const FLAT = path.join(__dirname, '../fixtures/families/flat-export-unlabelled.xlsx');

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

const modelOf = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8'));

async function twoTableWorkbook(file: string, settings?: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const s = twoTableSheet();
  const d = new SheetDraft(s.name);
  for (const c of s.cells!) d.put(c.row, c.col, c.value as string | number);
  d.writeTo(wb.addWorksheet(s.name));
  let bytes: Uint8Array = Buffer.from(await wb.xlsx.writeBuffer());
  if (settings !== undefined) {
    // What Excel writes for Office.context.document.settings (each value JSON-serialized).
    const zip = await JSZip.loadAsync(bytes);
    const value = JSON.stringify(settings).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
    zip.file(
      'xl/webextensions/webextension1.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="{00000000-0000-0000-0000-000000000001}"><we:reference id="hyoka" version="1.0.0.0" store="developer" storeType="Registry"/><we:alternateReferences/><we:properties><we:property name="hyoka.settings" value="${value}"/></we:properties><we:bindings/><we:snapshot/></we:webextension>`,
    );
    bytes = await zip.generateAsync({ type: 'nodebuffer' });
  }
  fs.writeFileSync(file, bytes);
}

it('inspect --profile-out, then summarize --profile: the same model', async () => {
  const dir = tmp();
  const prof = path.join(dir, 'layout.json');
  const a = await run(['inspect', FLAT, '--profile-out', prof]);
  expect(a.code).toBe(0);
  expect(a.out).toMatch(/読み取り設定を書き出しました/);
  const profile = modelOf(prof);
  expect(profile).toMatchObject({ profileVersion: 1, sheets: [{ family: 'projectTable' }] });
  await run(['summarize', FLAT, '--no-summary', '--json', path.join(dir, 'auto.json')]);
  const b = await run(['summarize', FLAT, '--no-summary', '--json', path.join(dir, 'with.json'), '--profile', prof]);
  expect(b.code).toBe(0);
  expect(modelOf(path.join(dir, 'with.json')).policyFields).toEqual(modelOf(path.join(dir, 'auto.json')).policyFields);
});

it('a layout no recognizer reads is summarized through a profile file', async () => {
  const dir = tmp();
  const book = path.join(dir, 'kpi.xlsx');
  await twoTableWorkbook(book);
  const without = await run(['summarize', book, '--no-summary', '--json', path.join(dir, 'm0.json')]);
  expect(without.code).toBe(1);
  expect(without.err).toMatch(/評価シートが見つかりません/);
  fs.writeFileSync(path.join(dir, 'p.json'), JSON.stringify(TWO_TABLE_PROFILE));
  const r = await run(['summarize', book, '--out', path.join(dir, 'out.xlsx'), '--json', path.join(dir, 'm.json'), '--profile', path.join(dir, 'p.json')]);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  const field = modelOf(path.join(dir, 'm.json')).policyFields[0];
  expect(field.indicators.map((i: { name: string }) => i.name)).toEqual(['協働事業数', '市民活動団体数', '交通事故件数']);
  expect(fs.statSync(path.join(dir, 'out.xlsx')).size).toBeGreaterThan(5000);
});

it('a broken profile is refused, each problem named, and nothing is written', async () => {
  const dir = tmp();
  const p = path.join(dir, 'bad.json');
  fs.writeFileSync(p, JSON.stringify({ profileVersion: 1, sheets: [{ match: {}, family: 'custom', layout: { level: 'town', kind: 'kpi', owner: {}, tables: [] } }] }));
  const r = await run(['summarize', FLAT, '--profile', p, '--json', path.join(dir, 'm.json'), '--lang', 'en']);
  expect(r.code).toBe(1);
  expect(r.err).toMatch(/The layout profile has errors/);
  expect(r.err).toMatch(/\$\.sheets\[0\]\.match: needs a name or a signature/);
  expect(r.err).toMatch(/\$\.sheets\[0\]\.layout\.level: is not one of/);
  expect(fs.existsSync(path.join(dir, 'm.json'))).toBe(false);
  fs.writeFileSync(p, '{ not json');
  expect((await run(['inspect', FLAT, '--profile', p])).err).toMatch(/読み取り設定（プロファイル）に誤りがあるため使えません/);
});

it('a profile the task pane saved in the workbook applies without a flag', async () => {
  const dir = tmp();
  const book = path.join(dir, 'kpi.xlsx');
  // The pane stores its settings as one JSON string under hyoka.settings.
  await twoTableWorkbook(book, JSON.stringify({ sheetKinds: {}, asOf: {}, directions: {}, grades: [], profile: TWO_TABLE_PROFILE }));
  const r = await run(['summarize', book, '--no-summary', '--json', path.join(dir, 'm.json')]);
  expect(r.err).toBe('');
  expect(r.out).toMatch(/ブックに保存された読み取り設定で読みました/);
  expect(modelOf(path.join(dir, 'm.json')).policyFields[0].id).toBe('12');
});

describe('several workbooks', () => {
  const saved = JSON.stringify({ sheetKinds: {}, asOf: {}, directions: {}, grades: [], profile: TWO_TABLE_PROFILE });

  it('summarize DIR/: each workbook its own saved profile; --profile reads every one', async () => {
    const dir = tmp();
    const books = path.join(dir, 'books');
    fs.mkdirSync(books);
    await twoTableWorkbook(path.join(books, 'a-saved.xlsx'), saved);
    await twoTableWorkbook(path.join(books, 'b-plain.xlsx'));
    const own = await run(['summarize', books, '--out', path.join(dir, 'city.xlsx'), '--json', path.join(dir, 'own.json')]);
    expect(own.code).toBe(0);
    const files = (m: { policyFields: { indicators: { source: { file?: string } }[] }[] }) => [...new Set(m.policyFields.flatMap((f) => f.indicators.map((i) => i.source.file)))].sort();
    expect(files(modelOf(path.join(dir, 'own.json')))).toEqual(['books/a-saved.xlsx']);
    fs.writeFileSync(path.join(dir, 'p.json'), JSON.stringify(TWO_TABLE_PROFILE));
    const all = await run(['summarize', books, '--out', path.join(dir, 'city2.xlsx'), '--json', path.join(dir, 'all.json'), '--profile', path.join(dir, 'p.json')]);
    expect(all.code).toBe(0);
    const m = modelOf(path.join(dir, 'all.json'));
    // Both workbooks now read field 12: one field, the second workbook's copy reported.
    expect(m.policyFields.map((f: { id: string }) => f.id)).toEqual(['12']);
    expect(m.findings.some((f: { rule: string }) => f.rule.startsWith('consolidate-'))).toBe(true);
  });

  it('compare LAST THIS reads both with the profile file (or their saved ones)', async () => {
    const dir = tmp();
    await twoTableWorkbook(path.join(dir, 'r5.xlsx'));
    await twoTableWorkbook(path.join(dir, 'r6.xlsx'), saved);
    const without = await run(['compare', path.join(dir, 'r5.xlsx'), path.join(dir, 'r6.xlsx'), '--no-summary', '--json', path.join(dir, 'd0.json')]);
    fs.writeFileSync(path.join(dir, 'p.json'), JSON.stringify(TWO_TABLE_PROFILE));
    const r = await run(['compare', path.join(dir, 'r5.xlsx'), path.join(dir, 'r6.xlsx'), '--no-summary', '--json', path.join(dir, 'd.json'), '--profile', path.join(dir, 'p.json')]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const diff = modelOf(path.join(dir, 'd.json'));
    // Without the file last year reads nothing (it saved no profile): refused, naming the file, nothing written.
    expect(without.code).toBe(1);
    expect(without.err).toMatch(/評価シートが見つかりません/);
    expect(without.err).toContain('r5.xlsx');
    expect(fs.existsSync(path.join(dir, 'd0.json'))).toBe(false);
    // With it, the same layout twice: nothing changed.
    expect(diff.changes).toEqual([]);
  });
});
