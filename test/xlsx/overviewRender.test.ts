/**
 * The city summary of several department workbooks opens in LibreOffice Calc (headless): it
 * converts to a PDF whose first page is 全体サマリー with its city total, and LibreOffice keeps
 * both overview charts on a re-save. Skipped, with a note, without soffice.
 */
import { spawnSync } from 'child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import JSZip from 'jszip';
import { main } from '../../src/cli/main';
import { cityFields, departmentWorkbooks } from '../../bench/city';

const onPath = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const hasSoffice = onPath('soffice');
if (!hasSoffice) {
  // eslint-disable-next-line no-console
  console.warn('soffice not on PATH: skipping the 全体サマリー rendering test (apt-get install -y libreoffice-calc fonts-noto-cjk poppler-utils)');
}

(hasSoffice ? describe : describe.skip)('LibreOffice opens the city summary', () => {
  let dir: string;
  let xlsx: string;
  const soffice = (outdir: string, ...args: string[]) =>
    spawnSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', ...args, '--outdir', outdir, xlsx], { timeout: 180000, encoding: 'utf8' });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hyoka-lo-city-'));
    for (const d of await departmentWorkbooks(cityFields(12), 4)) writeFileSync(join(dir, d.name), d.bytes);
    xlsx = join(dir, 'city.xlsx');
    expect(await main(['summarize', dir, '--out', xlsx], { out: () => undefined, err: () => undefined })).toBe(0);
  }, 60000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('converts to a PDF that opens on 全体サマリー with the city total', () => {
    const r = soffice(dir, '--convert-to', 'pdf');
    const pdf = join(dir, 'city.pdf');
    expect({ status: r.status, exists: existsSync(pdf) }).toEqual({ status: 0, exists: true });
    if (!onPath('pdftotext')) return;
    const first = spawnSync('pdftotext', ['-f', '1', '-l', '1', '-layout', pdf, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, '');
    for (const s of ['全体サマリー（政策分野ごとの状況）', '市全体', '01-企画政策部.xlsx', '達成割合']) expect(first).toContain(s);
  }, 200000);

  it('keeps both overview charts on a re-save', async () => {
    const outdir = join(dir, 'resaved');
    expect(soffice(outdir, '--convert-to', 'xlsx:Calc MS Excel 2007 XML').status).toBe(0);
    const zip = await JSZip.loadAsync(readFileSync(join(outdir, 'city.xlsx')));
    const titles = await Promise.all(Object.keys(zip.files).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n)).map(async (n) => /<a:t>([^<]*)<\/a:t>/.exec(await zip.file(n)!.async('string'))?.[1]));
    expect(titles).toEqual(expect.arrayContaining(['政策分野別の達成割合', '政策分野別の事業費（千円）']));
  }, 200000);
});
