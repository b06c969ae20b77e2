/**
 * A profile as the task pane's 読み取り設定 step shows it: per sheet, the rows of what was read
 * as what (a column as 事業名, a row label as 一般財源, a block as 令和5年度) with the roles each
 * row may take instead; and a change to one row as a new profile (pure: the pane re-reads with it).
 */
import { FINANCE_ITEMS, type FinanceItem, type IndicatorKind } from '../model';
import { Grid } from '../grid';
import { projectSheetFromProfile, measureSheetFromProfile } from './form';
import { entryFor } from './match';
import { moneyItem } from '../read/shared/overrides';
import { sheetTables } from '../read/shared/sheetTables';
import { termKey } from '../read/shared/terms';
import { axisStart } from '../read/shared/yearAxis';
import type { WorkbookSnapshot } from '../snapshot';
import type { ColumnRef, FormProfile, LayoutProfile, SheetProfile, TableProfile } from './types';

export type LayoutRowKind = 'column' | 'block' | 'money' | 'year' | 'tableKind' | 'table' | 'info';

export interface LayoutRow {
  /** Stable within the view: what editProfile needs to change this row. */
  id: string;
  kind: LayoutRowKind;
  /** What the sheet says: a header, a row label, a block's label. */
  label: string;
  /** What it is read as (a role id: "projectName", "generalFund", "2023", "activity"…). */
  role: string;
  /** The roles it may take instead; empty when the row is shown, not edited here. */
  choices: string[];
}

export interface SheetLayoutView {
  sheet: string;
  family: SheetProfile['family'];
  /** The profile entry the sheet is read with. */
  entry: number;
  rows: LayoutRow[];
}

const META = ['name', 'projectId', 'no', 'fiscalYear', 'department', 'legalBasis', 'overview', 'nextYearPolicy', 'code'] as const;
type Meta = (typeof META)[number];
const MONEY_CHOICES = [...FINANCE_ITEMS, 'ignore'];
const KINDS: IndicatorKind[] = ['outcome', 'activity', 'target-population', 'kpi'];

const own = (r: ColumnRef) => r.header.split('|').pop() ?? r.header;

function tableRows(t: TableProfile): LayoutRow[] {
  const rows: LayoutRow[] = [];
  for (const k of META) {
    const r = t.columns[k];
    if (r) rows.push({ id: `col:${k}`, kind: 'column', label: own(r), role: k, choices: [...META.filter((m) => m !== 'name'), 'ignore'] });
  }
  t.yearBlocks.forEach((b, i) => {
    const year = b.fiscalYear !== null ? String(b.fiscalYear) : `-${b.yearsBeforeEvaluation ?? 0}`;
    rows.push({ id: `block:${i}`, kind: 'block', label: b.label || `#${i + 1}`, role: year, choices: [] });
    for (const [item, ref] of Object.entries(b.finance)) rows.push({ id: `block:${i}:${item}`, kind: 'money', label: own(ref as ColumnRef), role: item, choices: MONEY_CHOICES });
  });
  return rows;
}

function formRows(g: Grid, entry: SheetProfile & { layout: FormProfile }): LayoutRow[] {
  const p = entry.layout;
  const rows: LayoutRow[] = [{ id: 'anchor', kind: 'info', label: p.anchor, role: entry.family === 'measureSheet' ? 'measureName' : 'projectName', choices: [] }];
  const resolved = entry.family === 'measureSheet' ? measureSheetFromProfile(g, p).layout : projectSheetFromProfile(g, p).layout;
  rows.push({ id: 'evaluationYear', kind: 'year', label: p.evaluationYear === null ? '' : String(p.evaluationYear), role: String(resolved?.evaluationYear ?? ''), choices: [] });
  if (!resolved) return rows;
  const o = resolved.overrides;
  const seen = new Set<string>();
  for (const t of sheetTables(g, 0, g.rowCount, { evaluationYear: resolved.evaluationYear, era: resolved.era }, o)) {
    if (t.type === 'indicator') {
      const title = [...t.titleRows].reverse().flatMap((r) => g.row(r)).find((c) => typeof c.value === 'string' && c.text.length <= 40);
      if (title && !seen.has(`t:${title.text}`)) {
        seen.add(`t:${title.text}`);
        rows.push({ id: `tableKind:${title.text}`, kind: 'tableKind', label: title.text, role: t.kind ?? 'outcome', choices: KINDS });
      }
      continue;
    }
    const start = axisStart(t.axis);
    const candidates: { row: LayoutRow; money: boolean }[] = [];
    for (const r of g.nonEmptyRows((t.axis.subRow ?? t.axis.row) + 1, t.end)) {
      const label = g.row(r).filter((c) => c.col < start && typeof c.value === 'string' && c.text.length <= 30).pop();
      if (!label || seen.has(`m:${label.text}`) || candidates.some((c) => c.row.label === label.text)) continue;
      const key = termKey(label.text);
      const role = moneyItem(key, o);
      // A money row by its words or by the profile's (a row the user set to 'ignore' stays listed).
      candidates.push({ row: { id: `money:${label.text}`, kind: 'money', label: label.text, role: role ?? 'ignore', choices: MONEY_CHOICES }, money: role !== null || moneyItem(key, undefined) !== null });
    }
    // A money table reaches on to the next table (a grade, the next project's header block): only
    // the rows from its first to its last money row are its own; unknown rows between those stay
    // listed, since they are the ones a user may want to assign.
    const first = candidates.findIndex((c) => c.money);
    const last = candidates.map((c) => c.money).lastIndexOf(true);
    for (const c of first < 0 ? [] : candidates.slice(first, last + 1)) {
      seen.add(`m:${c.row.label}`);
      rows.push(c.row);
    }
  }
  return rows;
}

/** What each sheet is read as, for the sheets a profile entry reads. */
export function describeLayouts(snapshot: WorkbookSnapshot, profile: LayoutProfile): SheetLayoutView[] {
  const out: SheetLayoutView[] = [];
  for (const s of snapshot.sheets) {
    const g = new Grid(s);
    const entry = entryFor(profile.sheets, g);
    if (!entry) continue;
    const index = profile.sheets.indexOf(entry);
    let rows: LayoutRow[] = [];
    if (entry.family === 'projectTable') rows = tableRows(entry.layout);
    else if (entry.family === 'projectSheet' || entry.family === 'measureSheet') rows = formRows(g, entry as SheetProfile & { layout: FormProfile });
    else if (entry.family === 'custom')
      rows = entry.layout.tables.map((t, i) => ({ id: `table:${i}`, kind: 'table' as const, label: 'address' in t.values ? t.values.address : t.values.anchor, role: t.role, choices: ['target', 'actual', 'combined'] }));
    out.push({ sheet: s.name, family: entry.family, entry: index, rows });
  }
  return out;
}

export interface ProfileEdit {
  entry: number;
  row: string;
  /** The new role (a choice of the row), or for an evaluation year / a block its fiscal year as text ("" = from the sheet). */
  value: string;
}

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

/** The profile with one row changed; the given profile is left as it is. */
export function editProfile(profile: LayoutProfile, edit: ProfileEdit): LayoutProfile {
  const next = clone(profile);
  const entry = next.sheets[edit.entry];
  if (!entry) return next;
  const [kind, ...rest] = edit.row.split(':');
  if (entry.family === 'projectTable') {
    const t = entry.layout;
    if (kind === 'col') {
      const from = rest[0] as Meta;
      const ref = t.columns[from];
      if (!ref || from === 'name') return next;
      t.columns[from] = null;
      if (edit.value !== 'ignore' && (META as readonly string[]).includes(edit.value)) t.columns[edit.value as Exclude<Meta, 'name'>] = ref;
    } else if (kind === 'block' && rest.length === 1) {
      const b = t.yearBlocks[Number(rest[0])];
      const y = Number(edit.value);
      if (b && Number.isInteger(y) && y > 1900 && y < 2200) {
        b.fiscalYear = y;
        b.yearsBeforeEvaluation = null;
      }
    } else if (kind === 'block' && rest.length === 2) {
      const b = t.yearBlocks[Number(rest[0])];
      const item = rest[1] as FinanceItem;
      const ref = b?.finance[item];
      if (!b || !ref) return next;
      delete b.finance[item];
      if (edit.value !== 'ignore' && (FINANCE_ITEMS as readonly string[]).includes(edit.value)) b.finance[edit.value as FinanceItem] = ref;
    }
    return next;
  }
  if (entry.family === 'projectSheet' || entry.family === 'measureSheet') {
    const f = entry.layout;
    const label = rest.join(':');
    if (kind === 'evaluationYear') {
      const y = Number(edit.value);
      f.evaluationYear = edit.value === '' ? null : Number.isInteger(y) && y > 1900 && y < 2200 ? y : f.evaluationYear;
    } else if (kind === 'money' && MONEY_CHOICES.includes(edit.value)) f.moneyRows = { ...f.moneyRows, [label]: edit.value as FinanceItem | 'ignore' };
    else if (kind === 'tableKind' && KINDS.includes(edit.value as IndicatorKind)) f.tableKinds = { ...f.tableKinds, [label]: edit.value as IndicatorKind };
    return next;
  }
  if (entry.family === 'custom' && kind === 'table') {
    const t = entry.layout.tables[Number(rest[0])];
    if (t && (edit.value === 'target' || edit.value === 'actual' || edit.value === 'combined')) t.role = edit.value;
  }
  return next;
}
