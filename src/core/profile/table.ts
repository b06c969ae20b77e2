/**
 * A flat table's layout with its columns named by their header text (TableProfile), and back:
 * the header row is found again by the project-name header, the columns by their headers (the
 * k-th of equal ones for repeated year blocks) — so inserted rows and columns do not matter.
 */
import type { Grid } from '../grid';
import type { FinanceItem } from '../model';
import { columnHeaders, isFillerRow } from '../read/shared/headerBand';
import type { LevelColumns, TableLayout } from '../read/projectTable/layout';
import { termKey } from '../read/shared/terms';
import type { ColumnRef, LevelProfile, TableProfile } from './types';

/** Composed header key per column, and the occurrence of each key left to right. */
function headerIndex(g: Grid, rows: number[]): { byCol: Map<number, ColumnRef>; byRef: Map<string, number> } {
  const byCol = new Map<number, ColumnRef>();
  const byRef = new Map<string, number>();
  const seen = new Map<string, number>();
  for (const h of columnHeaders(g, rows)) {
    const k = seen.get(h.key) ?? 0;
    seen.set(h.key, k + 1);
    const ref: ColumnRef = k ? { header: h.key, occurrence: k } : { header: h.key };
    byCol.set(h.col, ref);
    byRef.set(refKey(ref), h.col);
  }
  return { byCol, byRef };
}

const refKey = (r: ColumnRef) => `${r.header}\u0000${r.occurrence ?? 0}`;

export function tableToProfile(g: Grid, layout: TableLayout): TableProfile {
  const { byCol } = headerIndex(g, layout.headerRows);
  const ref = (col: number): ColumnRef => byCol.get(col) ?? { header: '' };
  const opt = (col: number | null) => (col === null ? null : ref(col));
  const level = (l: LevelColumns | null): LevelProfile | null => (l ? { numbers: l.numberCols.map((n) => ({ column: ref(n.col), place: n.place })), name: opt(l.nameCol) } : null);
  const c = layout.columns;
  const anchorCell = g.at(headerRowOf(g, layout, c.name), c.name)!;
  const anchorRow = anchorCell.row;
  return {
    anchor: anchorCell.text,
    headerRows: layout.headerRows.map((r) => r - anchorRow),
    columns: {
      name: ref(c.name),
      projectId: opt(c.projectId),
      no: opt(c.no),
      fiscalYear: opt(c.fiscalYear),
      department: opt(c.department),
      legalBasis: opt(c.legalBasis),
      period: c.period.map(ref),
      overview: opt(c.overview),
      nextYearPolicy: opt(c.nextYearPolicy),
      code: opt(c.code),
      policy: level(c.policy),
      measure: level(c.measure),
      basic: level(c.basic),
      grades: c.grades.map((x) => ({ stage: x.stage, column: ref(x.col), label: x.label })),
      moneyUnit: c.moneyUnit,
    },
    indicators: layout.indicators.map((s) => ({ kind: s.kind, slot: s.slot, name: opt(s.nameCol), unit: opt(s.unitCol) })),
    yearBlocks: layout.yearBlocks.map((b) => ({
      fiscalYear: b.fiscalYear,
      yearsBeforeEvaluation: b.yearsBeforeEvaluation,
      basis: b.basis,
      label: b.label,
      finance: Object.fromEntries(Object.entries(b.finance).map(([k, col]) => [k, ref(col as number)])) as Partial<Record<FinanceItem, ColumnRef>>,
      values: b.values.map((v) => ({ kind: v.kind, slot: v.slot, role: v.role, column: ref(v.col) })),
    })),
  };
}

/** The header row holding the project-name column's own label. */
function headerRowOf(g: Grid, layout: TableLayout, col: number): number {
  for (let i = layout.headerRows.length - 1; i >= 0; i--) if (g.at(layout.headerRows[i], col)) return layout.headerRows[i];
  return layout.headerRows[layout.headerRows.length - 1];
}

export interface Resolved<L> {
  layout: L | null;
  /** Labels or headers the profile names that the sheet does not have. */
  missing: string[];
}

/** Where the profile's anchor label is: the first cell reading it in the top rows. */
function findAnchor(g: Grid, anchor: string): { row: number; col: number } | null {
  const key = termKey(anchor);
  for (const r of g.nonEmptyRows(0, g.rowCount).slice(0, 60)) {
    if (isFillerRow(g, r)) continue;
    for (const c of g.row(r)) if (typeof c.value === 'string' && termKey(c.text) === key) return { row: r, col: c.col };
  }
  return null;
}

export function tableFromProfile(g: Grid, p: TableProfile): Resolved<TableLayout> {
  const missing: string[] = [];
  const at = findAnchor(g, p.anchor);
  if (!at) return { layout: null, missing: [p.anchor] };
  const rows = p.headerRows.map((d) => at.row + d).filter((r) => r >= 0);
  const { byRef } = headerIndex(g, rows);
  const col = (r: ColumnRef | null): number | null => {
    if (!r) return null;
    const c = byRef.get(refKey(r));
    if (c === undefined) {
      missing.push(r.occurrence ? `${r.header} (#${r.occurrence + 1})` : r.header);
      return null;
    }
    return c;
  };
  const level = (l: LevelProfile | null): LevelColumns | null => {
    if (!l) return null;
    const numberCols = l.numbers.flatMap((n) => {
      const c = col(n.column);
      return c === null ? [] : [{ col: c, place: n.place }];
    });
    return { numberCols, nameCol: col(l.name) };
  };
  const pc = p.columns;
  const name = col(pc.name);
  if (name === null) return { layout: null, missing };
  const last = Math.max(...rows);
  const firstDataRow = g.nonEmptyRows(last + 1, g.rowCount).find((r) => !isFillerRow(g, r)) ?? last + 1;
  const layout: TableLayout = {
    family: 'projectTable',
    headerRows: rows,
    firstDataRow,
    columns: {
      name,
      projectId: col(pc.projectId),
      no: col(pc.no),
      fiscalYear: col(pc.fiscalYear),
      department: col(pc.department),
      legalBasis: col(pc.legalBasis),
      period: pc.period.map(col).filter((c): c is number => c !== null),
      overview: col(pc.overview),
      nextYearPolicy: col(pc.nextYearPolicy),
      code: col(pc.code),
      policy: level(pc.policy),
      measure: level(pc.measure),
      basic: level(pc.basic),
      grades: pc.grades.flatMap((x) => {
        const c = col(x.column);
        return c === null ? [] : [{ stage: x.stage, col: c, label: x.label }];
      }),
      moneyUnit: pc.moneyUnit,
    },
    indicators: p.indicators.map((s) => ({ kind: s.kind, slot: s.slot, nameCol: col(s.name), unitCol: col(s.unit) })),
    yearBlocks: p.yearBlocks.map((b) => ({
      fiscalYear: b.fiscalYear,
      yearsBeforeEvaluation: b.yearsBeforeEvaluation,
      basis: b.basis,
      label: b.label,
      finance: Object.fromEntries(
        Object.entries(b.finance)
          .map(([k, r]) => [k, col(r as ColumnRef)])
          .filter(([, c]) => c !== null),
      ) as Partial<Record<FinanceItem, number>>,
      values: b.values.flatMap((v) => {
        const c = col(v.column);
        return c === null ? [] : [{ kind: v.kind, slot: v.slot, role: v.role, col: c }];
      }),
    })),
  };
  return { layout, missing };
}
