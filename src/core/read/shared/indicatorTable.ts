/**
 * Indicator tables of 事務事業 / 施策 evaluation sheets, under a year axis:
 * - one row per role: 指標名 (merged down) | 目標値 / 実績値 | values per year;
 * - one row per indicator with 目標 | 実績 columns under each year (a sub-header);
 * - one combined 「実績値・計画値」 row: years up to the evaluation year are actuals, later ones plans.
 * The kind (成果 / 活動 / 対象) comes from a 区分 cell, a label merged down the rows, or the title.
 */
import type { Grid, GridCell } from '../../grid';
import type { Indicator, IndicatorKind, IndicatorYear, SourceRef } from '../../model';
import { parseFiscalYear, parseNumber, plainText } from '../../normalize';
import { emptyIndicator } from './factories';
import { isFormLabel } from './formLabels';
import { headerYear } from './headerYear';
import { axisStart, type AxisColumn, type YearAxis } from './yearAxis';
import { indicatorKindOf, indicatorRoleOf, indicatorSlotOf, termKey, type IndicatorRole } from './terms';

export interface IndicatorTableOptions {
  /** The kind when no cell of the table says (from the title above the table). */
  kind: IndicatorKind;
  /** For combined 実績・計画 rows: years up to this one are actuals. */
  evaluationYear: number | null;
  /** The table's own rows: [first row after the header, end). */
  end: number;
  /** The row role when no cell says (a combined title such as 「実績値・計画値」). */
  defaultRole?: 'actual' | 'combined';
}

interface Draft {
  kind: IndicatorKind;
  name: string;
  unit: string;
  nameCell: GridCell | null;
  slot: string | null;
  years: Map<string, { fiscalYear: number; label: string; inferred: boolean; target?: GridCell; actual?: GridCell; tRef?: SourceRef; aRef?: SourceRef }>;
  finalTarget: { cell: GridCell } | null;
  finalYear: number | null;
  baseline: { value: number | null; year: number | null } | null;
  rowsSeen: number;
}

const HEAD_NAME_RE = /^(指標名?|指標名称|名称|項目|成果指標名|活動指標名|対象指標名)$/;
const HEAD_UNIT_RE = /^単位$/;

export function readIndicatorTable(g: Grid, axis: YearAxis, options: IndicatorTableOptions): Indicator[] {
  const start = axisStart(axis);
  const head = headerColumns(g, axis);
  const drafts: Draft[] = [];
  let current: Draft | null = null;
  let kind = options.kind;
  const first = (axis.subRow ?? axis.row) + 1;
  for (const r of g.nonEmptyRows(first, options.end)) {
    const left = g.row(r).filter((c) => c.col < start);
    if (endsTable(g, r, start)) break;
    let role: IndicatorRole | null = null;
    let name: GridCell | null = null;
    let unit: GridCell | null = null;
    let slot: string | null = null;
    let nameText: string | null = null;
    for (const c of left) {
      const key = termKey(c.text);
      const k = c.text.length <= 40 ? indicatorKindOf(key) : null;
      const rl = c.text.length <= 24 ? indicatorRoleOf(key) : null;
      if (k && (rl === null || rl === 'name')) {
        kind = k;
        slot = indicatorSlotOf(key);
        // "成果指標1：利用者数" — the kind, its number and the name in one cell.
        const rest = plainText(c.value).normalize('NFKC').replace(/^.*?指標\s*(?:名)?\s*[0-9ア-ン①-⑨]?\s*[:：.\s]?\s*/, '').trim();
        if (rest && head.name === null) {
          name = c;
          nameText = rest;
        }
        continue;
      }
      if (rl && rl !== 'name' && rl !== 'unit') {
        role = rl;
        continue;
      }
      if (head.unit !== null && c.col === head.unit) unit = c;
      else if (head.name !== null && c.col === head.name) name = c;
      else if (head.name === null && typeof c.value === 'string' && !name) name = c;
      else if (!unit && typeof c.value === 'string' && c.text.length <= 8) unit = c;
    }
    if (name || (slot !== null && (!current || current.slot !== slot))) {
      current = {
        kind,
        name: nameText ?? (name ? plainText(name.value) : ''),
        unit: unit ? plainText(unit.value) : '',
        nameCell: name,
        slot,
        years: new Map(),
        finalTarget: null,
        finalYear: null,
        baseline: null,
        rowsSeen: 0,
      };
      drafts.push(current);
    } else if (current && unit && !current.unit) current.unit = plainText(unit.value);
    if (!current) continue;
    current.rowsSeen++;
    const rowRole = role ?? (axis.subRow !== null ? null : options.defaultRole ?? (current.rowsSeen === 1 ? 'actual' : null));
    if (rowRole === 'rate' || rowRole === 'baseline' || rowRole === 'finalTarget' || rowRole === 'finalYear') {
      if (rowRole === 'baseline') current.baseline = { value: parseNumber(firstValue(g, r, axis)?.value).value, year: null };
      continue;
    }
    for (const col of axis.columns) {
      const cell = g.at(r, col.col);
      const colRole = col.role ?? rowRole;
      place(current, col, colRole, cell, g.ref(r, col.col), options.evaluationYear);
    }
    for (const x of axis.extras) {
      const cell = g.at(r, x.col);
      if (!cell) continue;
      if (x.role === 'finalTarget' && !current.finalTarget && parseNumber(cell.value).state === 'number') current.finalTarget = { cell };
      else if (x.role === 'finalYear') current.finalYear ??= parseFiscalYear(cell.value)?.fiscalYear ?? headerYear(cell.text)?.fiscalYear ?? null;
      else if (x.role === 'baseline' && !current.baseline) {
        const by = /[(（]([^)）]+)[)）]/.exec(x.label.normalize('NFKC'));
        current.baseline = { value: parseNumber(cell.value).value, year: by ? headerYear(by[1])?.fiscalYear ?? null : null };
      }
    }
  }
  return drafts.filter((d) => d.name || [...d.years.values()].some((y) => y.target || y.actual)).map((d, i) => toIndicator(g, d, i + 1, axis));
}

/**
 * A row that is no longer the table's: no value under the years and either a form label
 * (施策の評価 | A, 一次評価…) or a lone title (構成事務事業).
 */
function endsTable(g: Grid, r: number, start: number): boolean {
  const row = g.row(r);
  if (row.some((c) => c.col >= start)) return false;
  if (row.length === 1 && typeof row[0].value === 'string' && !indicatorKindOf(termKey(row[0].text))) return true;
  return row.some((c) => {
    const k = termKey(c.text);
    return c.text.length <= 24 && !indicatorKindOf(k) && !indicatorRoleOf(k) && isFormLabel(k);
  });
}

/** 指標名 / 単位 columns named on the axis row or the row above it. */
function headerColumns(g: Grid, axis: YearAxis): { name: number | null; unit: number | null } {
  const start = axisStart(axis);
  const rows = [axis.row, ...g.nonEmptyRows(Math.max(0, axis.row - 1), axis.row)];
  let name: number | null = null;
  let unit: number | null = null;
  for (const r of rows) {
    for (const c of g.row(r)) {
      if (c.col >= start) continue;
      const key = termKey(c.text);
      if (name === null && HEAD_NAME_RE.test(key)) name = c.col;
      else if (unit === null && HEAD_UNIT_RE.test(key)) unit = c.col;
    }
  }
  return { name, unit };
}

function firstValue(g: Grid, r: number, axis: YearAxis): GridCell | undefined {
  for (const c of axis.columns) {
    const cell = g.at(r, c.col);
    if (cell) return cell;
  }
  return undefined;
}

function place(d: Draft, col: AxisColumn, role: IndicatorRole | null, cell: GridCell | undefined, ref: SourceRef, evaluationYear: number | null): void {
  const key = `${col.fiscalYear}`;
  const y = d.years.get(key) ?? { fiscalYear: col.fiscalYear, label: col.label, inferred: col.inferred };
  d.years.set(key, y);
  let r = role;
  if (r === 'combined') {
    const past = evaluationYear === null ? !/計画|目標|予定/.test(col.label) : col.fiscalYear <= evaluationYear && !/計画|目標|予定/.test(col.label);
    r = past ? 'actual' : 'target';
  }
  if (r === 'target' && !y.tRef) {
    y.target = cell;
    y.tRef = ref;
  } else if (r === 'actual' && !y.aRef) {
    y.actual = cell;
    y.aRef = ref;
  }
}

function toIndicator(g: Grid, d: Draft, no: number, axis: YearAxis): Indicator {
  const source = d.nameCell ? g.ref(d.nameCell.row, d.nameCell.col) : g.ref(axis.row, axisStart(axis));
  const ind = emptyIndicator(no, d.kind, d.name, d.unit, source);
  const years: IndicatorYear[] = [];
  for (const y of d.years.values()) {
    if (!y.target && !y.actual && !y.tRef && !y.aRef) continue;
    const t = parseNumber(y.target?.value);
    const a = parseNumber(y.actual?.value);
    const out: IndicatorYear = {
      fiscalYear: y.fiscalYear,
      label: y.label,
      target: t.value,
      actual: a.value,
      targetState: t.state,
      actualState: a.state,
      actualText: a.state === 'number' || a.state === 'missing' ? null : a.text,
      achievementRate: null,
      status: null,
      targetSource: y.tRef ?? null,
      actualSource: y.aRef ?? null,
    };
    if (y.inferred) out.yearInferred = true;
    years.push(out);
  }
  ind.years = years.sort((a, b) => a.fiscalYear - b.fiscalYear);
  if (d.finalTarget) {
    ind.finalTarget = parseNumber(d.finalTarget.cell.value).value;
    ind.finalTargetSource = g.ref(d.finalTarget.cell.row, d.finalTarget.cell.col);
  }
  ind.finalTargetYear = d.finalYear;
  if (d.baseline) {
    ind.baseline = d.baseline.value;
    ind.baselineYear = d.baseline.year ?? (ind.years.length ? ind.years[0].fiscalYear - 1 : null);
  }
  return ind;
}
