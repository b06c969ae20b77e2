/**
 * Office.js → WorkbookSnapshot (sparse: only non-empty cells, so memory follows the content),
 * within Excel on the web's 5 MB response limit at any workbook size:
 *   1. the sheet list (names, ids, visibility) and the workbook's ownership record (RECORD_NAME);
 *   2. per sheet, its custom properties (Hyōka's ownership mark) and the values-only used
 *      range's size — a sheet Hyōka wrote, by the ownership rule (src/core/ownership.ts, the
 *      same decision the .xlsx reader makes), is never read further; a copied or renamed summary
 *      sheet is the user's, read like any other and flagged with `keptMark`;
 *   3. the cells (values, valueTypes, formulas, numberFormat) and merged areas of the other
 *      sheets, in row bands packed into the fewest requests whose estimated response stays under
 *      the payload budget (payload.ts) — one request for an ordinary workbook.
 * So 3 syncs, plus one per extra chunk when the budget forces a split, plus one when a sheet's
 * used range is too large to read whole (a stray value at XFD1048576, an Excel 方眼紙): its
 * constants and formulas are located first and only the bands that hold them are read.
 * A read Excel refuses as too large anyway (long texts beat the estimate) is split in two and
 * sent again.
 *
 * Requires ExcelApi 1.13 (getMergedAreasOrNullObject; customProperties 1.12; special cells 1.9).
 */
import { parseRange, rangeA1 } from '../core/a1';
import { decideOwnership, parseRecord } from '../core/ownership';
import type { SheetSnapshot, SnapshotCell, WorkbookSnapshot } from '../core/snapshot';
import { markOf, RECORD_NAME } from './names';
import { MERGE_PROBE_CELLS, PAYLOAD_BUDGET_BYTES, READ_CELL_BYTES, planChunks, readItem } from './payload';
import { cellsOf, localAddress, splitAreas, type RangeMatrices } from './readCells';

export { isDateFormat, originOf, serialToIsoDate, splitAreas } from './readCells';

const VISIBILITY: Record<string, SheetSnapshot['visibility']> = {
  Visible: 'visible',
  Hidden: 'hidden',
  VeryHidden: 'veryHidden',
};

export interface ReadOptions {
  /** Sheets read so far of all sheets. */
  onProgress?: (done: number, total: number) => void;
  /** Estimated response bytes one request may carry (default PAYLOAD_BUDGET_BYTES); tests lower it. */
  budgetBytes?: number;
  /** Calls that ride along with the first sync (the build's run lock): queued before it, checked after. */
  withFirstSync?: { queue(): void; after(): void };
}

/** A rectangle of one sheet to read: rows [r0, r0 + rows), columns [c0, c0 + cols). */
interface Block {
  sheet: number;
  r0: number;
  c0: number;
  rows: number;
  cols: number;
}

/** Rows [rowStart, rowEnd) of a block, read in one range load. */
interface Piece {
  block: Block;
  rowStart: number;
  rowEnd: number;
}

/** Thrown inside a read to have it split: Excel refused the response or returned no cells. */
function isTooLarge(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === 'ResponsePayloadSizeLimitExceeded' || code === 'RequestPayloadSizeLimitExceeded' || code === 'TooLargeToRead';
}

/**
 * Blocks to read from a sheet's content areas (its constants and formulas): areas on touching
 * rows are read together when their bounding box stays small — at most twice their cells, plus a
 * little — so a column of values and one stray cell far to the right stay two small reads.
 */
export function contentBands(areas: { r0: number; c0: number; r1: number; c1: number }[], sheet: number): Block[] {
  const sorted = [...areas].sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0);
  const out: Block[] = [];
  const size = (b: { r0: number; c0: number; r1: number; c1: number }) => (b.r1 - b.r0 + 1) * (b.c1 - b.c0 + 1);
  type Open = { r0: number; r1: number; c0: number; c1: number; cells: number };
  let cur: Open | null = null;
  const close = () => cur && out.push({ sheet, r0: cur.r0, c0: cur.c0, rows: cur.r1 - cur.r0 + 1, cols: cur.c1 - cur.c0 + 1 });
  for (const a of sorted) {
    if (cur && a.r0 <= cur.r1 + 1) {
      const open: Open = cur;
      const union = { r0: open.r0, r1: Math.max(open.r1, a.r1), c0: Math.min(open.c0, a.c0), c1: Math.max(open.c1, a.c1) };
      const cells: number = open.cells + size(a);
      if (size(union) <= 2 * cells + 64) {
        cur = { ...union, cells };
        continue;
      }
    }
    close();
    cur = { ...a, cells: size(a) };
  }
  close();
  return out;
}

/** Probes of at most MERGE_PROBE_CELLS cells covering rows [r0, r1) × columns [c0, c0 + cols). */
function mergeProbes(r0: number, r1: number, c0: number, cols: number): string[] {
  const out: string[] = [];
  const colStep = Math.min(cols, MERGE_PROBE_CELLS);
  const rowStep = Math.max(1, Math.floor(MERGE_PROBE_CELLS / colStep));
  for (let r = r0; r < r1; r += rowStep) {
    for (let c = c0; c < c0 + cols; c += colStep) out.push(rangeA1(r, c, Math.min(r1, r + rowStep) - 1, Math.min(c0 + cols, c + colStep) - 1));
  }
  return out;
}

export async function readWorkbookSnapshot(context: Excel.RequestContext, opts: ReadOptions = {}): Promise<WorkbookSnapshot> {
  const budget = opts.budgetBytes ?? PAYLOAD_BUDGET_BYTES;
  const sync = () => context.sync();

  // ── Sync 1: the sheet list and the ownership record.
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name,items/id,items/visibility');
  const recordName = context.workbook.names.getItemOrNullObject(RECORD_NAME);
  recordName.load('formula');
  opts.withFirstSync?.queue();
  await context.sync();
  opts.withFirstSync?.after();
  const items = worksheets.items;
  const total = items.length;
  opts.onProgress?.(0, total);

  // ── Sync 2: ownership marks and used-range sizes.
  const probes = items.map((ws) => {
    const props = ws.customProperties;
    props.load('items/key,items/value');
    // valuesOnly: a sheet formatted down to row 1,048,576 must not be read as a million empty rows.
    const used = ws.getUsedRangeOrNullObject(true);
    used.load('address,rowIndex,columnIndex,rowCount,columnCount');
    return { props, used };
  });
  await sync();

  const record = recordName.isNullObject ? undefined : parseRecord(String(recordName.formula));
  const ownership = decideOwnership(
    record,
    items.map((ws, index) => ({ index, name: ws.name, id: ws.id, mark: markOf(probes[index].props.items) })),
  );
  const owned = new Set(ownership.owned.map((o) => o.index));
  const kept = new Map(ownership.kept.map((k) => [k.index, k.reason]));
  const sheets: SheetSnapshot[] = items.map((ws, i) => {
    const { used } = probes[i];
    const s: SheetSnapshot = { name: ws.name, cells: [], merges: [], visibility: VISIBILITY[ws.visibility] ?? 'visible', ownedByHyoka: owned.has(i) };
    const reason = kept.get(i);
    if (reason) s.keptMark = reason;
    if (!used.isNullObject) s.dimension = localAddress(used.address);
    return s;
  });
  const toRead = items.map((_, i) => i).filter((i) => !sheets[i].ownedByHyoka && !probes[i].used.isNullObject);
  // Reading a used range whole costs more than two requests: locate its content first.
  const dense = (i: number) => probes[i].used.rowCount * probes[i].used.columnCount * READ_CELL_BYTES <= 2 * budget;
  const blocks: Block[] = toRead.filter(dense).map((i) => {
    const u = probes[i].used;
    return { sheet: i, r0: u.rowIndex, c0: u.columnIndex, rows: u.rowCount, cols: u.columnCount };
  });

  const sparse = toRead.filter((i) => !dense(i));
  if (sparse.length > 0) {
    const found = sparse.map((i) => {
      const whole = items[i].getRange(localAddress(probes[i].used.address));
      const kinds = ['Constants', 'Formulas'] as Excel.SpecialCellType[];
      return kinds.map((k) => whole.getSpecialCellsOrNullObject(k).load('address'));
    });
    await sync();
    sparse.forEach((i, j) => {
      const areas = found[j].flatMap((a) => (a.isNullObject ? [] : splitAreas(a.address, items[i].name)));
      const boxes = areas.map((a) => {
        const { start, end } = parseRange(a);
        return { r0: start.row, c0: start.col, r1: end.row, c1: end.col };
      });
      blocks.push(...contentBands(boxes, i));
    });
  }

  // ── Sync 3 (+ one per extra chunk): cells and merged areas, in the fewest budgeted requests.
  const remaining = new Map<number, number>();
  for (const b of blocks) remaining.set(b.sheet, (remaining.get(b.sheet) ?? 0) + b.rows);
  let done = total - remaining.size;
  opts.onProgress?.(done, total);
  const cells: SnapshotCell[][] = items.map(() => []);
  // Blocks from content areas may overlap: each cell is kept once.
  const seen: Set<number>[] = items.map(() => new Set());
  const merges: Set<string>[] = items.map(() => new Set());

  const readPieces = async (pieces: Piece[]): Promise<void> => {
    const loads = pieces.map((p) => {
      const ws = items[p.block.sheet];
      const { r0, c0, cols } = p.block;
      const range = ws.getRange(rangeA1(r0 + p.rowStart, c0, r0 + p.rowEnd - 1, c0 + cols - 1));
      range.load('values,valueTypes,formulas,numberFormat');
      const areas = mergeProbes(r0 + p.rowStart, r0 + p.rowEnd, c0, cols).map((a) => ws.getRange(a).getMergedAreasOrNullObject().load('address'));
      return { p, range, areas };
    });
    try {
      await sync();
      // A range past Excel's read limits comes back without its cells: never read that as empty.
      if (loads.some((l) => l.range.values === null || l.range.valueTypes === null)) throw Object.assign(new Error('cells not returned'), { code: 'TooLargeToRead' });
    } catch (e) {
      const rows = pieces.reduce((n, p) => n + p.rowEnd - p.rowStart, 0);
      if (!isTooLarge(e) || rows <= 1) throw e;
      // Split in two halves by rows and send each again.
      let half = Math.ceil(rows / 2);
      const first: Piece[] = [];
      const second: Piece[] = [];
      for (const p of pieces) {
        const n = p.rowEnd - p.rowStart;
        if (half >= n) first.push(p);
        else if (half <= 0) second.push(p);
        else {
          first.push({ ...p, rowEnd: p.rowStart + half });
          second.push({ ...p, rowStart: p.rowStart + half });
        }
        half -= n;
      }
      await readPieces(first);
      await readPieces(second);
      return;
    }
    for (const { p, range, areas } of loads) {
      const i = p.block.sheet;
      for (const c of cellsOf(range as unknown as RangeMatrices, p.block.r0 + p.rowStart, p.block.c0)) {
        const key = c.row * 16384 + c.col;
        if (seen[i].has(key)) continue;
        seen[i].add(key);
        cells[i].push(c);
      }
      for (const a of areas) if (!a.isNullObject) for (const m of splitAreas(a.address, items[i].name)) merges[i].add(m);
      const left = (remaining.get(i) ?? 0) - (p.rowEnd - p.rowStart);
      remaining.set(i, left);
      if (left === 0) opts.onProgress?.(++done, total);
    }
  };

  const chunks = planChunks(blocks.map((b) => readItem(b.rows, b.cols)), budget);
  for (const chunk of chunks) {
    if (chunk.length > 0) await readPieces(chunk.map((c) => ({ block: blocks[c.item], rowStart: c.rowStart, rowEnd: c.rowEnd })));
  }

  sheets.forEach((s, i) => {
    s.cells = cells[i].sort((a, b) => a.row - b.row || a.col - b.col);
    s.merges = [...merges[i]];
  });
  return { source: 'Excel', sheets };
}
