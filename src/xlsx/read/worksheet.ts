/**
 * One worksheet part, streamed into the sparse snapshot: only cells that hold a value or a
 * formula cost memory, so a far cell (XFD1048576), a million empty styled rows or a
 * 16,384-column sheet cost what their content costs.
 */
import type { CellValue, SnapshotCell } from '../../core/snapshot';
import { XlsxApplyError } from '../errors';
import { partParser } from '../ooxml/xml';
import type { Package } from '../package';
import { shiftFormula } from './formula';
import { isDateFormat, serialToIsoDate } from './numFmt';
import { decodeXstring, localName } from './text';

export interface WorksheetContext {
  sharedStrings: string[];
  /** Number format by cell style index. */
  formats: (string | undefined)[];
  date1904: boolean;
  /** Cells read so far over the whole workbook (the cell limit is per workbook). */
  counter: { cells: number };
}

export interface WorksheetRead {
  cells: SnapshotCell[];
  merges: string[];
  dimension?: string;
}

const MAX_ROW = 1048575;
const MAX_COL = 16383;

/** "AB12" → [row, col] 0-based; null when it is not a cell reference inside the sheet. */
function cellRef(ref: string): [number, number] | null {
  let i = 0;
  let col = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + c - 64;
    else if (c >= 97 && c <= 122) col = col * 26 + c - 96;
    else break;
  }
  if (i === 0 || i > 3 || i === ref.length) return null;
  const row = Number(ref.slice(i));
  if (!Number.isInteger(row) || row < 1 || row - 1 > MAX_ROW || col - 1 > MAX_COL) return null;
  return [row - 1, col - 1];
}

function rangeOf(ref: string): { r0: number; c0: number; r1: number; c1: number } | null {
  const [a, b] = ref.split(':');
  const s = cellRef(a);
  const e = b === undefined ? s : cellRef(b);
  if (!s || !e) return null;
  return { r0: Math.min(s[0], e[0]), c0: Math.min(s[1], e[1]), r1: Math.max(s[0], e[0]), c1: Math.max(s[1], e[1]) };
}

export async function readWorksheet(pkg: Package, path: string, ctx: WorksheetContext): Promise<WorksheetRead> {
  const cells: SnapshotCell[] = [];
  const merges: string[] = [];
  let dimension: string | undefined;
  const shared = new Map<string, { formula: string; row: number; col: number }>();
  const p = partParser();

  let row = -1;
  let col = -1;
  // The cell being read.
  let type = '';
  let style = 0;
  let v: string | null = null;
  let f: string | null = null;
  let fShared: string | undefined;
  let fIsMaster = false;
  let inline: string[] | null = null;
  let capture: 'v' | 'f' | 't' | null = null;
  let phonetic = 0;
  let buf = '';
  let inCell = false;

  const finish = (): void => {
    let formula: string | null = f;
    if (fShared !== undefined) {
      if (fIsMaster && f) shared.set(fShared, { formula: f, row, col });
      else if (!f) {
        const m = shared.get(fShared);
        formula = m ? shiftFormula(m.formula, row - m.row, col - m.col) : null;
      }
    }
    const format = style ? ctx.formats[style] : undefined;
    let value: CellValue = null;
    if (type === 'inlineStr') value = inline ? decodeXstring(inline.join('')) : null;
    else if (v !== null) {
      switch (type) {
        case 's':
          value = ctx.sharedStrings[Number(v)] ?? null;
          break;
        case 'str':
          value = v;
          break;
        case 'b':
          value = parseInt(v, 10) !== 0;
          break;
        case 'e':
          value = { error: v };
          break;
        case 'd': {
          const d = new Date(v);
          value = Number.isNaN(d.getTime()) ? v : d.toISOString().slice(0, 10);
          break;
        }
        default: {
          const n = parseFloat(v);
          value = Number.isNaN(n) ? null : isDateFormat(format) ? serialToIsoDate(n, ctx.date1904) ?? n : n;
        }
      }
    }
    if ((value === null || value === '') && formula === null) return;
    if (++ctx.counter.cells > pkg.limits.cells) throw new XlsxApplyError('too-large', `More than ${pkg.limits.cells.toLocaleString('en-US')} non-empty cells.`);
    const cell: SnapshotCell = { row, col, value };
    if (formula !== null) cell.formula = `=${formula}`;
    if (format) cell.numberFormat = format;
    cells.push(cell);
  };

  p.on('opentag', (t) => {
    const a = t.attributes as Record<string, string>;
    switch (localName(t.name)) {
      case 'row': {
        const r = a.r === undefined ? row + 1 : Number(a.r) - 1;
        row = Number.isInteger(r) && r >= 0 && r <= MAX_ROW ? r : row + 1;
        col = -1;
        return;
      }
      case 'c': {
        const at = a.r === undefined ? null : cellRef(a.r);
        if (at) [row, col] = at;
        else col++;
        if (row < 0) row = 0;
        type = a.t ?? 'n';
        style = a.s === undefined ? 0 : Number(a.s) || 0;
        v = f = null;
        fShared = undefined;
        fIsMaster = false;
        inline = null;
        inCell = !t.isSelfClosing;
        if (t.isSelfClosing) finish();
        return;
      }
      case 'v':
        if (inCell) [capture, buf] = ['v', ''];
        return;
      case 'f':
        if (!inCell) return;
        if (a.t === 'shared' && a.si !== undefined) {
          fShared = a.si;
          fIsMaster = a.ref !== undefined;
        }
        [capture, buf] = ['f', ''];
        return;
      case 'is':
        if (inCell) inline = [];
        return;
      case 'rPh':
        phonetic++;
        return;
      case 't':
        if (inline && !phonetic) [capture, buf] = ['t', ''];
        return;
      case 'mergeCell':
        if (a.ref && rangeOf(a.ref)) merges.push(a.ref);
        return;
      case 'dimension':
        dimension = a.ref;
        return;
    }
  });
  p.on('text', (s) => {
    if (capture) buf += s;
  });
  p.on('cdata', (s) => {
    if (capture) buf += s;
  });
  p.on('closetag', (t) => {
    switch (localName(t.name)) {
      case 'v':
        if (capture === 'v') v = buf;
        capture = null;
        return;
      case 'f':
        if (capture === 'f') f = buf === '' ? null : buf;
        capture = null;
        return;
      case 't':
        if (capture === 't') inline?.push(buf);
        capture = null;
        return;
      case 'rPh':
        phonetic--;
        return;
      case 'c':
        if (inCell) finish();
        inCell = false;
        return;
    }
  });
  await pkg.parse(path, p);
  return { cells: dropMergedFollowers(cells, merges), merges, dimension };
}

/**
 * Excel shows only the top-left cell of a merged area; a value a generator left in another
 * cell of the area is not what a user sees, so it is dropped. Overlapping areas (which Excel
 * repairs) are kept in `merges` for a finding, not refused. Work is bounded by the rows that
 * hold cells, never by an area's size (a merge can span the whole sheet).
 */
function dropMergedFollowers(cells: SnapshotCell[], merges: string[]): SnapshotCell[] {
  if (!merges.length || !cells.length) return cells;
  const byRow = new Map<number, { col: number; i: number }[]>();
  cells.forEach((c, i) => {
    const line = byRow.get(c.row);
    if (line) line.push({ col: c.col, i });
    else byRow.set(c.row, [{ col: c.col, i }]);
  });
  const rows = [...byRow.keys()].sort((a, b) => a - b);
  for (const line of byRow.values()) line.sort((a, b) => a.col - b.col);
  const lowerBound = <T>(xs: T[], key: (x: T) => number, v: number) => {
    let lo = 0;
    let hi = xs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (key(xs[mid]) < v) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const drop = new Set<number>();
  let budget = 50_000_000;
  for (const m of merges) {
    const r = rangeOf(m)!;
    for (let k = lowerBound(rows, (x) => x, r.r0); k < rows.length && rows[k] <= r.r1; k++) {
      const line = byRow.get(rows[k])!;
      for (let j = lowerBound(line, (x) => x.col, r.c0); j < line.length && line[j].col <= r.c1; j++) {
        if (rows[k] !== r.r0 || line[j].col !== r.c0) drop.add(line[j].i);
      }
      if (--budget < 0) throw new XlsxApplyError('too-large', 'Too many merged areas over too many rows.');
    }
  }
  return drop.size ? cells.filter((_, i) => !drop.has(i)) : cells;
}
