/**
 * .xlsx applier: grafts Hyōka's summary sheets into the user's package.
 *
 * The user's workbook is never round-tripped through a spreadsheet library
 * (exceljs drops charts, pivots, slicers… it does not model). Every part we do
 * not own keeps its exact bytes; the only parts we edit — by insertion and by
 * removing what we inserted before — are the workbook, its rels,
 * [Content_Types].xml and styles.xml.
 *
 * Ownership (ownership.ts, the rule in src/core/ownership.ts): on re-run the sheets that
 * are Hyōka's are removed with every part reachable only from them (drawings, charts,
 * tables, their rels and content-type overrides, their local names), then the new ones are
 * added with the same part numbers, ids and names, so applying twice equals applying once.
 * A sheet that carries a mark but is not Hyōka's (a copy, a renamed sheet) is kept and
 * reported. Styles are appended once and reused by exact content afterwards.
 */
import { isLinkedWorkbook, type PlanSheetKey, type SummaryPlan } from '../core/plan';
import { formatMark, formatRecord, quoteFormulaString, runIdOf, type KeptReason } from '../core/ownership';
import { chartXml, drawingXml } from './ooxml/chart';
import {
  CT,
  RT,
  fileTarget,
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
import { childrenNamed, removeSpans, rootOf } from './ooxml/xml';
import { XlsxApplyError } from './errors';
import { OWNED_NAME, RECORD_NAME, xlsxOwnership } from './ownership';
import { checked, CONTENT_TYPES, extensionOf, openWorkbook } from './workbookPackage';
import type { Deflater } from './zipWriter';

export { XlsxApplyError } from './errors';
export type { XlsxErrorCode as XlsxApplyErrorCode } from './errors';

export interface RenamedSheet {
  key: PlanSheetKey;
  /** The plan's (localized) name. */
  wanted: string;
  /** The name used because a user's sheet already has `wanted` (or it was not a valid sheet name). */
  used: string;
}

/** A sheet that carries Hyōka's mark but is the user's (kept as it is). */
export interface KeptSheet {
  name: string;
  key: string;
  reason: KeptReason;
}

export interface ApplyXlsxResult {
  bytes: Uint8Array;
  /** Name each plan sheet got in the output. */
  sheetNames: Partial<Record<PlanSheetKey, string>>;
  renamed: RenamedSheet[];
  /** Marked sheets left to the user: copies, renamed or stale summary sheets. */
  kept: KeptSheet[];
  /** The extension the output must keep for Excel to open it (".xlsx", ".xlsm"…). */
  extension: string;
}

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

export interface HyokaSheet {
  name: string;
  /** Plan sheet key, when the mark records it. */
  key?: PlanSheetKey;
}

/**
 * The sheets of an .xlsx that are Hyōka's by the ownership rule (its own mark, or the
 * Office.js applier's), e.g. for the reader to skip them as sources. Reads no cell data.
 */
export async function findHyokaSheets(input: Uint8Array): Promise<HyokaSheet[]> {
  const o = await xlsxOwnership(await openWorkbook(input));
  return o.owned.map(({ index, key }) => (key ? { name: o.names[index], key: key as PlanSheetKey } : { name: o.names[index] }));
}

export interface ApplyXlsxOptions {
  /** A native raw deflate (the CLI passes Node's zlib): untouched parts are then copied compressed as they were. */
  deflater?: Deflater;
}

export async function applyPlanToXlsx(input: Uint8Array, plan: SummaryPlan, options: ApplyXlsxOptions = {}): Promise<ApplyXlsxResult> {
  validatePlan(plan);
  const opened = await openWorkbook(input);
  const { pkg, wb, wbText, wbPath, wbRelsPath } = opened;
  let { ct, wbRels } = opened;
  const xlDir = dirOf(wbPath);
  // A structure-protected workbook is reported, never forced (Excel itself would refuse new sheets).
  if (wb.structureLocked()) throw new XlsxApplyError('protected', wbPath);

  // ---- 1. Remove what a previous run added (Hyōka's sheets by the rule, and sheets a run left half-built). ----
  const sheetsBefore = wb.sheets();
  const ownership = await xlsxOwnership(opened);
  const kept: KeptSheet[] = ownership.kept.map((k) => ({ name: k.name, key: k.key, reason: k.reason }));
  const owned = [...ownership.owned.map((o) => o.index), ...ownership.orphans].sort((a, b) => a - b);
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
      if (r) for (const rel of checked(relsPathOf(part), () => parseRels(r))) if (!rel.external) queue.push(resolveTarget(part, rel.target));
    }
    // …minus what a part outside that set also references.
    const shared = new Set<string>();
    for (const relsName of pkg.names()) {
      const src = sourceOfRels(relsName);
      if (src === undefined || reach.has(src.toLowerCase())) continue;
      const text = relsName.toLowerCase() === wbRelsPath.toLowerCase() ? wbRels : await pkg.text(relsName);
      for (const rel of checked(relsName, () => parseRels(text ?? relsPart([])))) {
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
    const overrides = childrenNamed(rootOf(ct), 'Override').filter((o) => doomedSet.has((o.attrs.PartName ?? '').toLowerCase()));
    ct = removeSpans(ct, overrides);
    wbRels = removeSpans(
      wbRels,
      rels.filter((r) => ownedRelIds.has(r.id)).map((r) => r.span),
    );
    wb.removeSheets(owned);
  }

  // ---- 2. Add the plan's sheets. ----
  const run = runIdOf(JSON.stringify(plan));
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
  const styles = checked(stylesPath, () => new StyleBook(stylesText!));

  // Table names and ids are workbook-wide.
  const tableNamesTaken = new Set(wb.definedNames().map((n) => n.name.toLowerCase()));
  let tableId = 0;
  for (const n of pkg.names()) {
    if (!/tables\/[^/]+\.xml$/i.test(n)) continue;
    const t = await pkg.text(n);
    if (!t) continue;
    const a = checked(n, () => rootOf(t).attrs);
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
    // Links to another workbook: one external relationship each (as Excel writes them).
    const hyperlinkRelIds = sheet.hyperlinks.map((link) => {
      if (link.target.file === undefined) return undefined;
      if (!isLinkedWorkbook(link.target.file)) throw new XlsxApplyError('invalid-plan', `Sheet "${sheet.name}": link target "${link.target.file}" is not a relative file path.`);
      const rid = `rId${sheetRels.length + 1}`;
      sheetRels.push(relXml(rid, RT.hyperlink, fileTarget(link.target.file), true));
      return rid;
    });
    let xml: string;
    try {
      xml = sheetXml({ sheet, build, styles, resolveSheetName, drawingRelId, tableRelIds, hyperlinkRelIds });
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
    wb.addDefinedName(OWNED_NAME, quoteFormulaString(formatMark({ key: sheet.key, id: String(id), run, name })), localId, true);
    const headers = [...sheet.headerRows].sort((a, b) => a - b);
    if (headers.length) {
      let last = headers[0];
      while (headers.includes(last + 1)) last++;
      const rows = `$${headers[0] + 1}:$${last + 1}`;
      wb.addDefinedName('_xlnm.Print_Titles', `'${name.replace(/'/g, "''")}'!${rows}`, localId, false);
    }
  });
  wb.clampViews(remaining.length + plan.sheets.length);
  // The record of this run replaces the previous one: only sheets it lists can be Hyōka's next time.
  wb.removeGlobalNames(RECORD_NAME);
  wb.addDefinedName(RECORD_NAME, quoteFormulaString(formatRecord({ run, keys: plan.sheets.map((s) => s.key) })), undefined, true);

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

  const bytes = await pkg.toBytes(options.deflater);
  return { bytes, sheetNames, renamed, kept, extension: extensionOf(opened) };
}
