/**
 * The rules that need a family sheet: each fires on its trigger and stays silent on the clean
 * project and on its near miss; and the indicator rules reach a project's own indicators.
 */
import { analyzeWorkbook } from '../../../src/core/analyze';
import { analyzeCase, cleanProject, FAMILY_NEAR_MISSES, FAMILY_TRIGGERS, measureWorkbook, projectWorkbook, type RuleCase } from './ruleCases';

const fired = (c: RuleCase, rule: string) => analyzeCase(c).findings.filter((f) => f.rule === rule);

it('the clean project sheet raises no finding at all', () => {
  expect(analyzeWorkbook(projectWorkbook(cleanProject())).findings).toEqual([]);
});

describe.each(Object.keys(FAMILY_TRIGGERS))('%s', (id) => {
  it('fires on its trigger, at a cell of the sheet, in both languages', () => {
    const found = fired(FAMILY_TRIGGERS[id](), id);
    expect(found.length).toBeGreaterThan(0);
    for (const f of found) {
      expect(f.sheet).toBe('事業101');
      expect(f.address).toMatch(/^[A-Z]+[0-9]+$/);
      expect(f.messageJa).not.toMatch(/undefined|NaN|^$/);
      expect(f.messageEn).not.toMatch(/undefined|NaN|^$/);
    }
  });
  it('stays silent on the clean project and on its near miss', () => {
    expect(fired(projectWorkbook(cleanProject()), id)).toEqual([]);
    expect(fired(FAMILY_NEAR_MISSES[id](), id)).toEqual([]);
  });
});

it('finance-breakdown-sum names the year, the sum and the cost, at the cost cell', () => {
  const [f] = fired(FAMILY_TRIGGERS['finance-breakdown-sum'](), 'finance-breakdown-sum');
  expect(f).toMatchObject({ fiscalYear: 2023, project: '101', severity: 'warning' });
  expect(f.messageJa).toContain('財源内訳の合計 1,100 千円が事業費 1,000 千円と一致しません');
});

it('a 人件費 given as 人工 with the rate of the sheet is converted, and marked derived', () => {
  // The 人工 and 平均人件費 rows, without the 人件費 row.
  const wb = FAMILY_NEAR_MISSES['finance-personnel-not-converted']() as ReturnType<typeof projectWorkbook>;
  const row = wb.sheets[0].cells!.find((c) => c.value === '人件費（B）')!.row;
  wb.sheets[0].cells = wb.sheets[0].cells!.filter((c) => c.row !== row);
  const model = analyzeWorkbook(wb);
  const y = model.policyFields[0].measures[0].projects[0].finance[0];
  expect(y).toMatchObject({ staff: 0.5, personnelRate: 8000, personnelCost: 4000, derived: ['personnelCost'] });
});

it('a measure graded A while its 成果指標 missed every target is reported; graded B it is not', () => {
  expect(analyzeWorkbook(measureWorkbook('A', [25, 26, 27])).findings.filter((f) => f.rule === 'grade-contradicts-indicators')).toHaveLength(1);
  expect(analyzeWorkbook(measureWorkbook('B', [25, 26, 27])).findings.filter((f) => f.rule === 'grade-contradicts-indicators')).toHaveLength(0);
});

it('the indicator rules reach the indicators of a project, named by project and kind', () => {
  const p = cleanProject();
  p.indicators[1].actuals = [82, 85, 70];
  const found = analyzeWorkbook(projectWorkbook(p)).findings.filter((f) => f.rule === 'kpi-below-target');
  expect(found).toHaveLength(1);
  expect(found[0]).toMatchObject({ project: '101', indicator: 2, fiscalYear: 2023 });
  expect(found[0].messageJa).toMatch(/^事業 101「地域づくり活動支援事業」 成果指標2「参加者の満足度」: 令和5年度（2023）の実績 70件 が目標 80件/);
});
