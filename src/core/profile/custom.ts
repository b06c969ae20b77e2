/**
 * The `custom` family: a layout no recognizer reads, taught by a user as ranges with roles —
 * the year cells, the indicator names (and units), and the values of one role (目標 / 実績 /
 * 実績・計画). Years may run across or down; targets and actuals may be two separate tables;
 * indicators are matched across tables by name.
 */
import { parseRange } from '../a1';
import type { Grid, GridCell } from '../grid';
import type { Indicator, IndicatorYear, SourceRef } from '../model';
import { parseFiscalYear, parseNumber, plainText } from '../normalize';
import { emptyIndicator, emptyMeasure, emptyProject } from '../read/shared/factories';
import { headerYear } from '../read/shared/headerYear';
import { termKey } from '../read/shared/terms';
import type { FieldRef, SheetReading } from '../read/types';
import type { CustomProfile, CustomTable, RangeRef } from './types';

export interface Box {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

/** A range reference on a sheet, or the label it needs that the sheet does not have. */
export function resolveRange(g: Grid, ref: RangeRef): { box: Box } | { missing: string } {
  if ('address' in ref) {
    try {
      const { start, end } = parseRange(ref.address);
      return { box: { r0: Math.min(start.row, end.row), c0: Math.min(start.col, end.col), r1: Math.max(start.row, end.row), c1: Math.max(start.col, end.col) } };
    } catch {
      return { missing: ref.address };
    }
  }
  const key = termKey(ref.anchor);
  const hits = g.cells().filter((c) => typeof c.value === 'string' && c.text.length <= 80 && termKey(c.text) === key);
  const a = hits[ref.occurrence ?? 0];
  if (!a) return { missing: ref.anchor };
  const r0 = a.row + ref.dr;
  const c0 = a.col + ref.dc;
  if (r0 < 0 || c0 < 0) return { missing: ref.anchor };
  const filled = (r: number, c: number) => !!g.at(r, c);
  let r1 = typeof ref.rows === 'number' ? r0 + Math.max(1, ref.rows) - 1 : r0;
  let c1 = typeof ref.cols === 'number' ? c0 + Math.max(1, ref.cols) - 1 : c0;
  // "auto": run on while the next row (column) holds anything within the range's other extent.
  if (ref.cols === 'auto') while (c1 - c0 < 16384 && rowSpanFilled(r0, r1, c1 + 1, filled)) c1++;
  if (ref.rows === 'auto') while (r1 - r0 < 100000 && colSpanFilled(c0, c1, r1 + 1, filled)) r1++;
  return { box: { r0, c0, r1, c1 } };
}

function rowSpanFilled(r0: number, r1: number, c: number, filled: (r: number, c: number) => boolean): boolean {
  for (let r = r0; r <= r1; r++) if (filled(r, c)) return true;
  return false;
}

function colSpanFilled(c0: number, c1: number, r: number, filled: (r: number, c: number) => boolean): boolean {
  for (let c = c0; c <= c1; c++) if (filled(r, c)) return true;
  return false;
}

const cellsOf = (g: Grid, b: Box): { r: number; c: number; cell: GridCell | undefined }[] => {
  const out: { r: number; c: number; cell: GridCell | undefined }[] = [];
  for (let r = b.r0; r <= b.r1; r++) for (let c = b.c0; c <= b.c1; c++) out.push({ r, c, cell: g.at(r, c) });
  return out;
};

function yearOf(cell: GridCell | undefined): number | null {
  if (!cell) return null;
  return parseFiscalYear(cell.value)?.fiscalYear ?? headerYear(cell.text)?.fiscalYear ?? null;
}

interface Draft {
  name: string;
  unit: string;
  source: SourceRef;
  years: Map<number, IndicatorYear>;
}

function readTable(g: Grid, t: CustomTable, drafts: Map<string, Draft>, evaluationYear: number | null, missing: string[]): void {
  const years = resolveRange(g, t.years);
  const names = resolveRange(g, t.names);
  const values = resolveRange(g, t.values);
  const units = t.units ? resolveRange(g, t.units) : null;
  for (const x of [years, names, values, units]) if (x && 'missing' in x) missing.push(x.missing);
  if (!('box' in years) || !('box' in names) || !('box' in values)) return;
  // Years across (one row) or down (one column): the value at (r, c) takes the year of its column or row.
  const across = years.box.r0 === years.box.r1;
  const yearAt = new Map<number, { year: number; label: string }>();
  for (const { r, c, cell } of cellsOf(g, years.box)) {
    const y = yearOf(cell);
    if (y !== null && cell) yearAt.set(across ? c : r, { year: y, label: cell.text });
  }
  const nameAt = new Map<number, GridCell>();
  for (const { r, c, cell } of cellsOf(g, names.box)) if (cell && typeof cell.value === 'string') nameAt.set(across ? r : c, cell);
  const unitAt = new Map<number, string>();
  if (units && 'box' in units) for (const { r, c, cell } of cellsOf(g, units.box)) if (cell) unitAt.set(across ? r : c, plainText(cell.value));
  for (const { r, c, cell } of cellsOf(g, values.box)) {
    const y = yearAt.get(across ? c : r);
    const n = nameAt.get(across ? r : c);
    if (!y || !n) continue;
    const key = termKey(n.text);
    let d = drafts.get(key);
    if (!d) {
      d = { name: plainText(n.value), unit: unitAt.get(across ? r : c) ?? '', source: g.ref(n.row, n.col), years: new Map() };
      drafts.set(key, d);
    }
    let iy = d.years.get(y.year);
    if (!iy) {
      iy = { fiscalYear: y.year, label: y.label, target: null, actual: null, targetState: 'missing', actualState: 'missing', actualText: null, achievementRate: null, status: null, targetSource: null, actualSource: null };
      d.years.set(y.year, iy);
    }
    const role = t.role === 'combined' ? (evaluationYear === null || y.year <= evaluationYear ? 'actual' : 'target') : t.role;
    const p = parseNumber(cell?.value);
    if (role === 'target') {
      iy.target = p.value;
      iy.targetState = p.state;
      iy.targetSource = g.ref(r, c);
    } else {
      iy.actual = p.value;
      iy.actualState = p.state;
      iy.actualText = p.state === 'number' || p.state === 'missing' ? null : p.text;
      iy.actualSource = g.ref(r, c);
    }
  }
}

function text(g: Grid, ref: RangeRef | undefined): string | null {
  if (!ref) return null;
  const r = resolveRange(g, ref);
  if (!('box' in r)) return null;
  const cell = g.at(r.box.r0, r.box.c0);
  return cell ? plainText(cell.value) : null;
}

export function readCustom(g: Grid, p: CustomProfile): { reading: SheetReading; missing: string[] } {
  const missing: string[] = [];
  const drafts = new Map<string, Draft>();
  for (const t of p.tables) readTable(g, t, drafts, p.evaluationYear ?? null, missing);
  const indicators: Indicator[] = [...drafts.values()].map((d, i) => {
    const ind = emptyIndicator(i + 1, p.kind, d.name, d.unit, d.source);
    ind.years = [...d.years.values()].sort((a, b) => a.fiscalYear - b.fiscalYear);
    return ind;
  });
  const ownerName = text(g, p.owner.nameAt) ?? p.owner.name ?? '';
  const ownerId = text(g, p.owner.idAt) ?? p.owner.id ?? null;
  const reading: SheetReading = { family: 'custom', projects: [], measures: [], inferred: [] };
  const at = indicators[0]?.source ?? g.ref(0, 0);
  if (p.level === 'field') {
    const field: FieldRef = { id: ownerId, name: ownerName, label: '政策分野', source: at };
    reading.kpis = [{ field, indicators }];
  } else {
    const field: FieldRef = { id: p.fieldId ?? null, name: '', label: '', source: null };
    if (p.level === 'measure') {
      const m = emptyMeasure(1, ownerName, at);
      m.code = p.measureCode ?? ownerId;
      m.noInferred = true;
      m.indicators = indicators;
      reading.measures.push({ field, measure: m });
    } else {
      const proj = emptyProject(1, ownerName, at, '千円');
      proj.noInferred = true;
      proj.projectId = ownerId;
      proj.hasDetail = true;
      proj.indicators = indicators;
      reading.projects.push({ field, measure: p.measureCode ? { no: null, code: p.measureCode, name: '', source: null } : null, project: proj });
    }
  }
  return { reading, missing };
}
