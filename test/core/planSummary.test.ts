import * as fs from 'fs';
import * as path from 'path';
import { planSummary, safeSheetName, progressToFinal, type PlanSummaryOptions } from '../../src/core/planSummary';
import type { EvaluationModel, Indicator, PolicyField } from '../../src/core/model';
import { toA1 as a1 } from '../../src/core/a1';
import type { PlanSheet, SummaryPlan } from '../../src/core/plan';
import { seedLikeModel } from '../fixtures/models/seed-like.model';
import {
  allStrings,
  cell,
  cellAt,
  columnOf,
  findRow,
  findRows,
  mainHeaderRow,
  parseRange,
  rangeValues,
  sheetByKey,
  usedSize,
} from './planSummary.helpers';

const NOW = new Date('2024-06-03T01:02:03.000Z');
const baseOptions = (lang: 'ja' | 'en'): PlanSummaryOptions => ({
  lang,
  now: NOW,
  generatorVersion: '0.1.0',
  sourceName: 'seed-like.xlsx',
  asOfOverrides: { '9': 2022 },
});

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o as object)) deepFreeze(v);
  }
  return o;
}

const model = deepFreeze(seedLikeModel());
const ja = planSummary(model, baseOptions('ja'));
const en = planSummary(model, baseOptions('en'));
const field9 = model.policyFields[0];
const field15 = model.policyFields[1];
const kpi = (f: PolicyField, no: number): Indicator => f.indicators.find((i) => i.no === no)!;
const close = (a: unknown, b: number) => {
  expect(typeof a).toBe('number');
  expect(a as number).toBeCloseTo(b, 9);
};

describe('planSummary — sheets', () => {
  test('builds the owned sheets with localised names (財務の推移: the model has three finance years)', () => {
    expect(ja.owner).toBe('hyoka');
    expect(ja.sheets.map((s) => [s.key, s.name])).toEqual([
      ['evaluation', '評価サマリー'],
      ['projects', '事業サマリー'],
      ['finance', '財務の推移'],
      ['charts', 'グラフ'],
      ['findings', '検証結果'],
      ['log', '実行ログ'],
    ]);
    expect(en.sheets.map((s) => s.name)).toEqual(['Evaluation summary', 'Project summary', 'Finance by year', 'Charts', 'Findings', 'Run log']);
  });

  test.each([ja, en])('sheet names are valid Excel names (%#)', (plan) => {
    const names = plan.sheets.map((s) => s.name);
    for (const n of names) {
      expect(Array.from(n).length).toBeLessThanOrEqual(31);
      expect(n).not.toMatch(/[[\]:*?/\\]/);
      expect(n.trim()).toBe(n);
      expect(n.length).toBeGreaterThan(0);
    }
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
  });

  test('safeSheetName strips forbidden characters and cuts at 31 characters', () => {
    expect(safeSheetName('a/b:c*d?e[f]g\\h')).toBe('a b c d e f g h');
    expect(Array.from(safeSheetName('評'.repeat(40))).length).toBe(31);
    expect(safeSheetName("'quoted'")).toBe('quoted');
  });

  test('blocks are rectangular and every sheet marks header rows that hold text', () => {
    for (const s of ja.sheets) {
      for (const b of s.blocks) {
        const w = b.values[0].length;
        for (const line of b.values) expect(line.length).toBe(w);
      }
      expect(s.headerRows.length).toBeGreaterThan(0);
      for (const r of s.headerRows) expect(Array.from({ length: usedSize(s).cols }, (_, c) => cell(s, r, c)).some((v) => typeof v === 'string')).toBe(true);
    }
  });
});

describe('評価サマリー', () => {
  const s = sheetByKey(ja, 'evaluation');
  const C = {
    field: columnOf(s, '政策分野'),
    no: columnOf(s, '指標No.'),
    name: columnOf(s, '指標名'),
    unit: columnOf(s, '単位'),
    dir: columnOf(s, '方向'),
    asOf: columnOf(s, '評価年度'),
    final: columnOf(s, '最終目標'),
    progress: columnOf(s, '最終目標への進捗'),
    trajectory: columnOf(s, '見通し'),
    grade: columnOf(s, '評価'),
    verification: columnOf(s, '検証'),
    formula: columnOf(s, '達成率の算式'),
    source: columnOf(s, '参照'),
  };
  const yc = (fy: number, h: '目標' | '実績' | '達成率' | '状況') =>
    columnOf(s, h, `令和${fy - 2018 === 1 ? '元' : fy - 2018}年度（${fy}）`);
  const rowOf = (f: PolicyField, no: number) => findRow(s, { [C.field]: f.id, [C.no]: no });

  test('one row per KPI of every field, fields stacked in model order', () => {
    const rows = [...field9.indicators.map((i) => rowOf(field9, i.no)), ...field15.indicators.map((i) => rowOf(field15, i.no))];
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
    expect(rows[rows.length - 1] - rows[0]).toBe(rows.length - 1);
    const textTargetHeader = s.headerRows[s.headerRows.length - 1];
    expect(findRows(s, { [C.field]: '9' }).filter((r) => r < textTargetHeader)).toEqual(rows.slice(0, 3));
  });

  test('seed KPI 1: targets, actual, achievement rate, status, final target, progress, verdict, grade', () => {
    const r = rowOf(field9, 1);
    expect(cell(s, r, C.name)).toBe('NPO・ボランティアと市の協働事業数');
    expect(cell(s, r, C.unit)).toBe('事業');
    expect(cell(s, r, C.dir)).toBe('増加');
    expect(cell(s, r, C.asOf)).toBe(2022);
    expect(cell(s, r, yc(2022, '目標'))).toBe(73);
    expect(cell(s, r, yc(2022, '実績'))).toBe(55);
    close(cell(s, r, yc(2022, '達成率')), 55 / 73);
    expect(cell(s, r, yc(2022, '状況'))).toBe('未達成');
    expect(cell(s, r, yc(2023, '目標'))).toBe(76);
    expect(cell(s, r, yc(2023, '実績'))).toBeNull();
    expect(cell(s, r, yc(2023, '状況'))).toBe('対象外');
    expect(cell(s, r, yc(2024, '目標'))).toBe(79);
    expect(cell(s, r, C.final)).toBe(85);
    close(cell(s, r, C.progress), 55 / 85);
    expect(cell(s, r, C.trajectory)).toBe('要注意');
    expect(cell(s, r, C.grade)).toBe('C △');
    expect(cell(s, r, C.verification)).toBe(kpi(field9, 1).verification);
    expect(cell(s, r, C.formula)).toBe('実績 ÷ 目標');
  });

  test.each([
    [2, 155, 75, 215, 'D ×'],
    [3, 15, 2, 20, 'D ×'],
  ])('seed KPI %i: target %i, actual %i, final %i, grade %s', (no, target, actual, final, grade) => {
    const r = rowOf(field9, no);
    expect(cell(s, r, yc(2022, '目標'))).toBe(target);
    expect(cell(s, r, yc(2022, '実績'))).toBe(actual);
    close(cell(s, r, yc(2022, '達成率')), actual / target);
    expect(cell(s, r, C.final)).toBe(final);
    close(cell(s, r, C.progress), actual / final);
    expect(cell(s, r, C.grade)).toBe(grade);
  });

  test('years are the union across fields: a field without a year leaves its cells empty', () => {
    const r9 = rowOf(field9, 1);
    for (const h of ['目標', '実績', '達成率', '状況'] as const) expect(cell(s, r9, yc(2021, h))).toBeNull();
    const r15 = rowOf(field15, 2);
    expect(cell(s, r15, yc(2021, '目標'))).toBe(25);
    expect(cell(s, r15, yc(2021, '実績'))).toBe(24.5);
    expect(cell(s, r15, yc(2024, '目標'))).toBeNull();
  });

  test('decrease KPI: direction 減少, progress = final ÷ latest actual, pending actual shown as 集計中', () => {
    const r = rowOf(field15, 1);
    expect(cell(s, r, C.dir)).toBe('減少');
    close(cell(s, r, C.progress), 820 / 870);
    close(cell(s, r, yc(2022, '達成率')), 880 / 870);
    expect(cell(s, r, yc(2022, '状況'))).toBe('達成');
    expect(cell(s, r, yc(2023, '実績'))).toBe('集計中');
    expect(cell(s, r, yc(2023, '状況'))).toBe('集計中');
    expect(cell(s, r, C.trajectory)).toBe('順調');
    expect(cell(s, r, C.formula)).toBe('目標 ÷ 実績（減少目標）');
    // no achievement in the as-of year → no grade rather than a guess
    expect(cell(s, r, C.grade)).toBeNull();
  });

  test('an invalid actual keeps its raw text and says 不正値; no trajectory says 判定不可', () => {
    const r = rowOf(field15, 3);
    expect(cell(s, r, yc(2022, '実績'))).toBe('#DIV/0!');
    expect(cell(s, r, yc(2022, '状況'))).toBe('不正値');
    expect(cell(s, r, yc(2022, '達成率'))).toBeNull();
    expect(cell(s, r, C.trajectory)).toBe('判定不可');
    expect(cell(s, r, C.verification)).toBeNull();
  });

  test('targets written in text (物品 / 役務) are judged in their own table with status text and a link', () => {
    const header = s.headerRows[s.headerRows.length - 1];
    expect(cell(s, header - 1, 0)).toBe('文中の目標（事務事業の記述から読み取った目標と実績）');
    const col = (h: string) => columnOf(s, h, undefined, header);
    const rows = [header + 1, header + 2, header + 3];
    expect(rows.map((r) => cell(s, r, col('事務事業名 ／ 項目')))).toEqual([
      '障がい者就労支援施設等からの優先調達 ／ 物品',
      '障がい者就労支援施設等からの優先調達 ／ 役務',
      '障がい者就労支援施設等からの優先調達 ／ 物品',
    ]);
    expect(rows.map((r) => [cell(s, r, col('年度')), cell(s, r, col('条件')), cell(s, r, col('目標')), cell(s, r, col('実績')), cell(s, r, col('状況'))])).toEqual([
      [2021, '以上', 60, 34, '未達成'],
      [2021, '以上', 1700, 1699, '未達成'],
      [2022, '以上', 60, 140, '達成'],
    ]);
    close(cell(s, rows[1], col('達成率')), 1699 / 1700);
    expect(cell(s, rows[0], col('事業No.'))).toBe('3-9');
    const link = s.hyperlinks.find((h) => h.cell === a1(rows[0], col('参照')));
    expect(link?.target).toEqual({ sheet: '政策分野9', address: 'B318' });
  });

  test('progressToFinal: ≥ 1 exactly when the final target is reached, in both directions', () => {
    const base = kpi(field9, 1);
    const inc = (latest: number) => ({ ...base, trajectory: { ...base.trajectory!, latestActual: latest } });
    expect(progressToFinal(inc(85))).toBe(1);
    expect(progressToFinal(inc(84))!).toBeLessThan(1);
    const dec = (latest: number) => ({ ...inc(latest), direction: 'decrease' as const, finalTarget: 820 });
    expect(progressToFinal(dec(820))).toBe(1);
    expect(progressToFinal(dec(821))!).toBeLessThan(1);
    expect(progressToFinal(dec(800))!).toBeGreaterThan(1);
    expect(progressToFinal({ ...base, trajectory: null, finalTarget: null })).toBeNull();
  });

  test('each 達成率 column has the 3-symbol icon set [0.8, 1] and the 0.0% format over the data rows', () => {
    const rateCols = [2021, 2022, 2023, 2024].map((fy) => yc(fy, '達成率'));
    const icons = s.conditionalFormats.filter((c) => c.type === 'iconSet');
    expect(icons).toHaveLength(rateCols.length + 1); // + the text-target table's
    const first = rowOf(field9, 1);
    const last = rowOf(field15, 3);
    for (const c of rateCols) {
      const cf = icons.find((x) => parseRange(x.range).c1 === c && parseRange(x.range).r1 === first)!;
      expect(cf).toMatchObject({ iconSet: '3Symbols', thresholds: [0.8, 1] });
      expect(parseRange(cf.range)).toEqual({ r1: first, c1: c, r2: last, c2: c });
      expect(s.formats.some((f) => f.range === cf.range && f.numberFormat === '0.0%')).toBe(true);
      for (const v of rangeValues(s, cf.range)) expect(v === null || typeof v === 'number').toBe(true);
    }
    const bars = s.conditionalFormats.filter((c) => c.type === 'dataBar');
    expect(bars).toHaveLength(1);
    expect(parseRange(bars[0].range).c1).toBe(C.progress);
  });

  test('status colours repeat text that is written in the cells (never colour alone)', () => {
    const rules = s.conditionalFormats.filter((c) => c.type === 'textEquals');
    const statusCol = yc(2022, '状況');
    const onStatus = rules.filter((r) => r.type === 'textEquals' && parseRange(r.range).c1 === statusCol);
    expect(onStatus.map((r) => (r.type === 'textEquals' ? [r.text, r.style.fill] : null))).toEqual(
      expect.arrayContaining([
        ['達成', '#C6EFCE'],
        ['未達成', '#FFC7CE'],
        ['未報告', '#FFEB9C'],
      ]),
    );
    for (const r of rules) {
      if (r.type !== 'textEquals') continue;
      const { r1, c1, c2 } = parseRange(r.range);
      expect(c1).toBe(c2);
      // the nearest header row above the rule's range names the column
      const header = Math.max(...s.headerRows.filter((h) => h < r1));
      expect(['状況', '見通し', '評価']).toContain(cell(s, header, c1));
    }
    expect(rangeValues(s, onStatus[0].range)).toEqual(expect.arrayContaining(['未達成', '達成']));
  });

  test('a 参照 hyperlink on each KPI row points at the KPI source cell', () => {
    for (const f of model.policyFields) {
      for (const i of f.indicators) {
        const r = rowOf(f, i.no);
        expect(cell(s, r, C.source)).toBe('参照');
        const link = s.hyperlinks.find((h) => parseRange(h.cell).r1 === r && parseRange(h.cell).c1 === C.source);
        expect(link?.target).toEqual(i.source);
        expect(link?.text).toBe('参照');
      }
    }
  });

  test('frozen header rows and first columns through the KPI name; long text wraps; widths cover every column', () => {
    const header = mainHeaderRow(s);
    expect(s.freeze).toEqual({ rows: header + 1, columns: C.name + 1 });
    expect(s.columnWidths).toHaveLength(usedSize(s).cols);
    expect(s.columnWidths[C.verification]).toBeGreaterThanOrEqual(40);
    expect(s.formats.some((f) => f.style?.wrap && parseRange(f.range).c1 === C.verification)).toBe(true);
    expect(s.formats.some((f) => f.style?.wrap && parseRange(f.range).c1 === C.name)).toBe(true);
  });

  test('notes state the formulas and the grade table in words', () => {
    const texts = rangeValues(s, `A1:A${usedSize(s).rows}`).filter((v): v is string => typeof v === 'string');
    expect(texts.some((t) => t.startsWith('達成率: 実績 ÷ 目標'))).toBe(true);
    expect(texts.some((t) => t.startsWith('最終目標への進捗: 最新の実績 ÷ 最終目標'))).toBe(true);
    expect(texts).toContain('評価（評価年度の達成率）: A ◎: 100% 以上, B ○: 80% 以上, C △: 50% 以上, D ×: 50% 未満');
  });

  test('a grade table passed in options recomputes the grades', () => {
    const plan = planSummary(model, { ...baseOptions('ja'), grades: [{ grade: 'S', min: 0.7 }, { grade: 'F', min: 0 }] });
    const e = sheetByKey(plan, 'evaluation');
    const g = columnOf(e, '評価');
    const r = findRow(e, { [columnOf(e, '政策分野')]: '9', [columnOf(e, '指標No.')]: 1 });
    expect(cell(e, r, g)).toBe('S ◎');
    expect(cell(e, r + 1, g)).toBe('F ×');
  });
});

describe('事業サマリー', () => {
  const s = sheetByKey(ja, 'projects');
  const g23 = '令和5年度（予算）';
  const g24 = '令和6年度（見込み）';
  const C = {
    field: columnOf(s, '政策分野'),
    measure: columnOf(s, '施策No.'),
    key: columnOf(s, '事業No.'),
    name: columnOf(s, '事務事業名'),
    dept: columnOf(s, '担当部・課'),
    legal: columnOf(s, '法定/自主'),
    next: columnOf(s, '次年度方針'),
    flags: columnOf(s, 'ロジック・重点'),
    cost23: columnOf(s, '事業費（千円）', g23),
    gf23: columnOf(s, '所要一般財源（千円）', g23),
    pc23: columnOf(s, '概算人件費（千円）', g23),
    share23: columnOf(s, '一般財源比率', g23),
    cost24: columnOf(s, '事業費（千円）', g24),
    gf24: columnOf(s, '所要一般財源（千円）', g24),
    yoy24: columnOf(s, '事業費 前年度比増減（千円）', g24),
    yoyPct24: columnOf(s, '事業費 前年度比', g24),
    source: columnOf(s, '参照'),
  };
  const projectRow = (f: PolicyField, key: string) => findRow(s, { [C.field]: f.id, [C.key]: key });

  test('one row per project with its key, name, department, basis, policy and flags', () => {
    const r = projectRow(field9, '1-1');
    expect(cell(s, r, C.name)).toBe('栄町第二庁舎利活用事業');
    expect(cell(s, r, C.dept)).toBe('企画政策部・企画調整課');
    expect(cell(s, r, C.legal)).toBe('自主');
    expect(cell(s, r, C.next)).toBe('新規');
    expect(cell(s, r, C.flags)).toBe('ロ');
    const r2 = projectRow(field9, '1-2');
    expect(cell(s, r2, C.flags)).toBe('重');
    // No grade is written in the seed's sheets: no column for it.
    expect(() => columnOf(s, '評価（シート記載）')).toThrow();
    const count = model.policyFields.reduce((n, f) => n + f.measures.reduce((k, m) => k + m.projects.length, 0), 0);
    const keyed = findRows(s, {}).filter((r) => typeof cell(s, r, C.key) === 'string');
    expect(keyed).toHaveLength(count);
  });

  test('finance per year with the seed figures, general-fund share and year-over-year change', () => {
    const r = projectRow(field9, '1-1');
    expect(cell(s, r, C.cost23)).toBe(0);
    expect(cell(s, r, C.cost24)).toBe(9755);
    expect(cell(s, r, C.gf24)).toBe(155);
    expect(cell(s, r, C.pc23)).toBe(1079);
    expect(cell(s, r, C.share23)).toBeNull(); // cost 0: no share rather than a division by zero
    expect(cell(s, r, C.yoy24)).toBe(9755);
    expect(cell(s, r, C.yoyPct24)).toBeNull();
    const r3 = projectRow(field9, '3-1');
    close(cell(s, r3, C.share23), 140000 / 559998);
    expect(cell(s, r3, C.yoy24)).toBe(585487 - 559998);
    close(cell(s, r3, C.yoyPct24), (585487 - 559998) / 559998);
  });

  test('subtotal per measure and total per field equal the sums of their projects', () => {
    for (const f of model.policyFields) {
      for (const m of f.measures) {
        const r = findRow(s, { [C.field]: f.id, [C.measure]: m.no, [C.key]: null });
        expect(cell(s, r, C.name)).toBe(`施策${m.no} ${m.name} 小計`);
        const sum = (fy: number, pick: 'projectCost' | 'generalFund') => {
          const vals = m.projects.map((p) => p.finance.find((y) => y.fiscalYear === fy)?.[pick]).filter((v): v is number => typeof v === 'number');
          return vals.length ? vals.reduce((a, b) => a + b, 0) : null;
        };
        if (f === field9) {
          expect(cell(s, r, C.cost23)).toBe(sum(2023, 'projectCost'));
          expect(cell(s, r, C.cost24)).toBe(sum(2024, 'projectCost'));
          expect(cell(s, r, C.gf24)).toBe(sum(2024, 'generalFund'));
        }
      }
      const total = findRow(s, { [C.field]: f.id, [C.measure]: null, [C.key]: null });
      expect(cell(s, total, C.name)).toBe(`政策分野${f.id} ${f.name} 合計`);
    }
    const t9 = findRow(s, { [C.field]: '9', [C.measure]: null, [C.key]: null });
    const all23 = field9.measures.flatMap((m) => m.projects).reduce((n, p) => n + (p.finance[0].projectCost ?? 0), 0);
    expect(cell(s, t9, C.cost23)).toBe(all23);
    expect(cell(s, t9, C.cost23)).toBe(0 + 1566 + 3537 + 20 + 298 + 46586 + 1872 + 0 + 559998 + 5070 + 0);
    const m1 = findRow(s, { [C.field]: '9', [C.measure]: 1, [C.key]: null });
    expect(cell(s, m1, C.cost24)).toBe(9755 + 1566 + 3537 + 20);
    close(cell(s, t9, C.share23), (cell(s, t9, C.gf23) as number) / all23);
  });

  test('a measure without projects still gets its (empty) subtotal row', () => {
    const r = findRow(s, { [C.field]: '15', [C.measure]: 2, [C.key]: null });
    expect(cell(s, r, C.name)).toMatch(/^施策2 .* 小計$/);
  });

  test('money columns use #,##0, state 千円 in the header, and carry data bars', () => {
    const header = mainHeaderRow(s);
    expect(cell(s, header, C.cost23)).toContain('千円');
    const money = s.formats.filter((f) => f.numberFormat === '#,##0').map((f) => parseRange(f.range));
    expect(money.some((r) => r.c1 <= C.cost23 && r.c2 >= C.pc23)).toBe(true);
    const bars = s.conditionalFormats.filter((c) => c.type === 'dataBar').map((c) => parseRange(c.range).c1);
    expect(bars).toEqual(expect.arrayContaining([C.cost23, C.cost24]));
  });

  test('project rows link to the project block; the first finance year has no change columns', () => {
    const r = projectRow(field9, '2-11');
    const link = s.hyperlinks.find((h) => h.cell === a1(r, C.source));
    const p = field9.measures[1].projects.find((x) => x.no === 11)!;
    expect(link?.target).toEqual(p.source);
    expect(() => columnOf(s, '事業費 前年度比', '令和4年度（決算）')).toThrow();
  });
});

describe('グラフ', () => {
  const s = sheetByKey(ja, 'charts');
  const chart = (id: string) => {
    const c = s.charts.find((x) => x.id === id);
    if (!c) throw new Error(`no chart ${id}`);
    return c;
  };

  test('achievement chart: each KPI’s rate in the as-of year, with a 100% line drawn as a line', () => {
    const c = chart('hyoka-achievement-9');
    expect(c.kind).toBe('column');
    expect(c.valueAxis?.percent).toBe(true);
    const cats = rangeValues(s, c.categories);
    expect(cats).toHaveLength(3);
    expect(cats[0]).toMatch(/^指標1 NPO・ボランティア/);
    const rates = rangeValues(s, c.series[0].values);
    field9.indicators.forEach((ind, i) => close(rates[i], ind.years.find((y) => y.fiscalYear === 2022)!.achievementRate!));
    expect(c.series[1]).toMatchObject({ name: '100%', asLine: true });
    expect(rangeValues(s, c.series[1].values)).toEqual([1, 1, 1]);
  });

  test('KPI charts: targets and actuals per year from the model', () => {
    for (const f of model.policyFields) {
      for (const ind of f.indicators) {
        const c = chart(`hyoka-kpi-${f.id}-${ind.no}`);
        expect(rangeValues(s, c.categories)).toEqual(ind.years.map((y) => `令和${y.fiscalYear - 2018}年度`));
        expect(rangeValues(s, c.series[0].values)).toEqual(ind.years.map((y) => y.target));
        expect(rangeValues(s, c.series[1].values)).toEqual(ind.years.map((y) => (y.actualState === 'number' ? y.actual : null)));
        expect(c.series.map((x) => x.name)).toEqual(['目標', '実績']);
      }
    }
  });

  test('cost chart: project cost summed per measure for each finance year', () => {
    const c = chart('hyoka-cost-9');
    expect(rangeValues(s, c.categories)).toHaveLength(3);
    const years = [2022, 2023, 2024];
    expect(c.series.map((x) => x.name)).toEqual(['令和4年度', '令和5年度', '令和6年度']);
    c.series.forEach((series, i) => {
      const expected = field9.measures.map((m) => {
        const v = m.projects.map((p) => p.finance.find((y) => y.fiscalYear === years[i])?.projectCost).filter((x): x is number => typeof x === 'number');
        return v.length ? v.reduce((a, b) => a + b, 0) : null;
      });
      expect(rangeValues(s, series.values)).toEqual(expected);
    });
    // field 15 has a measure without projects: it is left out of the chart
    expect(rangeValues(s, chart('hyoka-cost-15').categories)).toEqual(['施策1 ごみの減量と資源化…']);
  });

  test.each([ja, en])('chart ranges are single rows/columns of the same length; anchors overlap neither each other nor data (%#)', (plan) => {
    const sh = sheetByKey(plan, 'charts');
    const { cols } = usedSize(sh);
    const boxes = sh.charts.map((c) => c.anchor);
    expect(new Set(sh.charts.map((c) => c.id)).size).toBe(sh.charts.length);
    for (const c of sh.charts) {
      const cat = parseRange(c.categories);
      expect(cat.c1).toBe(cat.c2);
      for (const series of c.series) {
        const r = parseRange(series.values);
        expect(r.c1).toBe(r.c2);
        expect([r.r1, r.r2]).toEqual([cat.r1, cat.r2]);
        expect(r.r2).toBeLessThan(usedSize(sh).rows);
      }
      // the header cell above each series names it
      expect(cell(sh, cat.r1 - 1, parseRange(c.series[0].values).c1)).not.toBeNull();
      expect(c.anchor.fromCol).toBeGreaterThanOrEqual(cols);
      expect(c.anchor.toRow).toBeGreaterThan(c.anchor.fromRow);
      expect(c.anchor.toCol).toBeGreaterThan(c.anchor.fromCol);
    }
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i];
        const b = boxes[j];
        const overlap = a.fromRow < b.toRow && b.fromRow < a.toRow && a.fromCol < b.toCol && b.fromCol < a.toCol;
        expect(overlap).toBe(false);
      }
    expect(sh.charts).toHaveLength(2 * (1 + 1) + 3 + 3); // per field: achievement + cost, plus one per KPI
  });
});

describe('検証結果', () => {
  const s = sheetByKey(ja, 'findings');
  const header = s.headerRows[0];

  test('every finding is a row of an Excel table, errors first, with severity text and symbol', () => {
    expect(s.tables).toHaveLength(1);
    const t = parseRange(s.tables[0].range);
    expect(t.r1).toBe(header);
    expect(t.r2 - t.r1).toBe(model.findings.length);
    expect(rangeValues(s, `A${header + 1}:J${header + 1}`)).toEqual(['重要度', 'ルール', '政策分野', '指標', '事業', '年度', 'メッセージ', 'シート', 'セル', '参照']);
    const sev = rangeValues(s, `A${header + 2}:A${t.r2 + 1}`);
    expect(sev.slice(0, 2)).toEqual(['エラー ✖', 'エラー ✖']);
    expect(sev).toContain('警告 ▲');
    expect(sev[sev.length - 1]).toBe('情報 ℹ');
    for (const f of model.findings) {
      const r = findRow(s, { 1: f.rule, 7: f.sheet, 8: f.address });
      expect(rangeValues(s, `B${r + 1}:I${r + 1}`)).toEqual([f.rule, f.policyField, f.indicator, f.project, f.fiscalYear, f.messageJa, f.sheet, f.address]);
      const link = s.hyperlinks.find((h) => h.cell === `J${r + 1}`);
      expect(link?.target).toEqual({ sheet: f.sheet, address: f.address });
    }
  });

  test('messages follow the plan language', () => {
    const e = sheetByKey(en, 'findings');
    const r = findRow(e, { 1: 'formula-error' });
    expect(cell(e, r, 6)).toBe('KPI 3 FY2022: the actual is #DIV/0!.');
    expect(cell(e, r, 0)).toBe('Error ✖');
  });

  test('severity colours are rules on the severity column, whose text says the same', () => {
    const rules = s.conditionalFormats.filter((c) => c.type === 'textEquals');
    expect(rules.map((r) => (r.type === 'textEquals' ? r.text : ''))).toEqual(['エラー ✖', '警告 ▲', '情報 ℹ']);
    for (const r of rules) expect(parseRange(r.range).c1).toBe(0);
  });

  test('no findings: a table with one row that says so', () => {
    const plan = planSummary({ ...seedLikeModel(), findings: [] }, baseOptions('ja'));
    const f = sheetByKey(plan, 'findings');
    const t = parseRange(f.tables[0].range);
    expect(t.r2 - t.r1).toBe(1);
    expect(cell(f, t.r2, 6)).toBe('検証結果はありません。');
  });
});

describe('実行ログ', () => {
  const s = sheetByKey(ja, 'log');
  const texts = () => {
    const { rows, cols } = usedSize(s);
    const out: unknown[][] = [];
    for (let r = 0; r < rows; r++) out.push(Array.from({ length: cols }, (_, c) => cell(s, r, c)));
    return out;
  };
  const value = (label: string) => texts().find((row) => row[0] === label)?.[1];

  test('when, version, source, counts, as-of year and options', () => {
    expect(value('日時（ISO 8601, UTC）')).toBe('2024-06-03T01:02:03.000Z');
    expect(value('日時（Asia/Tokyo）')).toBe('2024-06-03 10:02:03');
    expect(value('Hyōka バージョン')).toBe('0.1.0');
    expect(value('ソース')).toBe('seed-like.xlsx');
    expect(value('政策分野')).toBe(2);
    expect(value('重要業績評価指標')).toBe(6);
    expect(value('施策')).toBe(5);
    expect(value('事務事業')).toBe(13);
    expect(value('検証結果（エラー ✖）')).toBe(2);
    expect(value('検証結果（警告 ▲）')).toBe(5);
    expect(value('検証結果（情報 ℹ）')).toBe(4);
    expect(value('評価年度の指定')).toBe('{"9":2022}');
    expect(value('9 社会参画')).toBe(2022);
    expect(texts().find((row) => row[0] === '9 社会参画')?.[2]).toBe('実績のある最新年度');
  });

  test('sheets read with their kind and reason', () => {
    for (const sh of model.sheets) {
      const row = texts().find((r) => r[0] === sh.name)!;
      expect(row[2]).toBe(sh.reason);
    }
    expect(texts().find((r) => r[0] === 'メモ')?.[1]).toBe('不明');
  });

  test('another time zone, or an unknown one (falls back to UTC)', () => {
    const utc = sheetByKey(planSummary(model, { ...baseOptions('en'), timeZone: 'Not/AZone' }), 'log');
    const rows = Array.from({ length: usedSize(utc).rows }, (_, r) => [cell(utc, r, 0), cell(utc, r, 1)]);
    expect(rows).toContainEqual(['Time (UTC)', '2024-06-03 01:02:03']);
  });
});

describe('values only, text stays text', () => {
  test('the plan holds no formula and no merge: only values in blocks', () => {
    const json = JSON.stringify(ja);
    expect(json).not.toMatch(/"(formula|formulas|merge|merges)"/);
    for (const s of ja.sheets)
      for (const b of s.blocks)
        for (const line of b.values)
          for (const v of line) expect(v === null || ['string', 'number', 'boolean'].includes(typeof v)).toBe(true);
  });

  test('strings starting with = + - @ come only from the source, unchanged', () => {
    const sourceTexts = new Set<string>();
    const walk = (v: unknown) => {
      if (typeof v === 'string') sourceTexts.add(v);
      else if (v && typeof v === 'object') Object.values(v).forEach(walk);
    };
    walk(model);
    const risky = allStrings(ja).filter((x) => /^[=+\-@]/.test(x));
    expect(risky).toEqual(expect.arrayContaining(['=前年度比で減少した（セルの先頭が等号の文章）', '-生ごみ堆肥化事業']));
    for (const x of risky) expect(sourceTexts.has(x)).toBe(true);
  });

  test('hyperlinks are internal and each link cell shows the link text', () => {
    const sheets = new Set(model.sheets.map((x) => x.name));
    for (const plan of [ja, en]) {
      for (const s of plan.sheets) {
        for (const h of s.hyperlinks) {
          expect(sheets.has(h.target.sheet)).toBe(true);
          expect(h.target.address).toMatch(/^[A-Z]+\d+(:[A-Z]+\d+)?$/);
          expect(cellAt(s, h.cell)).toBe(h.text);
        }
      }
    }
  });
});

describe('English plan', () => {
  // A run of Japanese script in the English plan must be copied from the source (names, 検証…).
  const CJK = /[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]+/g;
  test('has no Japanese UI labels', () => {
    const source: string[] = [];
    const walk = (v: unknown) => {
      if (typeof v === 'string') source.push(v);
      else if (v && typeof v === 'object') Object.values(v).forEach(walk);
    };
    walk(model);
    const offenders = allStrings(en).flatMap((x) => (x.match(CJK) ?? []).filter((run) => !source.some((src) => src.includes(run))).map((run) => `${run} in "${x}"`));
    expect(offenders).toEqual([]);
  });

  test('localises statuses, directions and headers', () => {
    const s = sheetByKey(en, 'evaluation');
    const r = findRow(s, { [columnOf(s, 'Policy field')]: '9', [columnOf(s, 'KPI no.')]: 1 });
    expect(cell(s, r, columnOf(s, 'Status', 'FY2022'))).toBe('Not achieved');
    expect(cell(s, r, columnOf(s, 'Status', 'FY2023'))).toBe('Future');
    expect(cell(s, r, columnOf(s, 'Direction'))).toBe('Increase');
    expect(cell(s, r, columnOf(s, 'Trajectory'))).toBe('Off track');
    expect(cell(s, r, columnOf(s, 'Achievement formula'))).toBe('actual ÷ target');
    expect(cell(s, r, columnOf(s, 'Source'))).toBe('Source');
  });
});

describe('determinism', () => {
  test('same model and options give an identical plan, and the model is not touched', () => {
    // deepFreeze above makes any mutation throw.
    expect(JSON.stringify(planSummary(seedLikeModel(), baseOptions('ja')))).toBe(JSON.stringify(ja));
    expect(planSummary(model, baseOptions('en'))).toEqual(en);
  });

  test('an empty model still gives the five sheets', () => {
    const empty: EvaluationModel = { schemaVersion: 2, generator: { name: 'hyoka', version: '0.1.0' }, source: null, sheets: [], policyFields: [], findings: [] };
    const plan = planSummary(empty, baseOptions('en'));
    expect(plan.sheets).toHaveLength(5);
    expect(sheetByKey(plan, 'charts').charts).toEqual([]);
    expect(allStrings(plan)).toContain('No key performance indicators were found.');
  });

  test('snapshot (ja, en)', () => {
    expect(ja).toMatchSnapshot('ja');
    expect(en).toMatchSnapshot('en');
  });
});

describe('purity', () => {
  test('planSummary and its dictionary import only the pure core', () => {
    const root = path.join(__dirname, '../../src/core');
    for (const file of ['planSummary.ts', 'i18n/summary.ts']) {
      const text = fs.readFileSync(path.join(root, file), 'utf8');
      const imports = Array.from(text.matchAll(/from\s+'([^']+)'/g)).map((m) => m[1]);
      for (const i of imports) expect(i).toMatch(/^\.\.?\//);
      expect(text).not.toMatch(/\b(Office|Excel\.run|document\.|window\.|require\()/);
    }
  });
});

export type { SummaryPlan, PlanSheet };
