/** Reading a SummaryPlan back the way a user would see the sheet: by cell, by header. */
import type { PlanSheet, PlanValue, SummaryPlan } from '../../src/core/plan';

export function parseA1(ref: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(ref);
  if (!m) throw new Error(`not an A1 cell: ${ref}`);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

export function parseRange(range: string): { r1: number; c1: number; r2: number; c2: number } {
  const [a, b] = range.split(':');
  const from = parseA1(a);
  const to = parseA1(b ?? a);
  return { r1: from.row, c1: from.col, r2: to.row, c2: to.col };
}

/** The value a cell ends up with once every block of the sheet is written. */
export function cell(sheet: PlanSheet, row: number, col: number): PlanValue {
  let v: PlanValue = null;
  for (const b of sheet.blocks) {
    const o = parseA1(b.address);
    const line = b.values[row - o.row];
    if (line && col - o.col >= 0 && col - o.col < line.length) v = line[col - o.col];
  }
  return v;
}

export function cellAt(sheet: PlanSheet, a1: string): PlanValue {
  const { row, col } = parseA1(a1);
  return cell(sheet, row, col);
}

/** A one-row or one-column range's values, in order. */
export function rangeValues(sheet: PlanSheet, range: string): PlanValue[] {
  const { r1, c1, r2, c2 } = parseRange(range);
  const out: PlanValue[] = [];
  for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) out.push(cell(sheet, r, c));
  return out;
}

export function usedSize(sheet: PlanSheet): { rows: number; cols: number } {
  let rows = 0;
  let cols = 0;
  for (const b of sheet.blocks) {
    const o = parseA1(b.address);
    rows = Math.max(rows, o.row + b.values.length);
    cols = Math.max(cols, o.col + Math.max(0, ...b.values.map((l) => l.length)));
  }
  return { rows, cols };
}

export function sheetByKey(plan: SummaryPlan, key: PlanSheet['key']): PlanSheet {
  const s = plan.sheets.find((x) => x.key === key);
  if (!s) throw new Error(`no sheet ${key}`);
  return s;
}

export function rowValues(sheet: PlanSheet, row: number): PlanValue[] {
  const { cols } = usedSize(sheet);
  return Array.from({ length: cols }, (_, c) => cell(sheet, row, c));
}

/** The main table's header row: the last header row above the frozen pane's edge. */
export function mainHeaderRow(sheet: PlanSheet): number {
  const frozen = sheet.freeze?.rows ?? 0;
  const above = sheet.headerRows.filter((r) => r < frozen);
  return above.length ? above[above.length - 1] : sheet.headerRows[sheet.headerRows.length - 1];
}

/** Column index under a header (and, for grouped columns, under the group label to its left). */
export function columnOf(sheet: PlanSheet, header: string, group?: string, headerRow = mainHeaderRow(sheet)): number {
  const i = sheet.headerRows.indexOf(headerRow);
  const groupRow = i > 0 && sheet.headerRows[i - 1] === headerRow - 1 ? sheet.headerRows[i - 1] : null;
  const heads = rowValues(sheet, headerRow);
  const hits = heads
    .map((h, c) => ({ h, c }))
    .filter((x) => x.h === header)
    .filter((x) => {
      if (group === undefined || groupRow === null) return true;
      // The group label sits on the group's first column; walk left to find it.
      for (let c = x.c; c >= 0; c--) {
        const g = cell(sheet, groupRow, c);
        if (g !== null) return g === group;
      }
      return false;
    });
  if (hits.length !== 1) throw new Error(`header "${header}" / group "${group}": ${hits.length} matches`);
  return hits[0].c;
}

/** Data rows below the header whose cells match the given column → value pairs. */
export function findRows(sheet: PlanSheet, match: Record<number, PlanValue>): number[] {
  const first = mainHeaderRow(sheet) + 1;
  const { rows } = usedSize(sheet);
  const out: number[] = [];
  for (let r = first; r < rows; r++) {
    if (Object.entries(match).every(([c, v]) => cell(sheet, r, Number(c)) === v)) out.push(r);
  }
  return out;
}

export function findRow(sheet: PlanSheet, match: Record<number, PlanValue>): number {
  const rows = findRows(sheet, match);
  if (rows.length !== 1) throw new Error(`${rows.length} rows match ${JSON.stringify(match)}`);
  return rows[0];
}

/** Every string a user could read in the plan: cells, names, titles, link texts. */
export function allStrings(plan: SummaryPlan): string[] {
  const out: string[] = [];
  for (const s of plan.sheets) {
    out.push(s.name);
    for (const b of s.blocks) for (const line of b.values) for (const v of line) if (typeof v === 'string') out.push(v);
    for (const h of s.hyperlinks) out.push(h.text, ...(h.tooltip ? [h.tooltip] : []));
    for (const c of s.charts) out.push(c.title, ...c.series.map((x) => x.name), ...(c.valueAxis?.title ? [c.valueAxis.title] : []));
    for (const cf of s.conditionalFormats) if (cf.type === 'textEquals') out.push(cf.text);
  }
  return out;
}
