/**
 * Hand-made .xlsx packages for reader and robustness tests: the parts are written as text,
 * so a test states exactly the XML it feeds the reader (prefixes, odd names, far cells).
 */
import JSZip from 'jszip';
import { zipBuffer, type ZipEntry } from './zipWriter';

export const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';

export interface RawSheet {
  name: string;
  /** The <sheetData> content (rows), or the whole part when it starts with "<?xml" or a <worksheet> tag. */
  body: string;
  /** Extra markup after </sheetData> (mergeCells…). */
  after?: string;
}

export interface RawPackage {
  sheets: RawSheet[];
  sharedStrings?: string[];
  /** Raw sharedStrings.xml, instead of sharedStrings. */
  sharedStringsXml?: string;
  /** Extra markup inside <workbook> after </sheets> (definedNames…). */
  workbookExtra?: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function worksheetXml(s: RawSheet): string {
  if (s.body.startsWith('<?xml') || /^<([\w.-]+:)?worksheet[\s>]/.test(s.body)) return s.body;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${R_NS}"><sheetData>${s.body}</sheetData>${s.after ?? ''}</worksheet>`;
}

/** The package's parts, for zipBuffer (which can also state sizes a part does not have). */
export function rawParts(p: RawPackage): ZipEntry[] {
  const parts: ZipEntry[] = [];
  const zip = { file: (name: string, data: string) => parts.push({ name, data }) };
  const sst = p.sharedStringsXml ?? (p.sharedStrings ? `<sst xmlns="${MAIN_NS}" count="${p.sharedStrings.length}">${p.sharedStrings.map((t) => `<si><t>${esc(t)}</t></si>`).join('')}</sst>` : undefined);
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
      p.sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
      (sst !== undefined ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : '') +
      '</Types>',
  );
  zip.file('_rels/.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_RELS}"><Relationship Id="rId1" Type="${R_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  zip.file(
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_RELS}">` +
      p.sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${R_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
      (sst !== undefined ? `<Relationship Id="rIdS" Type="${R_NS}/sharedStrings" Target="sharedStrings.xml"/>` : '') +
      '</Relationships>',
  );
  zip.file(
    'xl/workbook.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN_NS}" xmlns:r="${R_NS}"><sheets>` +
      p.sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
      `</sheets>${p.workbookExtra ?? ''}</workbook>`,
  );
  p.sheets.forEach((s, i) => zip.file(`xl/worksheets/sheet${i + 1}.xml`, worksheetXml(s)));
  if (sst !== undefined) zip.file('xl/sharedStrings.xml', sst);
  return parts;
}

export async function rawXlsx(p: RawPackage): Promise<Uint8Array> {
  return new Uint8Array(zipBuffer(rawParts(p)));
}

/**
 * The same part with the SpreadsheetML namespace bound to a prefix (<x:worksheet>…), as some
 * generators write it: valid, and Excel reads it.
 */
export function prefixed(xml: string, prefix = 'x'): string {
  return xml
    .replace(`xmlns="${MAIN_NS}"`, `xmlns:${prefix}="${MAIN_NS}"`)
    .replace(/<(\/?)([A-Za-z][\w.-]*)(?=[\s/>])/g, (m, slash: string, name: string) => `<${slash}${prefix}:${name}`);
}

/** Every SpreadsheetML part of a package rewritten with a prefix. */
export async function prefixAll(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  for (const name of Object.keys(zip.files)) {
    if (zip.files[name].dir || !name.endsWith('.xml')) continue;
    const text = await zip.file(name)!.async('string');
    if (text.includes(`xmlns="${MAIN_NS}"`)) zip.file(name, prefixed(text));
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
