import ExcelJS from 'exceljs';
import { applyPlanToXlsx, findHyokaSheets, XlsxApplyError } from '../../src/xlsx/applyPlan';
import type { SummaryPlan } from '../../src/core/plan';
import { chartImageCommentWorkbook, partText, parts, plainWorkbook } from './fixtures';
import { samplePlan, TRICKY_TEXTS } from './samplePlan';
import { wellFormedProblems } from './xmlCheck';
import { excelCopySheet } from '../helpers/excelCopy';

/** The only pre-existing parts the applier may change (by insertion). */
const SHARED_PARTS = ['[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml'];

const dec = new TextDecoder();

async function loadExcel(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

/** True when `small` can be obtained from `big` by deleting characters (big = small + insertions). */
function onlyInsertions(small: string, big: string): boolean {
  let i = 0;
  for (let j = 0; j < big.length && i < small.length; j++) if (big[j] === small[i]) i++;
  return i === small.length;
}

function expectSameParts(a: Map<string, Uint8Array>, b: Map<string, Uint8Array>, skip: string[] = []): void {
  const names = (m: Map<string, Uint8Array>) => [...m.keys()].filter((k) => !skip.includes(k)).sort();
  expect(names(b)).toEqual(names(a));
  for (const name of names(a)) {
    if (!Buffer.from(a.get(name)!).equals(Buffer.from(b.get(name)!))) throw new Error(`part ${name} differs`);
  }
}

describe.each([
  ['chart+image+comment workbook', () => chartImageCommentWorkbook()],
  ['plain workbook', () => plainWorkbook()],
])('applyPlanToXlsx on a %s', (_label, make) => {
  let input: Uint8Array;
  let output: Uint8Array;
  let before: Map<string, Uint8Array>;
  let after: Map<string, Uint8Array>;
  const newParts = () => [...after.keys()].filter((k) => !before.has(k));

  beforeAll(async () => {
    input = await make();
    output = (await applyPlanToXlsx(input, samplePlan())).bytes;
    before = await parts(input);
    after = await parts(output);
  });

  it('keeps every part it does not own byte for byte', () => {
    for (const [name, bytes] of before) {
      expect(after.has(name)).toBe(true);
      if (SHARED_PARTS.includes(name)) continue;
      if (!Buffer.from(bytes).equals(Buffer.from(after.get(name)!))) throw new Error(`${name} changed`);
    }
  });

  it('edits the shared parts only by insertion', () => {
    for (const name of SHARED_PARTS) {
      const old = dec.decode(before.get(name)!).replace(/ count="\d+"/g, '');
      const now = dec.decode(after.get(name)!).replace(/ count="\d+"/g, '');
      expect(onlyInsertions(old, now)).toBe(true);
    }
  });

  it('keeps existing style entries at their indexes and updates counts', () => {
    const old = dec.decode(before.get('xl/styles.xml')!);
    const now = dec.decode(after.get('xl/styles.xml')!);
    for (const coll of ['fonts', 'fills', 'borders', 'cellXfs']) {
      const inner = (x: string) => new RegExp(`<${coll}[^>]*>([\\s\\S]*?)</${coll}>`).exec(x)![1];
      expect(inner(now).startsWith(inner(old))).toBe(true);
      const count = Number(new RegExp(`<${coll} count="(\\d+)"`).exec(now)![1]);
      const item = { fonts: 'font', fills: 'fill', borders: 'border', cellXfs: 'xf' }[coll]!;
      expect(count).toBe((inner(now).match(new RegExp(`<${item}[ >/]`, 'g')) ?? []).length);
    }
  });

  it('writes well-formed XML in every new or edited part', () => {
    for (const name of [...newParts(), ...SHARED_PARTS]) {
      expect({ name, problems: wellFormedProblems(dec.decode(after.get(name)!)) }).toEqual({ name, problems: [] });
    }
  });

  it('registers a content type for every new part', () => {
    const ct = dec.decode(after.get('[Content_Types].xml')!);
    for (const name of newParts().filter((n) => !n.endsWith('.rels'))) expect(ct).toContain(`PartName="/${name}"`);
  });

  it('never writes a formula; source-like text stays text', () => {
    for (const name of newParts().filter((n) => n.includes('worksheets/'))) {
      expect(dec.decode(after.get(name)!)).not.toMatch(/<f[\s>]/);
    }
  });

  it('reads back with the plan values, formats, links and views', async () => {
    const wb = await loadExcel(output);
    const ws = wb.getWorksheet('評価サマリー')!;
    expect(ws).toBeDefined();
    expect(ws.getCell('B2').value).toBe('市民満足度');
    expect(ws.getCell('F2').value).toBe(0.9);
    expect(ws.getCell('F2').numFmt).toBe('0.0%');
    expect(ws.getCell('D2').numFmt).toBe('#,##0');
    expect(ws.getCell('I2').value).toBe('=SUM(A1)');
    expect(ws.getCell('I2').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('I3').value).toBe('+81');
    expect(ws.getCell('I4').value).toBe('-');
    expect(ws.getCell('B5').value).toBe('@x');
    // Excel and LibreOffice decode _xHHHH_ in cell text, so the literal is stored escaped (exceljs does not decode).
    expect(ws.getCell('I5').value).toBe('_x005F_x0041_');
    expect(ws.getCell('B6').value).toBe('a & <b> "q" \'x\'');
    expect(ws.getCell('I6').value).toBe('bellring');
    expect(ws.getCell('A9').value).toBe(true);
    expect(ws.getCell('B9').value).toBe(false);
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect((ws.getCell('A1').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFDDEBF7');
    expect(ws.getCell('I2').alignment?.wrapText).toBe(true);
    expect(ws.getCell('A2').border?.left?.style).toBe('thin');
    expect(ws.getColumn(2).width).toBe(24);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 1 });
    const link = ws.getCell('J2').value as ExcelJS.CellHyperlinkValue | string;
    const sheetXml = dec.decode(after.get(newParts().find((n) => /worksheets\/sheet\d+\.xml$/.test(n) && dec.decode(after.get(n)!).includes('tabColor'))!)!);
    expect(sheetXml).toContain(`<hyperlink ref="J2" location="&apos;政策分野9&apos;!C2" display="政策分野9!C2" tooltip="元のセルへ"/>`);
    expect(typeof link === 'string' ? link : link.text).toBe('政策分野9!C2');
    const cfTypes = (ws as unknown as { conditionalFormattings: { rules: { type: string }[] }[] }).conditionalFormattings.map(
      (c) => c.rules[0].type,
    );
    expect(cfTypes).toEqual(['iconSet', 'dataBar', 'cellIs', 'cellIs', 'cellIs']);
    expect(wb.getWorksheet('実行ログ')!.getCell('B4').value).toBe(2023);
  });

  it('adds no external relationship anywhere', () => {
    for (const name of newParts().filter((n) => n.endsWith('.rels'))) {
      expect(dec.decode(after.get(name)!)).not.toContain('External');
    }
  });

  it('summarizing twice equals summarizing once, part by part', async () => {
    const twice = (await applyPlanToXlsx(output, samplePlan())).bytes;
    const thrice = (await applyPlanToXlsx(twice, samplePlan())).bytes;
    expectSameParts(after, await parts(twice));
    expectSameParts(after, await parts(thrice));
  });

  it('a changed plan replaces Hyōka parts without leaving orphans', async () => {
    const smaller: SummaryPlan = { ...samplePlan(), sheets: samplePlan().sheets.filter((s) => s.key !== 'charts') };
    const direct = await parts((await applyPlanToXlsx(input, smaller)).bytes);
    const rerun = await parts((await applyPlanToXlsx(output, smaller)).bytes);
    // styles.xml may keep the first run's (unreferenced) entries; everything else is identical.
    expectSameParts(direct, rerun, ['xl/styles.xml']);
    expect([...rerun.keys()].filter((k) => k.includes('charts/'))).toEqual([...direct.keys()].filter((k) => k.includes('charts/')));
  });
});

describe('the source workbook survives', () => {
  it('keeps source sheets cell for cell and its chart, image and comment', async () => {
    const input = await chartImageCommentWorkbook();
    const out = await applyPlanToXlsx(input, samplePlan());
    const [a, b] = [await loadExcel(input), await loadExcel(out.bytes)];
    const src = a.getWorksheet('政策分野9')!;
    const dst = b.getWorksheet('政策分野9')!;
    src.eachRow({ includeEmpty: true }, (row, r) =>
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        const other = dst.getCell(r, c);
        expect({ at: cell.address, v: other.value, s: other.style, m: other.isMerged }).toEqual({
          at: cell.address,
          v: cell.value,
          s: cell.style,
          m: cell.isMerged,
        });
      }),
    );
    expect(dst.getCell('C5').formula).toBe('SUM(C2:C4)');
    expect(dst.getCell('B2').note).toBeDefined();
    expect(dst.getImages()).toHaveLength(1);
    const all = await parts(out.bytes);
    expect(dec.decode(all.get('xl/charts/chart1.xml')!)).toContain('User chart');
    expect(dec.decode(all.get('xl/drawings/drawing1.xml')!)).toContain('r:embed="rId1"');
  });
});

describe('charts', () => {
  let files: Map<string, Uint8Array>;
  const chartByTitle = (t: string) =>
    [...files.entries()].map(([, v]) => dec.decode(v)).find((x) => x.startsWith('<?xml') && x.includes('<c:chartSpace') && x.includes(`<a:t>${t}</a:t>`))!;

  beforeAll(async () => {
    files = await parts((await applyPlanToXlsx(await plainWorkbook(), samplePlan())).bytes);
  });

  it('draws a column chart with the 100% line overlaid on the same axes, percent axis and cached values', () => {
    const x = chartByTitle('達成率（2023年度）');
    expect(x).toMatch(/<c:barChart><c:barDir val="col"\/><c:grouping val="clustered"\/>/);
    expect(x).toContain('<c:lineChart>');
    const axIds = (s: string) => s.match(/<c:axId val="\d+"\/>/g);
    expect(axIds(/<c:barChart>[\s\S]*<\/c:barChart>/.exec(x)![0])).toEqual(axIds(/<c:lineChart>[\s\S]*<\/c:lineChart>/.exec(x)![0]));
    expect(x).toContain(`<c:f>'グラフ'!$B$2:$B$4</c:f>`);
    expect(x).toContain(`<c:f>'グラフ'!$A$2:$A$4</c:f>`);
    expect(x).toContain('<c:pt idx="2"><c:v>1.2</c:v></c:pt>');
    expect(x).toContain('<c:pt idx="1"><c:v>参加者数</c:v></c:pt>');
    expect(x).toContain('<c:numFmt formatCode="0%" sourceLinked="0"/>');
    expect(x).toContain('<c:min val="0"/>');
    expect(x).toContain('<a:t>達成率</a:t>');
    expect(x).toContain('<a:srgbClr val="C00000"/>');
  });

  it('draws horizontal bars and plain line charts', () => {
    expect(chartByTitle('事業費（2023）')).toContain('<c:barDir val="bar"/>');
    const line = chartByTitle('目標と実績');
    expect(line).not.toContain('<c:barChart>');
    expect(line.match(/<c:ser>/g)).toHaveLength(2);
  });

  it('anchors every chart in one drawing per sheet', () => {
    const drawings = [...files.keys()].filter((k) => /drawings\/drawing\d+\.xml$/.test(k));
    const anchors = drawings.map((d) => (dec.decode(files.get(d)!).match(/<xdr:twoCellAnchor/g) ?? []).length).sort();
    expect(anchors).toEqual([1, 2]);
  });
});

describe('tables', () => {
  it('makes an Excel table whose column names match the header cells', async () => {
    const plan = samplePlan();
    plan.sheets[2].blocks[0].values[0] = ['重要度', 'ルール', 'ルール', null];
    const out = await applyPlanToXlsx(await plainWorkbook(), plan);
    const table = await partText(out.bytes, 'xl/tables/table1.xml');
    expect(table).toContain('name="Hyoka_Findings" displayName="Hyoka_Findings" ref="A1:D3"');
    expect(table).toContain('<autoFilter ref="A1:D3"/>');
    expect(table).toContain('<tableColumn id="2" name="ルール"/><tableColumn id="3" name="ルール2"/><tableColumn id="4" name="列4"/>');
    const ws = (await loadExcel(out.bytes)).getWorksheet('検証結果')!;
    expect([1, 2, 3, 4].map((c) => ws.getCell(1, c).value)).toEqual(['重要度', 'ルール', 'ルール2', '列4']);
  });
});

describe('a user sheet with the same name', () => {
  it('is never touched: Hyōka picks a free name and says so, on every run', async () => {
    const input = await chartImageCommentWorkbook({ collidingSheet: true });
    const first = await applyPlanToXlsx(input, samplePlan());
    expect(first.sheetNames.evaluation).toBe('評価サマリー (2)');
    expect(first.renamed).toEqual([{ key: 'evaluation', wanted: '評価サマリー', used: '評価サマリー (2)' }]);
    const wb = await loadExcel(first.bytes);
    expect(wb.getWorksheet('評価サマリー')!.getCell('A1').value).toBe('ユーザー自身のメモ');
    expect(wb.getWorksheet('評価サマリー (2)')!.getCell('B2').value).toBe('市民満足度');
    // A link the plan aims at its own sheet follows the rename.
    const all = await parts(first.bytes);
    const findings = [...all.values()].map((v) => dec.decode(v)).find((x) => x.includes('target-missing') && x.includes('<worksheet'))!;
    expect(findings).toContain(`location="&apos;評価サマリー (2)&apos;!F3"`);

    const second = await applyPlanToXlsx(first.bytes, samplePlan());
    expect(second.sheetNames.evaluation).toBe('評価サマリー (2)');
    expectSameParts(all, await parts(second.bytes));
  });

  it('keeps a user copy of a Hyōka sheet (same mark, other sheetId) and says so', async () => {
    const first = await applyPlanToXlsx(await plainWorkbook(), samplePlan());
    const copied = await excelCopySheet(first.bytes, '評価サマリー', '評価サマリー 昨年');
    const again = await applyPlanToXlsx(copied, samplePlan());
    const wb = await loadExcel(again.bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Sheet1', '評価サマリー 昨年', '評価サマリー', '事業サマリー', '検証結果', 'グラフ', '実行ログ']);
    expect(again.kept).toEqual([{ name: '評価サマリー 昨年', key: 'evaluation', reason: 'copied' }]);
    // The copy keeps its copied mark (moved to its new position); it is simply not Hyōka's.
    const x = await partText(again.bytes, 'xl/workbook.xml');
    expect(x).toMatch(/<definedName name="_Hyoka.owned" localSheetId="1" hidden="1">"evaluation@2#[0-9a-f]{8}:評価サマリー"<\/definedName>/);
    expect(await partText(again.bytes, 'xl/worksheets/sheet99.xml')).toContain('市民満足度');
  });
});

describe('a copied summary sheet (issue 13: Excel copies the hidden mark with the sheet)', () => {
  it('copied, renamed, noted, original deleted: the next run keeps the copy and its notes', async () => {
    const first = await applyPlanToXlsx(await plainWorkbook(), samplePlan());
    const edited = await excelCopySheet(first.bytes, '評価サマリー', '2023年度 評価サマリー(控え)', { note: '課長へ: 指標2は要確認', deleteOriginal: true });
    const again = await applyPlanToXlsx(edited, samplePlan());
    const wb = await loadExcel(again.bytes);
    expect(wb.getWorksheet('2023年度 評価サマリー(控え)')!.getCell('A200').value).toBe('課長へ: 指標2は要確認');
    expect(wb.getWorksheet('評価サマリー')).toBeDefined();
    expect(again.kept).toEqual([{ name: '2023年度 評価サマリー(控え)', key: 'evaluation', reason: 'copied' }]);
    expect(await findHyokaSheets(again.bytes)).not.toContainEqual(expect.objectContaining({ name: '2023年度 評価サマリー(控え)' }));
  });

  it('an owned sheet the user renamed is the user\'s from then on: kept, and a fresh summary sheet is added', async () => {
    const first = await applyPlanToXlsx(await plainWorkbook(), samplePlan());
    const zip = await (await import('jszip')).default.loadAsync(first.bytes);
    const wbx = await zip.file('xl/workbook.xml')!.async('string');
    zip.file('xl/workbook.xml', wbx.replace('<sheet name="評価サマリー"', '<sheet name="評価サマリー 確定版"'));
    const again = await applyPlanToXlsx(await zip.generateAsync({ type: 'uint8array' }), samplePlan());
    expect(again.kept).toEqual([{ name: '評価サマリー 確定版', key: 'evaluation', reason: 'renamed' }]);
    expect((await loadExcel(again.bytes)).worksheets.map((w) => w.name)).toEqual(['Sheet1', '評価サマリー 確定版', '評価サマリー', '事業サマリー', '検証結果', 'グラフ', '実行ログ']);
  });

  it('a mark without the workbook record (or from another run) is not ownership', async () => {
    const first = await applyPlanToXlsx(await plainWorkbook(), samplePlan());
    const zip = await (await import('jszip')).default.loadAsync(first.bytes);
    const wbx = await zip.file('xl/workbook.xml')!.async('string');
    zip.file('xl/workbook.xml', wbx.replace(/<definedName name="_Hyoka.run" hidden="1">[^<]*<\/definedName>/, ''));
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    expect(await findHyokaSheets(bytes)).toEqual([]);
    const again = await applyPlanToXlsx(bytes, samplePlan());
    expect(again.kept.map((k) => k.reason)).toEqual(['otherRun', 'otherRun', 'otherRun', 'otherRun', 'otherRun']);
    expect(again.sheetNames.evaluation).toBe('評価サマリー (2)');
  });
});

describe('errors', () => {
  it('refuses bytes that are not an .xlsx', async () => {
    await expect(applyPlanToXlsx(new TextEncoder().encode('hello'), samplePlan())).rejects.toMatchObject({ code: 'not-xlsx' });
  });

  it('names the sheet and the problem of an invalid plan', async () => {
    const plan = samplePlan();
    plan.sheets[0].formats.push({ range: 'A1', style: { fill: 'red' } });
    const err = await applyPlanToXlsx(await plainWorkbook(), plan).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(XlsxApplyError);
    expect((err as XlsxApplyError).code).toBe('invalid-plan');
    expect((err as Error).message).toContain('評価サマリー');
  });
});

describe('ownership marks', () => {
  it('findHyokaSheets lists the sheets Hyōka wrote, and none in a fresh workbook', async () => {
    const input = await chartImageCommentWorkbook({ collidingSheet: true });
    expect(await findHyokaSheets(input)).toEqual([]);
    const out = await applyPlanToXlsx(input, samplePlan());
    expect(await findHyokaSheets(out.bytes)).toEqual([
      { name: '評価サマリー (2)', key: 'evaluation' },
      { name: '事業サマリー', key: 'projects' },
      { name: '検証結果', key: 'findings' },
      { name: 'グラフ', key: 'charts' },
      { name: '実行ログ', key: 'log' },
    ]);
  });

  async function addinMarked(record: boolean): Promise<Uint8Array> {
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(await plainWorkbook());
    const utf16 = (t: string) => new Uint8Array(Buffer.from(t, 'utf16le'));
    const props: [string, string][] = [['hyoka.owner', 'hyoka'], ['hyoka.key', 'evaluation'], ['hyoka.run', '0a1b2c3d'], ['hyoka.id', '{00000000-0001-0000-0100-000000000000}'], ['hyoka.name', '評価サマリー']];
    props.forEach(([, v], i) => zip.file(`xl/customProperty${i + 1}.bin`, utf16(v)));
    zip.file(
      'xl/worksheets/sheet2.xml',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
        '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>old summary</t></is></c></row></sheetData>' +
        `<customProperties>${props.map(([k], i) => `<customPr name="${k}" r:id="rId${i + 1}"/>`).join('')}</customProperties></worksheet>`,
    );
    const cp = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/customProperty';
    zip.file(
      'xl/worksheets/_rels/sheet2.xml.rels',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${props.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${cp}" Target="../customProperty${i + 1}.bin"/>`).join('')}</Relationships>`,
    );
    const edit = async (name: string, f: (t: string) => string) => zip.file(name, f(await zip.file(name)!.async('string')));
    const recordName = record ? '<definedNames><definedName name="_Hyoka.run" hidden="1">"0a1b2c3d:evaluation"</definedName></definedNames>' : '';
    await edit('xl/workbook.xml', (t) => t.replace('</sheets>', `<sheet name="評価サマリー" sheetId="2" r:id="rId90"/></sheets>${recordName}`));
    await edit('xl/_rels/workbook.xml.rels', (t) =>
      t.replace('</Relationships>', '<Relationship Id="rId90" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/></Relationships>'),
    );
    await edit('[Content_Types].xml', (t) =>
      t.replace(
        '</Types>',
        '<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
          '<Default Extension="bin" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.customProperty"/></Types>',
      ),
    );
    return zip.generateAsync({ type: 'uint8array' });
  }

  it('replaces a sheet the Office.js applier marked (worksheet custom properties + the workbook record)', async () => {
    const marked = await addinMarked(true);
    expect(await findHyokaSheets(marked)).toEqual([{ name: '評価サマリー', key: 'evaluation' }]);

    const out = await applyPlanToXlsx(marked, samplePlan());
    expect(out.renamed).toEqual([]);
    const files = await parts(out.bytes);
    expect(files.has('xl/customProperty1.bin')).toBe(false);
    expect(dec.decode(files.get('xl/_rels/workbook.xml.rels')!)).not.toContain('rId90');
    const wb = await loadExcel(out.bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Sheet1', '評価サマリー', '事業サマリー', '検証結果', 'グラフ', '実行ログ']);
    expect(wb.getWorksheet('評価サマリー')!.getCell('A1').value).toBe('政策分野');
  });

  it('keeps an Office.js-marked sheet when the workbook has no record of it', async () => {
    const marked = await addinMarked(false);
    expect(await findHyokaSheets(marked)).toEqual([]);
    const out = await applyPlanToXlsx(marked, samplePlan());
    expect(out.kept).toEqual([{ name: '評価サマリー', key: 'evaluation', reason: 'otherRun' }]);
    expect(out.sheetNames.evaluation).toBe('評価サマリー (2)');
  });
});

describe('the package writer with a native deflate (the CLI)', () => {
  it('gives the same parts as jszip, copies untouched parts still compressed, and is deterministic', async () => {
    const { nodeDeflater } = await import('../../src/cli/nodeZip');
    const input = await chartImageCommentWorkbook();
    const viaJszip = await applyPlanToXlsx(input, samplePlan());
    const native = await applyPlanToXlsx(input, samplePlan(), { deflater: nodeDeflater });
    expectSameParts(await parts(viaJszip.bytes), await parts(native.bytes));
    expect(Buffer.from((await applyPlanToXlsx(input, samplePlan(), { deflater: nodeDeflater })).bytes).equals(Buffer.from(native.bytes))).toBe(true);
    // An untouched part's compressed bytes appear in the output as they were in the input.
    const JSZip = (await import('jszip')).default;
    const zin = await JSZip.loadAsync(input);
    const raw = (zin.files['xl/media/image1.png'] as unknown as { _data: { compressedContent: Uint8Array } })._data.compressedContent;
    expect(Buffer.from(native.bytes).indexOf(Buffer.from(raw))).toBeGreaterThan(0);
  });
});
