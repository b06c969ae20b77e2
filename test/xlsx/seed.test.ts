/**
 * The real pipeline on the seed workbook: read → analyze → plan → graft.
 * Source parts stay byte for byte, the summary reads back, a re-run is identical.
 */
import { readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { analyzeWorkbook } from '../../src/core/analyze';
import { planSummary } from '../../src/core/planSummary';
import { readXlsxSnapshot } from '../../src/xlsx/readXlsx';
import { applyPlanToXlsx, findHyokaSheets } from '../../src/xlsx/applyPlan';
import { parts } from './fixtures';
import { wellFormedProblems } from './xmlCheck';

const SEED = path.join(__dirname, '../fixtures/seed.xlsx');
const SHARED = ['[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml'];
const NOW = new Date('2024-06-01T00:00:00Z');

async function summarize(bytes: Uint8Array) {
  const model = analyzeWorkbook(await readXlsxSnapshot(bytes));
  return applyPlanToXlsx(bytes, planSummary(model, { lang: 'ja', now: NOW, generatorVersion: 'test' }));
}

async function partOfSheet(bytes: Uint8Array, sheet: string): Promise<string> {
  const all = await parts(bytes);
  const dec = (n: string) => new TextDecoder().decode(all.get(n)!);
  const rid = new RegExp(`<sheet name="${sheet}" sheetId="\\d+" r:id="(\\w+)"`).exec(dec('xl/workbook.xml'))![1];
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(dec('xl/_rels/workbook.xml.rels'))![1];
  return `xl/${target}`;
}

describe('seed workbook through the whole pipeline', () => {
  let input: Uint8Array;
  let once: Uint8Array;

  beforeAll(async () => {
    input = new Uint8Array(readFileSync(SEED));
    once = (await summarize(input)).bytes;
    if (process.env.HYOKA_WRITE_SEED_OUT) writeFileSync(process.env.HYOKA_WRITE_SEED_OUT, once);
  });

  it('keeps every source part and adds well-formed summary parts', async () => {
    const [a, b] = [await parts(input), await parts(once)];
    for (const [name, bytes] of a) {
      if (!SHARED.includes(name) && !Buffer.from(bytes).equals(Buffer.from(b.get(name)!))) throw new Error(`${name} changed`);
    }
    for (const [name, bytes] of b) {
      if (a.has(name) && !SHARED.includes(name)) continue;
      expect({ name, problems: wellFormedProblems(new TextDecoder().decode(bytes)) }).toEqual({ name, problems: [] });
      if (name.includes('worksheets/')) expect(new TextDecoder().decode(bytes)).not.toMatch(/<f[\s>]/);
    }
  });

  it('reads back the summary sheets with exceljs', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(once) as unknown as ExcelJS.Buffer);
    const hyoka = await findHyokaSheets(once);
    expect(hyoka.map((s) => s.key).sort()).toEqual(['charts', 'evaluation', 'findings', 'log', 'projects']);
    for (const s of hyoka) expect(wb.getWorksheet(s.name)!.rowCount).toBeGreaterThan(1);
  });

  it('summarizing the output again gives the same package, part by part', async () => {
    const twice = (await summarize(once)).bytes;
    const [a, b] = [await parts(once), await parts(twice)];
    expect([...b.keys()]).toEqual([...a.keys()]);
    // The run log lists the sheets read, and a second run also reads (and skips) Hyōka's own
    // sheets: that sheet's content is the plan's to decide. Every other part is identical.
    const logPart = await partOfSheet(once, (await findHyokaSheets(once)).find((s) => s.key === 'log')!.name);
    for (const [name, bytes] of a) {
      if (name === logPart) continue;
      if (!Buffer.from(bytes).equals(Buffer.from(b.get(name)!))) throw new Error(`${name} differs`);
    }
  });
});
