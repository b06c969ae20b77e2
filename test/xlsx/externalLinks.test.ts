/**
 * Links to a cell of another workbook (the consolidated summary's and 前年度比較's sources): an
 * external hyperlink relationship with the cell as the location, the path percent-encoded and
 * relative; anything but a relative workbook path refused; a re-run leaves nothing behind. And
 * the new, empty workbook the consolidated summary is grafted into.
 */
import JSZip from 'jszip';
import type { SummaryPlan } from '../../src/core/plan';
import { applyPlanToXlsx, findHyokaSheets, XlsxApplyError } from '../../src/xlsx/applyPlan';
import { blankWorkbook } from '../../src/xlsx/blankWorkbook';
import { readXlsxSnapshot } from '../../src/xlsx/readXlsx';

function plan(file: string): SummaryPlan {
  return {
    owner: 'hyoka',
    generatorVersion: 'test',
    lang: 'ja',
    sheets: [
      {
        key: 'overview',
        name: '全体サマリー',
        columnWidths: [10, 10],
        headerRows: [0],
        blocks: [{ address: 'A1', values: [['政策分野', '参照'], ['3', null], ['4', null]] }],
        formats: [],
        conditionalFormats: [],
        hyperlinks: [
          { cell: 'B2', target: { sheet: '政策分野3', address: 'A3', file }, text: '参照', tooltip: '元のセルを開く' },
          { cell: 'B3', target: { sheet: '全体サマリー', address: 'A1' }, text: '参照' },
        ],
        charts: [],
        tables: [],
      },
    ],
  };
}

async function part(bytes: Uint8Array, name: string): Promise<string> {
  return (await JSZip.loadAsync(bytes)).file(name)!.async('string');
}

it('writes an external relationship to the file and the cell as the location', async () => {
  const out = await applyPlanToXlsx(await blankWorkbook(), plan('../R5 提出/企画課#1.xlsx'));
  const sheet = await part(out.bytes, 'xl/worksheets/sheet1.xml');
  const rels = await part(out.bytes, 'xl/worksheets/_rels/sheet1.xml.rels');
  const rid = /<hyperlink ref="B2" r:id="(rId\d+)" location="&apos;政策分野3&apos;!A3"/.exec(sheet)?.[1];
  expect(rid).toBeDefined();
  expect(rels).toContain(`<Relationship Id="${rid}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="../R5%20%E6%8F%90%E5%87%BA/%E4%BC%81%E7%94%BB%E8%AA%B2%231.xlsx" TargetMode="External"/>`);
  // The internal link stays a location without a relationship.
  expect(sheet).toMatch(/<hyperlink ref="B3" location="&apos;全体サマリー&apos;!A1"/);
  expect(decodeURIComponent('%E4%BC%81%E7%94%BB%E8%AA%B2%231.xlsx')).toBe('企画課#1.xlsx');
});

it.each(['https://example.com/a.xlsx', 'file:///C:/a.xlsx', '/etc/a.xlsx', 'C:\\a.xlsx', 'javascript:alert(1)', 'notes.txt'])('refuses the link target %s', async (file) => {
  await expect(applyPlanToXlsx(await blankWorkbook(), plan(file))).rejects.toThrow(XlsxApplyError);
});

it('the blank workbook takes the summary like any other, and a re-run replaces it without a dangling link', async () => {
  const once = await applyPlanToXlsx(await blankWorkbook(), plan('a.xlsx'));
  expect((await readXlsxSnapshot(once.bytes)).sheets.map((s) => [s.name, s.ownedByHyoka])).toEqual([['全体サマリー', true]]);
  expect((await findHyokaSheets(once.bytes)).map((s) => s.key)).toEqual(['overview']);
  const twice = await applyPlanToXlsx(once.bytes, plan('b.xlsx'));
  const zip = await JSZip.loadAsync(twice.bytes);
  const rels = Object.keys(zip.files).filter((n) => n.endsWith('.rels'));
  const all = (await Promise.all(rels.map((n) => zip.file(n)!.async('string')))).join('');
  expect(all).toContain('Target="b.xlsx"');
  expect(all).not.toContain('Target="a.xlsx"');
});
