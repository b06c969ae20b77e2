/**
 * 全体サマリー and 前年度比較 as a user reads them: present only when there is something to show,
 * totals that add up, links to the source workbook's cell (another file's, relative) and to both
 * years' cells; both languages.
 */
import { compareModels, diffFindings } from '../../../src/core/compare';
import { consolidateWorkbooks } from '../../../src/core/consolidate';
import { analyzeWorkbook } from '../../../src/core/analyze';
import { planSummary } from '../../../src/core/planSummary';
import type { PlanSheet } from '../../../src/core/plan';
import { cell, columnOf, findRow, mainHeaderRow, rangeValues, rowValues, sheetByKey } from '../planSummary.helpers';
import { fieldBook, field } from '../consolidate/cases';
import { CASES, pair, yearBook } from '../compare/cases';

const options = (lang: 'ja' | 'en' = 'ja') => ({ lang, now: new Date('2025-04-01T00:00:00Z'), generatorVersion: 'test' });

function city() {
  return consolidateWorkbooks(
    [
      { file: 'depts/a.xlsx', snapshot: fieldBook(field(1), field(2)) },
      { file: 'depts/b.xlsx', snapshot: fieldBook(field(3)) },
    ],
    { skipped: [{ file: 'depts/broken.xlsx', reason: { ja: 'ブックが壊れているため読めません', en: 'The workbook is damaged' } }] },
  );
}

describe('全体サマリー', () => {
  it('is the first sheet of a joined model, and absent for one workbook', () => {
    expect(planSummary(city(), options()).sheets[0].key).toBe('overview');
    expect(planSummary(analyzeWorkbook(fieldBook(field(1))), options()).sheets.map((s) => s.key)).not.toContain('overview');
  });

  it('one row per field with its workbook, counts and money; the city total adds them up', () => {
    const m = city();
    const s = sheetByKey(planSummary(m, options()), 'overview');
    const fieldCol = columnOf(s, '政策分野');
    const rows = ['1', '2', '3'].map((id) => findRow(s, { [fieldCol]: id }));
    expect(rows.map((r) => cell(s, r, columnOf(s, 'ブック')))).toEqual(['depts/a.xlsx', 'depts/a.xlsx', 'depts/b.xlsx']);
    const total = findRow(s, { 1: '市全体' });
    const projects = columnOf(s, '事務事業数');
    expect(cell(s, total, projects)).toBe(rows.reduce((n, r) => n + (cell(s, r, projects) as number), 0));
    expect(cell(s, total, projects)).toBe(m.policyFields.reduce((n, f) => n + f.measures.reduce((k, x) => k + x.projects.length, 0), 0));
    const achieved = columnOf(s, '達成');
    const notAchieved = columnOf(s, '未達成');
    const share = columnOf(s, '達成割合');
    for (const r of [...rows, total]) {
      const a = cell(s, r, achieved) as number;
      const n = cell(s, r, notAchieved) as number;
      expect(cell(s, r, share)).toBe(a + n ? a / (a + n) : null);
    }
    expect(cell(s, total, columnOf(s, '警告'))).toBe(m.findings.filter((f) => f.severity === 'warning').length);
  });

  it('links each row to its field heading in the source workbook, by a relative path', () => {
    const s = sheetByKey(planSummary(city(), options()), 'overview');
    const link = s.hyperlinks.find((h) => h.target.sheet === '政策分野3')!;
    expect(link.target).toEqual({ sheet: '政策分野3', address: expect.any(String), file: 'depts/b.xlsx' });
    expect(link.tooltip).toContain('depts/b.xlsx');
  });

  it('charts achievement and cost by field, over the table’s own ranges', () => {
    const s = sheetByKey(planSummary(city(), options()), 'overview');
    expect(s.charts.map((c) => c.id)).toEqual(['hyoka-overview-achievement', 'hyoka-overview-cost']);
    expect(rangeValues(s, s.charts[0].categories)).toEqual(city().policyFields.map((f) => f.name));
    expect(s.conditionalFormats.length).toBeGreaterThan(4);
  });

  it('the run log lists every workbook, the skipped one with its reason', () => {
    const log = sheetByKey(planSummary(city(), options('en')), 'log');
    const text = log.blocks[0].values.map((r) => r.join('|'));
    expect(text).toContainEqual(expect.stringMatching(/^depts\/a\.xlsx\|Read\|1, 2\|2\|$/));
    expect(text).toContainEqual(expect.stringMatching(/^depts\/broken\.xlsx\|Skipped\|\|\|The workbook is damaged$/));
  });

  it('検証結果 names the file of each finding and links into it', () => {
    const s = sheetByKey(planSummary(city(), options()), 'findings');
    const head = rowValues(s, mainHeaderRow(s));
    expect(head).toContain('ファイル');
    expect(s.hyperlinks.every((h) => h.target.file?.startsWith('depts/'))).toBe(true);
  });
});

describe('前年度比較', () => {
  function compared(lang: 'ja' | 'en' = 'ja') {
    const p = pair();
    CASES['target-revised'].trigger(p);
    CASES['project-renamed'].trigger(p);
    CASES['project-ended'].trigger(p);
    const last = analyzeWorkbook(yearBook(p.last, 'last'), { file: '../R5/評価.xlsx' });
    const cur = analyzeWorkbook(yearBook(p.cur, 'this'));
    const diff = compareModels(last, cur, { lastFile: '../R5/評価.xlsx', thisFile: '評価.xlsx', lang });
    return { diff, plan: planSummary({ ...cur, findings: [...cur.findings, ...diffFindings(diff)] }, { ...options(lang), compare: diff }) };
  }
  const sheet = (plan: ReturnType<typeof compared>['plan']): PlanSheet => sheetByKey(plan, 'compare');

  it('only with a comparison', () => {
    expect(planSummary(analyzeWorkbook(fieldBook(field(1))), options()).sheets.map((s) => s.key)).not.toContain('compare');
    expect(compared().plan.sheets.map((s) => s.key)).toEqual(expect.arrayContaining(['compare', 'findings']));
  });

  it('a table row per change: old → new, the match, links to last year’s file and this year’s cell', () => {
    const { plan, diff } = compared();
    const s = sheet(plan);
    expect(s.tables[0].name).toBe('HyokaChanges');
    const rule = columnOf(s, 'ルール');
    const r = findRow(s, { [rule]: 'target-revised' });
    const c = diff.changes.find((x) => x.rule === 'target-revised')!;
    expect([cell(s, r, columnOf(s, '昨年度')), cell(s, r, columnOf(s, '今年度'))]).toEqual([c.old, c.new]);
    expect(cell(s, r, columnOf(s, '対応付け（確度）'))).toBe('番号（1.00）');
    const links = s.hyperlinks.filter((h) => h.cell.endsWith(String(r + 1)));
    expect(links.map((h) => h.target.file)).toEqual(['../R5/評価.xlsx', undefined]);
  });

  it('lists the renamed project among the matches to check', () => {
    const s = sheet(compared().plan);
    const strings = s.blocks[0].values.flat();
    expect(strings).toContain('名称が変わった・似た名称で対応付けた項目（確認してください）');
    const renamed = compared().diff.matches.find((m) => m.renamed)!;
    expect(strings).toContain(renamed.last.name);
  });

  it('the changes are in 検証結果 too, and English reads as English', () => {
    const { plan } = compared('en');
    const findings = sheetByKey(plan, 'findings');
    expect(findings.blocks[0].values.flat()).toContain('project-ended');
    expect(sheet(plan).name).toBe('Changes since last year');
  });
});
