/**
 * .xlsx → WorkbookSnapshot with exceljs (read-only: Hyōka never writes the user's
 * workbook back through exceljs — see applyPlan.ts). Values are the cached results
 * Excel saved, error values become {error}, formulas and merges are kept.
 */
import ExcelJS from 'exceljs';
import { toA1 } from '../core/a1';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../core/snapshot';

function toCellValue(v: ExcelJS.CellValue): { value: CellValue; formula: string | null } {
  if (v === null || v === undefined) return { value: null, formula: null };
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return { value: v, formula: null };
  if (v instanceof Date) return { value: v.toISOString().slice(0, 10), formula: null };
  const o = v as unknown as Record<string, unknown>;
  if (typeof o.error === 'string') return { value: { error: o.error }, formula: null };
  if ('formula' in o || 'sharedFormula' in o) {
    const inner = toCellValue((o.result ?? null) as ExcelJS.CellValue);
    const f = (o.formula ?? o.sharedFormula) as string | undefined;
    return { value: inner.value, formula: f ? `=${f}` : null };
  }
  if (Array.isArray(o.richText)) return { value: (o.richText as { text: string }[]).map((t) => t.text).join(''), formula: null };
  if (typeof o.text === 'string') return { value: o.text, formula: null };
  if (o.text && typeof o.text === 'object' && Array.isArray((o.text as { richText?: unknown }).richText)) {
    return { value: ((o.text as { richText: { text: string }[] }).richText).map((t) => t.text).join(''), formula: null };
  }
  return { value: String(v), formula: null };
}

export interface ReadXlsxOptions {
  /** Names of sheets Hyōka wrote earlier (from the package's ownership mark). */
  ownedSheets?: ReadonlySet<string>;
  source?: string;
}

export function worksheetSnapshot(ws: ExcelJS.Worksheet, owned: boolean): SheetSnapshot {
  let minR = Infinity;
  let minC = Infinity;
  let maxR = -1;
  let maxC = -1;
  const cells: { r: number; c: number; value: CellValue; formula: string | null; fmt: string | null }[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      // Merged slaves repeat the master's value in exceljs: keep the master only.
      if (cell.isMerged && cell.master && cell.master.address !== cell.address) return;
      const { value, formula } = toCellValue(cell.value);
      if (value === null && formula === null) return;
      const r = rowNumber - 1;
      const c = colNumber - 1;
      minR = Math.min(minR, r);
      minC = Math.min(minC, c);
      maxR = Math.max(maxR, r);
      maxC = Math.max(maxC, c);
      cells.push({ r, c, value, formula, fmt: cell.numFmt || null });
    });
  });
  const merges: string[] = Object.values((ws as unknown as { _merges?: Record<string, { range?: string; shortRange?: string }> })._merges ?? {})
    .map((m) => m.shortRange ?? m.range ?? '')
    .filter(Boolean);
  const state = (ws as unknown as { state?: string }).state;
  const visibility = state === 'hidden' ? 'hidden' : state === 'veryHidden' ? 'veryHidden' : 'visible';
  if (!cells.length) return { name: ws.name, origin: 'A1', values: [], formulas: [], numberFormats: [], merges, visibility, ownedByHyoka: owned };
  const h = maxR - minR + 1;
  const w = maxC - minC + 1;
  const values: CellValue[][] = Array.from({ length: h }, () => new Array<CellValue>(w).fill(null));
  const formulas: (string | null)[][] = Array.from({ length: h }, () => new Array<string | null>(w).fill(null));
  const numberFormats: (string | null)[][] = Array.from({ length: h }, () => new Array<string | null>(w).fill(null));
  for (const x of cells) {
    values[x.r - minR][x.c - minC] = x.value;
    formulas[x.r - minR][x.c - minC] = x.formula;
    numberFormats[x.r - minR][x.c - minC] = x.fmt;
  }
  return { name: ws.name, origin: toA1(minR, minC), values, formulas, numberFormats, merges, visibility, ownedByHyoka: owned };
}

/** Reads an .xlsx file's bytes into a snapshot. Throws what exceljs throws on a broken file. */
export async function readXlsxSnapshot(data: Uint8Array | ArrayBuffer, options: ReadXlsxOptions = {}): Promise<WorkbookSnapshot> {
  const wb = new ExcelJS.Workbook();
  const buf = data instanceof ArrayBuffer ? data : data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength);
  await wb.xlsx.load(buf as ArrayBuffer);
  const sheets: SheetSnapshot[] = [];
  wb.eachSheet((ws) => sheets.push(worksheetSnapshot(ws, options.ownedSheets?.has(ws.name) ?? false)));
  return { source: options.source, sheets };
}
