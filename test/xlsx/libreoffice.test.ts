/**
 * Opens the applier's output in LibreOffice Calc (headless): it must convert to
 * PDF showing the summary text, and LibreOffice must have understood our charts
 * (a re-save to .xlsx keeps all of them). Skipped, with a note, without soffice.
 * CI: apt-get install -y libreoffice-calc fonts-noto-cjk poppler-utils
 *
 * HYOKA_RENDER_PNG=some.png also renders page 1 to that PNG (the README images come from `npm run render:summary`).
 */
import { spawnSync } from 'child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import JSZip from 'jszip';
import { applyPlanToXlsx } from '../../src/xlsx/applyPlan';
import { chartImageCommentWorkbook } from './fixtures';
import { samplePlan } from './samplePlan';

function onPath(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
}

const hasSoffice = onPath('soffice');
if (!hasSoffice) {
  // eslint-disable-next-line no-console
  console.warn('soffice not on PATH: skipping the LibreOffice rendering test (apt-get install -y libreoffice-calc fonts-noto-cjk poppler-utils)');
}

(hasSoffice ? describe : describe.skip)('LibreOffice opens the summarized workbook', () => {
  let dir: string;
  let xlsx: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hyoka-lo-'));
    xlsx = join(dir, 'summary.xlsx');
    // Summary sheets first in the PDF: a plain source keeps the rendered page about Hyōka.
    const out = await applyPlanToXlsx(await chartImageCommentWorkbook({ collidingSheet: true }), samplePlan());
    writeFileSync(xlsx, out.bytes);
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const soffice = (outdir: string, ...args: string[]) =>
    spawnSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', ...args, '--outdir', outdir, xlsx], {
      timeout: 180000,
      encoding: 'utf8',
    });

  it('converts to a PDF that shows the summary sheets', () => {
    const r = soffice(dir, '--convert-to', 'pdf');
    const pdf = join(dir, 'summary.pdf');
    expect({ status: r.status, exists: existsSync(pdf) }).toEqual({ status: 0, exists: true });
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    if (!onPath('pdftotext')) {
      // eslint-disable-next-line no-console
      console.warn('pdftotext not on PATH: PDF text not checked (apt-get install -y poppler-utils)');
      return;
    }
    const text = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, '');
    for (const s of ['市民満足度', '=SUM(A1)', '+81', '@x', '_x0041_', '達成率（2023年度）', '事業費（2023）', '目標と実績', 'ユーザー自身のメモ', 'Userchart']) {
      expect(text).toContain(s);
    }
    const png = process.env.HYOKA_RENDER_PNG;
    if (png && onPath('pdftoppm')) {
      const page = Number(process.env.HYOKA_RENDER_PAGE ?? 4);
      spawnSync('pdftoppm', ['-r', '90', '-png', '-singlefile', '-f', String(page), '-l', String(page), pdf, join(dir, 'page')]);
      copyFileSync(join(dir, 'page.png'), png);
    }
  });

  it('understands every chart (a LibreOffice re-save keeps the user chart and ours)', async () => {
    const outdir = join(dir, 'resaved');
    const r = soffice(outdir, '--convert-to', 'xlsx:Calc MS Excel 2007 XML');
    expect(r.status).toBe(0);
    const resaved = await JSZip.loadAsync(readFileSync(join(outdir, 'summary.xlsx')));
    const titles = await Promise.all(
      Object.keys(resaved.files)
        .filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n))
        .map(async (n) => /<a:t>([^<]*)<\/a:t>/.exec(await resaved.file(n)!.async('string'))?.[1]),
    );
    const ours = samplePlan().sheets.flatMap((s) => s.charts.map((c) => c.title));
    expect(titles.sort()).toEqual(['User chart', ...ours].sort());
  });
});

(hasSoffice ? describe : describe.skip)('LibreOffice opens the summary of other families', () => {
  it.each(['project-sheets', 'flat-export-unlabelled'])('%s: the indicator and finance sheets render with their figures', async (name) => {
    const dir = mkdtempSync(join(tmpdir(), 'hyoka-lo-fam-'));
    try {
      const out = join(dir, `${name}-summary.xlsx`);
      const { main } = await import('../../src/cli/main');
      let err = '';
      const code = await main(['summarize', join(__dirname, `../fixtures/families/${name}.xlsx`), '--out', out], { out: () => undefined, err: (s) => (err += s) });
      expect({ code, err }).toEqual({ code: 0, err: '' });
      const r = spawnSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, out], { timeout: 180000, encoding: 'utf8' });
      const pdf = join(dir, `${name}-summary.pdf`);
      expect({ status: r.status, exists: existsSync(pdf) }).toEqual({ status: 0, exists: true });
      if (!onPath('pdftotext')) return;
      const text = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, '');
      for (const s of ['事業サマリー', '施策・事業の指標', '財務の推移', '国庫支出金']) expect(text).toContain(s);
      // A number too wide for its column prints as ### in Calc: none in the summary.
      expect(text).not.toMatch(/###/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
