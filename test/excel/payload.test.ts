import { planChunks, utf8Length, estimateCallBytes, CALL_OVERHEAD_BYTES } from '../../src/excel/payload';

describe('planChunks', () => {
  test('everything that fits goes in one batch, whole', () => {
    expect(planChunks([{ overhead: 10 }, { overhead: 5, rowBytes: [10, 10] }, { overhead: 20 }], 100)).toEqual([
      [
        { item: 0, rowStart: 0, rowEnd: 0 },
        { item: 1, rowStart: 0, rowEnd: 2 },
        { item: 2, rowStart: 0, rowEnd: 0 },
      ],
    ]);
  });

  test('a cell write that does not fit is split at a row boundary, filling each batch', () => {
    // 10 + (5 + 4×20) = 95 ≤ 100; the 5th row opens a new batch.
    expect(planChunks([{ overhead: 10 }, { overhead: 5, rowBytes: [20, 20, 20, 20, 20, 20] }], 100)).toEqual([
      [
        { item: 0, rowStart: 0, rowEnd: 0 },
        { item: 1, rowStart: 0, rowEnd: 4 },
      ],
      [{ item: 1, rowStart: 4, rowEnd: 6 }],
    ]);
  });

  test('atomic items move whole to the next batch; order is kept', () => {
    const chunks = planChunks([{ overhead: 60 }, { overhead: 60 }, { overhead: 30 }], 100);
    expect(chunks.map((c) => c.map((p) => p.item))).toEqual([[0], [1, 2]]);
  });

  test('the fewest batches: total 1000 B of 10 B rows in 100 B batches with 0 overhead is 10 batches', () => {
    const chunks = planChunks([{ overhead: 0, rowBytes: new Array(100).fill(10) }], 100);
    expect(chunks).toHaveLength(10);
    for (const c of chunks) expect(c.reduce((s, p) => s + (p.rowEnd - p.rowStart) * 10, 0)).toBeLessThanOrEqual(100);
  });

  test('an item or a row larger than the budget is an error, not a silent overflow', () => {
    expect(() => planChunks([{ overhead: 101 }], 100)).toThrow(RangeError);
    expect(() => planChunks([{ overhead: 1, rowBytes: [200] }], 100)).toThrow(RangeError);
  });

  test('no items: one empty batch (the swap still needs its sync)', () => {
    expect(planChunks([], 100)).toEqual([[]]);
  });
});

describe('payload estimate', () => {
  test('counts UTF-8 bytes: Japanese text is 3 bytes a character, emoji 4', () => {
    expect(utf8Length('abc')).toBe(3);
    expect(utf8Length('評価')).toBe(6);
    expect(utf8Length('😀')).toBe(4);
    expect(utf8Length('é')).toBe(2);
  });
  test('a call costs its JSON arguments plus the per-call overhead', () => {
    expect(estimateCallBytes([['評価']])).toBe(CALL_OVERHEAD_BYTES + utf8Length('[[["評価"]]]'));
  });
});
