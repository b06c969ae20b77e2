/**
 * Nothing lost, over every workbook fixture: after a build, in both appliers, every source
 * sheet is unchanged cell for cell, and in the .xlsx every part Hyōka does not own keeps its
 * bytes (only workbook.xml, its rels, [Content_Types].xml and styles.xml gain insertions).
 */
import * as fs from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import { analyzeWorkbook } from '../src/core/analyze';
import { planSummary } from '../src/core/planSummary';
import { readXlsxSnapshot } from '../src/xlsx/readXlsx';
import { applyPlanToXlsx, findHyokaSheets } from '../src/xlsx/applyPlan';
import { applyPlanInExcel } from '../src/excel/applyPlan';
import { readWorkbookSnapshot } from '../src/excel/readWorkbook';
import { FakeExcel, type CellInit } from './excel/fakeExcel';

const DIR = path.join(__dirname, 'fixtures');
const workbooks = fs.readdirSync(DIR).filter((f) => f.endsWith('.xlsx') && !f.startsWith('error.'));
const EDITED = new Set(['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml', 'xl/styles.xml']);

it('covers every fixture workbook', () => {
  expect(workbooks.length).toBeGreaterThanOrEqual(3);
});

describe.each(workbooks)('%s', (file) => {
  const bytes = fs.readFileSync(path.join(DIR, file));

  it('.xlsx applier: sources unchanged cell for cell, other parts byte for byte', async () => {
    const before = await readXlsxSnapshot(bytes);
    const plan = planSummary(analyzeWorkbook(before), { lang: 'ja', now: new Date(0), generatorVersion: 'test' });
    const out = await applyPlanToXlsx(bytes, plan);
    const owned = new Set((await findHyokaSheets(out.bytes)).map((s) => s.name));
    expect(owned.size).toBe(plan.sheets.length);
    const after = await readXlsxSnapshot(out.bytes);
    const sources = after.sheets.filter((s) => !owned.has(s.name));
    expect(sources).toEqual(before.sheets);
    const zin = await JSZip.loadAsync(bytes);
    const zout = await JSZip.loadAsync(out.bytes);
    for (const name of Object.keys(zin.files)) {
      if (zin.files[name].dir) continue;
      const a = await zin.file(name)!.async('nodebuffer');
      const b = await zout.file(name)!.async('nodebuffer');
      if (EDITED.has(name)) expect(b.length).toBeGreaterThanOrEqual(a.length);
      else expect(b.equals(a)).toBe(true);
    }
  });

  it('Office.js applier: sources unchanged cell for cell', async () => {
    const snap = await readXlsxSnapshot(bytes);
    const fx = new FakeExcel(snap.sheets.map((s) => ({ name: s.name, origin: s.origin, values: s.values as CellInit[][], merges: s.merges })));
    const before = await readWorkbookSnapshot(fx.context);
    const plan = planSummary(analyzeWorkbook(before), { lang: 'en', now: new Date(0), generatorVersion: 'test' });
    const res = await applyPlanInExcel(fx.context, plan);
    const after = await readWorkbookSnapshot(fx.context);
    const ours = new Set(Object.values(res.sheetNames));
    expect(after.sheets.filter((s) => !ours.has(s.name))).toEqual(before.sheets);
    expect(after.sheets.filter((s) => ours.has(s.name)).every((s) => s.ownedByHyoka)).toBe(true);
  });
});
