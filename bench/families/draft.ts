/**
 * A sheet being written by a fixture generator: cells and merges, turned into a snapshot
 * (for fast in-memory tests) or written into an exceljs worksheet (for committed .xlsx files).
 */
import type ExcelJS from 'exceljs';
import { rangeA1, toA1 } from '../../src/core/a1';
import type { CellValue, SheetSnapshot } from '../../src/core/snapshot';

export type Value = string | number | null;

export class SheetDraft {
  private readonly cells = new Map<string, { r: number; c: number; v: Value }>();
  readonly merges: string[] = [];
  /** The next free row (writers append downwards). */
  row = 0;

  constructor(readonly name: string) {}

  put(r: number, c: number, v: Value): this {
    if (v === null || v === '') this.cells.delete(`${r},${c}`);
    else this.cells.set(`${r},${c}`, { r, c, v });
    this.row = Math.max(this.row, r + 1);
    return this;
  }

  /** Writes values left to right from (r, c); null leaves a cell empty. */
  line(r: number, c: number, values: Value[]): this {
    values.forEach((v, i) => this.put(r, c + i, v));
    return this;
  }

  merge(r0: number, c0: number, r1: number, c1: number): this {
    if (r1 > r0 || c1 > c0) this.merges.push(rangeA1(r0, c0, r1, c1));
    return this;
  }

  snapshot(): SheetSnapshot {
    const cells = [...this.cells.values()].sort((a, b) => a.r - b.r || a.c - b.c).map((x) => ({ row: x.r, col: x.c, value: x.v as CellValue }));
    return { name: this.name, cells, merges: [...this.merges] };
  }

  writeTo(ws: ExcelJS.Worksheet): void {
    for (const { r, c, v } of this.cells.values()) ws.getCell(toA1(r, c)).value = v;
    for (const m of this.merges) ws.mergeCells(m);
  }
}
