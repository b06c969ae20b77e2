/**
 * Writes the committed layout-variant fixtures and their expected models into test/fixtures/
 * (`npm run fixtures`). Deterministic: re-running gives the same expected JSON.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { writeFamilyFixtures } from './families/fixtures';
import { expectedModel, fieldRows, makeField, Variant, writeRows } from './generate';

const DIR = path.join(__dirname, '../../test/fixtures');

async function seedShifted(): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(path.join(DIR, 'seed.xlsx')) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  ws.name = '9 社会参画';
  ws.spliceRows(1, 0, [], [], []);
  ws.spliceColumns(1, 0, [], []);
  const map: [RegExp, string][] = [
    [/^指標名$/, '指 標 名'],
    [/^目標$/, '目標値'],
    [/^実績$/, '実績値'],
    [/^令和4年度$/, 'R4'],
    [/^令和5年度$/, '令和５年度'],
    [/^令和6年度$/, '2024年度'],
    [/^法定／自主$/, '法定/自主'],
    [/^令和5年度 \(予算\)$/, 'R5(予算)'],
  ];
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      if (typeof cell.value === 'string') for (const [re, s] of map) cell.value = (cell.value as string).replace(re, s);
      else if (typeof cell.value === 'number' && cell.value >= 1000) cell.value = cell.value.toLocaleString('en-US');
    }),
  );
  ws.mergeCells('I27:I28');
  ws.mergeCells('D3:H3');
  const memo = wb.addWorksheet('メモ');
  memo.getCell('A1').value = '政策分野9の打合せメモ';
  memo.getCell('B4').value = 42;
  wb.addWorksheet('Sheet2');
  fs.writeFileSync(path.join(DIR, 'layout-shifted.xlsx'), Buffer.from(await wb.xlsx.writeBuffer()));
  fs.copyFileSync(path.join(DIR, 'seed.expected.json'), path.join(DIR, 'layout-shifted.expected.json'));
}

async function multiField(): Promise<void> {
  const variants: Variant[] = [
    { era: 'short', numbers: 'text', labels: 'variant', rowShift: 2, colShift: 1 },
    { era: 'western', numbers: 'fullWidth', labels: 'seed', rowShift: 0, colShift: 3 },
    { era: 'reiwaFullWidth', numbers: 'number', labels: 'variant', rowShift: 5, colShift: 0 },
  ];
  const fields = [makeField(4, 77), makeField(15, 77), makeField(31, 77)];
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('表紙').getCell('B2').value = '令和5年度 行政評価シート';
  fields.forEach((f, i) => writeRows(wb.addWorksheet(`政策分野${f.id}`), fieldRows(f, variants[i]), variants[i]));
  wb.addWorksheet('作業用').getCell('A1').value = '=SUM(1,2)';
  fs.writeFileSync(path.join(DIR, 'multi-field.xlsx'), Buffer.from(await wb.xlsx.writeBuffer()));
  fs.writeFileSync(path.join(DIR, 'multi-field.expected.json'), JSON.stringify(expectedModel(fields), null, 1) + '\n');
}

async function errors(): Promise<void> {
  fs.writeFileSync(path.join(DIR, 'error.csv-renamed.xlsx'), '指標名,目標,実績\n協働事業数,73,55\n');
  fs.writeFileSync(path.join(DIR, 'error.empty.xlsx'), '');
  fs.writeFileSync(path.join(DIR, 'error.truncated.xlsx'), fs.readFileSync(path.join(DIR, 'seed.xlsx')).subarray(0, 4000));
}

(async () => {
  await seedShifted();
  await multiField();
  await errors();
  await writeFamilyFixtures(path.join(DIR, 'families'));
  console.log('fixtures written to test/fixtures');
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
