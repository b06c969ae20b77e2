/**
 * test/fixtures/profiles/two-table.xlsx is the sheet of test/core/profile/cases.ts (twoTableSheet:
 * targets and actuals in two tables, years down, indicators across — no recognizer reads it) as a
 * workbook, for the teach-mode E2E. This keeps the two the same; HYOKA_WRITE_FIXTURES=1 rewrites it.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { SheetDraft } from '../../../bench/families/draft';
import { analyzeWorkbook } from '../../../src/core/analyze';
import { readXlsxSnapshot } from '../../../src/xlsx/readXlsx';
import { TWO_TABLE_PROFILE, twoTableSheet } from './cases';

const FILE = path.join(__dirname, '../../fixtures/profiles/two-table.xlsx');

async function write(): Promise<void> {
  const s = twoTableSheet();
  const d = new SheetDraft(s.name);
  for (const c of s.cells!) d.put(c.row, c.col, c.value as string | number);
  const wb = new ExcelJS.Workbook();
  d.writeTo(wb.addWorksheet(s.name));
  fs.writeFileSync(FILE, Buffer.from(await wb.xlsx.writeBuffer()));
}

it('holds the two-table sheet, which only a profile reads', async () => {
  if (process.env.HYOKA_WRITE_FIXTURES === '1') await write();
  const snapshot = await readXlsxSnapshot(fs.readFileSync(FILE));
  const cells = (cs: { row: number; col: number; value: unknown }[]) => cs.map((c) => [c.row, c.col, c.value]);
  expect(snapshot.sheets.map((s) => s.name)).toEqual(['指標の推移']);
  expect(cells(snapshot.sheets[0].cells!)).toEqual(cells(twoTableSheet().cells!));
  expect(analyzeWorkbook(snapshot).policyFields).toEqual([]);
  expect(analyzeWorkbook(snapshot, { profile: TWO_TABLE_PROFILE }).policyFields[0].indicators).toHaveLength(3);
});
