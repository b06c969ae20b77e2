/**
 * .xlsx applier: grafts Hyōka's summary sheets into the user's package.
 *
 * The user's workbook is never round-tripped through a spreadsheet library
 * (exceljs drops charts, pivots, slicers… it does not model). Every part we do
 * not own keeps its exact bytes; the only parts we edit — by insertion and by
 * removing what we inserted before — are the workbook, its rels,
 * [Content_Types].xml and styles.xml.
 *
 * Ownership: each Hyōka sheet carries a hidden sheet-local defined name
 * `_Hyoka.owned` = "<key>@<sheetId>". On re-run those sheets are removed with
 * every part reachable only from them (drawings, charts, tables, their rels and
 * content-type overrides, their local names), then the new ones are added with
 * the same part numbers, ids and names, so applying twice equals applying once.
 * Styles are appended once and reused by exact content afterwards.
 */
import JSZip from 'jszip';
import type { PlanSheetKey, SummaryPlan } from '../core/plan';
import { chartXml, drawingXml } from './ooxml/chart';
import {
  CT,
  RT,
  insertBeforeClose,
  overrideXml,
  parseRels,
  relativeTarget,
  relsPart,
  relsPathOf,
  relXml,
  resolveTarget,
  sourceOfRels,
  dirOf,
} from './ooxml/opc';
import { buildGrid, sheetXml, tableXml } from './ooxml/sheet';
import { MINIMAL_STYLES_XML, StyleBook } from './ooxml/styles';
import { OWNED_NAME, WorkbookXml } from './ooxml/workbook';
import { findElements, parseAttrs, removeSpans, unescXml } from './ooxml/xml';

export interface RenamedSheet {
  key: PlanSheetKey;
  /** The plan's (localized) name. */
  wanted: string;
  /** The name used because a user's sheet already has `wanted` (or it was not a valid sheet name). */
  used: string;
}

export interface ApplyXlsxResult {
  bytes: Uint8Array;
  /** Name each plan sheet got in the output. */
  sheetNames: Partial<Record<PlanSheetKey, string>>;
  renamed: RenamedSheet[];
}

export type XlsxApplyErrorCode = 'not-xlsx' | 'unsupported-package' | 'invalid-plan' | 'protected';

const MESSAGES: Record<XlsxApplyErrorCode, string> = {
  'not-xlsx': 'The input is not an .xlsx package (zip with a workbook part).',
  'unsupported-package': 'This workbook package cannot be summarized safely.',
  'invalid-plan': 'The summary plan is not valid.',
  protected: 'The workbook structure is protected: sheets cannot be added. Unprotect it (Review → Protect Workbook) and run again.',
};

export class XlsxApplyError extends Error {
  constructor(
    readonly code: XlsxApplyErrorCode,
    readonly detail: string,
    readonly cause?: unknown,
  ) {
    super(`${MESSAGES[code]} ${detail}`.trim());
    this.name = 'XlsxApplyError';
  }
}

/** Lazily-read text parts of the zip, with case-insensitive part names (OPC). */
class Package {
  private readonly byLower = new Map<string, string>();
  private readonly cache = new Map<string, string>();

  constructor(readonly zip: JSZip) {
    for (const name of Object.keys(zip.files)) if (!zip.files[name].dir) this.byLower.set(name.toLowerCase(), name);
  }

  names(): string[] {
    return [...this.byLower.values()];
  }

  realName(path: string): string | undefined {
    return this.byLower.get(path.toLowerCase());
  }

  has(path: string): boolean {
    return this.byLower.has(path.toLowerCase());
  }

  async text(path: string): Promise<string | undefined> {
    const real = this.byLower.get(path.toLowerCase());
    if (real === undefined) return undefined;
    if (!this.cache.has(real)) this.cache.set(real, await this.zip.file(real)!.async('string'));
    return this.cache.get(real);
  }

  write(path: string, text: string): void {
    const real = this.byLower.get(path.toLowerCase()) ?? path;
    this.byLower.set(path.toLowerCase(), real);
    this.cache.set(real, text);
    this.zip.file(real, text);
  }

  remove(path: string): void {
    const real = this.byLower.get(path.toLowerCase());
    if (real === undefined) return;
    this.byLower.delete(path.toLowerCase());
    this.cache.delete(real);
    this.zip.remove(real);
  }

  /** Highest N among parts named <folder><stem>N.xml (case-insensitive). */
  maxNumber(folder: string, stem: string): number {
    const re = new RegExp(`^${folder}${stem}(\\d+)\\.xml$`, 'i');
    let max = 0;
    for (const n of this.byLower.keys()) {
      const m = re.exec(n);
      if (m) max = Math.max(max, Number(m[1]));
    }
    return max;
  }
}

const CONTENT_TYPES = '[Content_Types].xml';

const INVALID_SHEET_CHARS = /[\\/?*[\]:\u0000-\u001F]/g; // eslint-disable-line no-control-regex

function sanitizeSheetName(name: string): string {
  let s = name.replace(INVALID_SHEET_CHARS, '_').replace(/^'+|'+$/g, '').trim();
  s = Array.from(s).slice(0, 31).join('');
  if (!s) s = 'Hyoka';
  if (s.toLowerCase() === 'history') s = 'History_';
  return s;
}

function freeSheetName(base: string, taken: Set<string>): string {
  if (!taken.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const cand = Array.from(base).slice(0, 31 - suffix.length).join('') + suffix;
    if (!taken.has(cand.toLowerCase())) return cand;
  }
}

function sanitizeTableName(name: string): string {
  let s = name.replace(/[^\p{L}\p{N}_.\\]/gu, '_').slice(0, 250);
  if (!/^[\p{L}_\\]/u.test(s)) s = `_${s}`;
  // Names that read as cell references (A1, R1C1, R, C) are refused by Excel.
  if (/^[A-Za-z]{1,3}\d+$/.test(s) || /^[RrCc]$/.test(s) || /^[Rr]\d*[Cc]\d*$/.test(s)) s = `_${s}`;
  return s;
}

function validatePlan(plan: SummaryPlan): void {
  if (!plan || plan.owner !== 'hyoka' || !Array.isArray(plan.sheets)) {
    throw new XlsxApplyError('invalid-plan', 'Expected a SummaryPlan with owner "hyoka".');
  }
  const keys = new Set<string>();
  for (const s of plan.sheets) {
    if (keys.has(s.key)) throw new XlsxApplyError('invalid-plan', `Sheet key "${s.key}" appears twice.`);
    keys.add(s.key);
    if (!/^[a-z]+$/.test(s.key)) throw new XlsxApplyError('invalid-plan', `Sheet key "${s.key}" is not a plain key.`);
  }
}

interface OwnedMarker {
  key: string;
  sheetId?: number;
}

function parseMarker(value: string): OwnedMarker | undefined {
  const m = /^"([a-z]+)(?:@(\d+))?"$/.exec(unescXml(value).trim());
  return m ? { key: m[1], sheetId: m[2] === undefined ? undefined : Number(m[2]) } : undefined;
}

/** The Office.js applier marks its sheets with worksheet custom properties (src/excel/names.ts). */
const ADDIN_OWNER_PROPERTY = 'hyoka.owner';
const ADDIN_OWNER_VALUE = 'hyoka';
const ADDIN_KEY_PROPERTY = 'hyoka.key';
const CUSTOM_PROPERTY_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/customProperty';

/** A worksheet custom property's value part holds the string (UTF-16LE as Excel writes it; UTF-8 tolerated). */
function decodePropertyValue(bytes: Uint8Array): string {
  // NUL padding is what Excel leaves after the UTF-16 string; stripping it is the point.
  // eslint-disable-next-line no-control-regex
  const clean = (s: string) => s.replace(/\u0000+$/g, '').replace(/^\uFEFF/, '').trim();
  const utf16 = clean(new TextDecoder('utf-16le').decode(bytes));
  return /^[\x20-\x7E\u3000-\u9FFF]*$/.test(utf16) ? utf16 : clean(new TextDecoder().decode(bytes));
}

/** Custom properties (name → value) of a worksheet part, read only when its rels mention one. */
async function worksheetCustomProperties(pkg: Package, sheetPath: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const relsText = await pkg.text(relsPathOf(sheetPath));
  if (!relsText || !relsText.includes(CUSTOM_PROPERTY_REL)) return out;
  const rels = parseRels(relsText).filter((r) => r.type === CUSTOM_PROPERTY_REL && !r.external);
  const xml = (await pkg.text(sheetPath)) ?? '';
  const p = /<([\w.-]+:)?worksheet[\s>]/.exec(xml)?.[1] ?? '';
  for (const el of findElements(xml, `${p}customPr`)) {
    const a = parseAttrs(el.openTag);
    const rid = Object.entries(a).find(([k]) => /(^|:)id$/.test(k))?.[1];
    const rel = rels.find((r) => r.id === rid);
    const file = rel && pkg.zip.file(pkg.realName(resolveTarget(sheetPath, rel.target)) ?? '');
    if (a.name && file) out.set(a.name, decodePropertyValue(await file.async('uint8array')));
  }
  return out;
}

/**
 * Which sheet positions Hyōka owns. Our mark: a sheet-local hidden name
 * "_Hyoka.owned" = "<key>@<sheetId>"; a key's marker whose sheetId matches wins,
 * otherwise a single marked sheet is ours (sheetIds renumbered by another app);
 * several marked copies with no match are all left to the user. A sheet the
 * Office.js applier marked (custom property hyoka.owner = hyoka) is ours too.
 */
async function ownedSheets(pkg: Package, wb: WorkbookXml, wbPath: string, wbRels: string): Promise<Map<number, string | undefined>> {
  const sheets = wb.sheets();
  const byKey = new Map<string, { index: number; marker: OwnedMarker }[]>();
  for (const n of wb.definedNames()) {
    if (n.name !== OWNED_NAME || n.localSheetId === undefined || !sheets[n.localSheetId]) continue;
    const marker = parseMarker(n.value);
    if (!marker) continue;
    const list = byKey.get(marker.key) ?? [];
    list.push({ index: n.localSheetId, marker });
    byKey.set(marker.key, list);
  }
  const out = new Map<number, string | undefined>();
  for (const [key, list] of byKey) {
    const exact = list.find((c) => c.marker.sheetId === sheets[c.index].sheetId);
    if (exact) out.set(exact.index, key);
    else if (list.length === 1) out.set(list[0].index, key);
  }
  const rels = parseRels(wbRels);
  for (let i = 0; i < sheets.length; i++) {
    if (out.has(i)) continue;
    const rel = rels.find((r) => r.id === sheets[i].rid && !r.external);
    if (!rel) continue;
    const props = await worksheetCustomProperties(pkg, resolveTarget(wbPath, rel.target));
    if (props.get(ADDIN_OWNER_PROPERTY) === ADDIN_OWNER_VALUE) out.set(i, props.get(ADDIN_KEY_PROPERTY));
  }
  return out;
}

interface OpenedPackage {
  pkg: Package;
  ct: string;
  wb: WorkbookXml;
  wbText: string;
  wbPath: string;
  wbRelsPath: string;
  wbRels: string;
}

async function openPackage(input: Uint8Array): Promise<OpenedPackage> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(input);
  } catch (e) {
    throw new XlsxApplyError('not-xlsx', 'It could not be opened as a zip file.', e);
  }
  const pkg = new Package(zip);
  const rootRels = await pkg.text('_rels/.rels');
  const ct = await pkg.text(CONTENT_TYPES);
  if (!rootRels || !ct) throw new XlsxApplyError('not-xlsx', 'It has no [Content_Types].xml or _rels/.rels.');
  const rootRel = parseRels(rootRels).find((r) => r.type === RT.officeDocument || r.type === RT.strictOfficeDocument);
  if (!rootRel) throw new XlsxApplyError('not-xlsx', 'It has no officeDocument relationship.');
  if (rootRel.type === RT.strictOfficeDocument) {
    throw new XlsxApplyError('unsupported-package', 'Strict Open XML is not supported; save it as an ordinary .xlsx.');
  }
  const wbPath = resolveTarget('', rootRel.target);
  const wbText = await pkg.text(wbPath);
  if (!wbText) throw new XlsxApplyError('not-xlsx', `The workbook part ${wbPath} is missing.`);
  let wb: WorkbookXml;
  try {
    wb = new WorkbookXml(wbText);
    wb.sheets();
  } catch (e) {
    throw new XlsxApplyError('unsupported-package', (e as Error).message, e);
  }
  const wbRelsPath = relsPathOf(wbPath);
  const wbRels = (await pkg.text(wbRelsPath)) ?? relsPart([]);
  return { pkg, ct, wb, wbText, wbPath, wbRelsPath, wbRels };
}

export interface HyokaSheet {
  name: string;
  /** Plan sheet key, when the mark records it. */
  key?: PlanSheetKey;
}

/**
 * The sheets of an .xlsx that Hyōka wrote (its own mark, or the Office.js
 * applier's), e.g. for the reader to skip them as sources. Reads no cell data.
 */
export async function findHyokaSheets(input: Uint8Array): Promise<HyokaSheet[]> {
  const o = await openPackage(input);
  const sheets = o.wb.sheets();
  const owned = await ownedSheets(o.pkg, o.wb, o.wbPath, o.wbRels);
  return [...owned.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([i, key]) => (key ? { name: sheets[i].name, key: key as PlanSheetKey } : { name: sheets[i].name }));
}

export async function applyPlanToXlsx(input: Uint8Array, plan: SummaryPlan): Promise<ApplyXlsxResult> {
  validatePlan(plan);
  const opened = await openPackage(input);
  const { pkg, wb, wbText, wbPath, wbRelsPath } = opened;
  let { ct, wbRels } = opened;
  const xlDir = dirOf(wbPath);
  // A structure-protected workbook is reported, never forced (Excel itself would refuse new sheets).
  const protection = /<(?:[\w.-]+:)?workbookProtection\b[^>]*>/.exec(wbText)?.[0];
  if (protection && /\blockStructure="(?:1|true)"/.test(protection)) throw new XlsxApplyError('protected', wbPath);

  // ---- 1. Remove what a previous run added. ----
  const sheetsBefore = wb.sheets();
  const owned = [...(await ownedSheets(pkg, wb, wbPath, wbRels)).keys()].sort((a, b) => a - b);
  if (owned.length) {
    const rels = parseRels(wbRels);
    const ownedRelIds = new Set(owned.map((i) => sheetsBefore[i].rid));
    const roots = rels.filter((r) => ownedRelIds.has(r.id) && !r.external).map((r) => resolveTarget(wbPath, r.target));
    // Everything reachable from our sheets…
    const reach = new Set<string>();
    const queue = [...roots];
    while (queue.length) {
      const part = queue.shift()!;
      if (reach.has(part.toLowerCase())) continue;
      reach.add(part.toLowerCase());
      const r = await pkg.text(relsPathOf(part));
      if (r) for (const rel of parseRels(r)) if (!rel.external) queue.push(resolveTarget(part, rel.target));
    }
    // …minus what a part outside that set also references.
    const shared = new Set<string>();
    for (const relsName of pkg.names()) {
      const src = sourceOfRels(relsName);
      if (src === undefined || reach.has(src.toLowerCase())) continue;
      const text = relsName.toLowerCase() === wbRelsPath.toLowerCase() ? wbRels : await pkg.text(relsName);
      for (const rel of parseRels(text ?? '')) {
        if (rel.external) continue;
        if (relsName.toLowerCase() === wbRelsPath.toLowerCase() && ownedRelIds.has(rel.id)) continue;
        shared.add(resolveTarget(src, rel.target).toLowerCase());
      }
    }
    const doomed = [...reach].filter((p) => !shared.has(p));
    for (const part of doomed) {
      pkg.remove(part);
      pkg.remove(relsPathOf(part));
    }
    const doomedSet = new Set(doomed.map((p) => `/${p}`));
    const overrides = findElements(ct, (/<([\w.-]+:)?Types[\s>]/.exec(ct)?.[1] ?? '') + 'Override').filter((o) =>
      doomedSet.has((parseAttrs(o.openTag).PartName ?? '').toLowerCase()),
    );
    ct = removeSpans(ct, overrides);
    wbRels = removeSpans(
      wbRels,
      rels.filter((r) => ownedRelIds.has(r.id)).map((r) => r.span),
    );
    wb.removeSheets(owned);
  }

  // ---- 2. Add the plan's sheets. ----
  const remaining = wb.sheets();
  const taken = new Set(remaining.map((s) => s.name.toLowerCase()));
  const sheetNames: Partial<Record<PlanSheetKey, string>> = {};
  const renamed: RenamedSheet[] = [];
  const nameMap = new Map<string, string>();
  for (const s of plan.sheets) {
    const used = freeSheetName(sanitizeSheetName(s.name), taken);
    taken.add(used.toLowerCase());
    sheetNames[s.key] = used;
    nameMap.set(s.name, used);
    if (used !== s.name) renamed.push({ key: s.key, wanted: s.name, used });
  }
  const resolveSheetName = (n: string) => nameMap.get(n) ?? n;

  const stylesRel = parseRels(wbRels).find((r) => r.type === RT.styles);
  let stylesPath = stylesRel ? resolveTarget(wbPath, stylesRel.target) : `${xlDir}styles.xml`;
  let stylesText = await pkg.text(stylesPath);
  const newRels: string[] = [];
  const newOverrides: string[] = [];
  let relNo = 0;
  const usedRelIds = new Set(parseRels(wbRels).map((r) => r.id));
  for (const id of usedRelIds) relNo = Math.max(relNo, Number(/^rId(\d+)$/.exec(id)?.[1] ?? 0));
  const nextWbRelId = () => {
    let id: string;
    do id = `rId${++relNo}`;
    while (usedRelIds.has(id));
    usedRelIds.add(id);
    return id;
  };
  if (!stylesText) {
    // A package without a styles part (some generators): give it a minimal one.
    stylesPath = `${xlDir}styles.xml`;
    stylesText = MINIMAL_STYLES_XML;
    newRels.push(relXml(nextWbRelId(), RT.styles, relativeTarget(wbPath, stylesPath)));
    newOverrides.push(overrideXml(stylesPath, CT.styles));
  }
  const styles = new StyleBook(stylesText);

  // Table names and ids are workbook-wide.
  const tableNamesTaken = new Set(wb.definedNames().map((n) => n.name.toLowerCase()));
  let tableId = 0;
  for (const n of pkg.names()) {
    if (!/tables\/[^/]+\.xml$/i.test(n)) continue;
    const t = await pkg.text(n);
    const root = t ? /<([\w.-]+:)?table\b[^>]*>/.exec(t) : null;
    if (!root) continue;
    const a = parseAttrs(root[0]);
    tableId = Math.max(tableId, Number(a.id) || 0);
    if (a.name) tableNamesTaken.add(a.name.toLowerCase());
    if (a.displayName) tableNamesTaken.add(a.displayName.toLowerCase());
  }

  let sheetNo = pkg.maxNumber(`${xlDir}worksheets/`, 'sheet');
  let drawingNo = pkg.maxNumber(`${xlDir}drawings/`, 'drawing');
  let chartNo = pkg.maxNumber(`${xlDir}charts/`, 'chart');
  let tableNo = pkg.maxNumber(`${xlDir}tables/`, 'table');
  let sheetId = remaining.reduce((m, s) => Math.max(m, s.sheetId || 0), 0);

  plan.sheets.forEach((sheet, i) => {
    const name = sheetNames[sheet.key]!;
    const tableNames = sheet.tables.map((t) => {
      const base = sanitizeTableName(t.name);
      let n = base;
      for (let k = 2; tableNamesTaken.has(n.toLowerCase()); k++) n = `${base}_${k}`;
      tableNamesTaken.add(n.toLowerCase());
      return n;
    });
    let build;
    try {
      build = buildGrid(sheet, plan.lang, tableNames);
    } catch (e) {
      throw new XlsxApplyError('invalid-plan', `Sheet "${sheet.name}": ${(e as Error).message}`, e);
    }
    const sheetPath = `${xlDir}worksheets/sheet${++sheetNo}.xml`;
    const sheetRels: string[] = [];
    let drawingRelId: string | undefined;
    if (sheet.charts.length) {
      const drawingPath = `${xlDir}drawings/drawing${++drawingNo}.xml`;
      drawingRelId = `rId${sheetRels.length + 1}`;
      sheetRels.push(relXml(drawingRelId, RT.drawing, relativeTarget(sheetPath, drawingPath)));
      const chartRels: string[] = [];
      const chartRelIds: string[] = [];
      for (const chart of sheet.charts) {
        const chartPath = `${xlDir}charts/chart${++chartNo}.xml`;
        const rid = `rId${chartRels.length + 1}`;
        chartRelIds.push(rid);
        chartRels.push(relXml(rid, RT.chart, relativeTarget(drawingPath, chartPath)));
        try {
          pkg.write(chartPath, chartXml({ grid: build.grid, sheetName: name }, chart));
        } catch (e) {
          throw new XlsxApplyError('invalid-plan', `Chart "${chart.id}": ${(e as Error).message}`, e);
        }
        newOverrides.push(overrideXml(chartPath, CT.chart));
      }
      pkg.write(drawingPath, drawingXml(sheet.charts, chartRelIds));
      pkg.write(relsPathOf(drawingPath), relsPart(chartRels));
      newOverrides.push(overrideXml(drawingPath, CT.drawing));
    }
    const tableRelIds: string[] = [];
    for (const t of build.tables) {
      const tablePath = `${xlDir}tables/table${++tableNo}.xml`;
      const rid = `rId${sheetRels.length + 1}`;
      tableRelIds.push(rid);
      sheetRels.push(relXml(rid, RT.table, relativeTarget(sheetPath, tablePath)));
      pkg.write(tablePath, tableXml(t, ++tableId));
      newOverrides.push(overrideXml(tablePath, CT.table));
    }
    let xml: string;
    try {
      xml = sheetXml({ sheet, build, styles, resolveSheetName, drawingRelId, tableRelIds });
    } catch (e) {
      throw new XlsxApplyError('invalid-plan', `Sheet "${sheet.name}": ${(e as Error).message}`, e);
    }
    pkg.write(sheetPath, xml);
    if (sheetRels.length) pkg.write(relsPathOf(sheetPath), relsPart(sheetRels));
    newOverrides.push(overrideXml(sheetPath, CT.worksheet));

    const rid = nextWbRelId();
    newRels.push(relXml(rid, RT.worksheet, relativeTarget(wbPath, sheetPath)));
    const id = ++sheetId;
    wb.addSheet(name, id, rid);
    const localId = remaining.length + i;
    wb.addDefinedName(OWNED_NAME, `"${sheet.key}@${id}"`, localId, true);
    const headers = [...sheet.headerRows].sort((a, b) => a - b);
    if (headers.length) {
      let last = headers[0];
      while (headers.includes(last + 1)) last++;
      const rows = `$${headers[0] + 1}:$${last + 1}`;
      wb.addDefinedName('_xlnm.Print_Titles', `'${name.replace(/'/g, "''")}'!${rows}`, localId, false);
    }
  });
  wb.clampViews(remaining.length + plan.sheets.length);

  if (!styles.unchanged) pkg.write(stylesPath, styles.toXml());
  if (newRels.length) wbRels = insertBeforeClose(wbRels, 'Relationships', newRels.join(''));
  if (newOverrides.length) ct = insertBeforeClose(ct, 'Types', newOverrides.join(''));
  for (const [path, text, before] of [
    [wbPath, wb.xml, wbText],
    [wbRelsPath, wbRels, await pkg.text(wbRelsPath)],
    [CONTENT_TYPES, ct, await pkg.text(CONTENT_TYPES)],
  ] as const) {
    if (text !== before) pkg.write(path, text);
  }

  const bytes = await pkg.zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
  return { bytes, sheetNames, renamed };
}
