/**
 * Lays a measure spec out as a 施策評価シート: the measure's header (施策名, 施策番号, 政策), its
 * 成果指標 with 基準値 and a final target, the grade written for it, and the list of its projects.
 */
import { SheetDraft } from './draft';
import { pick, type Rand, type SpecMeasure } from './spec';
import { splitYears, type ExpectedMeasure } from './truth';
import { basisWord, yearText, type YearStyle } from './years';

export interface MeasureSheetVariant {
  title: boolean;
  yearStyle: YearStyle;
  nameLabel: string;
  codeLabel: string;
  policyLabel: string;
  indicators: 'rows' | 'subheader';
  gradeLabel: string;
  listTitle: string;
  col0: number;
  baselineColumn: boolean;
}

export function randomMeasureSheetVariant(rand: Rand): MeasureSheetVariant {
  return {
    title: rand() < 0.8,
    yearStyle: pick(rand, ['reiwa', 'short', 'western', 'fullWidth'] as const),
    nameLabel: pick(rand, ['施策名', '施策', '基本施策名']),
    codeLabel: pick(rand, ['施策番号', '施策№', '施策コード']),
    policyLabel: pick(rand, ['政策', '基本目標', '政策分野']),
    indicators: pick(rand, ['rows', 'subheader'] as const),
    gradeLabel: pick(rand, ['総合評価', '施策の評価', '評価結果', '一次評価']),
    listTitle: pick(rand, ['構成事務事業', '施策を構成する事務事業', '主な事務事業']),
    col0: pick(rand, [0, 1]),
    baselineColumn: rand() < 0.6,
  };
}

export function renderMeasureSheet(d: SheetDraft, m: SpecMeasure, v: MeasureSheetVariant, evaluationYear: number): void {
  const c = v.col0;
  let r = 0;
  if (v.title) {
    d.put(r, c, `${yearText(evaluationYear + 1, 'reiwa')} 施策評価シート`).merge(r, c, r, c + 8);
    r += 2;
  }
  const pair = (label: string, value: string | number, col = c) => {
    d.put(r, col, label).merge(r, col, r, col + 1);
    d.put(r, col + 2, value).merge(r, col + 2, r, col + 5);
  };
  pair(v.policyLabel, `${m.place.policy.no} ${m.place.policy.name}`);
  r++;
  pair(v.codeLabel, m.place.measure.no);
  pair('主管課', m.department, c + 6);
  r++;
  pair(v.nameLabel, m.place.measure.name);
  r += 2;
  d.put(r++, c, '成果指標');
  const years = m.indicators[0].years;
  const nameCol = c;
  const unitCol = c + 2;
  const baseCol = c + 3;
  const roleCol = v.baselineColumn ? c + 4 : c + 3;
  const y0 = v.indicators === 'rows' ? roleCol + 1 : roleCol;
  const finalCol = y0 + years.length * (v.indicators === 'subheader' ? 2 : 1);
  d.put(r, nameCol, '指標名').merge(r, nameCol, r, nameCol + 1);
  d.put(r, unitCol, '単位');
  if (v.baselineColumn) d.put(r, baseCol, `基準値(${yearText(years[0] - 1, 'short')})`);
  if (v.indicators === 'subheader') {
    years.forEach((y, i) => {
      d.put(r, y0 + 2 * i, yearText(y, v.yearStyle)).merge(r, y0 + 2 * i, r, y0 + 2 * i + 1);
      d.put(r + 1, y0 + 2 * i, '目標').put(r + 1, y0 + 2 * i + 1, '実績');
    });
  } else years.forEach((y, i) => d.put(r, y0 + i, yearText(y, v.yearStyle)));
  d.put(r, finalCol, '最終目標値');
  d.put(r, finalCol + 1, '目標年度');
  r += v.indicators === 'subheader' ? 2 : 1;
  for (const ind of m.indicators) {
    const rows = v.indicators === 'rows' ? 2 : 1;
    d.put(r, nameCol, ind.name).merge(r, nameCol, r + rows - 1, nameCol + 1);
    d.put(r, unitCol, ind.unit).merge(r, unitCol, r + rows - 1, unitCol);
    if (v.baselineColumn) d.put(r, baseCol, ind.baseline).merge(r, baseCol, r + rows - 1, baseCol);
    const a = (x: number | string | null) => (x === null ? '-' : x);
    if (v.indicators === 'rows') {
      d.put(r, roleCol, '目標').put(r + 1, roleCol, '実績');
      years.forEach((_, i) => d.put(r, y0 + i, ind.targets[i]).put(r + 1, y0 + i, a(ind.actuals[i])));
    } else years.forEach((_, i) => d.put(r, y0 + 2 * i, ind.targets[i]).put(r, y0 + 2 * i + 1, a(ind.actuals[i])));
    d.put(r, finalCol, ind.finalTarget).merge(r, finalCol, r + rows - 1, finalCol);
    if (ind.finalTarget !== null) d.put(r, finalCol + 1, yearText(years[years.length - 1] + 2, 'reiwa'));
    r += rows;
  }
  r++;
  d.put(r, c, v.gradeLabel).merge(r, c, r, c + 1);
  d.put(r, c + 2, m.grade);
  r += 2;
  d.put(r++, c, v.listTitle);
  const cost = m.projects[0]?.finance.find((f) => f.fiscalYear === evaluationYear);
  d.line(r, c, ['No', '事務事業名', null, null, '担当課', `${yearText(evaluationYear, v.yearStyle)}${basisWord(cost?.basis ?? 'settlement')}額`, '評価', '今後の方向性']);
  d.merge(r, c + 1, r, c + 3);
  r++;
  m.projects.forEach((p, i) => {
    const f = p.finance.find((x) => x.fiscalYear === evaluationYear);
    d.line(r, c, [i + 1, p.name, null, null, p.department, f ? f.projectCost : null, p.grades.primary, p.nextYearPolicy]);
    d.merge(r, c + 1, r, c + 3);
    r++;
  });
}

export function expectMeasureSheet(m: SpecMeasure, v: MeasureSheetVariant): ExpectedMeasure {
  return {
    fieldId: m.place.policy.no,
    code: m.place.measure.no,
    name: m.place.measure.name,
    indicators: m.indicators.map((ind) => ({
      kind: 'outcome',
      name: ind.name,
      unit: ind.unit,
      years: splitYears(ind),
      finalTarget: ind.finalTarget,
      ...(v.baselineColumn ? { baseline: ind.baseline } : {}),
    })),
    sheetGrades: [{ stage: /一次/.test(v.gradeLabel) ? 'primary' : 'overall', grade: m.grade }],
    projectNames: m.projects.map((p) => p.name),
  };
}
