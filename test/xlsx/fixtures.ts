/**
 * Fixture workbooks for the .xlsx applier, built in the test so nothing binary
 * has to be trusted: exceljs makes the cells, a comment and an image; a native
 * chart part (which exceljs cannot make) is grafted into the image's drawing.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

/** 2×2 red PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==',
  'base64',
);

const FIXTURE_CHART = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>User chart</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/><c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:v>実績</c:v></c:tx><c:cat><c:strRef><c:f>'政策分野9'!$A$2:$A$4</c:f><c:strCache><c:ptCount val="3"/><c:pt idx="0"><c:v>KPI1</c:v></c:pt><c:pt idx="1"><c:v>KPI2</c:v></c:pt><c:pt idx="2"><c:v>KPI3</c:v></c:pt></c:strCache></c:strRef></c:cat><c:val><c:numRef><c:f>'政策分野9'!$C$2:$C$4</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="3"/><c:pt idx="0"><c:v>90</c:v></c:pt><c:pt idx="1"><c:v>40</c:v></c:pt><c:pt idx="2"><c:v>120</c:v></c:pt></c:numCache></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea><c:plotVisOnly val="1"/></c:chart></c:chartSpace>`;

const CHART_ANCHOR = `<xdr:twoCellAnchor><xdr:from><xdr:col>6</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>12</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="3" name="User Chart 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId2"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`;

export interface FixtureOptions {
  /** Add a user sheet named 評価サマリー (collides with the plan's name). */
  collidingSheet?: boolean;
}

/** A source workbook with values, a formula, a merge, styles, a comment, an image and a native chart. */
export async function chartImageCommentWorkbook(opts: FixtureOptions = {}): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'fixture';
  wb.created = new Date('2024-04-01T00:00:00Z');
  wb.modified = new Date('2024-04-01T00:00:00Z');
  const ws = wb.addWorksheet('政策分野9');
  ws.addRow(['KPI', '目標', '実績', '達成率']);
  ws.addRow(['KPI1', 100, 90, 0.9]);
  ws.addRow(['KPI2', 80, 40, 0.5]);
  ws.addRow(['KPI3', 100, 120, 1.2]);
  ws.getCell('C5').value = { formula: 'SUM(C2:C4)', result: 250 };
  ws.mergeCells('A7:C7');
  ws.getCell('A7').value = '検証: 指標の見直しが必要';
  ws.getRow(1).font = { bold: true, color: { argb: 'FFFFFFFF' } };
  ws.getRow(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF305496' } };
  ws.getCell('D2').numFmt = '0.0%';
  ws.getCell('B2').note = '目標値は総合計画による';
  const img = wb.addImage({ buffer: PNG as unknown as ExcelJS.Buffer, extension: 'png' });
  ws.addImage(img, 'E9:F11');
  wb.definedNames.add("'政策分野9'!$A$1:$D$4", 'KPI一覧');
  if (opts.collidingSheet) {
    const own = wb.addWorksheet('評価サマリー');
    own.getCell('A1').value = 'ユーザー自身のメモ';
  }
  const base = await wb.xlsx.writeBuffer();
  return graftChart(new Uint8Array(base as ArrayBuffer));
}

async function graftChart(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const drawing = await zip.file('xl/drawings/drawing1.xml')!.async('string');
  zip.file('xl/drawings/drawing1.xml', drawing.replace('</xdr:wsDr>', `${CHART_ANCHOR}</xdr:wsDr>`));
  const rels = await zip.file('xl/drawings/_rels/drawing1.xml.rels')!.async('string');
  zip.file(
    'xl/drawings/_rels/drawing1.xml.rels',
    rels.replace(
      '</Relationships>',
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="../charts/chart1.xml"/></Relationships>',
    ),
  );
  zip.file('xl/charts/chart1.xml', FIXTURE_CHART);
  const ct = await zip.file('[Content_Types].xml')!.async('string');
  zip.file(
    '[Content_Types].xml',
    ct.replace(
      '</Types>',
      '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/></Types>',
    ),
  );
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** A bare workbook: one sheet, no defined names, no drawings. */
export async function plainWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.getCell('A1').value = 'hello';
  ws.getCell('B2').value = 42;
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** Every file part of a package as bytes (directories skipped). */
export async function parts(bytes: Uint8Array): Promise<Map<string, Uint8Array>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, Uint8Array>();
  for (const name of Object.keys(zip.files).sort()) {
    if (!zip.files[name].dir) out.set(name, await zip.files[name].async('uint8array'));
  }
  return out;
}

export async function partText(bytes: Uint8Array, name: string): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  return zip.file(name)!.async('string');
}
