/**
 * Every rule in the catalog fires on a fixture made to trigger it and stays silent on a
 * clean one. The clean field meets every check; each case changes one thing.
 */
import { analyzeWorkbook } from '../../src/core/analyze';
import { RULES } from '../../src/core/rules';
import type { CellValue, WorkbookSnapshot } from '../../src/core/snapshot';
import { Cell, fieldRows, GenField, SEED_VARIANT } from '../../bench/generate';
import { FAMILY_TRIGGERS } from './families/ruleCases';

function cleanField(): GenField {
  const project = (no: number, name: string) => ({
    no,
    name,
    listName: name,
    dept: '市民部 協働推進課',
    legal: '自主',
    policy: '継続',
    finance: { cost: [1000, 1200] as [number, number], general: [500, 600] as [number, number], personnel: [300, 300] as [number, number] },
    detail: true,
  });
  return {
    id: '12',
    name: '協働',
    financeYears: [2023, 2024],
    kpis: [
      { no: 1, name: '協働事業数', unit: '事業', definition: '調査の結果', years: [2022, 2023, 2024], targets: [100, 110, 120], actuals: [105, 125, null], finalTarget: 140, verification: '順調に推移した。' },
      { no: 2, name: '交通事故件数の減少', unit: '件', definition: '警察統計', years: [2022, 2023, 2024], targets: [50, 45, 40], actuals: [48, 40, null], finalTarget: 30, verification: '啓発を進めた。' },
    ],
    measures: [
      { no: 1, name: '協働の推進', content: '協働を推進します。', projects: [project(1, '協働推進事業'), project(2, '市民活動支援事業')] },
      { no: 2, name: '交通安全', content: '交通安全を進めます。', projects: [project(1, '交通安全啓発事業')] },
    ],
  };
}

function snapshot(rows: Cell[][] | CellValue[][]): WorkbookSnapshot {
  return { sheets: [{ name: '政策分野12', origin: 'A1', values: rows as CellValue[][] }] };
}

function rowsOf(f: GenField): CellValue[][] {
  return fieldRows(f, SEED_VARIANT) as CellValue[][];
}

function findRow(rows: CellValue[][], pred: (r: CellValue[]) => boolean, from = 0): number {
  for (let i = from; i < rows.length; i++) if (rows[i] && pred(rows[i])) return i;
  throw new Error('row not found');
}

const has = (r: CellValue[], s: string) => r.some((c) => c === s);

/** Each case: how to break the clean field so that the rule must fire. */
const TRIGGERS: Record<string, (f: GenField) => CellValue[][] | WorkbookSnapshot> = {
  // Overlapping merged areas (Excel repairs them): a finding, never a refusal (issue 13).
  'sheet-merges-overlap': (f) => ({ sheets: [{ name: '政策分野12', origin: 'A1', values: rowsOf(f), merges: ['A1:C1', 'B1:B3', 'E5:F5'] }] }),
  // A copied summary sheet: the user's, kept, and said so.
  'sheet-kept-mark': (f) => ({ sheets: [{ name: '政策分野12', origin: 'A1', values: rowsOf(f), keptMark: 'copied' }] }),
  'kpi-below-target': (f) => {
    f.kpis[0].actuals = [90, 125, null];
    return rowsOf(f);
  },
  'kpi-missing-actual': (f) => {
    f.kpis[0].actuals = [105, null, null];
    f.kpis[1].actuals = [48, 40, null];
    return rowsOf(f);
  },
  'kpi-pending-actual': (f) => {
    f.kpis[0].actuals = [105, '集計中', null];
    return rowsOf(f);
  },
  'kpi-non-numeric': (f) => {
    f.kpis[0].actuals = [105, 'およそ120', null];
    return rowsOf(f);
  },
  'kpi-off-track-final': (f) => {
    f.kpis[0].actuals = [105, 110, null];
    f.kpis[0].targets = [100, 105, 110];
    return rowsOf(f);
  },
  'kpi-missing-verification': (f) => {
    f.kpis[0].actuals = [90, 125, null];
    f.kpis[0].verification = '';
    return rowsOf(f);
  },
  'kpi-duplicate-number': (f) => {
    f.kpis[1].no = 1;
    return rowsOf(f);
  },
  'kpi-missing-target': (f) => {
    f.kpis[0].targets = [100, null, 120];
    return rowsOf(f);
  },
  'formula-error': (f) => {
    const rows = rowsOf(f);
    const r = findRow(rows, (x) => has(x, '事業費'));
    rows[r] = [...rows[r], { error: '#REF!' }];
    return rows;
  },
  'project-name-mismatch': (f) => {
    f.measures[0].projects[1].listName = '市民活動支援事業（旧）';
    return rowsOf(f);
  },
  'project-missing-detail': (f) => {
    f.measures[1].projects[0].detail = false;
    return rowsOf(f);
  },
  'project-missing-in-list': (f) => {
    const rows = rowsOf(f);
    const list = findRow(rows, (x) => has(x, '事務事業名'));
    const r = findRow(rows, (x) => x[5] === '交通安全啓発事業', list);
    rows.splice(r, 1);
    return rows;
  },
  'finance-general-fund-exceeds-cost': (f) => {
    f.measures[0].projects[0].finance.general = [500, 1500];
    return rowsOf(f);
  },
  'finance-non-numeric': (f) => {
    const rows = rowsOf(f);
    const r = findRow(rows, (x) => has(x, '事業費'));
    rows[r] = rows[r].map((c, i) => (i === rows[r].indexOf('事業費') + 1 ? '不明' : c));
    return rows;
  },
  'finance-missing': (f) => {
    const rows = rowsOf(f);
    const first = findRow(rows, (x) => has(x, '事業費'));
    rows.splice(first, 3);
    return rows;
  },
  'outcome-no-data': (f) => {
    const rows = rowsOf(f);
    const r = findRow(rows, (x) => typeof x[0] === 'string' && x[0].startsWith('事業の検証'));
    rows.splice(r, 0, [null, '成果の推移 (中期成果)', '項 目', 'R4', 'R5'], ['参加団体数', null, '-', '-']);
    return rows;
  },
  'measure-without-projects': (f) => {
    const rows = rowsOf(f);
    const r = findRow(rows, (x) => x[0] === '施策2');
    rows.splice(r + 2, 0, ['施策3', '広報'], [null, '広報を進めます。']);
    return rows;
  },
  'text-target-below': (f) => {
    const rows = rowsOf(f);
    const r = findRow(rows, (x) => typeof x[0] === 'string' && x[0].startsWith('これまでの取組状況'));
    rows[r] = [rows[r][0], '<p>調達した。</p><table><tr><th></th><th>目標</th><th>実績</th></tr><tr><td>令和4年度</td><td>物品/60万円以上</td><td>34万円</td></tr></table>'];
    return rows;
  },
};

/** The same places, changed in a way that must NOT fire the rule. */
const NEAR_MISSES: Record<string, (f: GenField) => CellValue[][] | WorkbookSnapshot> = {
  // Touching but not overlapping merged areas are fine.
  'sheet-merges-overlap': (f) => ({ sheets: [{ name: '政策分野12', origin: 'A1', values: rowsOf(f), merges: ['A1:C1', 'A2:C2', 'D1:D2'] }] }),
  // Hyōka's own sheet (owned by the rule) is not reported.
  'sheet-kept-mark': (f) => ({ sheets: [{ name: '政策分野12', origin: 'A1', values: rowsOf(f) }, { name: '評価サマリー', values: [['x']], ownedByHyoka: true }] }),
  'kpi-below-target': (f) => {
    f.kpis[0].actuals = [100, 125, null]; // exactly on target
    f.kpis[1].actuals = [50, 40, null]; // decrease KPI exactly on target
    return rowsOf(f);
  },
  'kpi-missing-actual': (f) => {
    f.kpis[0].actuals = [105, 0, null]; // zero is a value, not missing
    return rowsOf(f);
  },
  'text-target-below': (f) => {
    const rows = rowsOf(f);
    const r = findRow(rows, (x) => typeof x[0] === 'string' && x[0].startsWith('これまでの取組状況'));
    rows[r] = [rows[r][0], '<table><tr><th></th><th>目標</th><th>実績</th></tr><tr><td>令和4年度</td><td>物品/60万円以上</td><td>140万円</td></tr></table>'];
    return rows;
  },
  'outcome-no-data': (f) => {
    const rows = rowsOf(f);
    const r = findRow(rows, (x) => typeof x[0] === 'string' && x[0].startsWith('事業の検証'));
    rows.splice(r, 0, [null, '成果の推移 (中期成果)', '項 目', 'R4', 'R5'], ['参加団体数', null, 10, '-']);
    return rows;
  },
};

const fired = (input: CellValue[][] | WorkbookSnapshot, rule: string) =>
  analyzeWorkbook(Array.isArray(input) ? snapshot(input) : input).findings.filter((x) => x.rule === rule);

it('the clean field raises no finding at all', () => {
  expect(analyzeWorkbook(snapshot(rowsOf(cleanField()))).findings).toEqual([]);
});

it('every rule in the catalog has a trigger case (here, or on a family sheet in families/rules.test.ts)', () => {
  expect([...Object.keys(TRIGGERS), ...Object.keys(FAMILY_TRIGGERS)].sort()).toEqual(RULES.map((r) => r.id).sort());
});

describe.each(RULES.map((r) => r.id).filter((id) => !FAMILY_TRIGGERS[id]))('%s', (id) => {
  it('fires on its trigger, with a sheet, a cell and both languages', () => {
    const found = fired(TRIGGERS[id](cleanField()), id);
    expect(found.length).toBeGreaterThan(0);
    for (const f of found) {
      expect(f.sheet).toBe('政策分野12');
      expect(f.address).toMatch(/^[A-Z]+[0-9]+$/);
      expect(f.messageJa).not.toBe('');
      expect(f.messageEn).not.toBe('');
      expect(f.messageEn).not.toMatch(/undefined|NaN/);
      expect(f.messageJa).not.toMatch(/undefined|NaN/);
    }
  });
  it('stays silent on the clean field and on its near miss', () => {
    expect(fired(rowsOf(cleanField()), id)).toEqual([]);
    if (NEAR_MISSES[id]) expect(fired(NEAR_MISSES[id](cleanField()), id)).toEqual([]);
  });
});

it('kpi-below-target names the field, the KPI and the year, at the actual cell', () => {
  const [f] = fired(TRIGGERS['kpi-below-target'](cleanField()), 'kpi-below-target');
  expect(f).toMatchObject({ policyField: '12', indicator: 1, fiscalYear: 2022, severity: 'warning' });
  const rows = TRIGGERS['kpi-below-target'](cleanField()) as CellValue[][];
  const { parseA1 } = jest.requireActual('../../src/core/a1');
  const { row, col } = parseA1(f.address);
  expect(rows[row][col]).toBe(90);
});

it('a decrease KPI above its target is below target, with a rate under 100%', () => {
  const f = cleanField();
  f.kpis[1].actuals = [60, 40, null];
  const model = analyzeWorkbook(snapshot(rowsOf(f)));
  const k = model.policyFields[0].indicators[1];
  expect(k.direction).toBe('decrease');
  expect(k.years[0]).toMatchObject({ status: 'notAchieved' });
  expect(k.years[0].achievementRate).toBeCloseTo(50 / 60);
  expect(k.years[1].achievementRate).toBeCloseTo(45 / 40);
});

it('findings are stable: same input, same findings in the same order', () => {
  const rows = TRIGGERS['kpi-below-target'](cleanField()) as CellValue[][];
  const a = analyzeWorkbook(snapshot(rows)).findings;
  const b = analyzeWorkbook(snapshot(JSON.parse(JSON.stringify(rows)))).findings;
  expect(b).toEqual(a);
});
