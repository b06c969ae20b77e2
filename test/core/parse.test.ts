/** Layouts the generator does not write: two fields on one sheet, blocks on their own sheet, joined cells, % formats. */
import { analyzeWorkbook } from '../../src/core/analyze';
import type { CellValue, WorkbookSnapshot } from '../../src/core/snapshot';
import { Grid } from '../../src/core/grid';

const fieldSheet = (id: string, name: string): CellValue[][] => [
  [`政策分野${id}　${name}`],
  ['重要業績評価指標の達成状況'],
  [null, '指標名', null, '単位'],
  [`1 ${name}の満足度`, null, null, '%'],
  [null, '年度', 'R4', 'R5', '最終目標（R8）', '検証'],
  [null, '目標', 0.8, 0.82, 0.9, '満足度は上昇した。'],
  [null, '実績', 0.81, '集計中'],
  ['5 事務事業一覧'],
  ['番号', '事務事業名', '次年度方針', '担当部・課'],
  [`施策1 ${name}の推進`],
  [1, `${name}推進事業`, '継続', '市民部 市民課'],
  [2, `${name}広報事業`, '拡充', '市民部 広報課'],
];

function snap(): WorkbookSnapshot {
  const a = fieldSheet('10', '文化');
  const b = fieldSheet('11', 'スポーツ');
  const fmt = (rows: CellValue[][]) => rows.map((r, i) => r.map((_, j) => (i === 5 || i === 6) && j >= 2 && j <= 4 ? '0%' : null));
  const details: CellValue[][] = [
    ['施策1 スポーツの推進'],
    [1, '事業名', 'スポーツ推進事業', '法定/自主', '自主'],
    [null, '担当部・課', '市民部 市民課', '次年度方針', '継続'],
    [null, '概要', '推進する。', '財務内容　単位（千円）', 'R5当初予算', 'R6見込'],
    [null, null, null, '事業費', '1,200', '1,300'],
    [null, null, null, '所要一般財源', '1,500', '900'],
    ['概算人件費', null, null, 300, 300],
  ];
  return {
    sheets: [
      { name: '政策分野10・11', origin: 'B2', values: [...a, [], ...b], numberFormats: [...fmt(a), [], ...fmt(b)] },
      { name: '政策分野11_事業', origin: 'A1', values: details },
    ],
  };
}

const model = analyzeWorkbook(snap());

it('reads two fields from one sheet and the details sheet as project blocks', () => {
  expect(model.sheets.map((s) => [s.kind, s.policyFields ?? null])).toEqual([
    ['policyField', ['10', '11']],
    ['projectDetails', null],
  ]);
  expect(model.policyFields.map((f) => [f.id, f.name, f.sheet])).toEqual([
    ['10', '文化', '政策分野10・11'],
    ['11', 'スポーツ', '政策分野10・11'],
  ]);
});

it('splits a KPI number and name typed in one cell, reads % formats as shown, and the final-target year', () => {
  const k = model.policyFields[1].indicators[0];
  expect(k).toMatchObject({ no: 1, name: 'スポーツの満足度', unit: '%', finalTarget: 90, finalTargetYear: 2026, verification: '満足度は上昇した。' });
  expect(k.years.map((y) => [y.fiscalYear, y.target, y.actual, y.status])).toEqual([
    [2022, 80, 81, 'achieved'],
    [2023, 82, null, 'pending'],
  ]);
  expect(k.source).toEqual({ sheet: '政策分野10・11', address: 'B18' });
});

it('joins the details sheet to field 11 by its name, reads 当初予算 / 見込 years, and flags what is wrong', () => {
  const f11 = model.policyFields[1];
  const [p1, p2] = f11.measures[0].projects;
  expect(p1).toMatchObject({ name: 'スポーツ推進事業', listName: 'スポーツ推進事業', hasDetail: true, inList: true, legalBasis: '自主' });
  expect(p1.finance.map((y) => [y.fiscalYear, y.basis, y.projectCost, y.generalFund, y.personnelCost])).toEqual([
    [2023, 'budget', 1200, 1500, 300],
    [2024, 'estimate', 1300, 900, 300],
  ]);
  expect(p1.source).toEqual({ sheet: '政策分野11_事業', address: 'C2' });
  expect(p2).toMatchObject({ hasDetail: false, inList: true });
  const rules = model.findings.map((f) => `${f.rule} ${f.policyField} ${f.project ?? ''} ${f.sheet}!${f.address}`);
  expect(rules).toContain('finance-general-fund-exceeds-cost 11 1-1 政策分野11_事業!E5');
  expect(rules).toContain('project-missing-detail 11 1-2 政策分野10・11!C26');
  expect(rules).toContain('project-missing-detail 10 1-1 政策分野10・11!C12');
  expect(rules).toContain('kpi-pending-actual 10  政策分野10・11!E8');
});

it('takes the field from the sheet name when no cell carries the heading, and only then', () => {
  const rows = fieldSheet('12', '子育て').slice(1);
  const m = analyzeWorkbook({
    sheets: [
      { name: '政策分野12_子育て', origin: 'A1', values: rows },
      { name: '政策分野13 メモ', origin: 'A1', values: [['打合せ'], ['目標を見直す']] },
    ],
  });
  expect(m.sheets.map((s) => s.kind)).toEqual(['policyField', 'unknown']);
  expect(m.sheets[0].reason).toMatch(/sheet name says 政策分野12/);
  expect(m.policyFields.map((f) => [f.id, f.name])).toEqual([['12', '子育て']]);
  expect(m.policyFields[0].indicators[0]).toMatchObject({ no: 1, name: '子育ての満足度', finalTarget: 0.9 });
  expect(m.policyFields[0].measures[0].projects).toHaveLength(2);
});

it('offers gap closure from a baseline column for a decrease KPI', () => {
  const m = analyzeWorkbook({
    sheets: [
      {
        name: 'S',
        origin: 'A1',
        values: [
          ['政策分野20 安全'],
          ['重要業績評価指標の達成状況'],
          [null, '指標名', null, '単位'],
          [1, '交通事故件数', null, '件'],
          [null, '年度', '基準値(R3)', 'R4', 'R5', '最終目標', '検証'],
          [null, '目標', null, 90, 80, 60, '啓発を進める'],
          [null, '実績', 100, 85, 84],
        ],
      },
    ],
  });
  const k = m.policyFields[0].indicators[0];
  expect(k).toMatchObject({ direction: 'decrease', baseline: 100 });
  expect(k.years.map((y) => [y.fiscalYear, y.status, y.gapClosureRate])).toEqual([
    [2022, 'achieved', 1.5],
    [2023, 'notAchieved', 0.8],
  ]);
  expect(k.years[1].achievementRate).toBeCloseTo(80 / 84);
});

it('reads finance years from a header row without a 財務内容 label, in 円 with three bases', () => {
  const m = analyzeWorkbook({
    sheets: [
      {
        name: 'S',
        origin: 'A1',
        values: [
          ['政策分野21 環境'],
          ['5 事務事業一覧'],
          ['番号', '事務事業名', '次年度方針'],
          ['施策1 環境の保全'],
          [1, 'ごみ減量推進事業', '継続'],
          ['施策1 環境の保全'],
          [1, '事業名', 'ごみ減量推進事業', '法定／自主', '自主'],
          [null, '担当部・課', '環境部 環境課', '次年度方針', '継続'],
          [null, '（単位：円）', 'R4決算', 'R5予算', 'R6見込'],
          [null, '事業費', '1,000', '2,000', '3,000'],
          [null, '所要一般財源', '500', '-', '2,500'],
          [null, '概算人件費', 10, 20, 30],
        ],
      },
    ],
  });
  const p = m.policyFields[0].measures[0].projects[0];
  expect(p.finance.map((y) => [y.fiscalYear, y.basis, y.projectCost, y.generalFund, y.personnelCost])).toEqual([
    [2022, 'settlement', 1000, 500, 10],
    [2023, 'budget', 2000, null, 20],
    [2024, 'estimate', 3000, 2500, 30],
  ]);
  expect(p.financeUnit).toBe('円');
  expect(m.policyFields[0].moneyUnit).toBe('円');
});

it('reads 【施策1】 headings, "1-2" project numbers and finance years on the row under 財務内容', () => {
  const m = analyzeWorkbook({
    sheets: [
      {
        name: 'S',
        origin: 'A1',
        values: [
          ['政策分野22 文化'],
          ['事務事業一覧'],
          ['番号', '事務事業名', '次年度方針'],
          ['【施策1】文化の振興'],
          ['1-1', '文化振興事業', '継続'],
          ['1-2', '美術館管理事業', '継続'],
          ['【施策2】文化財の保存'],
          ['No.1', '文化財保存事業', '拡充'],
          [],
          ['1-2', '事業名', '美術館管理事業', '法定／自主', '自主'],
          [null, '担当部・課', '教育委員会 文化課', '次年度方針', '継続'],
          [null, '財務内容（単位：千円）'],
          [null, null, 'R5(予算)', 'R6(見込み)'],
          [null, '事業費', '２，０００', '▲100'],
        ],
      },
    ],
  });
  const [m1, m2] = m.policyFields[0].measures;
  expect([m1.no, m1.name, m1.projects.map((p) => [p.no, p.listName, p.hasDetail])]).toEqual([
    1,
    '文化の振興',
    [
      [1, '文化振興事業', false],
      [2, '美術館管理事業', true],
    ],
  ]);
  expect([m2.no, m2.name, m2.projects.map((p) => p.no)]).toEqual([2, '文化財の保存', [1]]);
  expect(m1.projects[1].finance.map((y) => [y.fiscalYear, y.basis, y.projectCost])).toEqual([
    [2023, 'budget', 2000],
    [2024, 'estimate', -100],
  ]);
});

it('judges the trajectory from the baseline when there is a single actual', () => {
  const m = analyzeWorkbook({
    sheets: [
      {
        name: 'S',
        origin: 'A1',
        values: [
          ['政策分野23 協働'],
          ['重要業績評価指標の達成状況'],
          [1, '協働事業数', null, '事業'],
          [null, '年度', '基準値(R3)', 'R4', 'R5', 'R6', '最終目標(R8)', '検証'],
          [null, '目標', null, 73, 76, 79, 85, '影響があった'],
          [null, '実績', 70, 71],
        ],
      },
    ],
  });
  const k = m.policyFields[0].indicators[0];
  expect(k).toMatchObject({ baseline: 70, baselineYear: 2021, finalTargetYear: 2026 });
  // From 71 in 2022 to 85 by 2026 needs 3.5 a year; from the baseline the pace has been 1 a year.
  expect(k.trajectory).toMatchObject({ requiredPace: 3.5, observedPace: 1, verdict: 'offTrack' });
  expect(m.findings.map((f) => f.rule)).toContain('kpi-off-track-final');
});

it('reads KPI tables turned on their side (one row per year), drifting rows included', () => {
  const m = analyzeWorkbook({
    sheets: [
      {
        name: 'S',
        origin: 'B2',
        values: [
          ['政策分野24 健康'],
          ['重要業績評価指標の達成状況'],
          ['1', '特定健診受診率', '%', '受診者数÷対象者数'],
          ['年度', '目標', '実績', '検証'],
          ['R4', 60, 55.5, '受診勧奨を強化する'],
          ['R5', 62, '集計中'],
          [null, 'R6', 64, '-'],
          ['最終目標(R8)', 70],
          ['2', '交通事故件数の減少', '件'],
          ['年度', '目標値', '実績値'],
          ['2022年度', 300, 280],
          ['2023年度', 290, 295],
        ],
      },
    ],
  });
  const [k1, k2] = m.policyFields[0].indicators;
  expect(k1).toMatchObject({ no: 1, name: '特定健診受診率', unit: '%', definition: '受診者数÷対象者数', finalTarget: 70, finalTargetYear: 2026, verification: '受診勧奨を強化する' });
  expect(k1.years.map((y) => [y.fiscalYear, y.target, y.actual, y.status])).toEqual([
    [2022, 60, 55.5, 'notAchieved'],
    [2023, 62, null, 'pending'],
    [2024, 64, null, 'future'],
  ]);
  expect(k2).toMatchObject({ no: 2, direction: 'decrease' });
  expect(k2.years.map((y) => [y.fiscalYear, y.status])).toEqual([
    [2022, 'achieved'],
    [2023, 'notAchieved'],
  ]);
  expect(m.findings.find((f) => f.rule === 'kpi-below-target' && f.indicator === 2)?.address).toBe('D13');
});

describe('sparse snapshots', () => {
  it('reads the same grid from the sparse and the dense form', () => {
    const dense = { name: 'S', origin: 'B2', values: [['政策分野9 社会参画', null], [null, 0.5]], numberFormats: [[null, null], [null, '0%']] };
    const sparse = { name: 'S', cells: [{ row: 2, col: 2, value: 0.5, numberFormat: '0%' }, { row: 1, col: 1, value: '政策分野9 社会参画' }] };
    const a = new Grid(dense);
    const b = new Grid(sparse);
    expect(b.cells().map((c) => [c.row, c.col, c.value])).toEqual(a.cells().map((c) => [c.row, c.col, c.value]));
    expect(b.at(2, 2)?.value).toBe(50);
  });
});
