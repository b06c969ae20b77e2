import JSZip from 'jszip';
import { WorkbookXml } from '../../src/xlsx/ooxml/workbook';

/**
 * Excel's "copy sheet" as the package shows it: a new sheet part with the same content, a new
 * sheetId, and a copy of every name local to the sheet (so of Hyōka's mark). Optionally the
 * user then writes a note in the copy and deletes the original.
 */
export async function excelCopySheet(bytes: Uint8Array, from: string, to: string, opts: { note?: string; deleteOriginal?: boolean } = {}): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const text = (n: string) => zip.file(n)!.async('string');
  let wbx = await text('xl/workbook.xml');
  const attr = (tag: string, a: string) => new RegExp(`\\s${a}="([^"]*)"`).exec(tag)?.[1];
  const sheets = [...wbx.matchAll(/<sheet\s[^>]*>/g)].map((m) => ({ name: attr(m[0], 'name'), rid: attr(m[0], 'r:id') }));
  const index = sheets.findIndex((m) => m.name === from);
  const rels = await text('xl/_rels/workbook.xml.rels');
  const rel = [...rels.matchAll(/<Relationship\s[^>]*>/g)].map((m) => m[0]).find((r) => attr(r, 'Id') === sheets[index].rid)!;
  const target = attr(rel, 'Target')!;
  let content = await text(`xl/${target}`);
  if (opts.note) content = content.replace('</sheetData>', `<row r="200"><c r="A200" t="inlineStr"><is><t>${opts.note}</t></is></c></row></sheetData>`);
  zip.file('xl/worksheets/sheet99.xml', content);
  zip.file('xl/_rels/workbook.xml.rels', rels.replace('</Relationships>', '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet99.xml"/></Relationships>'));
  const ct = await text('[Content_Types].xml');
  zip.file('[Content_Types].xml', ct.replace('</Types>', '<Override PartName="/xl/worksheets/sheet99.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'));
  const localNames = [...wbx.matchAll(new RegExp(`<definedName name="([^"]*)" localSheetId="${index}"([^>]*)>([^<]*)</definedName>`, 'g'))];
  wbx = wbx
    .replace('</sheets>', `<sheet name="${to}" sheetId="99" r:id="rId99"/></sheets>`)
    .replace('</definedNames>', `${localNames.map((m) => `<definedName name="${m[1]}" localSheetId="${sheets.length}"${m[2]}>${m[3]}</definedName>`).join('')}</definedNames>`);
  if (opts.deleteOriginal) {
    const w = new WorkbookXml(wbx);
    w.removeSheets([index]);
    wbx = w.xml;
  }
  zip.file('xl/workbook.xml', wbx);
  return zip.generateAsync({ type: 'uint8array' });
}
