import { readWorkbookSnapshot, splitAreas, isDateFormat } from '../../src/excel/readWorkbook';
import { contentBands } from '../../src/excel/readWorkbook';
import { EXCEL_WEB_PAYLOAD_LIMIT_BYTES, PAYLOAD_BUDGET_BYTES } from '../../src/excel/payload';
import { FakeExcel, type SheetInit } from './fakeExcel';
import { applyPlanInExcel } from '../../src/excel/applyPlan';
import { makePlan, markAsHyoka, SOURCE_SHEETS } from './planFixtures';

const SHEETS: SheetInit[] = [
  {
    name: '政策9',
    origin: 'B2',
    values: [
      ['指標名', '目標', null],
      ['参加者数', 1566, { error: '#DIV/0!' }],
      [{ formula: '=C3*2', value: 3132 }, { text: '=1+1' }, true],
      [45000, null, '#N/A'],
    ],
    numberFormats: { C3: '#,##0', B5: 'yyyy/m/d' },
    // E10:F10 holds no value: outside the used range of values, so not read.
    merges: ['B2:C2', 'E10:F10'],
  },
  { name: 'My sheet, 2', visibility: 'Hidden', values: [['x']], merges: ['A1:B1'] },
  // Made Hyōka's (mark and record) by markAsHyoka where a test needs it.
  { name: '評価サマリー', values: [['s']] },
  { name: 'Notes', props: { 'hyoka.owner': 'someone-else' }, values: [[null, 'y']] },
  { name: 'Empty' },
];

/** A sheet of `rows` × `cols` Japanese texts (about `chars` characters each). */
function textSheet(name: string, rows: number, cols: number, chars = 10): SheetInit {
  return { name, values: Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => `${'評価'.repeat(chars / 2)}${r}-${c}`)) };
}

describe('readWorkbookSnapshot (Office.js, strict fake)', () => {
  test('reads every sheet in 3 syncs: sparse cells with errors, formulas, formats; merges; marks', async () => {
    const fx = new FakeExcel(SHEETS);
    markAsHyoka(fx, { 評価サマリー: 'evaluation' });
    const progress: [number, number][] = [];
    const snap = await readWorkbookSnapshot(fx.context, { onProgress: (d, t) => progress.push([d, t]) });
    expect(fx.syncs).toBe(3);
    expect(snap.source).toBe('Excel');
    expect(snap.sheets.map((s) => s.name)).toEqual(['政策9', 'My sheet, 2', '評価サマリー', 'Notes', 'Empty']);
    expect(snap.sheets[0]).toEqual({
      name: '政策9',
      dimension: 'B2:D5',
      cells: [
        { row: 1, col: 1, value: '指標名' },
        { row: 1, col: 2, value: '目標' },
        { row: 2, col: 1, value: '参加者数' },
        { row: 2, col: 2, value: 1566, numberFormat: '#,##0' },
        { row: 2, col: 3, value: { error: '#DIV/0!' } },
        { row: 3, col: 1, value: 3132, formula: '=C3*2' },
        { row: 3, col: 2, value: '=1+1', numberFormat: '@' },
        { row: 3, col: 3, value: true },
        { row: 4, col: 1, value: '2023-03-15', numberFormat: 'yyyy/m/d' },
        // The text "#N/A" typed by a user is text, not an error value.
        { row: 4, col: 3, value: '#N/A' },
      ],
      merges: ['B2:C2'],
      visibility: 'visible',
      ownedByHyoka: false,
    });
    expect(snap.sheets[1]).toMatchObject({ cells: [{ row: 0, col: 0, value: 'x' }], merges: ['A1:B1'], visibility: 'hidden', ownedByHyoka: false });
    expect(snap.sheets[2]).toMatchObject({ ownedByHyoka: true, cells: [] });
    expect(snap.sheets[3]).toMatchObject({ cells: [{ row: 0, col: 1, value: 'y' }], ownedByHyoka: false });
    expect(snap.sheets[4]).toEqual({ name: 'Empty', cells: [], merges: [], visibility: 'visible', ownedByHyoka: false });
    expect(progress[0]).toEqual([0, 5]);
    expect(progress[progress.length - 1]).toEqual([5, 5]);
  });

  test('the sync count does not grow with the number of sheets (1 vs 50)', async () => {
    const counts: number[] = [];
    for (const n of [1, 50]) {
      const fx = new FakeExcel(Array.from({ length: n }, (_, i) => ({ name: `S${i}`, values: [[i, `v${i}`]], merges: i % 2 ? ['A1:A2'] : [] })));
      const snap = await readWorkbookSnapshot(fx.context);
      expect(snap.sheets).toHaveLength(n);
      expect(snap.sheets[n - 1].cells).toEqual([
        { row: 0, col: 0, value: n - 1 },
        { row: 0, col: 1, value: `v${n - 1}` },
      ]);
      counts.push(fx.syncs);
    }
    expect(counts).toEqual([3, 3]);
  });

  test("never reads the values of Hyōka's own sheets: a large previous summary costs nothing", async () => {
    const fx = new FakeExcel([{ name: '政策1', values: [['指標名', '目標']] }, textSheet('評価サマリー', 2000, 12)]);
    markAsHyoka(fx, { 評価サマリー: 'evaluation' });
    const snap = await readWorkbookSnapshot(fx.context);
    expect(snap.sheets[1]).toMatchObject({ name: '評価サマリー', ownedByHyoka: true, cells: [], dimension: 'A1:L2000' });
    expect(snap.sheets[0].cells).toHaveLength(2);
    // The summary holds about 1.5 MB of text; the whole read answers in a few kilobytes.
    expect(fx.responseBytes.reduce((a, b) => a + b, 0)).toBeLessThan(5_000);
  });

  test("ownership by the rule, as the .xlsx reader decides it: a copied or renamed summary sheet is the user's, read and flagged", async () => {
    const fx = new FakeExcel(SOURCE_SHEETS);
    await applyPlanInExcel(fx.context, makePlan(3));
    // Excel's "copy sheet" copies the custom properties, so the copy carries the whole mark.
    fx.copySheetAsUser('検証結果', '検証結果 (2)');
    const log = fx.state.sheets.find((s) => s.name === '実行ログ');
    if (log) log.name = '実行ログ 2024';
    const from = fx.syncs;
    const snap = await readWorkbookSnapshot(fx.context);
    expect(fx.syncs - from).toBe(3);
    const by = (name: string) => snap.sheets.find((s) => s.name === name);
    expect(by('評価サマリー')).toMatchObject({ ownedByHyoka: true, cells: [] });
    expect(by('評価サマリー')?.keptMark).toBeUndefined();
    expect(by('検証結果')).toMatchObject({ ownedByHyoka: true, cells: [] });
    const copy = by('検証結果 (2)');
    expect(copy).toMatchObject({ ownedByHyoka: false, keptMark: 'copied' });
    expect(copy?.cells?.length).toBeGreaterThan(0);
    expect(by('実行ログ 2024')).toMatchObject({ ownedByHyoka: false, keptMark: 'renamed' });
    expect(by('政策9')?.keptMark).toBeUndefined();

    // A mark without the workbook's record (an old mark, or the record removed) is never Hyōka's.
    fx.state.names = [];
    const orphaned = await readWorkbookSnapshot(fx.context);
    expect(orphaned.sheets.filter((s) => s.ownedByHyoka)).toEqual([]);
    expect(orphaned.sheets.find((s) => s.name === '評価サマリー')).toMatchObject({ keptMark: 'otherRun' });
  });

  test('a sheet with more than 512 merged areas: every area is read, no extra sync (Excel returns null past 512)', async () => {
    // Excel 方眼紙: 600 merged pairs, each holding a label.
    const values = Array.from({ length: 600 }, (_, i) => [`項目${i}`, null]);
    const merges = Array.from({ length: 600 }, (_, i) => `A${i + 1}:B${i + 1}`);
    const fx = new FakeExcel([{ name: 'Many', values, merges }, { name: 'Other', values: [[1]], merges: ['A1:A2'] }]);
    const snap = await readWorkbookSnapshot(fx.context);
    expect(fx.syncs).toBe(3);
    expect(new Set(snap.sheets[0].merges)).toEqual(new Set(merges));
    expect(snap.sheets[1].merges).toEqual(['A1:A2']);
    // The fake does answer null past 512: the witness can fail.
    const whole = fx.context.workbook.worksheets.getItem('Many').getRange('A1:B600').getMergedAreasOrNullObject();
    whole.load('address');
    await fx.context.sync();
    expect(whole.isNullObject).toBe(true);
  });

  test('a workbook whose read would pass 5 MB is read in the fewest budgeted requests, the same as unchunked', async () => {
    const sheets = Array.from({ length: 16 }, (_, i) => textSheet(`政策${i + 1}`, 600, 20, 0));
    const fx = new FakeExcel(sheets);
    const snap = await readWorkbookSnapshot(fx.context);
    const valueReads = fx.syncs - 2;
    expect(valueReads).toBeGreaterThan(1);
    expect(Math.max(...fx.responseBytes)).toBeLessThanOrEqual(PAYLOAD_BUDGET_BYTES);
    // Fewest by the estimate: one request fewer could not carry the estimated cells.
    const cells = 16 * 600 * 20;
    expect(valueReads).toBe(Math.ceil((cells * 48) / PAYLOAD_BUDGET_BYTES));
    const whole = new FakeExcel(sheets);
    whole.responseLimitBytes = Number.MAX_SAFE_INTEGER;
    const one = await readWorkbookSnapshot(whole.context, { budgetBytes: Number.MAX_SAFE_INTEGER });
    expect(whole.syncs).toBe(3);
    expect(Math.max(...whole.responseBytes)).toBeGreaterThan(EXCEL_WEB_PAYLOAD_LIMIT_BYTES);
    expect(snap).toEqual(one);
  });

  test('a read Excel refuses as too large (texts longer than the estimate) is split and sent again', async () => {
    const sheets = [textSheet('長文', 300, 10, 100)];
    const fx = new FakeExcel(sheets);
    // Long comments: about 640 bytes a cell against the estimate's 48.
    fx.responseLimitBytes = 400_000;
    const snap = await readWorkbookSnapshot(fx.context);
    expect(snap.sheets[0].cells).toHaveLength(3000);
    expect(fx.refusedResponses.length).toBeGreaterThan(0);
    expect(fx.syncs).toBeGreaterThan(3);
    expect(Math.max(...fx.responseBytes)).toBeLessThanOrEqual(400_000);
    const ref = new FakeExcel(sheets);
    ref.responseLimitBytes = Number.MAX_SAFE_INTEGER;
    expect(await readWorkbookSnapshot(ref.context)).toEqual(snap);
  });

  test('a used range past 5 million cells (a stray value at XFD1048576) is read by its content, not whole', async () => {
    const fx = new FakeExcel([
      { name: '方眼紙', values: [['政策分野', '施策'], ['指標', 12]], cells: [{ row: 1048575, col: 16383, value: 'x' }] },
    ]);
    const snap = await readWorkbookSnapshot(fx.context);
    expect(snap.sheets[0].dimension).toBe('A1:XFD1048576');
    expect(snap.sheets[0].cells).toEqual([
      { row: 0, col: 0, value: '政策分野' },
      { row: 0, col: 1, value: '施策' },
      { row: 1, col: 0, value: '指標' },
      { row: 1, col: 1, value: 12 },
      { row: 1048575, col: 16383, value: 'x' },
    ]);
    expect(fx.syncs).toBe(4);
    expect(Math.max(...fx.responseBytes)).toBeLessThan(10_000);
  });

  test('content bands: touching areas read together while small; a far cell on the same rows stays apart', () => {
    // A list in column A (rows 1–100 000) and one stray value at XFD50000.
    expect(contentBands([{ r0: 0, c0: 0, r1: 99999, c1: 0 }, { r0: 49999, c0: 16383, r1: 49999, c1: 16383 }], 1)).toEqual([
      { sheet: 1, r0: 0, c0: 0, rows: 100000, cols: 1 },
      { sheet: 1, r0: 49999, c0: 16383, rows: 1, cols: 1 },
    ]);
    expect(
      contentBands(
        [
          { r0: 0, c0: 0, r1: 1, c1: 1 },
          { r0: 2, c0: 3, r1: 2, c1: 3 },
          { r0: 1048575, c0: 16383, r1: 1048575, c1: 16383 },
        ],
        0,
      ),
    ).toEqual([
      { sheet: 0, r0: 0, c0: 0, rows: 3, cols: 4 },
      { sheet: 0, r0: 1048575, c0: 16383, rows: 1, cols: 1 },
    ]);
  });

  test('the strict fake refuses unloaded reads (the witness can fail)', async () => {
    const fx = new FakeExcel([{ name: 'A', values: [[1]] }]);
    const sheets = fx.context.workbook.worksheets;
    expect(() => sheets.items).toThrow(/PropertyNotLoaded/);
    sheets.load('items/name');
    expect(() => sheets.items).toThrow(/PropertyNotLoaded/);
    await fx.context.sync();
    expect(sheets.items[0].name).toBe('A');
    expect(() => sheets.items[0].visibility).toThrow(/PropertyNotLoaded/);
    expect(() => (sheets as unknown as { getCount(): void }).getCount()).toThrow(/not implemented/);
  });

  test('splitAreas keeps sheet names with commas and quotes out of the split', () => {
    expect(splitAreas("'a,b''c'!A1:B2, 'a,b''c'!$C$3:$D$3", "a,b'c")).toEqual(['A1:B2', 'C3:D3']);
    expect(splitAreas('Sheet1!A1:B2,Sheet1!C3:D4', 'Sheet1')).toEqual(['A1:B2', 'C3:D4']);
  });

  test.each([
    ['yyyy/m/d', true],
    ['[$-ja-JP]ggge"年"m"月"d"日"', true],
    ['h:mm', true],
    ['General', false],
    ['#,##0"千円"', false],
    ['0.00E+00', false],
    ['0.0%', false],
    [null, false],
  ])('isDateFormat(%s) = %s', (f, want) => expect(isDateFormat(f)).toBe(want));
});
