/** The shared table primitives, each with the forms sheets write and the near misses. */
import { Grid } from '../../../src/core/grid';
import { joinDigits, leadingNumber, normalizeCode } from '../../../src/core/read/shared/codes';
import { columnHeaders, isFillerRow } from '../../../src/core/read/shared/headerBand';
import { dominantEra, evaluationYearOf, headerYear } from '../../../src/core/read/shared/headerYear';
import { financeItemOf, gradeStageOf, gradeValueOf, indicatorKindOf, indicatorRoleOf, indicatorSlotOf, termKey } from '../../../src/core/read/shared/terms';
import { yearAxisAt } from '../../../src/core/read/shared/yearAxis';
import { yearBlocks } from '../../../src/core/read/shared/yearBlocks';

describe('headerYear', () => {
  it.each([
    ['令和5年度', 2023, null],
    ['R5決算', 2023, 'settlement'],
    ['事業費（R6予算）', 2024, 'budget'],
    ['令和元年度見込', 2019, 'estimate'],
    ['2023年度実績', 2023, 'settlement'],
    ['平成30年度', 2018, null],
    ['令和５年度', 2023, null],
    ['R7計画', 2025, 'plan'],
  ])('%s → %d (%s)', (text, year, basis) => {
    expect(headerYear(text)).toMatchObject({ fiscalYear: year, basis, relative: false });
  });
  it('reads a bare "24年度予算額" only with the era of the sheet', () => {
    expect(headerYear('24年度予算額')).toBeNull();
    expect(headerYear('24年度予算額', { era: '平成' })).toMatchObject({ fiscalYear: 2012, basis: 'budget', eraFromContext: true });
  });
  it('resolves 前年度 / 評価年度 / 次年度 against the evaluation year, and says so', () => {
    expect(headerYear('前年度（決算）')).toBeNull();
    expect(headerYear('前年度（決算）', { evaluationYear: 2023 })).toMatchObject({ fiscalYear: 2022, basis: 'settlement', relative: true });
    expect(headerYear('評価年度', { evaluationYear: 2023 })?.fiscalYear).toBe(2023);
    expect(headerYear('次年度（予算）', { evaluationYear: 2023 })?.fiscalYear).toBe(2024);
  });
  it('is not fooled by phone numbers, codes or long text', () => {
    expect(headerYear('0192-27-3111')).toBeNull();
    expect(headerYear('62102')).toBeNull();
    expect(headerYear('事業の概要を具体的に記入してください。'.repeat(3))).toBeNull();
  });
  it('reads a 年度 cell that gives no era as 令和 and marks it inferred', () => {
    expect(evaluationYearOf(7, null)).toEqual({ fiscalYear: 2025, inferred: true });
    expect(evaluationYearOf(2025, null)).toEqual({ fiscalYear: 2025, inferred: false });
    expect(evaluationYearOf('令和7年度', null)).toEqual({ fiscalYear: 2025, inferred: false });
    expect(evaluationYearOf(30, '平成')).toEqual({ fiscalYear: 2018, inferred: true });
    expect(dominantEra(['令和4年度', 'R5', 'H30'])).toBe('令和');
  });
});

describe('terms', () => {
  it.each([
    ['国庫支出金', 'national'],
    ['都道府県支出金', 'prefectural'],
    ['県支出金', 'prefectural'],
    ['地方債（起債）', 'bonds'],
    ['その他', 'other'],
    ['一般財源', 'generalFund'],
    ['事業費計  （A）', 'projectCost'],
    ['①事業費', 'projectCost'],
    ['正規職員従事人数', 'staff'],
    ['人工', 'staff'],
    ['延べ業務時間', 'hours'],
    ['正規職員所要時間', 'hours'],
    ['平均人件費', 'personnelRate'],
    ['人件費計  (B)', 'personnelCost'],
    ['④職員費(②×③)', 'personnelCost'],
    ['トータルコスト(A)＋(B)', 'totalCost'],
    ['⑤総事業費(①+④)', 'totalCost'],
    ['令和5年度決算額', 'projectCost'],
    ['R4決算\nその他', 'other'],
  ])('%s is %s', (label, item) => expect(financeItemOf(termKey(label))).toBe(item));
  it.each(['⑥ 事業費の削減余地', '⑦ 人件費（延べ業務時間）の削減余地', '事務事業の概要', '予算科目（款）', '担当課'])('%s is not money', (label) =>
    expect(financeItemOf(termKey(label))).toBeNull(),
  );
  it('reads indicator kinds, slots and roles from composed headers', () => {
    const k = termKey('⑦ 成果指標（対象における意図の達成度を表す指標）\nサ：名称');
    expect(indicatorKindOf(k)).toBe('outcome');
    expect(indicatorSlotOf(k)).toBe('サ');
    expect(indicatorRoleOf(k)).toBe('name');
    expect(indicatorKindOf(termKey('⑥対象指標\nカ'))).toBe('target-population');
    expect(indicatorSlotOf(termKey('⑤活動指標\nア'))).toBe('ア');
    expect(indicatorRoleOf(termKey('実績値・計画値'))).toBe('combined');
    expect(indicatorRoleOf(termKey('成果指標ア\n目標'))).toBe('target');
    expect(indicatorRoleOf(termKey('基準値(R1)'))).toBe('baseline');
    expect(indicatorRoleOf(termKey('達成率'))).toBe('rate');
  });
  it('keeps the long vowel of words (コード) and folds dashes between digits', () => {
    expect(termKey('施策コード')).toBe('施策コード');
    expect(termKey('1ー2')).toBe('1-2');
  });
  it('reads grades written in the sheet', () => {
    expect(gradeStageOf(termKey('一次評価（担当課）'))).toBe('primary');
    expect(gradeStageOf(termKey('二次評価'))).toBe('secondary');
    expect(gradeStageOf(termKey('施策の評価'))).toBe('overall');
    expect(gradeValueOf('Ｂ')).toBe('B');
    expect(gradeValueOf('A 順調')).toBe('A');
    expect(gradeValueOf('拡充')).toBe('拡充');
    expect(gradeValueOf('Aランクを目指す取組が必要である')).toBeNull();
  });
});

describe('codes', () => {
  it('joins split digits and normalizes codes', () => {
    expect(joinDigits([{ place: 1, text: '0' }, { place: 0, text: '6' }])).toBe('6');
    expect(joinDigits([{ place: 0, text: '1' }, { place: 1, text: '2' }])).toBe('21');
    expect(normalizeCode('０６－２１－０２')).toBe('6-21-2');
    expect(leadingNumber('1-2 子育て支援の充実')).toEqual({ no: '1-2', rest: '子育て支援の充実' });
    expect(leadingNumber('第2章 安心なまち')).toEqual({ no: '2', rest: '安心なまち' });
    expect(leadingNumber('子育て支援の充実')).toBeNull();
  });
});

describe('header bands and year blocks', () => {
  it('spreads a merged group label over the columns it spans and skips filler rows', () => {
    const g = new Grid({
      name: 'S',
      cells: [
        ...[0, 1, 2, 3].map((c) => ({ row: 0, col: c, value: '調整用（このセルには必ず何か入力していること）' })),
        { row: 1, col: 2, value: '令和4年度' },
        { row: 2, col: 0, value: '事務事業名' },
        { row: 2, col: 2, value: '事業費' },
        { row: 2, col: 3, value: '一般財源' },
      ],
      merges: ['C2:D2'],
    });
    expect(isFillerRow(g, 0)).toBe(true);
    expect(isFillerRow(g, 2)).toBe(false);
    const h = columnHeaders(g, [1, 2]);
    expect(h.map((x) => [x.col, x.parts])).toEqual([
      [0, ['事務事業名']],
      [2, ['令和4年度', '事業費']],
      [3, ['令和4年度', '一般財源']],
    ]);
  });
  it('cuts unlabelled columns at their regular repetition and leaves out a stray total before the first block', () => {
    const cols = [{ col: 1, item: 'total', year: null, yearText: '' }];
    for (let k = 0; k < 3; k++) for (const [i, item] of ['a', 'b', 'total'].entries()) cols.push({ col: 10 + k * 3 + i, item, year: null, yearText: '' });
    const blocks = yearBlocks(cols);
    expect(blocks.map((b) => [b.yearsBeforeEvaluation, b.columns.map((c) => c.col)])).toEqual([
      [2, [10, 11, 12]],
      [1, [13, 14, 15]],
      [0, [16, 17, 18]],
    ]);
  });
  it('groups labelled columns by year and basis', () => {
    const y = (fiscalYear: number, basis: 'settlement' | 'budget') => ({ fiscalYear, basis, relative: false, eraFromContext: false });
    const blocks = yearBlocks([
      { col: 1, item: 'cost', year: y(2022, 'settlement'), yearText: 'R4決算' },
      { col: 2, item: 'gf', year: y(2022, 'settlement'), yearText: 'R4決算' },
      { col: 3, item: 'cost', year: y(2023, 'budget'), yearText: 'R5予算' },
    ]);
    expect(blocks.map((b) => [b.fiscalYear, b.basis, b.columns.length])).toEqual([
      [2022, 'settlement', 2],
      [2023, 'budget', 1],
    ]);
  });
});

describe('year axes', () => {
  const grid = (rows: (string | number | null)[][], merges: string[] = []) =>
    new Grid({ name: 'S', cells: rows.flatMap((r, i) => r.map((v, j) => ({ row: i, col: j, value: v })).filter((x) => x.value !== null)), merges });
  it('finds years in a row, with a 目標 | 実績 sub-header under merged years', () => {
    const g = grid(
      [
        ['指標名', '単位', '令和4年度', null, '令和5年度', null, '最終目標値'],
        [null, null, '目標', '実績', '目標', '実績'],
      ],
      ['C1:D1', 'E1:F1'],
    );
    const a = yearAxisAt(g, 0, {})!;
    expect(a.subRow).toBe(1);
    expect(a.columns.map((c) => [c.col, c.fiscalYear, c.role])).toEqual([
      [2, 2022, 'target'],
      [3, 2022, 'actual'],
      [4, 2023, 'target'],
      [5, 2023, 'actual'],
    ]);
    expect(a.extras.map((x) => x.role)).toEqual(['finalTarget']);
  });
  it('does not take a row of values for years (その他 | 2000 | 2000)', () => {
    expect(yearAxisAt(grid([['その他', 2000, 2000, 2000]]), 0, {})).toBeNull();
    expect(yearAxisAt(grid([['区分', 2021, 2022, 2023]]), 0, {})?.columns.map((c) => c.fiscalYear)).toEqual([2021, 2022, 2023]);
  });
});
