/**
 * Request-size estimation and chunk planning for Office.js batches. Pure: no Office.js here,
 * so the planner is unit-tested on numbers alone.
 *
 * Excel on the web rejects a request (and a response) over 5 MB. We keep each write batch
 * under REQUEST_BUDGET_BYTES, a margin below that, and split only when a batch would pass it.
 */

/** Excel on the web's per-request payload limit. */
export const EXCEL_WEB_PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;
/** What one write batch may carry by our estimate (≈ 4.5 MB): a margin for the estimate's error. */
export const REQUEST_BUDGET_BYTES = Math.floor(4.5 * 1024 * 1024);
/** Office.js serialises each queued call with object paths, ids and a type tag; a flat charge per call. */
export const CALL_OVERHEAD_BYTES = 256;

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
 * One thing to send. Atomic items have no rows; a cell write can be split between rows:
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
 * filled as far as it goes, and a cell write that does not fit is split at a row boundary.
 * Order is kept (formats before values, values before tables and charts). When everything
 * fits, the result is one batch with every item whole, so small plans are never split.
 * Throws when one atomic item or one row alone exceeds the budget.
 */
export function planChunks(items: PayloadItem[], budget: number = REQUEST_BUDGET_BYTES): ChunkPiece[][] {
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
