/**
 * Teach mode: the user marks cells of a sheet no recognizer reads — the year cells, the
 * indicator names (and units), the target / actual values — and this turns the marks into a
 * `custom` profile entry. Each values range is paired with the year and name ranges that line
 * up with it; ranges are written relative to the table's title label when there is one (so
 * the entry survives inserted rows), else pinned to their addresses.
 */
import { parseRange, rangeA1 } from '../a1';
import { Grid } from '../grid';
import type { IndicatorKind } from '../model';
import { parseFiscalYear } from '../normalize';
import { headerYear } from '../read/shared/headerYear';
import type { WorkbookSnapshot } from '../snapshot';
import type { Box } from './custom';
import type { CustomProfile, CustomTable, RangeRef, SheetProfile } from './types';

export type TeachRole = 'years' | 'names' | 'units' | 'targets' | 'actuals' | 'combined';

export interface TeachMark {
  role: TeachRole;
  /** An A1 range on the sheet ("A5:A7"). */
  range: string;
}

export interface TeachOptions {
  level: CustomProfile['level'];
  kind: IndicatorKind;
  ownerName: string;
  ownerId?: string;
  fieldId?: string | null;
  measureCode?: string | null;
}

export interface TeachProblem {
  ja: string;
  en: string;
}

function boxOf(range: string): Box | null {
  try {
    const { start, end } = parseRange(range);
    return { r0: Math.min(start.row, end.row), c0: Math.min(start.col, end.col), r1: Math.max(start.row, end.row), c1: Math.max(start.col, end.col) };
  } catch {
    return null;
  }
}

const isRow = (b: Box) => b.r0 === b.r1;
const isCol = (b: Box) => b.c0 === b.c1;

/** The years range lined up with a values range: a row over its columns, or a column beside its rows. */
function yearsFor(v: Box, years: Box[]): Box | undefined {
  const across = years.filter((y) => isRow(y) && y.r0 < v.r0 && y.c0 <= v.c0 && y.c1 >= v.c1).sort((a, b) => b.r0 - a.r0)[0];
  const down = years.filter((y) => isCol(y) && y.c0 < v.c0 && y.r0 <= v.r0 && y.r1 >= v.r1).sort((a, b) => b.c0 - a.c0)[0];
  return across ?? down;
}

/** The names range on the other axis: beside the rows (years across) or over the columns (years down). */
function namesFor(v: Box, across: boolean, names: Box[]): Box | undefined {
  return across
    ? names.filter((n) => isCol(n) && n.c0 < v.c0 && n.r0 <= v.r0 && n.r1 >= v.r1).sort((a, b) => b.c0 - a.c0)[0]
    : names.filter((n) => isRow(n) && n.r0 < v.r0 && n.c0 <= v.c0 && n.c1 >= v.c1).sort((a, b) => b.r0 - a.r0)[0];
}

/** A title label just above a table (one short text on its row, within four rows): the anchor. */
function titleAbove(g: Grid, top: number, left: number): { row: number; col: number; text: string } | null {
  for (let r = top - 1; r >= Math.max(0, top - 4); r--) {
    const row = g.row(r);
    if (!row.length) continue;
    const t = row.find((c) => typeof c.value === 'string' && c.text.length <= 40 && c.col <= left + 2);
    if (t && row.length <= 2) {
      // Only a label the sheet holds once can anchor: a repeated title would be ambiguous.
      const same = g.cells().filter((c) => c.text === t.text).length;
      return same === 1 ? { row: t.row, col: t.col, text: t.text } : null;
    }
    return null;
  }
  return null;
}

function ref(b: Box, anchor: { row: number; col: number; text: string } | null, grow: 'rows' | 'cols' | null): RangeRef {
  if (!anchor) return { address: rangeA1(b.r0, b.c0, b.r1, b.c1) };
  return {
    anchor: anchor.text,
    dr: b.r0 - anchor.row,
    dc: b.c0 - anchor.col,
    rows: grow === 'rows' ? 'auto' : b.r1 - b.r0 + 1,
    cols: grow === 'cols' ? 'auto' : b.c1 - b.c0 + 1,
  };
}

export function teachEntry(snapshot: WorkbookSnapshot, sheet: string, marks: TeachMark[], o: TeachOptions): { entry: SheetProfile | null; problems: TeachProblem[] } {
  const problems: TeachProblem[] = [];
  const s = snapshot.sheets.find((x) => x.name === sheet);
  if (!s) return { entry: null, problems: [{ ja: `シート「${sheet}」がありません`, en: `There is no sheet "${sheet}"` }] };
  const g = new Grid(s);
  const boxes = (role: TeachRole) => marks.filter((m) => m.role === role).map((m) => ({ m, b: boxOf(m.range) }));
  for (const m of marks) if (!boxOf(m.range)) problems.push({ ja: `範囲「${m.range}」を読めません`, en: `Cannot read the range "${m.range}"` });
  const years = boxes('years').flatMap((x) => (x.b ? [x.b] : []));
  const names = boxes('names').flatMap((x) => (x.b ? [x.b] : []));
  const units = boxes('units').flatMap((x) => (x.b ? [x.b] : []));
  for (const y of years) {
    if (!isRow(y) && !isCol(y)) problems.push({ ja: '年度の範囲は1行か1列にしてください', en: 'Mark the years as one row or one column' });
    let found = false;
    for (let r = y.r0; r <= y.r1 && !found; r++) for (let c = y.c0; c <= y.c1 && !found; c++) {
      const cell = g.at(r, c);
      found = !!cell && (parseFiscalYear(cell.value) !== null || headerYear(cell.text) !== null);
    }
    if (!found) problems.push({ ja: `年度の範囲 ${rangeA1(y.r0, y.c0, y.r1, y.c1)} に年度が見つかりません`, en: `No fiscal year in the years range ${rangeA1(y.r0, y.c0, y.r1, y.c1)}` });
  }
  const tables: CustomTable[] = [];
  for (const role of ['targets', 'actuals', 'combined'] as const) {
    for (const { m, b } of boxes(role)) {
      if (!b) continue;
      const y = yearsFor(b, years);
      if (!y) {
        problems.push({ ja: `値の範囲 ${m.range} の上または左に年度の範囲がありません`, en: `No years range above or beside the values ${m.range}` });
        continue;
      }
      const across = isRow(y);
      const n = namesFor(b, across, names);
      if (!n) {
        problems.push({ ja: `値の範囲 ${m.range} に対応する指標名の範囲がありません`, en: `No indicator names line up with the values ${m.range}` });
        continue;
      }
      const u = units.find((x) => (across ? isCol(x) && x.r0 <= b.r0 && x.r1 >= b.r1 : isRow(x) && x.c0 <= b.c0 && x.c1 >= b.c1));
      const anchor = titleAbove(g, Math.min(y.r0, n.r0), Math.min(y.c0, n.c0));
      // The dimension the indicators run along may grow: it reads to the first empty cell.
      const grow = across ? 'rows' : 'cols';
      tables.push({
        role: role === 'targets' ? 'target' : role === 'actuals' ? 'actual' : 'combined',
        years: ref(y, anchor, null),
        names: ref(n, anchor, grow),
        ...(u ? { units: ref(u, anchor, grow) } : {}),
        values: ref(b, anchor, grow),
      });
    }
  }
  if (!tables.length && !problems.length) problems.push({ ja: '目標または実績の値の範囲を指定してください', en: 'Mark the target or actual values' });
  if (problems.length) return { entry: null, problems };
  const layout: CustomProfile = {
    level: o.level,
    kind: o.kind,
    owner: { name: o.ownerName, ...(o.ownerId ? { id: o.ownerId } : {}) },
    ...(o.fieldId !== undefined ? { fieldId: o.fieldId } : {}),
    ...(o.measureCode !== undefined ? { measureCode: o.measureCode } : {}),
    tables,
  };
  const labels = tables.flatMap((t) => ('anchor' in t.values ? [t.values.anchor] : []));
  return { entry: { match: labels.length ? { name: sheet, signature: [...new Set(labels)] } : { name: sheet }, family: 'custom', layout }, problems };
}
