/** A sheet snapshot seen as a grid of cells with absolute (sheet) coordinates. */
import { parseA1, toA1 } from './a1';
import { cellText, labelKey } from './normalize';
import { labelIds, type LabelId } from './labels';
import type { SourceRef } from './model';
import type { CellValue, SheetSnapshot } from './snapshot';

export interface GridCell {
  row: number;
  col: number;
  value: CellValue;
  /** Trimmed display text. */
  text: string;
  /** labelKey(text) for comparing with label variants; '' for texts too long to be a label. */
  key: string;
  /** The label ids the cell carries (usually none), looked up once. */
  ids: ReadonlySet<LabelId>;
}

const MAX_LABEL_LENGTH = 64;

/** "0%", "0.0%" — a % outside quotes and brackets. */
function isPercentFormat(f: string | null | undefined): boolean {
  return typeof f === 'string' && /%/.test(f.replace(/"[^"]*"|\[[^\]]*\]/g, ''));
}

/** Does a cell carry label `id`? */
export function hasLabel(cell: GridCell | undefined, id: LabelId): boolean {
  return cell !== undefined && cell.ids.has(id);
}

/** The cells of a row that holds none (shared: a far cell must not cost a million empty arrays). */
const NO_CELLS: GridCell[] = Object.freeze([]) as unknown as GridCell[];

export class Grid {
  readonly name: string;
  readonly rowCount: number;
  /** Rows that hold cells, by index: a map, so a cell at row 1,048,575 costs one entry, not a million. */
  private readonly rowsByIndex = new Map<number, GridCell[]>();
  private readonly rowIndex: number[];
  private readonly byPos = new Map<number, GridCell>();

  /** `file`: the workbook, when several are read together; every SourceRef the grid makes then names it. */
  constructor(
    readonly sheet: SheetSnapshot,
    readonly file?: string,
  ) {
    this.name = sheet.name;
    const rows = this.rowsByIndex;
    const add = (r: number, c: number, raw: CellValue | undefined, format: string | null | undefined): void => {
      if (raw === null || raw === undefined || raw === '') return;
      // A number shown as a percentage (0.85 as "85%") reads as staff see it: 85.
      const value = typeof raw === 'number' && isPercentFormat(format) ? Number((raw * 100).toPrecision(12)) : raw;
      const text = cellText(value);
      if (text === '') return;
      // Labels are short: a long text (a paragraph, markup) is never compared with one.
      // Numbers, booleans and error values are never labels either.
      const key = typeof value !== 'string' || text.length > MAX_LABEL_LENGTH ? '' : labelKey(text);
      const cell: GridCell = { row: r, col: c, value, text, key, ids: labelIds(key) };
      const pos = r * 16384 + c;
      if (this.byPos.has(pos)) return;
      const line = rows.get(r);
      if (line) line.push(cell);
      else rows.set(r, [cell]);
      this.byPos.set(pos, cell);
    };
    if (Array.isArray(sheet.cells)) {
      for (const x of sheet.cells) {
        if (x && Number.isInteger(x.row) && Number.isInteger(x.col) && x.row >= 0 && x.col >= 0 && x.col < 16384) add(x.row, x.col, x.value, x.numberFormat);
      }
      for (const line of rows.values()) line.sort((a, b) => a.col - b.col);
    } else {
      const origin = sheet.origin ? parseA1(sheet.origin) : { row: 0, col: 0 };
      const values = Array.isArray(sheet.values) ? sheet.values : [];
      const formats = Array.isArray(sheet.numberFormats) ? sheet.numberFormats : [];
      values.forEach((line, i) => {
        if (!Array.isArray(line)) return;
        line.forEach((raw, j) => add(origin.row + i, origin.col + j, raw, formats[i]?.[j]));
      });
    }
    this.rowIndex = [...rows.keys()].sort((a, b) => a - b);
    this.rowCount = this.rowIndex.length ? this.rowIndex[this.rowIndex.length - 1] + 1 : 0;
  }

  /** Non-empty cells of a row, left to right. */
  row(r: number): GridCell[] {
    return this.rowsByIndex.get(r) ?? NO_CELLS;
  }

  at(r: number, c: number): GridCell | undefined {
    return this.byPos.get(r * 16384 + c);
  }

  /** Indexes of the rows in [from, to) that hold anything, ascending (an array: the reader's hot loop). */
  nonEmptyRows(from = 0, to = this.rowCount): number[] {
    const idx = this.rowIndex;
    let lo = 0;
    let hi = idx.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (idx[mid] < from) lo = mid + 1;
      else hi = mid;
    }
    const out: number[] = [];
    for (let i = lo; i < idx.length && idx[i] < to; i++) out.push(idx[i]);
    return out;
  }

  /** The first non-empty cell right of (r, c). */
  rightOf(r: number, c: number): GridCell | undefined {
    return this.row(r).find((x) => x.col > c);
  }

  ref(r: number, c: number): SourceRef {
    return this.file === undefined ? { sheet: this.name, address: toA1(r, c) } : { sheet: this.name, address: toA1(r, c), file: this.file };
  }

  get cellCount(): number {
    return this.byPos.size;
  }

  /** Every non-empty cell, row by row. */
  cells(): GridCell[] {
    const out: GridCell[] = [];
    for (const r of this.rowIndex) for (const c of this.rowsByIndex.get(r)!) out.push(c);
    return out;
  }
}
