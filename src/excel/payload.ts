/**
 * One payload budget for Office.js reads and writes, and the chunk planner both use. Pure: no
 * Office.js here, so the planner is unit-tested on numbers alone.
 *
 * Excel on the web refuses a request or a response over 5 MB
 * (https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization).
 * Each batch is planned to stay under PAYLOAD_BUDGET_BYTES by our estimate, and split only
 * when it would pass it.
 */

/** Excel on the web's limit for one request and for one response. */
export const EXCEL_WEB_PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;
/** What one batch may carry by our estimate (4 MiB): a fifth below the limit for the estimate's error. */
export const PAYLOAD_BUDGET_BYTES = 4 * 1024 * 1024;
/** Kept for the applier's callers: the write budget is the one budget. */
export const REQUEST_BUDGET_BYTES = PAYLOAD_BUDGET_BYTES;
/**
 * Office.js serialises each queued call as an action with its object paths and a type tag; a flat
 * charge per call that the strict fake's wire measurement stays under (test/excel/payload.test.ts).
 */
export const CALL_OVERHEAD_BYTES = 256;
/**
 * Response bytes per cell of a used-range read (values, valueTypes, formulas, numberFormat as
 * JSON): the generated city workbooks measure 38 on the strict fake; 48 leaves a margin. A sheet
 * of long texts can cost more, which is why a refused read is split and sent again.
 */
export const READ_CELL_BYTES = 48;
/** Response bytes of one range read besides its cells: address, property names, brackets. */
export const READ_PIECE_BYTES = 256;
/**
 * Cells per merged-area probe. getMergedAreasOrNullObject fails past 512 areas (Excel.Range
 * reference) and returns a null object, indistinguishable from "no merges"; a range of at most
 * 512 cells cannot hold more than 512 areas, so its null object means none.
 */
export const MERGE_PROBE_CELLS = 512;

/** UTF-8 length of a string without TextEncoder (Japanese text is 3 bytes a character). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4; // a surrogate pair is one 4-byte character
      i++;
    } else n += 3;
  }
  return n;
}

/** Estimated bytes a queued call adds to a request: its arguments as JSON plus the per-call overhead. */
export function estimateCallBytes(...args: unknown[]): number {
  return CALL_OVERHEAD_BYTES + utf8Length(JSON.stringify(args));
}

/**
 * One thing to send. Atomic items have no rows; a cell read or write can be split between rows:
 * each piece costs `overhead` plus the bytes of its rows.
 */
export interface PayloadItem {
  overhead: number;
  rowBytes?: number[];
}

/** Rows [rowStart, rowEnd) of item `item` (both 0 for an atomic item). */
export interface ChunkPiece {
  item: number;
  rowStart: number;
  rowEnd: number;
}

/**
 * Packs items, in order, into the fewest batches of at most `budget` bytes: each batch is
 * filled as far as it goes, and an item with rows that does not fit is split at a row boundary.
 * Order is kept (formats before values, values before tables and charts). When everything
 * fits, the result is one batch with every item whole, so small plans are never split.
 * Throws when one atomic item or one row alone exceeds the budget.
 */
export function planChunks(items: PayloadItem[], budget: number = PAYLOAD_BUDGET_BYTES): ChunkPiece[][] {
  const chunks: ChunkPiece[][] = [];
  let current: ChunkPiece[] = [];
  let room = budget;
  const newChunk = () => {
    chunks.push(current);
    current = [];
    room = budget;
  };
  items.forEach((it, index) => {
    const rows = it.rowBytes ?? [];
    if (rows.length === 0) {
      if (it.overhead > budget) throw new RangeError(`payload item ${index} (${it.overhead} B) exceeds the budget of ${budget} B`);
      if (it.overhead > room) newChunk();
      current.push({ item: index, rowStart: 0, rowEnd: 0 });
      room -= it.overhead;
      return;
    }
    let r = 0;
    while (r < rows.length) {
      let size = it.overhead;
      let end = r;
      while (end < rows.length && size + rows[end] <= room) size += rows[end++];
      if (end === r) {
        if (current.length === 0) throw new RangeError(`row ${r} of payload item ${index} exceeds the budget of ${budget} B`);
        newChunk();
        continue;
      }
      current.push({ item: index, rowStart: r, rowEnd: end });
      room -= size;
      r = end;
      if (r < rows.length) newChunk();
    }
  });
  if (current.length > 0 || chunks.length === 0) chunks.push(current);
  return chunks;
}

/** Estimated bytes of each chunk, by the items' own estimates. */
export function chunkBytes(items: PayloadItem[], chunks: ChunkPiece[][]): number[] {
  return chunks.map((chunk) =>
    chunk.reduce((sum, p) => {
      const it = items[p.item];
      const rows = (it.rowBytes ?? []).slice(p.rowStart, p.rowEnd).reduce((a, b) => a + b, 0);
      return sum + it.overhead + rows;
    }, 0),
  );
}

/** The response estimate of a block read: `rows` rows of `cols` cells, as one payload item. */
export function readItem(rows: number, cols: number): PayloadItem {
  return { overhead: READ_PIECE_BYTES, rowBytes: new Array<number>(rows).fill(cols * READ_CELL_BYTES) };
}
