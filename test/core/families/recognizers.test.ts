/**
 * Each family recognizer on its own: a sheet that triggers it, a near miss it must leave alone,
 * and a clean case (a sheet of another family, or noise). And the choice between bids.
 */
import * as fs from 'fs';
import * as path from 'path';
import { measureSheetCase, projectSheetCase, projectTableCase } from '../../../bench/families/cases';
import { analyzeWorkbook } from '../../../src/core/analyze';
import { Grid } from '../../../src/core/grid';
import { recognizeMeasureSheet } from '../../../src/core/read/measureSheet/recognize';
import { recognizeProjectSheet } from '../../../src/core/read/projectSheet/recognize';
import { recognizeProjectTable } from '../../../src/core/read/projectTable/recognize';
import type { SheetSnapshot } from '../../../src/core/snapshot';
import { readXlsxSnapshot } from '../../../src/xlsx/readXlsx';

const rows = (name: string, values: (string | number | null)[][], merges: string[] = []): SheetSnapshot => ({
  name,
  cells: values.flatMap((r, i) => r.map((v, j) => ({ row: i, col: j, value: v })).filter((x) => x.value !== null)),
  merges,
});

const noise = rows('メモ', [['打合せメモ'], [null, '数値は半角で'], [null, 42]]);

let seed: SheetSnapshot;
beforeAll(async () => {
  seed = (await readXlsxSnapshot(fs.readFileSync(path.join(__dirname, '../../fixtures/seed.xlsx')))).sheets[0];
});

describe('projectTable recognizer', () => {
  it('triggers on a flat export: header band, year blocks, indicators, hierarchy', () => {
    const sheet = projectTableCase(3).drafts[0].snapshot();
    const r = recognizeProjectTable(new Grid(sheet))!;
    expect(r.candidate.family).toBe('projectTable');
    expect(r.candidate.score).toBeGreaterThanOrEqual(0.75);
    expect(r.layout.yearBlocks.length).toBe(3);
    expect(r.candidate.reasonJa).toMatch(/1行1事業の表/);
  });
  it('reads a table of one indicator per row: "指標名 | 単位 | R4目標 | R4実績", rows of one project joined', () => {
    const sheet = rows('指標一覧', [
      ['事業ID', '事務事業名', '施策番号', '担当課', '指標名', '単位', 'R4目標', 'R4実績', 'R5目標', 'R5実績', 'R5決算額'],
      ['101', '子育て相談事業', '2-3', '子ども課', '相談件数', '件', 100, 110, 120, 115, 5000],
      ['101', '子育て相談事業', '2-3', '子ども課', '満足度', '%', 80, 82, 85, 86, null],
      ['102', '放課後児童クラブ運営事業', '2-3', '子ども課', '登録児童数', '人', 300, 310, 320, 330, 12000],
    ]);
    const m = analyzeWorkbook({ sheets: [sheet] });
    expect(m.sheets[0].kind).toBe('projectTable');
    const projects = m.policyFields.flatMap((f) => f.measures.flatMap((x) => x.projects));
    expect(projects.map((p) => p.projectId)).toEqual(['101', '102']);
    const child = projects[0].indicators.map((i) => [i.name, i.unit, i.years.map((y) => [y.fiscalYear, y.target, y.actual])]);
    // 実績 after a year is the indicator's actual, not a 決算 money basis: one entry per year.
    expect(child).toEqual([
      ['相談件数', '件', [[2022, 100, 110], [2023, 120, 115]]],
      ['満足度', '%', [[2022, 80, 82], [2023, 85, 86]]],
    ]);
    expect(projects[1].finance.map((y) => [y.fiscalYear, y.projectCost])).toEqual([[2023, 12000]]);
  });
  it('leaves a plain 事務事業一覧 (names, no money, indicators or hierarchy) alone', () => {
    const list = rows('一覧', [
      ['番号', '事務事業名', '次年度方針', '担当課'],
      [1, '市民協働推進事業', '継続', '市民協働課'],
      [2, '生涯学習講座', '拡充', '生涯学習課'],
    ]);
    expect(recognizeProjectTable(new Grid(list))).toBeNull();
  });
  it('needs project rows under the header', () => {
    const one = rows('一覧', [['事務事業名', '事業費', '一般財源', '政策名'], ['市民協働推進事業', 100, 50, '協働']]);
    expect(recognizeProjectTable(new Grid(one))).toBeNull();
  });
  it('is clean on noise and on a project sheet', () => {
    expect(recognizeProjectTable(new Grid(noise))).toBeNull();
    const sheet = projectSheetCase(2).drafts.find((d) => !/メモ|記入|Sheet/.test(d.name))!.snapshot();
    expect(recognizeProjectTable(new Grid(sheet))?.candidate.score ?? 0).toBeLessThan(recognizeProjectSheet(new Grid(sheet))!.candidate.score);
  });
});

describe('projectSheet recognizer', () => {
  it('triggers on a 事務事業評価シート and finds each stacked project', () => {
    const c = projectSheetCase(5);
    const sheets = c.drafts.filter((d) => !/メモ|記入|Sheet/.test(d.name));
    const segments = sheets.map((d) => recognizeProjectSheet(new Grid(d.snapshot()))!.layout.segments.length);
    expect(segments.reduce((a, b) => a + b, 0)).toBe(c.projects.length);
  });
  it('leaves a 事務事業名 column header with its names below alone (a list)', () => {
    const list = rows('施策', [
      ['No', '事務事業名', '担当課', '令和5年度決算額'],
      [1, '市民協働推進事業', '市民協働課', 1200],
      [2, '生涯学習講座', '生涯学習課', 800],
    ]);
    expect(recognizeProjectSheet(new Grid(list))).toBeNull();
  });
  it('leaves a name with no indicator table, money table or title alone', () => {
    const bare = rows('X', [['事務事業名', '市民協働推進事業'], ['担当課', '市民協働課']]);
    expect(recognizeProjectSheet(new Grid(bare))).toBeNull();
  });
  it('is clean on noise', () => expect(recognizeProjectSheet(new Grid(noise))).toBeNull());
});

describe('measureSheet recognizer', () => {
  it('triggers on a 施策評価シート: 施策, 成果指標, project list', () => {
    const d = measureSheetCase(4).drafts[0];
    const r = recognizeMeasureSheet(new Grid(d.snapshot()))!;
    expect(r.candidate.family).toBe('measureSheet');
    expect(r.layout.listHeaderRow).not.toBeNull();
  });
  it('bids below the project recognizer on a project sheet that names its 施策', () => {
    const c = projectSheetCase(1, { hierarchy: 'code' });
    const g = new Grid(c.drafts.find((d) => !/メモ|記入|Sheet/.test(d.name))!.snapshot());
    const m = recognizeMeasureSheet(g);
    expect(m?.candidate.score ?? 0).toBeLessThan(recognizeProjectSheet(g)!.candidate.score);
  });
  it('is clean on noise', () => expect(recognizeMeasureSheet(new Grid(noise))).toBeNull());
});

describe('choosing between bids', () => {
  it("keeps the seed sheet a policy field sheet (its own structure: the other recognizers are not asked)", () => {
    const model = analyzeWorkbook({ sheets: [seed] });
    expect(model.sheets[0].kind).toBe('policyField');
    expect(model.sheets[0].family).toBe('policyField');
    expect(model.sheets[0].candidates?.[0]).toMatchObject({ family: 'policyField', score: 1 });
  });
  it('reads every family of a mixed workbook into one model', () => {
    const a = projectTableCase(11);
    const b = measureSheetCase(12, true);
    const model = analyzeWorkbook({ sheets: [seed, ...a.drafts.map((d) => d.snapshot()), ...b.drafts.map((d) => d.snapshot()), noise] });
    const kinds = model.sheets.map((s) => s.kind);
    expect(kinds[0]).toBe('policyField');
    expect(kinds).toContain('projectTable');
    expect(kinds).toContain('measureSheet');
    expect(kinds).toContain('projectSheet');
    expect(kinds[kinds.length - 1]).toBe('unknown');
    expect(model.policyFields.find((f) => f.id === '9')?.measures.length).toBe(3);
  });
  it('lets the user force a family, and says when it is not there', () => {
    const sheet = projectTableCase(3).drafts[0].snapshot();
    const forced = analyzeWorkbook({ sheets: [sheet] }, { sheetKinds: { [sheet.name]: 'projectSheet' } });
    expect(forced.sheets[0].reason).toMatch(/no projectSheet layout was found/);
    expect(forced.policyFields).toHaveLength(0);
  });
});
