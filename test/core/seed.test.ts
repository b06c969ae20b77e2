/**
 * The seed sheet (政策分野9 社会参画) read exactly — as it is, and transformed the ways real
 * workbooks drift: shifted rows and columns, merged 検証 cells, label and era variants,
 * numbers typed as text, a second copy of the field's sheet renamed, a noise sheet.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { analyzeWorkbook } from '../../src/core/analyze';
import { readXlsxSnapshot } from '../../src/xlsx/readXlsx';

const FIX = path.join(__dirname, '../fixtures');
const seedBytes = () => fs.readFileSync(path.join(FIX, 'seed.xlsx'));

function checkModel(model: unknown): { code: number; out: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hyoka-seed-'));
  const file = path.join(dir, 'model.json');
  fs.writeFileSync(file, JSON.stringify(model));
  try {
    const out = execFileSync(process.execPath, [path.join(FIX, 'check-model.js'), path.join(FIX, 'seed.expected.json'), file], { encoding: 'utf8' });
    return { code: 0, out };
  } catch (e) {
    const err = e as { status: number; stdout: string };
    return { code: err.status, out: err.stdout };
  }
}

async function transformed(edit: (wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(seedBytes() as unknown as ArrayBuffer);
  edit(wb, wb.worksheets[0]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function replaceText(ws: ExcelJS.Worksheet, map: (s: string) => string): void {
  ws.eachRow((row) => row.eachCell((cell) => {
    if (typeof cell.value === 'string') cell.value = map(cell.value);
  }));
}

it('reads the seed sheet: every acceptance check passes', async () => {
  const model = analyzeWorkbook(await readXlsxSnapshot(seedBytes()));
  const r = checkModel(model);
  expect(r.out).toMatch(/190\/190 checks passed/);
  expect(r.code).toBe(0);
});

it('the acceptance check fails on a wrong model (the check can fail)', async () => {
  const model = analyzeWorkbook(await readXlsxSnapshot(seedBytes()));
  model.policyFields[0].measures[1].projects[6].finance[0].generalFund = 1;
  expect(checkModel(model).code).not.toBe(0);
});

it('reads the seed shifted down and right, with merged 検証 cells, label and era variants and numbers as text', async () => {
  const bytes = await transformed((wb, ws) => {
    ws.spliceRows(1, 0, [], [], []);
    ws.spliceColumns(1, 0, [], []);
    replaceText(ws, (s) =>
      s
        .replace(/^指標名$/, '指 標 名')
        .replace(/^目標$/, '目標値')
        .replace(/^実績$/, '実績値')
        .replace(/^令和4年度$/, 'R4')
        .replace(/^令和5年度$/, '令和５年度')
        .replace(/^令和6年度$/, '2024年度')
        .replace(/^法定／自主$/, '法定/自主'),
    );
    ws.eachRow((row) => row.eachCell((cell) => {
      if (typeof cell.value === 'number' && cell.value > 999) cell.value = cell.value.toLocaleString('en-US');
    }));
    // 検証 spans the 目標 and 実績 rows of KPI 1 (G24:G25 in the seed, now I27:I28).
    ws.mergeCells('I27:I28');
    wb.addWorksheet('メモ').getCell('B2').value = '政策分野9の打合せ';
  });
  const model = analyzeWorkbook(await readXlsxSnapshot(bytes));
  expect(model.sheets.map((s) => s.kind)).toEqual(['policyField', 'unknown']);
  const r = checkModel(model);
  expect(r.out).toMatch(/190\/190/);
  expect(model.policyFields[0].indicators[0].years[0]).toMatchObject({ fiscalYear: 2022, label: 'R4', target: 73, actual: 55 });
  expect(model.policyFields[0].indicators[0].source.address).toBe('D25');
});

it('keeps the seed read when values are pending, errors or text', async () => {
  const bytes = await transformed((_wb, ws) => {
    ws.getCell('D25').value = '集計中'; // KPI1 FY2023 actual
    ws.getCell('C29').value = { error: '#DIV/0!' } as ExcelJS.CellErrorValue; // KPI2 FY2022 actual
    ws.getCell('C33').value = 'およそ2人'; // KPI3 FY2022 actual
  });
  const model = analyzeWorkbook(await readXlsxSnapshot(bytes), { asOf: 2023 });
  const [k1, k2, k3] = model.policyFields[0].indicators;
  expect(k1.years[1]).toMatchObject({ actual: null, actualState: 'pending', status: 'pending' });
  expect(k2.years[0]).toMatchObject({ actual: null, actualState: 'error', status: 'invalid' });
  expect(k3.years[0]).toMatchObject({ actual: null, actualState: 'invalid', status: 'invalid', actualText: 'およそ2人' });
  const rules = (addr: string) => model.findings.filter((f) => f.address === addr).map((f) => f.rule);
  expect(rules('D25')).toEqual(['kpi-pending-actual']);
  expect(rules('C29')).toEqual(['formula-error']);
  expect(rules('C33')).toEqual(['kpi-non-numeric']);
  // FY2023 of KPI2 and KPI3 is blank ("-") up to the as-of year: not reported, distinct from 0.
  expect(k2.years[1].status).toBe('notReported');
});
