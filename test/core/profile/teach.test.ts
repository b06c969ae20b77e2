/**
 * Teach mode and the layout step, in the core: cells marked with roles become a custom profile
 * entry that reads the layout; the description of a reading lists what was read as what, and
 * one edited row gives a profile that reads differently — the change, and only it.
 */
import * as fs from 'fs';
import * as path from 'path';
import { projectSheetCase, snapshotOf } from '../../../bench/families/cases';
import { analyzeWithProfile, analyzeWorkbook } from '../../../src/core/analyze';
import { describeLayouts, editProfile } from '../../../src/core/profile/describe';
import { teachEntry } from '../../../src/core/profile/teach';
import { validateProfile } from '../../../src/core/profile/validate';
import { readXlsxSnapshot } from '../../../src/xlsx/readXlsx';
import { TWO_TABLE_PROFILE, twoTableSheet } from './cases';

const OPTIONS = { level: 'field' as const, kind: 'kpi' as const, ownerName: '協働のまちづくり', ownerId: '12' };
const MARKS = [
  { role: 'years' as const, range: 'A5:A7' },
  { role: 'names' as const, range: 'B4:D4' },
  { role: 'targets' as const, range: 'B5:D7' },
  { role: 'years' as const, range: 'A12:A14' },
  { role: 'names' as const, range: 'B11:D11' },
  { role: 'actuals' as const, range: 'B12:D14' },
];

describe('teach mode', () => {
  it('turns marked cells into a profile that reads the sheet as the hand-written one does', () => {
    const wb = { sheets: [twoTableSheet()] };
    const { entry, problems } = teachEntry(wb, '指標の推移', MARKS, OPTIONS);
    expect(problems).toEqual([]);
    const profile = { profileVersion: 1 as const, sheets: [entry!] };
    expect(validateProfile(JSON.parse(JSON.stringify(profile))).problems).toEqual([]);
    // Anchored on the two titles, not pinned: it survives inserted rows.
    expect(JSON.stringify(entry)).toContain('"anchor":"目標値の推移"');
    const taught = analyzeWorkbook(wb, { profile });
    const written = analyzeWorkbook(wb, { profile: TWO_TABLE_PROFILE });
    expect(taught.policyFields).toEqual(written.policyFields);
    expect(taught.policyFields[0].indicators).toHaveLength(3);
  });

  it('says what is missing: values without years, years without a year, an unreadable range', () => {
    const wb = { sheets: [twoTableSheet()] };
    const r1 = teachEntry(wb, '指標の推移', [{ role: 'targets', range: 'B5:D7' }], OPTIONS);
    expect(r1.entry).toBeNull();
    expect(r1.problems[0].ja).toMatch(/年度の範囲がありません/);
    const r2 = teachEntry(wb, '指標の推移', [{ role: 'years', range: 'B4:D4' }, { role: 'names', range: 'A5:A7' }, { role: 'targets', range: 'B5:D7' }], OPTIONS);
    expect(r2.problems.map((p) => p.en).join(' ')).toMatch(/No fiscal year in the years range B4:D4/);
    expect(teachEntry(wb, '指標の推移', [{ role: 'years', range: 'not a range' }], OPTIONS).problems[0].en).toMatch(/Cannot read the range/);
    expect(teachEntry(wb, 'ない', MARKS, OPTIONS).problems[0].ja).toMatch(/シート「ない」がありません/);
  });
});

describe('the layout step: describe and edit', () => {
  it('a flat export: columns and year blocks with their roles; moving 一般財源 to その他 changes that and nothing else', async () => {
    const snapshot = await readXlsxSnapshot(fs.readFileSync(path.join(__dirname, '../../fixtures/families/flat-export-labelled.xlsx')));
    const { model, profile } = analyzeWithProfile(snapshot);
    const [view] = describeLayouts(snapshot, profile);
    expect(view.family).toBe('projectTable');
    expect(view.rows.find((r) => r.id === 'col:name')).toMatchObject({ role: 'name', label: '事務事業名' });
    const gf = view.rows.find((r) => r.kind === 'money' && r.role === 'generalFund')!;
    expect(gf.choices).toContain('other');
    const edited = editProfile(profile, { entry: view.entry, row: gf.id, value: 'other' });
    expect(profile).not.toEqual(edited);
    const again = analyzeWorkbook(snapshot, { profile: edited });
    const year = Number(/^block:(\d+)/.exec(gf.id)![1]);
    const p0 = model.policyFields[0].measures[0].projects[0];
    const p1 = again.policyFields[0].measures[0].projects[0];
    const fy = p0.finance[year];
    const fy1 = p1.finance.find((y) => y.fiscalYear === fy.fiscalYear)!;
    expect(fy1.generalFund ?? null).toBeNull();
    expect(fy1.other).toBe(fy.generalFund);
    expect(fy1.projectCost).toBe(fy.projectCost);
  });

  it("a project sheet's money rows are its money table's own: not the grade, the next project's header or the sheet title", async () => {
    const snapshot = await readXlsxSnapshot(fs.readFileSync(path.join(__dirname, '../../fixtures/families/project-sheets.xlsx')));
    const { profile } = analyzeWithProfile(snapshot);
    const views = describeLayouts(snapshot, profile).filter((v) => v.family === 'projectSheet');
    expect(views.length).toBeGreaterThan(3);
    for (const v of views) {
      const money = v.rows.filter((r) => r.kind === 'money');
      expect(money.map((r) => r.role)).toContain('projectCost');
      // Every listed row is a money row; header values (a number, a name, 令和6年度…シート, a grade) are not.
      expect(money.filter((r) => r.role === 'ignore').map((r) => r.label)).toEqual([]);
    }
    // A row the user set to 'ignore' stays listed (else the choice could not be undone).
    const v = views[0];
    const first = v.rows.find((r) => r.kind === 'money')!;
    const edited = editProfile(profile, { entry: v.entry, row: first.id, value: 'ignore' });
    const again = describeLayouts(snapshot, edited).find((x) => x.sheet === v.sheet)!;
    expect(again.rows.find((r) => r.id === first.id)?.role).toBe('ignore');
  });

  it('a project sheet: its money rows and evaluation year; pinning the year and remapping a row re-read the sheet', () => {
    const c = projectSheetCase(3, { indicators: 'combined', title: 'plain', moneyYears: 'labelled', prefLabel: '県補助金' });
    const snapshot = snapshotOf(c);
    const { model, profile } = analyzeWithProfile(snapshot);
    const view = describeLayouts(snapshot, profile).find((v) => v.family === 'projectSheet')!;
    const pref = view.rows.find((r) => r.id === 'money:県補助金')!;
    expect(pref.role).toBe('prefectural');
    let edited = editProfile(profile, { entry: view.entry, row: pref.id, value: 'national' });
    const year = view.rows.find((r) => r.id === 'evaluationYear')!;
    edited = editProfile(edited, { entry: view.entry, row: 'evaluationYear', value: String(Number(year.role) - 1) });
    const a = model.policyFields.flatMap((f) => f.measures.flatMap((m) => m.projects)).find((p) => p.source.sheet === view.sheet)!;
    const b = analyzeWorkbook(snapshot, { profile: edited }).policyFields.flatMap((f) => f.measures.flatMap((m) => m.projects)).find((p) => p.source.sheet === view.sheet)!;
    // 県補助金 is now read as 国庫支出金 (the first national row wins; prefectural is gone).
    expect(b.finance.every((y) => y.prefectural === undefined)).toBe(true);
    // One year earlier: the evaluation year's combined value becomes a plan, not an actual.
    const ey = Number(year.role);
    const ia = a.indicators[0].years.find((y) => y.fiscalYear === ey)!;
    const ib = b.indicators[0].years.find((y) => y.fiscalYear === ey)!;
    expect(ia.actual).not.toBeNull();
    expect(ib.actual).toBeNull();
    expect(ib.target).toBe(ia.actual);
  });
});
