import { readWorkbookSnapshot, splitAreas, isDateFormat } from '../../src/excel/readWorkbook';
import { FakeExcel, type SheetInit } from './fakeExcel';

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
    merges: ['B2:C2', 'E10:F10'],
  },
  { name: 'My sheet, 2', visibility: 'Hidden', values: [['x']], merges: ['A1:B1'] },
  { name: '評価サマリー', props: { 'hyoka.owner': 'hyoka', 'hyoka.key': 'evaluation' }, values: [['s']] },
  { name: 'Notes', props: { 'hyoka.owner': 'someone-else' }, values: [[null, 'y']] },
  { name: 'Empty' },
];

describe('readWorkbookSnapshot (Office.js, strict fake)', () => {
  test('reads every sheet in exactly 2 syncs: values, errors, formulas, formats, merges, marks', async () => {
    const fx = new FakeExcel(SHEETS);
    const progress: [number, number][] = [];
    const snap = await readWorkbookSnapshot(fx.context, (d, t) => progress.push([d, t]));
    expect(fx.syncs).toBe(2);
    expect(snap.source).toBe('Excel');
    expect(snap.sheets.map((s) => s.name)).toEqual(['政策9', 'My sheet, 2', '評価サマリー', 'Notes', 'Empty']);
    expect(snap.sheets[0]).toEqual({
      name: '政策9',
      origin: 'B2',
      values: [
        ['指標名', '目標', null],
        ['参加者数', 1566, { error: '#DIV/0!' }],
        [3132, '=1+1', true],
        ['2023-03-15', null, '#N/A'],
      ],
      formulas: [
        [null, null, null],
        [null, null, null],
        ['=C3*2', null, null],
        [null, null, null],
      ],
      numberFormats: [
        [null, null, null],
        [null, '#,##0', null],
        [null, '@', null],
        ['yyyy/m/d', null, null],
      ],
      merges: ['B2:C2', 'E10:F10'],
      visibility: 'visible',
      ownedByHyoka: false,
    });
    // The text "#N/A" typed by a user is text, not an error value.
    expect(snap.sheets[0].values?.[3][2]).toBe('#N/A');
    expect(snap.sheets[1]).toMatchObject({ origin: 'A1', merges: ['A1:B1'], visibility: 'hidden', ownedByHyoka: false });
    expect(snap.sheets[2].ownedByHyoka).toBe(true);
    expect(snap.sheets[3]).toMatchObject({ origin: 'B1', values: [['y']], ownedByHyoka: false });
    expect(snap.sheets[4]).toEqual({ name: 'Empty', origin: 'A1', values: [], formulas: [], numberFormats: [], merges: [], visibility: 'visible', ownedByHyoka: false });
    expect(progress[0]).toEqual([0, 5]);
    expect(progress[progress.length - 1]).toEqual([5, 5]);
  });

  test('the sync count does not grow with the number of sheets (1 vs 50)', async () => {
    const counts: number[] = [];
    for (const n of [1, 50]) {
      const fx = new FakeExcel(Array.from({ length: n }, (_, i) => ({ name: `S${i}`, values: [[i, `v${i}`]], merges: i % 2 ? ['A3:B3'] : [] })));
      const snap = await readWorkbookSnapshot(fx.context);
      expect(snap.sheets).toHaveLength(n);
      expect(snap.sheets[n - 1].values).toEqual([[n - 1, `v${n - 1}`]]);
      counts.push(fx.syncs);
    }
    expect(counts).toEqual([2, 2]);
  });

  test('a sheet with more than 512 merged areas costs one more sync and no merges, not a failure', async () => {
    const merges = Array.from({ length: 600 }, (_, i) => `A${i + 1}:B${i + 1}`);
    const fx = new FakeExcel([{ name: 'Many', values: [['a']], merges }, { name: 'Other', values: [[1]], merges: ['C1:D1'] }]);
    const snap = await readWorkbookSnapshot(fx.context);
    expect(fx.syncs).toBe(3);
    expect(snap.sheets[0].values).toEqual([['a']]);
    expect(snap.sheets.map((s) => s.merges)).toEqual([undefined, undefined]);
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
