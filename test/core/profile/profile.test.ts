/**
 * Layout profiles: every automatic reading is a profile that reads the same model again; a
 * profile made on one workbook reads another of the same layout (rows inserted, sheet renamed);
 * a hand-written profile reads a layout no recognizer reads; a profile that does not fit says
 * which label is missing and the sheet is still read.
 */
import * as fs from 'fs';
import * as path from 'path';
import { projectSheetCase, projectTableCase, snapshotOf } from '../../../bench/families/cases';
import { compareProjects } from '../../../bench/families/compare';
import type { ProjectSheetVariant } from '../../../bench/families/projectSheet';
import { analyzeWithProfile, analyzeWorkbook } from '../../../src/core/analyze';
import type { LayoutProfile } from '../../../src/core/profile/types';
import type { SheetSnapshot, WorkbookSnapshot } from '../../../src/core/snapshot';
import { readXlsxSnapshot } from '../../../src/xlsx/readXlsx';
import { TWO_TABLE_PROFILE, twoTableSheet } from './cases';

const FIX = path.join(__dirname, '../../fixtures');
const fixtures = [
  ...fs.readdirSync(path.join(FIX, 'families')).filter((f) => f.endsWith('.xlsx')).map((f) => path.join(FIX, 'families', f)),
  path.join(FIX, 'seed.xlsx'),
  path.join(FIX, 'multi-field.xlsx'),
  path.join(FIX, 'layout-shifted.xlsx'),
  path.join(FIX, 'real/ofunato-report-r7.xlsx'),
];

/** The profile as it travels: JSON text and back. */
const viaJson = (p: LayoutProfile): LayoutProfile => JSON.parse(JSON.stringify(p));

describe('round trip: the automatic reading and the reading with its own profile agree', () => {
  it.each(fixtures.map((f) => [path.relative(FIX, f), f]))('%s', async (_name, file) => {
    const snapshot = await readXlsxSnapshot(fs.readFileSync(file));
    const auto = analyzeWithProfile(snapshot);
    expect(auto.profile.sheets.length).toBeGreaterThan(0);
    const again = analyzeWorkbook(snapshot, { profile: viaJson(auto.profile) });
    expect(again.policyFields).toEqual(auto.model.policyFields);
    expect(again.findings).toEqual(auto.model.findings);
    expect(again.sheets.map((s) => s.kind)).toEqual(auto.model.sheets.map((s) => s.kind));
  });
});

/** The same sheet with rows inserted at the top and the sheet renamed. */
function shifted(s: SheetSnapshot, rows: number, name: string): SheetSnapshot {
  return { ...s, name, cells: s.cells!.map((c) => ({ ...c, row: c.row + rows })), merges: (s.merges ?? []).map((m) => m.replace(/[0-9]+/g, (n) => String(Number(n) + rows))) };
}

describe('a profile made on one workbook reads another of the same layout', () => {
  it('a flat export: another department, rows inserted above, the sheet renamed', () => {
    const variant = { filler: true, yearLabels: 'none', yearStyle: 'reiwa', hierarchy: 'digits', yearColumn: 'bare', breakdown: true, indicatorTargets: false, grades: true, unit: '千円', title: false } as const;
    const kinds = ['activity', 'outcome'] as const;
    const a = projectTableCase(31, variant, [...kinds]);
    const b = projectTableCase(32, variant, [...kinds]);
    const profile = viaJson(analyzeWithProfile(snapshotOf(a)).profile);
    const other: WorkbookSnapshot = { sheets: [shifted(b.drafts[0].snapshot(), 3, '健康福祉部')] };
    const model = analyzeWorkbook(other, { profile });
    expect(model.sheets[0].reason).toMatch(/read with the layout profile/);
    expect(compareProjects(model, b.projects)).toEqual([]);
  });

  it('事務事業評価シート: a second department’s sheets, rows inserted, renamed', () => {
    const fixed: ProjectSheetVariant = {
      title: 'plain',
      yearStyle: 'reiwa',
      nameLabel: '事務事業名',
      idLabel: '事業番号',
      hierarchy: 'code',
      deptLabel: '所管課',
      indicators: 'rows',
      kindPlacement: 'column',
      unit: '千円',
      personnel: 'cost',
      moneyYears: 'labelled',
      labelWidth: 2,
      col0: 0,
      gradeLabels: ['一次評価', '二次評価'],
      emptySlot: false,
      prefLabel: '県支出金',
      bondLabel: '地方債',
    };
    const a = projectSheetCase(40, fixed);
    const b = projectSheetCase(41, fixed);
    const profile = viaJson(analyzeWithProfile(snapshotOf(a)).profile);
    const sheets = b.drafts.map((d, i) => shifted(d.snapshot(), 2, `部署B-${i + 1}`));
    const model = analyzeWorkbook({ sheets }, { profile });
    expect(compareProjects(model, b.projects)).toEqual([]);
    expect(model.sheets.filter((s) => s.kind === 'projectSheet').every((s) => /layout profile/.test(s.reason))).toBe(true);
  });
});

describe('a layout no recognizer reads, taught with a profile', () => {
  it('is not read automatically', () => {
    const model = analyzeWorkbook({ sheets: [twoTableSheet()] });
    expect(model.sheets[0].kind).toBe('unknown');
    expect(model.policyFields).toEqual([]);
  });

  it('is read through the profile: three KPIs with their targets and actuals, judged', () => {
    const model = analyzeWorkbook({ sheets: [twoTableSheet()] }, { profile: viaJson(TWO_TABLE_PROFILE) });
    expect(model.sheets[0]).toMatchObject({ kind: 'custom', family: 'custom' });
    const f = model.policyFields[0];
    expect(f).toMatchObject({ id: '12', name: '協働のまちづくり', asOf: 2023 });
    expect(f.indicators.map((i) => i.name)).toEqual(['協働事業数', '市民活動団体数', '交通事故件数']);
    const [a, b, c] = f.indicators;
    expect(a.years.map((y) => [y.fiscalYear, y.target, y.actual])).toEqual([
      [2021, 100, 105],
      [2022, 110, 112],
      [2023, 120, null],
    ]);
    expect(a.years[2]).toMatchObject({ actualState: 'pending', status: 'pending', actualSource: { sheet: '指標の推移', address: 'B14' } });
    expect(b.years[0]).toMatchObject({ status: 'notAchieved', targetSource: { address: 'C5' }, actualSource: { address: 'C12' } });
    // 交通事故件数 falls: a decrease KPI, met when at or below the target.
    expect(c.direction).toBe('decrease');
    expect(c.years.map((y) => y.status)).toEqual(['achieved', 'notAchieved', 'achieved']);
    expect(model.findings.map((x) => x.rule)).toEqual(expect.arrayContaining(['kpi-below-target', 'kpi-pending-actual']));
  });

  it('survives rows inserted above and a renamed sheet (the anchors are labels)', () => {
    const model = analyzeWorkbook({ sheets: [shifted(twoTableSheet(), 5, 'Sheet1')] }, { profile: viaJson(TWO_TABLE_PROFILE) });
    expect(model.policyFields[0].indicators[1].years[1]).toMatchObject({ target: 42, actual: 44 });
  });
});

describe('a profile that does not fit', () => {
  it('names the missing label, reads the sheet automatically and says an unused entry went unused', async () => {
    const snapshot = await readXlsxSnapshot(fs.readFileSync(path.join(FIX, 'families/flat-export-labelled.xlsx')));
    const profile = viaJson(analyzeWithProfile(snapshot).profile);
    const entry = profile.sheets[0];
    if (entry.family !== 'projectTable') throw new Error('expected a table entry');
    entry.layout.anchor = '事業の名前';
    profile.sheets.push({ match: { name: '存在しないシート' }, family: 'ignore', layout: {} });
    const model = analyzeWorkbook(snapshot, { profile });
    const missing = model.findings.find((f) => f.rule === 'profile-anchor-missing');
    expect(missing?.messageJa).toMatch(/「事業の名前」が見つかりません/);
    expect(model.findings.some((f) => f.rule === 'profile-entry-unused' && /存在しないシート/.test(f.messageJa))).toBe(true);
    expect(model.sheets[0].kind).toBe('projectTable');
    expect(model.policyFields.length).toBeGreaterThan(0);
  });

  it('an ignore entry leaves the sheet out, said so', () => {
    const model = analyzeWorkbook({ sheets: [twoTableSheet()] }, { profile: { profileVersion: 1, sheets: [{ match: { name: '指標*' }, family: 'ignore', layout: {} }] } });
    expect(model.sheets[0].reasonJa).toMatch(/読み取り対象外/);
  });
});
