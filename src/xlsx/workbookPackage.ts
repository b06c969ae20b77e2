/**
 * An .xlsx (or .xlsm, .xltx, .xltm) opened as far as its workbook part: the parts both the
 * reader and the applier need, each problem classified (not a workbook, Strict, binary,
 * a damaged part) instead of one "damaged".
 */
import { XlsxApplyError } from './errors';
import { RT, parseRels, relsPart, relsPathOf, resolveTarget, type Rel } from './ooxml/opc';
import { StrictOoxmlError, WorkbookXml, type WbSheet } from './ooxml/workbook';
import { childrenNamed, rootOf, XmlError } from './ooxml/xml';
import { LIMITS, Package, type PackageLimits } from './package';

export const CONTENT_TYPES = '[Content_Types].xml';

/** Workbook part content types and the extension Excel expects for each. */
export const WORKBOOK_EXTENSIONS: Record<string, string> = {
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml': '.xlsx',
  'application/vnd.ms-excel.sheet.macroEnabled.main+xml': '.xlsm',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml': '.xltx',
  'application/vnd.ms-excel.template.macroEnabled.main+xml': '.xltm',
};
const BINARY_WORKBOOK = 'application/vnd.ms-excel.sheet.binary.macroEnabled.main';

export interface WorkbookPackage {
  pkg: Package;
  ct: string;
  wb: WorkbookXml;
  wbText: string;
  wbPath: string;
  wbRelsPath: string;
  wbRels: string;
  /** The workbook part's content type ("" when [Content_Types].xml names none). */
  workbookType: string;
}

/** Parses a part, naming it when it is not well-formed. */
export function checked<T>(part: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof StrictOoxmlError) throw new XlsxApplyError('strict', '', e);
    if (e instanceof XmlError || e instanceof Error) throw new XlsxApplyError('damaged-part', `Part ${part}: ${e.message}`, e);
    throw e;
  }
}

/** Content type of a part by [Content_Types].xml: its Override, else the Default for its extension. */
export function contentTypeOf(ct: string, part: string): string | undefined {
  const root = rootOf(ct);
  const o = childrenNamed(root, 'Override').find((e) => (e.attrs.PartName ?? '').toLowerCase() === `/${part}`.toLowerCase());
  if (o) return o.attrs.ContentType;
  const ext = part.slice(part.lastIndexOf('.') + 1).toLowerCase();
  return childrenNamed(root, 'Default').find((e) => (e.attrs.Extension ?? '').toLowerCase() === ext)?.attrs.ContentType;
}

/** The extension a summarized copy must keep so Excel opens it (.xlsm stays .xlsm). */
export function extensionOf(o: WorkbookPackage): string {
  return WORKBOOK_EXTENSIONS[o.workbookType] ?? '.xlsx';
}

export async function openWorkbook(input: Uint8Array, limits: PackageLimits = LIMITS): Promise<WorkbookPackage> {
  const pkg = await Package.open(input, limits);
  const rootRels = await pkg.text('_rels/.rels');
  const ct = await pkg.text(CONTENT_TYPES);
  if (!rootRels || !ct) throw new XlsxApplyError('not-xlsx', 'It has no [Content_Types].xml or _rels/.rels.');
  checked(CONTENT_TYPES, () => rootOf(ct));
  const rootRel = checked('_rels/.rels', () => parseRels(rootRels)).find((r) => r.type === RT.officeDocument || r.type === RT.strictOfficeDocument);
  if (!rootRel) throw new XlsxApplyError('not-xlsx', 'It has no officeDocument relationship.');
  if (rootRel.type === RT.strictOfficeDocument) throw new XlsxApplyError('strict', '');
  const wbPath = resolveTarget('', rootRel.target);
  const workbookType = contentTypeOf(ct, wbPath) ?? '';
  if (workbookType === BINARY_WORKBOOK || /\.bin$/i.test(wbPath)) throw new XlsxApplyError('binary', '');
  const wbText = await pkg.text(wbPath);
  if (!wbText) throw new XlsxApplyError('damaged-part', `The workbook part ${wbPath} is missing.`);
  const wb = checked(wbPath, () => {
    const w = new WorkbookXml(wbText);
    w.sheets();
    return w;
  });
  const wbRelsPath = relsPathOf(wbPath);
  const wbRels = (await pkg.text(wbRelsPath)) ?? relsPart([]);
  checked(wbRelsPath, () => parseRels(wbRels));
  return { pkg, ct, wb, wbText, wbPath, wbRelsPath, wbRels, workbookType };
}

/** Each sheet with the path of its part (undefined when its relationship is missing or external) and its relationship type. */
export function sheetParts(o: WorkbookPackage): { sheet: WbSheet; path: string | undefined; type: string }[] {
  const rels = new Map<string, Rel>(parseRels(o.wbRels).map((r) => [r.id, r]));
  return o.wb.sheets().map((sheet) => {
    const rel = rels.get(sheet.rid);
    return { sheet, path: rel && !rel.external ? resolveTarget(o.wbPath, rel.target) : undefined, type: rel?.type ?? '' };
  });
}

/** The path of the workbook's part related by type (styles, shared strings). */
export function workbookPartOf(o: WorkbookPackage, type: string): string | undefined {
  const rel = parseRels(o.wbRels).find((r) => r.type === type && !r.external);
  return rel && resolveTarget(o.wbPath, rel.target);
}
