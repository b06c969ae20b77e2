import { htmlTables, htmlToText, labelKey, nameKey, parseFiscalYear, parseNumber, toThousandYen } from '../../src/core/normalize';
import { isLabel } from '../../src/core/labels';
import { parseTextTarget } from '../../src/core/read/policyField/textTargets';

describe('parseNumber', () => {
  it.each([
    [1566, 'number', 1566, ''],
    ['1,566', 'number', 1566, ''],
    ['１，５６６', 'number', 1566, ''],
    ['9,755千円', 'number', 9755, '千円'],
    ['▲300', 'number', -300, ''],
    ['△1.5', 'number', -1.5, ''],
    ['85%', 'number', 85, '%'],
    ['８５％', 'number', 85, '%'],
    ['75人', 'number', 75, '人'],
    ['12事業', 'number', 12, '事業'],
    ['34万円', 'number', 34, '万円'],
    [0, 'number', 0, ''],
    ['0', 'number', 0, ''],
    [null, 'missing', null, ''],
    ['', 'missing', null, ''],
    ['-', 'missing', null, ''],
    ['―', 'missing', null, ''],
    ['—', 'missing', null, ''],
    ['－', 'missing', null, ''],
    ['未集計', 'pending', null, ''],
    ['集計中', 'pending', null, ''],
    ['調査中', 'pending', null, ''],
    [{ error: '#DIV/0!' }, 'error', null, ''],
    ['#N/A', 'error', null, ''],
    ['およそ2人', 'invalid', null, ''],
    ['12abc', 'invalid', null, ''],
    [true, 'invalid', null, ''],
  ])('%p → %s %p %p', (input, state, value, unit) => {
    const p = parseNumber(input as never);
    expect(p.state).toBe(state);
    expect(p.value).toBe(value);
    expect(p.unit).toBe(unit);
  });
  it('keeps missing apart from zero', () => {
    expect(parseNumber('-').value).toBeNull();
    expect(parseNumber(0).value).toBe(0);
  });
  it('converts money units to 千円', () => {
    expect(toThousandYen(60, '万円')).toBe(600);
    expect(toThousandYen(5000, '円')).toBe(5);
    expect(toThousandYen(3, '人')).toBeNull();
  });
});

describe('parseFiscalYear', () => {
  it.each([
    ['令和元年度', 2019],
    ['令和4年度', 2022],
    ['令和４年度', 2022],
    ['R4', 2022],
    ['R4年度', 2022],
    ['R.5', 2023],
    ['r6', 2024],
    ['H30', 2018],
    ['平成30年度', 2018],
    ['2022年度', 2022],
    ['FY2022', 2022],
    [2022, 2022],
    ['令和5年度 (予算)', 2023],
    ['令和6年度\n(見込み)', 2024],
  ])('%p → %p', (input, fy) => {
    expect(parseFiscalYear(input)?.fiscalYear).toBe(fy);
  });
  it('reads the finance basis', () => {
    expect(parseFiscalYear('令和5年度 (予算)')?.basis).toBe('budget');
    expect(parseFiscalYear('令和6年度 (見込み)')?.basis).toBe('estimate');
    expect(parseFiscalYear('R3決算')?.basis).toBe('settlement');
  });
  it.each([[73], ['目標'], ['令和'], ['R99'], ['最終目標'], [null]])('%p is not a year', (v) => {
    expect(parseFiscalYear(v as never)).toBeNull();
  });
});

describe('labels', () => {
  it.each([
    ['指 標 名', 'kpiName'],
    ['指標名', 'kpiName'],
    ['目標値', 'target'],
    ['目標', 'target'],
    ['実績値', 'actual'],
    ['法定／自主', 'legalBasis'],
    ['法定/自主', 'legalBasis'],
    ['概要 (目的と内容)', 'overview'],
    ['財務内容 単位(千円)', 'finance'],
    ['これまでの 取組状況 (主な取組と 成果)', 'progress'],
    ['事業の検証 (課題認識/今 後の方針・改 善点)', 'projectVerification'],
    ['最終目標', 'finalTarget'],
    ['最終目標\n(R8)', 'finalTarget'],
  ] as const)('%p is %s', (text, id) => {
    expect(isLabel(labelKey(text), id)).toBe(true);
  });
  it('does not take a value for a label', () => {
    expect(isLabel(labelKey('目標を下回った'), 'target')).toBe(false);
    expect(isLabel(labelKey('事業費の削減'), 'projectCost')).toBe(false);
  });
});

describe('markup in cells', () => {
  it('turns paragraphs and lists into lines, never keeping tags', () => {
    const t = htmlToText('<p>【1】一つ目</p> <p>【2】二つ目</p><ul style="x"><li>項目A</li><li>項目B</li></ul>');
    expect(t).toBe('【1】一つ目\n【2】二つ目\n・項目A\n・項目B');
  });
  it('drops script and style content and decodes entities', () => {
    expect(htmlToText('<script>alert(1)</script>A &amp; B &lt;x&gt;<img src=x onerror="alert(1)">')).toBe('A & B <x>');
  });
  it('reads tables inside a cell', () => {
    const html = '<table border="1"><thead><tr><th></th><th>目標</th><th>実績</th></tr></thead><tbody><tr><td>令和3年度</td><td>物品/60万円以上</td><td>34万円</td></tr></tbody></table>';
    expect(htmlTables(html)).toEqual([[['', '目標', '実績'], ['令和3年度', '物品/60万円以上', '34万円']]]);
  });
  it('reads text targets', () => {
    expect(parseTextTarget('物品/60万円以上')).toEqual({ item: '物品', target: 60, unit: '万円', comparator: 'atLeast' });
    expect(parseTextTarget('役務/1,700万円以上')).toEqual({ item: '役務', target: 1700, unit: '万円', comparator: 'atLeast' });
    expect(parseTextTarget('10件以下')).toEqual({ item: '', target: 10, unit: '件', comparator: 'atMost' });
    expect(parseTextTarget('34万円')).toBeNull();
  });
  it('compares project names across the list and the blocks', () => {
    expect(nameKey('市民協働推進事業（市民活動への参加）')).toBe(nameKey('市民協働推進事業(市民活動への参加)'));
    expect(nameKey('栄町第二庁舎活用事業')).not.toBe(nameKey('栄町第二庁舎利活用事業'));
  });
});

describe('money units on labels', () => {
  it.each([
    ['事業費（千円）', 'projectCost'],
    ['事業費 (単位：千円)', 'projectCost'],
    ['所要一般財源(円)', 'generalFund'],
    ['一般財源等', 'generalFund'],
    ['概算人件費（千円）', 'personnelCost'],
  ] as const)('%p is %s', (text, id) => {
    expect(isLabel(labelKey(text), id)).toBe(true);
  });
  it('keeps the finance header label whole', () => {
    expect(isLabel(labelKey('財務内容 単位(千円)'), 'finance')).toBe(true);
  });
});
