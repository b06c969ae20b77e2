/**
 * The reader: WorkbookSnapshot → policy fields, measures, projects and KPIs.
 * Everything is found by its label and read relative to it; no fixed addresses.
 * Cells of one row drift between columns from block to block, so values are read
 * column-aligned where that holds and in order of appearance where it does not.
 */
import { Grid, GridCell, hasLabel } from './grid';
import { isLabel, isSectionLabel, LabelId, sectionLabelIds } from './labels';
import type {
  FinanceYear,
  Indicator,
  IndicatorYear,
  LogicModel,
  Measure,
  MeasureEvaluation,
  OutcomeRow,
  PolicyField,
  Project,
  RelatedProject,
  SheetInfo,
  SheetKind,
  SourceRef,
  TextTarget,
} from './model';
import { htmlTables, htmlToText, labelKey, nameKey, parseFiscalYear, parseNumber, plainText } from './normalize';
import type { WorkbookSnapshot } from './snapshot';

export interface ParseOptions {
  sheetKinds?: Record<string, SheetKind>;
}

export interface ParseResult {
  sheets: SheetInfo[];
  policyFields: PolicyField[];
  /** Grids of the sheets the reader used (for cell-level checks such as error values). */
  readSheets: Grid[];
}

interface Heading {
  row: number;
  col: number;
  id: string;
  name: string;
}

const HEADING_RE = /^政策分野\s*([0-9]{1,3})\s*[:：.．\-－―]?\s*[「『(（]?\s*([^」』)）]{1,40}?)\s*[」』)）]?$/;
const GOAL_RE = /政策目標\s*[0-9]+/;
const POLICY_RE = /(?:^|[/／\s])(政策\s*[0-9]+(?!分野).*)$/;
// "施策1 名称", "施策１：名称", "【施策1】名称" (after NFKC).
const MEASURE_RE = /^[【[(〈<]?施策\s*([0-9]{1,3})\s*[】\])〉>]?(?:\s*[:.\s]\s*|\s*)(.*)$/;

function headingOf(c: GridCell): Heading | null {
  if (c.text.length > 80 || !c.text.includes('政策分野')) return null;
  const m = HEADING_RE.exec(c.text.normalize('NFKC').replace(/\s+/g, ' ').trim());
  if (!m) return null;
  return { row: c.row, col: c.col, id: m[1], name: m[2].trim() };
}

const headingsCache = new WeakMap<Grid, Heading[]>();

/** Heading cells of a sheet (computed once per grid: the classifier and the reader both ask). */
function findHeadings(g: Grid): Heading[] {
  let found = headingsCache.get(g);
  if (!found) {
    found = scanHeadings(g);
    headingsCache.set(g, found);
  }
  return found;
}

function scanHeadings(g: Grid): Heading[] {
  const out: Heading[] = [];
  for (const r of g.nonEmptyRows()) {
    const row = g.row(r);
    const first = row[0];
    let h = headingOf(first);
    // "政策分野 | 9 | 社会参画" spread over cells.
    if (!h && first.key === '政策分野' && row.length >= 2 && row.length <= 3) {
      const rest = row.slice(1).map((c) => c.text).join(' ');
      h = headingOf({ ...first, text: `政策分野${rest}` });
    }
    if (h) out.push(h);
  }
  return out;
}

/**
 * When no cell carries the heading, a sheet named like one ("政策分野9", "政策分野9_社会参画")
 * stands in for it — only on a sheet whose structure is a policy field's.
 */
function headingsOf(g: Grid, structural: () => boolean): Heading[] {
  const found = findHeadings(g);
  if (found.length) return found;
  const m = /政策分野\s*([0-9]{1,3})[\s_\-・:：]*(.{0,40})$/.exec(g.name.normalize('NFKC'));
  // A sheet of project blocks alone ("政策分野11_事業") stays a details sheet: it needs KPIs or a list.
  if (!m || !structural() || !hasAnyLabel(g, ['kpiSection', 'projectList', 'measureEval'])) return [];
  return [{ row: -1, col: 0, id: m[1], name: m[2].replace(/^[「(（]|[」)）]$/g, '').trim() }];
}

function hasAnyLabel(g: Grid, ids: LabelId[], from = 0, to = g.rowCount): boolean {
  for (const r of g.nonEmptyRows(from, to)) {
    for (const c of g.row(r)) {
      const found = sectionLabelIds(c.key);
      if (found.size && ids.some((id) => found.has(id))) return true;
    }
  }
  return false;
}

const blockRowsCache = new WeakMap<Grid, BlockStart[]>();

interface BlockStart {
  row: number;
  label: GridCell;
}

/**
 * Rows that start a project block: a 事業名 label followed by a name (not by another header
 * label). Computed once per grid over the whole sheet; a range is a filter of that.
 */
function blockRows(g: Grid, from = 0, to = g.rowCount): BlockStart[] {
  let all = blockRowsCache.get(g);
  if (!all) {
    all = scanBlockRows(g, 0, g.rowCount);
    blockRowsCache.set(g, all);
  }
  return from === 0 && to >= g.rowCount ? all : all.filter((b) => b.row >= from && b.row < to);
}

function scanBlockRows(g: Grid, from: number, to: number): BlockStart[] {
  const out: BlockStart[] = [];
  for (const r of g.nonEmptyRows(from, to)) {
    const row = g.row(r);
    const label = row.find((c) => hasLabel(c, 'projectName'));
    if (!label) continue;
    const next = g.rightOf(r, label.col);
    if (!next || isHeaderLabel(next.key)) continue;
    // A block has its finance, department or legal-basis labels close by.
    let ok = false;
    for (let k = r; k < Math.min(r + 6, to) && !ok; k++) {
      ok = g.row(k).some((c) => hasLabel(c, 'legalBasis') || hasLabel(c, 'department') || hasLabel(c, 'finance') || hasLabel(c, 'overview'));
    }
    if (ok) out.push({ row: r, label });
  }
  return out;
}

const HEADER_IDS: LabelId[] = ['relatedDept', 'listPolicy', 'listDept', 'department', 'legalBasis', 'nextYearPolicy', 'listSdgs', 'unit', 'definition'];
function isHeaderLabel(key: string): boolean {
  return HEADER_IDS.some((id) => isLabel(key, id));
}

function listHeaderRow(g: Grid, from: number, to: number): number | null {
  for (const r of g.nonEmptyRows(from, to)) {
    const row = g.row(r);
    if (row.some((c) => hasLabel(c, 'listName')) && row.some((c) => hasLabel(c, 'listNo') || hasLabel(c, 'listPolicy'))) return r;
  }
  return null;
}

/** Gives each sheet a kind and the reason for it. */
export function classifySheets(snapshot: WorkbookSnapshot, grids: Grid[], options: ParseOptions): SheetInfo[] {
  return grids.map((g, i): SheetInfo => {
    const sheet = snapshot.sheets[i];
    const info = (kind: SheetKind, reason: string, reasonJa: string, policyFields?: string[]): SheetInfo =>
      policyFields ? { name: g.name, kind, reason, reasonJa, policyFields } : { name: g.name, kind, reason, reasonJa };
    const override = options.sheetKinds?.[g.name];
    if (override) return info(override, `kind set by the user (${override})`, `種類を利用者が指定（${override}）`);
    if (sheet.ownedByHyoka) return info('hyokaSummary', 'a summary sheet written by Hyōka (ownership mark)', 'Hyōka が作成したサマリーシート（作成の印あり）');
    // A copied or renamed summary sheet is the user's (src/core/ownership.ts): kept, but not a source.
    if (sheet.keptMark) return info('unknown', `carries Hyōka's summary mark but is yours (${sheet.keptMark}): kept, not read`, `Hyōka のサマリーの印があるが利用者のシート（${sheet.keptMark}）: 残し、読み取らない`);
    if (g.cellCount === 0) return info('empty', 'the sheet holds no values', '値のないシート');
    const isStructural = () => hasAnyLabel(g, ['kpiSection', 'projectList', 'measureEval', 'finance']) || blockRows(g).length > 0;
    const headings = headingsOf(g, isStructural);
    if (headings.length && isStructural()) {
      const ids = [...new Set(headings.map((h) => h.id))];
      const h = headings[0];
      if (h.row < 0) {
        return info(
          'policyField',
          `no heading cell; the sheet name says 政策分野${h.id} and the sheet has a KPI table or project list`,
          `見出しのセルはないが、シート名が政策分野${h.id}で、指標表または事務事業一覧がある`,
          ids,
        );
      }
      const at = g.ref(h.row, h.col).address;
      const more = ids.length - 1;
      return info(
        'policyField',
        `heading 政策分野${h.id} ${h.name} at ${at}${more ? ` (+${more} more fields)` : ''}`,
        `見出し「政策分野${h.id} ${h.name}」（${at}）${more ? `ほか${more}分野` : ''}`,
        ids,
      );
    }
    const blocks = blockRows(g);
    if (blocks.length) {
      const at = g.ref(blocks[0].row, blocks[0].label.col).address;
      return info(
        'projectDetails',
        `${blocks.length} project blocks (事業名 at ${at}) without a 政策分野 heading`,
        `政策分野の見出しのない事業シート ${blocks.length} 件（事業名: ${at}）`,
      );
    }
    const lh = listHeaderRow(g, 0, g.rowCount);
    if (lh !== null) {
      return info('projectList', `a 事務事業一覧 header at row ${lh + 1} without a 政策分野 heading`, `政策分野の見出しのない事務事業一覧（${lh + 1}行目）`);
    }
    if (headings.length) {
      return info(
        'unknown',
        `mentions 政策分野${headings[0].id} but has no KPI table, project list or project block`,
        `政策分野${headings[0].id}の記載はあるが、指標表・事務事業一覧・事業シートがない`,
      );
    }
    return info('unknown', 'no 政策分野 heading, KPI table, project list or project block found', '政策分野の見出し・指標表・事務事業一覧・事業シートが見つからない');
  });
}

type SectionId = 'vision' | 'measureList' | 'kpi' | 'measureEval' | 'related' | 'finalEvaluation' | 'projectList' | 'blocks';

interface Section {
  id: SectionId;
  start: number;
  end: number;
}

function sectionOfRow(g: Grid, r: number): SectionId | null {
  const first = g.row(r)[0];
  if (!first) return null;
  const key = first.key;
  if (isLabel(key, 'vision')) return 'vision';
  if (key === '施策' || key === '施策一覧' || key === '施策の体系') return 'measureList';
  if (isSectionLabel(key, 'kpiSection')) return 'kpi';
  if (isSectionLabel(key, 'measureEval')) return 'measureEval';
  if (isSectionLabel(key, 'related')) return 'related';
  if (isSectionLabel(key, 'finalEvaluation')) return 'finalEvaluation';
  if (isSectionLabel(key, 'projectList')) return 'projectList';
  return null;
}

function sections(g: Grid, from: number, to: number): Section[] {
  const marks: { id: SectionId; row: number }[] = [];
  for (const r of g.nonEmptyRows(from, to)) {
    const id = sectionOfRow(g, r);
    if (id && !marks.some((m) => m.id === id)) marks.push({ id, row: r });
  }
  // A KPI table without its title: the 指標名 header row starts the section.
  if (!marks.some((m) => m.id === 'kpi')) {
    for (const r of g.nonEmptyRows(from, to)) {
      if (g.row(r).some((c) => c.key === '指標名')) {
        marks.push({ id: 'kpi', row: r });
        break;
      }
    }
  }
  if (!marks.some((m) => m.id === 'projectList')) {
    const lh = listHeaderRow(g, from, to);
    if (lh !== null) marks.push({ id: 'projectList', row: lh });
  }
  const blocks = blockRows(g, from, to);
  if (blocks.length) {
    // The blocks start at the measure heading just above the first block, if the first
    // non-empty row above it is one (a heading further up belongs to the list).
    let start = blocks[0].row;
    const above = g.nonEmptyRows(from, start);
    const r = above[above.length - 1];
    if (r !== undefined && start - r <= 4 && measureHeading(g, r)) start = r;
    marks.push({ id: 'blocks', row: start });
  }
  marks.sort((a, b) => a.row - b.row);
  return marks.map((m, i) => ({ id: m.id, start: m.row, end: i + 1 < marks.length ? marks[i + 1].row : to }));
}

/** "施策1 名称" in one cell, or "施策1" then the name in the next cell. */
function measureHeading(g: Grid, r: number): { no: number; name: string; cell: GridCell } | null {
  const row = g.row(r);
  const first = row[0];
  if (!first || typeof first.value !== 'string' || !first.text.includes('施策')) return null;
  const m = MEASURE_RE.exec(first.text.normalize('NFKC').replace(/\s+/g, ' ').trim());
  if (!m) return null;
  let name = m[2].trim();
  if (!name && row.length > 1 && typeof row[1].value === 'string') name = row[1].text;
  if (name.length > 60) return null;
  return { no: Number(m[1]), name: plainText(name), cell: first };
}

function textRight(g: Grid, r: number, c: number): { text: string; ref: SourceRef | null } {
  const cell = g.rightOf(r, c);
  if (!cell) return { text: '', ref: null };
  return { text: plainText(cell.value), ref: g.ref(cell.row, cell.col) };
}

/** Reads a whole workbook. */
export function parseWorkbook(snapshot: WorkbookSnapshot, options: ParseOptions = {}): ParseResult {
  const sheetsIn = Array.isArray(snapshot?.sheets) ? snapshot.sheets : [];
  const grids = sheetsIn.map((s) => new Grid(s));
  const infos = classifySheets({ ...snapshot, sheets: sheetsIn }, grids, options);
  const fields: PolicyField[] = [];
  const readSheets: Grid[] = [];
  const orphanBlocks: { grid: Grid; info: SheetInfo; blocks: ParsedBlock[] }[] = [];
  const orphanLists: { grid: Grid; info: SheetInfo; list: ListEntry[] }[] = [];

  grids.forEach((g, i) => {
    const info = infos[i];
    if (info.kind === 'policyField') {
      readSheets.push(g);
      const headings = headingsOf(g, () => true);
      headings.forEach((h, k) => {
        const start = segmentStart(g, h, k === 0 ? 0 : headings[k - 1].row + 1);
        const end = k + 1 < headings.length ? segmentStart(g, headings[k + 1], h.row + 1) : g.rowCount;
        const existing = fields.find((f) => f.id === h.id);
        const field = parseField(g, h, start, end);
        if (existing) mergeFields(existing, field);
        else fields.push(field);
      });
    } else if (info.kind === 'projectDetails') {
      readSheets.push(g);
      orphanBlocks.push({ grid: g, info, blocks: parseBlocks(g, 0, g.rowCount) });
    } else if (info.kind === 'projectList') {
      readSheets.push(g);
      const lh = listHeaderRow(g, 0, g.rowCount);
      orphanLists.push({ grid: g, info, list: lh === null ? [] : parseList(g, lh, g.rowCount) });
    }
  });

  for (const o of orphanLists) {
    const field = fieldFor(o.grid, fields, o.list.map((e) => e.name));
    if (field) attachProjects(field, o.list, []);
  }
  for (const o of orphanBlocks) {
    const field = fieldFor(o.grid, fields, o.blocks.map((b) => b.name));
    if (field) attachProjects(field, [], o.blocks);
  }
  for (const f of fields) f.measures.sort((a, b) => a.no - b.no);
  return { sheets: infos, policyFields: fields, readSheets };
}

/** The goal line ("政策目標1 …/政策2 …") just above a heading belongs to that heading's segment. */
function segmentStart(g: Grid, h: Heading, floor: number): number {
  for (let r = h.row - 1; r >= Math.max(floor, h.row - 4); r--) {
    if (g.row(r).some((c) => GOAL_RE.test(c.text.normalize('NFKC')))) return r;
  }
  return Math.max(floor, h.row);
}

/** Which field a separate list/detail sheet belongs to: its own heading, its name, a name match, or the only field. */
function fieldFor(g: Grid, fields: PolicyField[], names: string[]): PolicyField | null {
  if (!fields.length) return null;
  for (const r of g.nonEmptyRows(0, Math.min(g.rowCount, 10))) {
    for (const c of g.row(r)) {
      const m = /政策分野\s*([0-9]{1,3})/.exec(c.text.normalize('NFKC'));
      if (m) {
        const f = fields.find((x) => x.id === m[1]);
        if (f) return f;
      }
    }
  }
  const byName = /(?:政策分野|分野)\s*([0-9]{1,3})|^([0-9]{1,3})(?:\D|$)/.exec(g.name.normalize('NFKC'));
  if (byName) {
    const f = fields.find((x) => x.id === (byName[1] ?? byName[2]));
    if (f) return f;
  }
  if (fields.length === 1) return fields[0];
  let best: PolicyField | null = null;
  let bestHits = 0;
  const keys = new Set(names.map(nameKey));
  for (const f of fields) {
    let hits = 0;
    for (const m of f.measures) for (const p of m.projects) if (keys.has(nameKey(p.name)) || (p.listName && keys.has(nameKey(p.listName)))) hits++;
    if (hits > bestHits) {
      best = f;
      bestHits = hits;
    }
  }
  return best;
}

function mergeFields(into: PolicyField, from: PolicyField): void {
  into.indicators.push(...from.indicators);
  for (const m of from.measures) {
    const same = into.measures.find((x) => x.no === m.no);
    if (same) same.projects.push(...m.projects.filter((p) => !same.projects.some((q) => q.no === p.no)));
    else into.measures.push(m);
  }
  into.relatedProjects.push(...from.relatedProjects);
}

function parseField(g: Grid, h: Heading, start: number, end: number): PolicyField {
  const field: PolicyField = {
    id: h.id,
    name: h.name,
    sheet: g.name,
    goal: '',
    policy: '',
    vision: '',
    asOf: null,
    moneyUnit: '千円',
    indicators: [],
    measures: [],
    relatedProjects: [],
    finalEvaluation: '',
    source: g.ref(Math.max(0, h.row), h.col),
  };
  // Goal and policy: "政策目標1 未来につなぐひとづくり/政策2 生涯にわたる学びと活躍の推進", in one cell or two.
  for (const r of g.nonEmptyRows(start, h.row + 1)) {
    for (const c of g.row(r)) {
      const t = c.text.normalize('NFKC').replace(/\s+/g, ' ').trim();
      if (GOAL_RE.test(t)) {
        const parts = t.split(/\s*[/／]\s*(?=政策\s*[0-9])/);
        field.goal = parts[0].trim();
        if (parts[1]) field.policy = parts[1].trim();
      } else if (!field.policy && /^政策\s*[0-9]+(?!\s*分野)/.test(t) && !/^政策分野/.test(t)) {
        const pm = POLICY_RE.exec(t);
        if (pm) field.policy = pm[1].trim();
      }
    }
  }
  const secs = sections(g, h.row + 1, end);
  let listEntries: ListEntry[] = [];
  let blocks: ParsedBlock[] = [];
  const evals = new Map<number, MeasureEvaluation>();
  for (const s of secs) {
    switch (s.id) {
      case 'vision':
        field.vision = readVision(g, s);
        break;
      case 'measureList':
        field.measures = readMeasureList(g, s);
        break;
      case 'kpi':
        field.indicators = readIndicators(g, s);
        break;
      case 'measureEval':
        for (const [no, ev] of readMeasureEvaluations(g, s)) evals.set(no, ev);
        break;
      case 'related':
        field.relatedProjects = readRelated(g, s);
        break;
      case 'finalEvaluation':
        field.finalEvaluation = readParagraphs(g, s.start + 1, s.end);
        break;
      case 'projectList': {
        const lh = listHeaderRow(g, s.start, s.end);
        if (lh !== null) listEntries = parseList(g, lh, s.end);
        break;
      }
      case 'blocks':
        blocks = parseBlocks(g, s.start, s.end);
        break;
    }
  }
  for (const [no, ev] of evals) {
    const m = field.measures.find((x) => x.no === no);
    if (m) m.evaluation = ev;
  }
  attachProjects(field, listEntries, blocks);
  if (blocks.some((b) => b.unit && b.unit !== '千円')) field.moneyUnit = blocks.find((b) => b.unit)!.unit;
  return field;
}

function readVision(g: Grid, s: Section): string {
  const labelRow = g.row(s.start);
  const right = labelRow.length > 1 ? labelRow[1] : undefined;
  if (right) return plainText(right.value);
  for (const r of g.nonEmptyRows(s.start + 1, s.end)) return plainText(g.row(r)[0].value);
  return '';
}

function readMeasureList(g: Grid, s: Section): Measure[] {
  const out: Measure[] = [];
  let current: Measure | null = null;
  for (const r of g.nonEmptyRows(s.start + 1, s.end)) {
    const row = g.row(r);
    if (row.some((c) => hasLabel(c, 'measureNoHeader'))) continue;
    const mh = measureHeading(g, r);
    if (mh) {
      current = { no: mh.no, name: mh.name, content: '', evaluation: null, projects: [], source: g.ref(r, mh.cell.col) };
      const nameCellUsed = !MEASURE_RE.exec(mh.cell.text.normalize('NFKC'))![2].trim();
      const extra = row.slice(nameCellUsed ? 2 : 1);
      if (extra.length) current.content = plainText(extra.map((c) => c.text).join('\n'));
      if (!out.some((m) => m.no === mh.no)) out.push(current);
      continue;
    }
    if (current && !current.content) {
      const t = row.map((c) => plainText(c.value)).join('\n');
      if (!/^[0-9]+\s+\S{1,20}$/.test(t)) current.content = t;
    }
  }
  return out;
}

function readMeasureEvaluations(g: Grid, s: Section): Map<number, MeasureEvaluation> {
  const out = new Map<number, MeasureEvaluation>();
  let cur: MeasureEvaluation | null = null;
  for (const r of g.nonEmptyRows(s.start + 1, s.end)) {
    const mh = measureHeading(g, r);
    if (mh) {
      cur = { policy: '', status: '', issues: '', source: g.ref(r, mh.cell.col) };
      out.set(mh.no, cur);
      continue;
    }
    if (!cur) continue;
    for (const c of g.row(r)) {
      if (hasLabel(c, 'focus')) cur.policy = textRight(g, r, c.col).text;
      else if (hasLabel(c, 'issues')) cur.issues = textRight(g, r, c.col).text;
      else if (hasLabel(c, 'status')) cur.status = textRight(g, r, c.col).text;
      else continue;
      break;
    }
  }
  return out;
}

function readRelated(g: Grid, s: Section): RelatedProject[] {
  const out: RelatedProject[] = [];
  let header: { field: number; name: number; dept: number } | null = null;
  for (const r of g.nonEmptyRows(s.start + 1, s.end)) {
    const row = g.row(r);
    if (!header) {
      const f = row.find((c) => hasLabel(c, 'relatedField'));
      const n = row.find((c) => hasLabel(c, 'relatedName'));
      if (f && n) {
        const d = row.find((c) => hasLabel(c, 'relatedDept'));
        header = { field: f.col, name: n.col, dept: d ? d.col : n.col + 1 };
      }
      continue;
    }
    const at = (col: number) => row.find((c) => c.col === col);
    const aligned = at(header.field) && at(header.name);
    const [fc, nc, dc] = aligned ? [at(header.field), at(header.name), at(header.dept)] : [row[0], row[1], row[2]];
    if (!fc || !nc) continue;
    out.push({ policyField: fc.text.normalize('NFKC'), name: plainText(nc.value), department: dc ? plainText(dc.value) : '', source: g.ref(r, nc.col) });
  }
  return out;
}

function readParagraphs(g: Grid, from: number, to: number): string {
  const lines: string[] = [];
  for (const r of g.nonEmptyRows(from, to)) lines.push(g.row(r).map((c) => plainText(c.value)).join(' '));
  return lines.join('\n');
}

/** A KPI, measure or project number: a small positive whole number. */
function isItemNo(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v > 0 && v < 10000;
}

/** A project number as typed: 3, "3", "No.3", "(3)", or "1-3" (measure 1, project 3). */
export function projectNo(v: unknown): { measure: number | null; no: number } | null {
  if (isItemNo(v)) return { measure: null, no: v };
  if (typeof v !== 'string') return null;
  const t = v.normalize('NFKC').replace(/\s+/g, '');
  let m = /^(?:No\.?|NO\.?|№|番号)?[(]?([0-9]{1,4})[).]?$/.exec(t);
  if (m && isItemNo(Number(m[1]))) return { measure: null, no: Number(m[1]) };
  m = /^([0-9]{1,3})[-ー‐−_]([0-9]{1,4})$/.exec(t);
  if (m && isItemNo(Number(m[1])) && isItemNo(Number(m[2]))) return { measure: Number(m[1]), no: Number(m[2]) };
  return null;
}

// ─── KPIs ────────────────────────────────────────────────────────────────────

interface YearCol {
  col: number;
  fiscalYear: number;
  label: string;
  /** 予算 / 見込み / 決算 when the header says. */
  basis: FinanceYear['basis'];
}

function yearCols(row: GridCell[]): YearCol[] {
  const out: YearCol[] = [];
  for (const c of row) {
    const y = parseFiscalYear(c.value);
    if (y) out.push({ col: c.col, fiscalYear: y.fiscalYear, label: c.text, basis: y.basis });
  }
  return out;
}

function isYearRow(g: Grid, r: number): boolean {
  const row = g.row(r);
  if (!row.length) return false;
  const ys = yearCols(row.slice(1));
  if (hasLabel(row[0], 'year') && ys.length >= 1) return true;
  if (ys.length >= 2 && yearCols(row).length === ys.length + (parseFiscalYear(row[0].value) ? 1 : 0)) {
    // Years without a 年度 label: the next row must be a 目標 row.
    for (const k of g.nonEmptyRows(r + 1, r + 3)) return isLabel(g.row(k)[0].key, 'target');
  }
  return false;
}

/** One year of a KPI as read: target and actual with their states; evaluation fills the rest. */
function indicatorYear(
  fiscalYear: number,
  label: string,
  target: GridCell | undefined,
  actual: GridCell | undefined,
  targetSource: SourceRef | null,
  actualSource: SourceRef | null,
): IndicatorYear {
  const t = parseNumber(target?.value);
  const a = parseNumber(actual?.value);
  return {
    fiscalYear,
    label,
    target: t.value,
    actual: a.value,
    targetState: t.state,
    actualState: a.state,
    actualText: a.state === 'number' || a.state === 'missing' ? null : a.text,
    achievementRate: null,
    status: null,
    targetSource,
    actualSource,
  };
}

/** A KPI table turned on its side: "年度 | 目標 | 実績" with one row per year below. */
function isTransposedHeader(g: Grid, r: number): boolean {
  const row = g.row(r);
  return row.length >= 3 && hasLabel(row[0], 'year') && row.some((c) => hasLabel(c, 'target')) && row.some((c) => hasLabel(c, 'actual'));
}

function readIndicators(g: Grid, s: Section): Indicator[] {
  const out: Indicator[] = [];
  const yearRows: number[] = [];
  const transposed = new Set<number>();
  for (const r of g.nonEmptyRows(s.start, s.end)) {
    if (isYearRow(g, r)) yearRows.push(r);
    else if (isTransposedHeader(g, r)) {
      yearRows.push(r);
      transposed.add(r);
    }
  }
  let headerCols: { name?: number; unit?: number; def?: number } = {};
  for (const r of g.nonEmptyRows(s.start, yearRows[0] ?? s.end)) {
    const row = g.row(r);
    const n = row.find((c) => hasLabel(c, 'kpiName'));
    if (n) headerCols = { name: n.col, unit: row.find((c) => hasLabel(c, 'unit'))?.col, def: row.find((c) => hasLabel(c, 'definition'))?.col };
  }
  yearRows.forEach((yr, k) => {
    const floor = k === 0 ? s.start : yearRows[k - 1] + 1;
    const ceil = k + 1 < yearRows.length ? yearRows[k + 1] : s.end;
    // The KPI's own row: nearest row above the year row that is not a target/actual/header row.
    let headRow: number | null = null;
    for (let r = yr - 1; r >= floor; r--) {
      const row = g.row(r);
      if (!row.length) continue;
      const fk = row[0].key;
      if (isLabel(fk, 'target') || isLabel(fk, 'actual') || parseFiscalYear(row[0].value)) break;
      if (row.some((c) => hasLabel(c, 'kpiName')) || isSectionLabel(fk, 'kpiSection')) break;
      headRow = r;
      break;
    }
    const ind = transposed.has(yr)
      ? readTransposedIndicator(g, headRow, yr, ceil, out.length + 1, headerCols)
      : readIndicator(g, headRow, yr, ceil, out.length + 1, headerCols);
    if (ind) out.push(ind);
  });
  return out;
}

interface KpiHead {
  no: number;
  name: string;
  unit: string;
  definition: string;
  source: SourceRef;
}

/** The KPI's own row: number, name, unit and definition (by the 指標名/単位/説明 header columns, else in order). */
function readKpiHead(g: Grid, headRow: number | null, seq: number, headerCols: { name?: number; unit?: number; def?: number }, fallback: SourceRef): KpiHead {
  let no = seq;
  let name = '';
  let unit = '';
  let definition = '';
  let source = fallback;
  if (headRow !== null) {
    const cells = g.row(headRow);
    let rest = cells;
    const numCell = cells[0];
    const nm = /^(?:指標|KPI)?\s*([0-9]{1,3})[.．、:：)）]?$/.exec(numCell.text.normalize('NFKC'));
    if (nm || isItemNo(numCell.value)) {
      no = nm ? Number(nm[1]) : (numCell.value as number);
      rest = cells.slice(1);
    }
    // "1 NPO・ボランティアと市の協働事業数" — number and name in one cell.
    const joined = rest === cells ? /^(?:指標)?([0-9]{1,3})[\s.．、:：)）]+(\S.*)$/.exec(numCell.text.normalize('NFKC')) : null;
    if (joined) no = Number(joined[1]);
    const texts = rest.filter((c) => c.text !== '');
    const byHeader = (col: number | undefined) => (col === undefined ? undefined : texts.find((c) => c.col === col));
    const nameCell = joined ? numCell : byHeader(headerCols.name) ?? texts[0];
    if (nameCell) {
      name = joined && nameCell === numCell ? plainText(joined[2]) : plainText(nameCell.value);
      source = g.ref(headRow, nameCell.col);
      const after = texts.filter((c) => c !== nameCell && c.col > nameCell.col);
      const unitCell = byHeader(headerCols.unit) ?? (after.length >= 2 || (after[0] && after[0].text.length <= 8) ? after[0] : undefined);
      const defCell = byHeader(headerCols.def) ?? after.find((c) => c !== unitCell);
      unit = unitCell ? plainText(unitCell.value) : '';
      definition = defCell ? plainText(defCell.value) : '';
    }
  }
  return { no, name, unit, definition, source };
}

function readTransposedIndicator(
  g: Grid,
  headRow: number | null,
  hr: number,
  ceil: number,
  seq: number,
  headerCols: { name?: number; unit?: number; def?: number },
): Indicator | null {
  const hdr = g.row(hr);
  const labelCol = hdr[0].col;
  const tCol = hdr.find((c) => hasLabel(c, 'target'))!.col;
  const aCol = hdr.find((c) => hasLabel(c, 'actual'))!.col;
  const vCol = hdr.find((c) => hasLabel(c, 'verification'))?.col;
  const head = readKpiHead(g, headRow, seq, headerCols, g.ref(hr, labelCol));
  const years: IndicatorYear[] = [];
  let finalTarget: number | null = null;
  let finalTargetYear: number | null = null;
  let finalTargetSource: SourceRef | null = null;
  let baseline: number | null = null;
  let baselineYear: number | null = null;
  let verification = '';
  let verificationSource: SourceRef | null = null;
  for (const r of g.nonEmptyRows(hr + 1, ceil)) {
    const row = g.row(r);
    const first = row[0];
    // Rows drift together: read each at its own shift from the header.
    const shift = first.col - labelCol;
    const at = (col: number) => g.at(r, col + shift);
    const y = parseFiscalYear(first.value);
    const inParens = /[(（]([^)）]+)[)）]/.exec(first.text.normalize('NFKC'));
    if (y && !hasLabel(first, 'finalTarget') && !hasLabel(first, 'baseline')) {
      years.push(indicatorYear(y.fiscalYear, first.text, at(tCol), at(aCol), g.ref(r, tCol + shift), g.ref(r, aCol + shift)));
      const v = vCol === undefined ? undefined : at(vCol);
      if (v && !verification) {
        verification = plainText(v.value);
        verificationSource = g.ref(v.row, v.col);
      }
    } else if (hasLabel(first, 'finalTarget')) {
      const f = at(tCol) ?? g.rightOf(r, first.col);
      finalTarget = parseNumber(f?.value).value;
      if (f) finalTargetSource = g.ref(f.row, f.col);
      finalTargetYear = inParens ? parseFiscalYear(inParens[1])?.fiscalYear ?? null : null;
    } else if (hasLabel(first, 'baseline')) {
      baseline = parseNumber((at(aCol) ?? at(tCol))?.value).value;
      baselineYear = inParens ? parseFiscalYear(inParens[1])?.fiscalYear ?? null : null;
    } else if (hasLabel(first, 'verification')) {
      const v = g.rightOf(r, first.col);
      if (v) {
        verification = plainText(v.value);
        verificationSource = g.ref(v.row, v.col);
      }
    } else break;
  }
  if (baseline !== null && baselineYear === null && years.length) baselineYear = years[0].fiscalYear - 1;
  if (!head.name && !years.length) return null;
  return {
    ...head,
    direction: null,
    directionInfo: null,
    formula: null,
    cumulative: /累計|累積/.test(`${head.name} ${head.definition}`),
    baseline,
    baselineYear,
    finalTarget,
    finalTargetYear,
    finalTargetSource,
    verification,
    verificationSource,
    years,
    trajectory: null,
    grade: null,
  };
}

function readIndicator(
  g: Grid,
  headRow: number | null,
  yr: number,
  ceil: number,
  seq: number,
  headerCols: { name?: number; unit?: number; def?: number },
): Indicator | null {
  const yRow = g.row(yr);
  const yLabelCol = hasLabel(yRow[0], 'year') ? yRow[0].col : yRow[0].col - 1;
  const years = yearCols(hasLabel(yRow[0], 'year') ? yRow.slice(1) : yRow);
  const finalCell = yRow.find((c) => hasLabel(c, 'finalTarget'));
  const verCell = yRow.find((c) => hasLabel(c, 'verification'));
  const baseCell = yRow.find((c) => hasLabel(c, 'baseline'));

  const { no, name, unit, definition, source } = readKpiHead(g, headRow, seq, headerCols, g.ref(yr, yRow[0].col));

  // Target and actual rows under the year row; a shifted row reads with the same shift.
  let tRow: number | null = null;
  let aRow: number | null = null;
  for (const r of g.nonEmptyRows(yr + 1, Math.min(ceil, yr + 6))) {
    const fk = g.row(r)[0].key;
    if (tRow === null && isLabel(fk, 'target')) tRow = r;
    else if (aRow === null && isLabel(fk, 'actual')) aRow = r;
    if (tRow !== null && aRow !== null) break;
  }
  const shiftOf = (r: number | null) => (r === null ? 0 : g.row(r)[0].col - yLabelCol);
  const cellAt = (r: number | null, col: number) => (r === null ? undefined : g.at(r, col + shiftOf(r)));

  const outYears: IndicatorYear[] = years.map((y) =>
    indicatorYear(
      y.fiscalYear,
      y.label,
      cellAt(tRow, y.col),
      cellAt(aRow, y.col),
      tRow === null ? null : g.ref(tRow, y.col + shiftOf(tRow)),
      aRow === null ? null : g.ref(aRow, y.col + shiftOf(aRow)),
    ),
  );

  let finalTarget: number | null = null;
  let finalTargetSource: SourceRef | null = null;
  let finalTargetYear: number | null = null;
  if (finalCell) {
    const fm = /[(（]([^)）]+)[)）]/.exec(finalCell.text.normalize('NFKC'));
    finalTargetYear = fm ? parseFiscalYear(fm[1])?.fiscalYear ?? null : null;
    const f = cellAt(tRow, finalCell.col) ?? cellAt(aRow, finalCell.col);
    const fp = parseNumber(f?.value);
    finalTarget = fp.value;
    if (f) finalTargetSource = g.ref(f.row, f.col);
  }
  // A baseline column (基準値 / 策定時): its value sits in the 実績 row, or else the 目標 row.
  let baseline: number | null = null;
  let baselineYear: number | null = null;
  if (baseCell) {
    const b = cellAt(aRow, baseCell.col) ?? cellAt(tRow, baseCell.col);
    baseline = parseNumber(b?.value).value;
    // "基準値(R3)": the year the baseline was measured; else the year before the first column.
    const bm = /[(（]([^)）]+)[)）]/.exec(baseCell.text.normalize('NFKC'));
    baselineYear = (bm ? parseFiscalYear(bm[1])?.fiscalYear : null) ?? (years.length ? years[0].fiscalYear - 1 : null);
  }
  let verification = '';
  let verificationSource: SourceRef | null = null;
  if (verCell) {
    const v = cellAt(tRow, verCell.col) ?? cellAt(aRow, verCell.col) ?? (tRow !== null ? g.row(tRow).find((c) => c.col > verCell.col + shiftOf(tRow)) : undefined);
    if (v) {
      verification = plainText(v.value);
      verificationSource = g.ref(v.row, v.col);
    }
  }
  if (!name && !outYears.length) return null;
  return {
    no,
    name,
    unit,
    definition,
    direction: null,
    directionInfo: null,
    formula: null,
    cumulative: /累計|累積/.test(`${name} ${definition}`),
    baseline,
    baselineYear,
    finalTarget,
    finalTargetYear,
    finalTargetSource,
    verification,
    verificationSource,
    years: outYears,
    trajectory: null,
    grade: null,
    source,
  };
}

// ─── Project list and blocks ────────────────────────────────────────────────

export interface ListEntry {
  measureNo: number | null;
  measureName: string;
  no: number;
  name: string;
  logicModel: boolean;
  priority: boolean;
  population: string | null;
  sdgs: string[];
  nextYearPolicy: string;
  department: string;
  source: SourceRef;
}

const FLAG_RE = /^(◎|○|〇|●|◯|✓|✔|レ|1|有|あり|該当|対象|\*)$/;

function parseList(g: Grid, headerRow: number, end: number): ListEntry[] {
  const header = g.row(headerRow);
  const colOf = (id: LabelId) => header.find((c) => hasLabel(c, id))?.col;
  const cols = {
    no: colOf('listNo'),
    logic: colOf('listLogicModel'),
    priority: colOf('listPriority'),
    population: colOf('listPopulation'),
    sdgs: colOf('listSdgs'),
    name: colOf('listName'),
    policy: colOf('listPolicy'),
    dept: colOf('listDept'),
  };
  const out: ListEntry[] = [];
  let measure: { no: number; name: string } | null = null;
  for (const r of g.nonEmptyRows(headerRow + 1, end)) {
    const row = g.row(r);
    const mh = measureHeading(g, r);
    if (mh) {
      measure = { no: mh.no, name: mh.name };
      continue;
    }
    const at = (col: number | undefined) => (col === undefined ? undefined : row.find((c) => c.col === col));
    const noCell = at(cols.no) ?? row[0];
    const pn = projectNo(noCell.value);
    if (!pn) continue;
    let nameCell = at(cols.name);
    if (!nameCell || parseNumber(nameCell.value).state === 'number') {
      nameCell = row.filter((c) => typeof c.value === 'string' && !FLAG_RE.test(c.text)).sort((a, b) => b.text.length - a.text.length)[0];
    }
    if (!nameCell) continue;
    const flag = (col: number | undefined) => {
      const c = at(col);
      return !!c && FLAG_RE.test(c.text.normalize('NFKC'));
    };
    const sdgCell = at(cols.sdgs);
    out.push({
      measureNo: pn.measure ?? measure?.no ?? null,
      measureName: pn.measure !== null && pn.measure !== measure?.no ? '' : measure?.name ?? '',
      no: pn.no,
      name: plainText(nameCell.value),
      logicModel: flag(cols.logic),
      priority: flag(cols.priority),
      population: at(cols.population)?.text ?? null,
      sdgs: sdgCell ? sdgCell.text.normalize('NFKC').split(/[、,，\s/]+/).filter(Boolean) : [],
      nextYearPolicy: at(cols.policy) ? plainText(at(cols.policy)!.value) : '',
      department: at(cols.dept) ? plainText(at(cols.dept)!.value) : '',
      source: g.ref(r, nameCell.col),
    });
  }
  return out;
}

export interface ParsedBlock {
  measureNo: number | null;
  measureName: string;
  no: number | null;
  name: string;
  legalBasis: string;
  department: string;
  nextYearPolicy: string;
  overview: string;
  unit: string;
  finance: FinanceYear[];
  progress: string;
  logicModel: LogicModel | null;
  outcomes: OutcomeRow[];
  verification: string;
  textTargets: TextTarget[];
  source: SourceRef;
}

const MONEY_UNIT_RE = /単位\s*[(（:：]?\s*([^)）\s:：]+)/;

function parseBlocks(g: Grid, start: number, end: number): ParsedBlock[] {
  const starts = blockRows(g, start, end);
  const out: ParsedBlock[] = [];
  let measure: { no: number; name: string } | null = null;
  let cursor = start;
  starts.forEach((b, i) => {
    // The nearest measure heading above the block (between the previous block's start and this one).
    for (let r = b.row - 1; r >= cursor; r--) {
      const mh = measureHeading(g, r);
      if (mh) {
        measure = { no: mh.no, name: mh.name };
        break;
      }
    }
    let blockEnd = i + 1 < starts.length ? starts[i + 1].row : end;
    for (let r = b.row + 1; r < blockEnd; r++) {
      if (measureHeading(g, r) && g.row(r).length <= 2) {
        blockEnd = r;
        break;
      }
    }
    out.push(parseBlock(g, b.row, b.label, blockEnd, measure));
    cursor = b.row + 1;
  });
  return out;
}

function parseBlock(g: Grid, r0: number, nameLabel: GridCell, end: number, measure: { no: number; name: string } | null): ParsedBlock {
  const first = g.row(r0)[0];
  let no: number | null = null;
  if (first && first.col < nameLabel.col) {
    const pn = projectNo(first.value);
    if (pn) {
      no = pn.no;
      if (pn.measure !== null && pn.measure !== measure?.no) measure = { no: pn.measure, name: '' };
    }
  }
  const nameCell = g.rightOf(r0, nameLabel.col)!;
  const block: ParsedBlock = {
    measureNo: measure?.no ?? null,
    measureName: measure?.name ?? '',
    no,
    name: plainText(nameCell.value),
    legalBasis: '',
    department: '',
    nextYearPolicy: '',
    overview: '',
    unit: '千円',
    finance: [],
    progress: '',
    logicModel: null,
    outcomes: [],
    verification: '',
    textTargets: [],
    source: g.ref(r0, nameCell.col),
  };
  let financeYears: YearCol[] = [];
  const financeRows: { kind: 'projectCost' | 'generalFund' | 'personnelCost'; r: number; label: GridCell }[] = [];
  let outcomeHeader: { r: number; itemCol: number; years: YearCol[] } | null = null;
  let progressCell: GridCell | null = null;

  const consumed = new Set<GridCell>([nameLabel, nameCell]);
  for (let r = r0; r < end; r++) {
    const row = g.row(r);
    for (const c of row) {
      if (consumed.has(c) || c.ids.size === 0) continue;
      const right = () => {
        const x = g.rightOf(r, c.col);
        if (!x || isBlockLabel(x.key)) return undefined;
        consumed.add(x);
        return x;
      };
      if (hasLabel(c, 'legalBasis')) block.legalBasis = plainText(right()?.value);
      else if (hasLabel(c, 'department')) block.department = plainText(right()?.value);
      else if (hasLabel(c, 'nextYearPolicy')) block.nextYearPolicy = plainText(right()?.value);
      else if (hasLabel(c, 'finance')) {
        const um = MONEY_UNIT_RE.exec(c.text.normalize('NFKC'));
        if (um) block.unit = um[1];
        financeYears = yearCols(row.filter((x) => x.col > c.col));
        // Years on the next row under a 財務内容 label that stands alone.
        for (let k = r + 1; !financeYears.length && k < Math.min(end, r + 3); k++) {
          financeYears = yearCols(g.row(k));
        }
        break;
      } else if (hasLabel(c, 'overview') && !block.overview) block.overview = plainText(right()?.value);
      else if (hasLabel(c, 'projectCost')) financeRows.push({ kind: 'projectCost', r, label: c });
      else if (hasLabel(c, 'generalFund')) financeRows.push({ kind: 'generalFund', r, label: c });
      else if (hasLabel(c, 'personnelCost')) financeRows.push({ kind: 'personnelCost', r, label: c });
      else if (hasLabel(c, 'progress') && !progressCell) {
        progressCell = right() ?? null;
        if (progressCell) block.progress = plainText(progressCell.value);
        break;
      } else if (hasLabel(c, 'logicModel') && !block.logicModel) {
        block.logicModel = readLogicModel(g, r, c, end);
        break;
      } else if (hasLabel(c, 'outcomes')) {
        const item = row.find((x) => x.col > c.col && hasLabel(x, 'outcomeItem'));
        outcomeHeader = { r, itemCol: item ? item.col : c.col + 1, years: yearCols(row.filter((x) => x.col > c.col)) };
        break;
      } else if (hasLabel(c, 'projectVerification')) {
        block.verification = plainText(right()?.value);
        break;
      } else continue;
      // Finance rows hold numbers after their label: nothing else to read on the row.
      if (financeRows.length && financeRows[financeRows.length - 1].r === r) break;
    }
  }

  // No 財務内容 label: the year headers are the nearest row above the first finance row that has years.
  if (!financeYears.length && financeRows.length) {
    const first = Math.min(...financeRows.map((f) => f.r));
    for (let r = first - 1; r >= Math.max(r0, first - 3) && !financeYears.length; r--) {
      financeYears = yearCols(g.row(r));
      const unit = financeYears.length ? g.row(r).map((x) => MONEY_UNIT_RE.exec(x.text.normalize('NFKC'))).find(Boolean) : null;
      if (unit) block.unit = unit[1];
    }
  }
  // Finance: column-aligned when every year column holds a value, else in order of appearance.
  if (financeYears.length) {
    block.finance = financeYears.map((y) => ({
      fiscalYear: y.fiscalYear,
      label: y.label,
      basis: y.basis,
      projectCost: null,
      generalFund: null,
      personnelCost: null,
      source: null,
    }));
    for (const fr of financeRows) {
      const cells = g.row(fr.r).filter((x) => x.col > fr.label.col);
      const aligned = financeYears.every((y) => cells.some((x) => x.col === y.col));
      financeYears.forEach((y, i) => {
        const cell = aligned ? cells.find((x) => x.col === y.col) : cells[i];
        const p = parseNumber(cell?.value);
        const fy = block.finance[i];
        fy[fr.kind] = p.value;
        fy[`${fr.kind}State` as 'projectCostState'] = p.state;
        if (fr.kind === 'projectCost' && cell) fy.source = g.ref(cell.row, cell.col);
      });
    }
  }
  if (outcomeHeader) block.outcomes = readOutcomes(g, outcomeHeader, end);
  if (progressCell) block.textTargets = readTextTargets(g, progressCell);
  return block;
}

const BLOCK_LABELS: LabelId[] = ['legalBasis', 'department', 'nextYearPolicy', 'finance', 'projectCost', 'generalFund', 'personnelCost', 'projectVerification', 'outcomes'];
function isBlockLabel(key: string): boolean {
  return BLOCK_LABELS.some((id) => isLabel(key, id));
}

function readLogicModel(g: Grid, r: number, label: GridCell, end: number): LogicModel | null {
  const row = g.row(r).filter((c) => c.col > label.col);
  const find = (id: LabelId) => row.find((c) => hasLabel(c, id));
  const heads = { activities: find('lmActivities'), shortTerm: find('lmShort'), midTerm: find('lmMid'), final: find('lmFinal') };
  if (!heads.activities && !heads.shortTerm && !heads.midTerm && !heads.final) {
    const t = g.rightOf(r, label.col);
    return t ? { activities: plainText(t.value), shortTerm: '', midTerm: '', final: '' } : null;
  }
  let next: number | null = null;
  for (const k of g.nonEmptyRows(r + 1, Math.min(end, r + 3))) {
    next = k;
    break;
  }
  const lm: LogicModel = { activities: '', shortTerm: '', midTerm: '', final: '' };
  if (next === null) return lm;
  const vals = g.row(next);
  const order = (Object.keys(heads) as (keyof LogicModel)[]).filter((k) => heads[k]);
  const aligned = order.every((k) => vals.some((c) => c.col === heads[k]!.col));
  order.forEach((k, i) => {
    const cell = aligned ? vals.find((c) => c.col === heads[k]!.col) : vals.filter((c) => c.col > label.col - 1)[i];
    lm[k] = cell ? plainText(cell.value) : '';
  });
  return lm;
}

function readOutcomes(g: Grid, h: { r: number; itemCol: number; years: YearCol[] }, end: number): OutcomeRow[] {
  const out: OutcomeRow[] = [];
  for (const r of g.nonEmptyRows(h.r + 1, end)) {
    const row = g.row(r);
    const first = row[0];
    if (isBlockLabel(first.key) || hasLabel(first, 'progress') || hasLabel(first, 'logicModel')) break;
    if (row.length === 1 && first.text.length > 40) break;
    const valueCells = row.slice(1);
    const shift = first.col - h.itemCol;
    const aligned = h.years.every((y) => row.some((c) => c.col === y.col + shift));
    const values = h.years.map((y, i) => {
      const cell = valueCells.length === h.years.length || !aligned ? valueCells[i] : row.find((c) => c.col === y.col + shift);
      const p = parseNumber(cell?.value);
      const col = cell ? cell.col : y.col + shift;
      return { fiscalYear: y.fiscalYear, label: y.label, value: p.value, state: p.state, source: g.ref(r, col) };
    });
    out.push({ name: plainText(first.value), values, source: g.ref(r, first.col) });
  }
  return out;
}

/** Target tables inside a text cell: "物品/60万円以上" vs "34万円" per year. */
function readTextTargets(g: Grid, cell: GridCell): TextTarget[] {
  if (typeof cell.value !== 'string') return [];
  const out: TextTarget[] = [];
  for (const table of htmlTables(cell.value)) {
    const head = table.find((row) => row.some((t) => labelKey(t) === '目標'));
    if (!head) continue;
    const pairs: number[] = [];
    head.forEach((t, i) => {
      if (labelKey(t) === '目標' && labelKey(head[i + 1] ?? '') === '実績') pairs.push(i);
    });
    for (const row of table) {
      if (row === head) continue;
      const fy = parseFiscalYear(row[0] ?? '');
      for (const i of pairs) {
        const t = parseTextTarget(row[i] ?? '');
        if (!t) continue;
        const a = parseNumber((row[i + 1] ?? '').replace(/^.*[/／]/, ''));
        const actual = a.state === 'number' && (a.unit === t.unit || a.unit === '') ? a.value : null;
        const achieved = actual === null ? null : t.comparator === 'atLeast' ? actual >= t.target : actual <= t.target;
        out.push({
          label: row[0] ?? '',
          item: t.item,
          comparator: t.comparator,
          target: t.target,
          actual,
          unit: t.unit,
          fiscalYear: fy?.fiscalYear ?? null,
          achieved,
          achievementRate: actual === null || t.target === 0 ? null : t.comparator === 'atLeast' ? actual / t.target : actual === 0 ? null : t.target / actual,
          source: g.ref(cell.row, cell.col),
        });
      }
    }
  }
  return out;
}

export function parseTextTarget(s: string): { item: string; target: number; unit: string; comparator: 'atLeast' | 'atMost' } | null {
  const t = s.normalize('NFKC').replace(/\s+/g, '');
  const m = /^(?:(.*?)[/／:：])?([0-9][0-9,]*(?:\.[0-9]+)?)([^0-9]{0,4}?)(以上|以下|超|未満)$/.exec(t);
  if (!m) return null;
  return {
    item: m[1] ?? '',
    target: Number(m[2].replace(/,/g, '')),
    unit: m[3],
    comparator: m[4] === '以上' || m[4] === '超' ? 'atLeast' : 'atMost',
  };
}

// ─── Joining the list and the blocks ────────────────────────────────────────

/** A project with nothing read yet: the list or a block fills it in. */
function emptyProject(no: number, name: string, source: SourceRef, financeUnit: string): Project {
  return {
    no,
    name,
    listName: null,
    department: '',
    legalBasis: '',
    nextYearPolicy: '',
    flags: { logicModel: false, priority: false, populationDecline: null },
    sdgs: [],
    overview: '',
    finance: [],
    financeUnit,
    progress: '',
    logicModel: null,
    outcomes: [],
    verification: '',
    textTargets: [],
    hasDetail: false,
    inList: false,
    source,
    listSource: null,
  };
}

function attachProjects(field: PolicyField, list: ListEntry[], blocks: ParsedBlock[]): void {
  const measureFor = (no: number | null, name: string, source: SourceRef): Measure => {
    let m = no !== null ? field.measures.find((x) => x.no === no) : field.measures.find((x) => nameKey(x.name) === nameKey(name));
    if (!m) {
      m = { no: no ?? field.measures.length + 1, name, content: '', evaluation: null, projects: [], source };
      field.measures.push(m);
    }
    return m;
  };
  for (const e of list) {
    const m = measureFor(e.measureNo, e.measureName, e.source);
    if (m.projects.some((p) => p.no === e.no)) continue;
    m.projects.push({
      ...emptyProject(e.no, e.name, e.source, field.moneyUnit),
      listName: e.name,
      department: e.department,
      nextYearPolicy: e.nextYearPolicy,
      flags: { logicModel: e.logicModel, priority: e.priority, populationDecline: e.population },
      sdgs: e.sdgs,
      inList: true,
      listSource: e.source,
    });
  }
  for (const b of blocks) {
    let m: Measure | undefined;
    let p: Project | undefined;
    if (b.measureNo !== null || b.measureName) m = measureFor(b.measureNo, b.measureName, b.source);
    if (m && b.no !== null) p = m.projects.find((x) => x.no === b.no && !x.hasDetail);
    if (!p) {
      // No number or no measure: match by name across the field.
      for (const mm of m ? [m] : field.measures) {
        p = mm.projects.find((x) => !x.hasDetail && x.listName !== null && nameKey(x.listName) === nameKey(b.name));
        if (p) {
          m = mm;
          break;
        }
      }
    }
    if (!m) m = measureFor(null, '', b.source);
    if (!p) {
      p = emptyProject(b.no ?? m.projects.reduce((n, x) => Math.max(n, x.no), 0) + 1, b.name, b.source, b.unit);
      m.projects.push(p);
    }
    p.name = b.name;
    p.department = b.department || p.department;
    p.legalBasis = b.legalBasis;
    p.nextYearPolicy = b.nextYearPolicy || p.nextYearPolicy;
    p.overview = b.overview;
    p.finance = b.finance;
    p.financeUnit = b.unit;
    p.progress = b.progress;
    p.logicModel = b.logicModel;
    p.outcomes = b.outcomes;
    p.verification = b.verification;
    p.textTargets = b.textTargets;
    p.hasDetail = true;
    p.source = b.source;
  }
  for (const m of field.measures) m.projects.sort((a, b) => a.no - b.no);
}

export { htmlToText };
