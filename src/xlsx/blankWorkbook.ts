/**
 * A new, empty workbook package for output that is no user's workbook (the consolidated city
 * summary): the summary sheets are grafted into it like into any other. It has no sheet of its
 * own, so it is complete only once the applier adds one.
 */
import JSZip from 'jszip';
import { CT, RT, relsPart, relXml } from './ooxml/opc';
import { MAIN_NS, REL_NS } from './ooxml/sheet';
import { MINIMAL_STYLES_XML } from './ooxml/styles';

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export async function blankWorkbook(): Promise<Uint8Array> {
  const zip = new JSZip();
  const opt = { date: new Date(Date.UTC(1980, 0, 1)) };
  zip.file(
    '[Content_Types].xml',
    `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      `<Override PartName="/xl/styles.xml" ContentType="${CT.styles}"/></Types>`,
    opt,
  );
  zip.file('_rels/.rels', relsPart([relXml('rId1', RT.officeDocument, 'xl/workbook.xml')]), opt);
  // <sheets></sheets>, not <sheets/>: the applier inserts before its closing tag.
  zip.file('xl/workbook.xml', `${XML}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><bookViews><workbookView/></bookViews><sheets></sheets></workbook>`, opt);
  zip.file('xl/_rels/workbook.xml.rels', relsPart([relXml('rId1', RT.styles, 'styles.xml')]), opt);
  zip.file('xl/styles.xml', MINIMAL_STYLES_XML, opt);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
