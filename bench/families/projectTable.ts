/**
 * Lays projects out as a flat export, one row per project: one to three header rows (a filler
 * row, a group row with the year of each block), the hierarchy as digit, number or code
 * columns, numbered indicators, and the same block of money and indicator columns per year —
 * labelled with its year, or not (the year then comes from the 年度 column and the block order).
 */
import { SheetDraft, type Value } from './draft';
import { pick, type Rand, type SpecProject } from './spec';
import { num, projectCode, type ExpectedFinance, type ExpectedProject } from './truth';
import { basisWord, yearText, type YearStyle } from './years';

export interface ProjectTableVariant {
  filler: boolean;
  /** group: a header row above with the block's year; inline: "R4事業費"; none: no year labels. */
  yearLabels: 'group' | 'inline' | 'none';
  yearStyle: YearStyle;
  hierarchy: 'digits' | 'numbers' | 'code' | 'prefixed';
  /** The 年度 column's values: 5, "令和5年度" or 2023. */
  yearColumn: 'bare' | 'era' | 'western';
  breakdown: boolean;
  indicatorTargets: boolean;
  grades: boolean;
  unit: '千円' | '円';
  title: boolean;
}

export function randomProjectTableVariant(rand: Rand): ProjectTableVariant {
  return {
    filler: rand() < 0.4,
    yearLabels: pick(rand, ['group', 'inline', 'none'] as const),
    yearStyle: pick(rand, ['reiwa', 'short', 'western'] as const),
    hierarchy: pick(rand, ['digits', 'numbers', 'code', 'prefixed'] as const),
    yearColumn: pick(rand, ['bare', 'era', 'western'] as const),
    breakdown: rand() < 0.6,
    indicatorTargets: rand() < 0.5,
    grades: rand() < 0.5,
    unit: pick(rand, ['千円', '円'] as const),
    title: rand() < 0.4,
  };
}

const KANA = ['ア', 'イ', 'ウ'];
const WORD = { activity: '活動指標', outcome: '成果指標', 'target-population': '対象指標', kpi: 'KPI' } as const;

export function renderProjectTable(d: SheetDraft, projects: SpecProject[], v: ProjectTableVariant, evaluationYear: number): void {
  let r = 0;
  if (v.title) {
    d.put(r, 0, `${yearText(evaluationYear, 'reiwa')} 事務事業評価 一覧表（単位：${v.unit}）`);
    r += 2;
  }
  if (v.filler) {
    for (let c = 0; c < 12; c++) d.put(r, c, '調整用（このセルには必ず何か入力していること、非表示にしないこと）');
    r++;
  }
  const groupRow = v.yearLabels === 'group' ? r++ : -1;
  const head = r;
  const cols: Value[] = ['No.', '年度', '事務事業ID', '事務事業名'];
  if (v.hierarchy === 'digits') cols.push('政策番号\n十の位', '政策番号\n一の位', '政策名', '施策番号\n十の位', '施策番号\n一の位', '施策名', '基本事業番号', '基本事業名');
  else if (v.hierarchy === 'numbers') cols.push('政策番号', '政策名', '施策番号', '施策名', '基本事業番号', '基本事業名');
  else if (v.hierarchy === 'code') cols.push('施策体系コード', '政策名', '施策名', '基本事業名');
  else cols.push('政策', '施策', '基本事業');
  cols.push('担当課', '根拠法令');
  const kinds = projects[0].indicators.map((i) => i.kind);
  const slots = kinds.map((k, i) => ({ kind: k, slot: KANA[kinds.slice(0, i).filter((x) => x === k).length] }));
  for (const s of slots) cols.push(`${WORD[s.kind]}\n${s.slot}：名称`, `${WORD[s.kind]}\n${s.slot}：単位`);
  if (v.grades) cols.push('一次評価', '二次評価');
  d.line(head, 0, cols);
  const blockStart = cols.length;
  const finance = projects[0].finance;
  const items: [string, keyof SpecProject['finance'][number]][] = v.breakdown
    ? [
        ['国庫支出金', 'national'],
        ['都道府県支出金', 'prefectural'],
        ['地方債', 'bonds'],
        ['その他', 'other'],
        ['一般財源', 'generalFund'],
        ['事業費計（A）', 'projectCost'],
        ['人件費計（B）', 'personnelCost'],
        ['トータルコスト(A)＋(B)', 'totalCost'],
      ]
    : [
        ['事業費', 'projectCost'],
        ['一般財源', 'generalFund'],
        ['人件費', 'personnelCost'],
      ];
  const block: { label: string; get: (p: SpecProject, k: number) => Value }[] = [];
  // Without a title the unit goes with the money headers.
  const unitTag = !v.title && v.unit === '円' ? '（円）' : '';
  for (const [label, key] of items) block.push({ label: label + unitTag, get: (p, k) => money(p.finance[k][key] as number, v.unit) });
  slots.forEach((s, i) => {
    if (v.indicatorTargets) block.push({ label: `${WORD[s.kind]}${s.slot}\n目標`, get: (p, k) => p.indicators[i].targets[k] });
    block.push({ label: `${WORD[s.kind]}${s.slot}\n実績`, get: (p, k) => actualText(p.indicators[i].actuals[k]) });
  });
  finance.forEach((f, k) => {
    const c0 = blockStart + k * block.length;
    const year = `${yearText(f.fiscalYear, v.yearStyle)}${basisWord(f.basis)}`;
    if (v.yearLabels === 'group') d.put(groupRow, c0, year).merge(groupRow, c0, groupRow, c0 + block.length - 1);
    block.forEach((b, j) => d.put(head, c0 + j, v.yearLabels === 'inline' ? `${year}\n${b.label}` : b.label));
  });
  projects.forEach((p, i) => {
    const row = head + 1 + i;
    const pl = p.place;
    const [pm, mm] = pl.measure.no.split('-');
    const yearValue: Value = v.yearColumn === 'bare' ? evaluationYear - 2018 : v.yearColumn === 'era' ? yearText(evaluationYear, 'reiwa') : evaluationYear;
    const vals: Value[] = [i + 1, yearValue, p.projectId, p.name];
    const digits = (n: string) => [String(Math.floor(Number(n) / 10)), String(Number(n) % 10)];
    if (v.hierarchy === 'digits') vals.push(...digits(pm), pl.policy.name, ...digits(mm), pl.measure.name, pl.basic?.no ?? null, pl.basic?.name ?? null);
    else if (v.hierarchy === 'numbers') vals.push(Number(pm), pl.policy.name, Number(mm), pl.measure.name, pl.basic?.no ?? null, pl.basic?.name ?? null);
    else if (v.hierarchy === 'code') vals.push(projectCode(p), pl.policy.name, pl.measure.name, pl.basic?.name ?? null);
    else vals.push(`${pm} ${pl.policy.name}`, `${mm} ${pl.measure.name}`, pl.basic ? `${pl.basic.no} ${pl.basic.name}` : null);
    vals.push(p.department, p.legalBasis);
    p.indicators.forEach((ind) => vals.push(ind.name, ind.unit));
    if (v.grades) vals.push(p.grades.primary, p.grades.secondary);
    d.line(row, 0, vals);
    finance.forEach((_, k) => block.forEach((b, j) => d.put(row, blockStart + k * block.length + j, b.get(p, k))));
  });
}

function money(x: number, unit: '千円' | '円'): number {
  return unit === '円' ? x * 1000 : x;
}

function actualText(x: number | string | null): Value {
  return x === null ? '-' : x;
}

export function expectProjectTable(p: SpecProject, v: ProjectTableVariant): ExpectedProject {
  const pl = p.place;
  const inferred = v.yearLabels === 'none';
  const u = (x: number) => money(x, v.unit);
  return {
    fieldId: pl.policy.no,
    measureCode: pl.measure.no,
    name: p.name,
    projectId: p.projectId,
    department: p.department,
    legalBasis: p.legalBasis,
    code: projectCode(p),
    basic: pl.basic,
    indicators: p.indicators.map((ind) => ({
      kind: ind.kind,
      name: ind.name,
      unit: ind.unit,
      years: ind.years.map((fiscalYear, k) => ({ fiscalYear, target: v.indicatorTargets ? ind.targets[k] : null, actual: num(ind.actuals[k]) })),
    })),
    finance: p.finance.map((f): ExpectedFinance => {
      const e: ExpectedFinance = { fiscalYear: f.fiscalYear, basis: inferred ? null : f.basis, projectCost: u(f.projectCost), generalFund: u(f.generalFund), personnelCost: u(f.personnelCost) };
      if (v.breakdown) Object.assign(e, { national: u(f.national), prefectural: u(f.prefectural), bonds: u(f.bonds), other: u(f.other), totalCost: u(f.totalCost) });
      if (inferred) e.yearInferred = true;
      return e;
    }),
    financeUnit: v.unit,
    sheetGrades: v.grades
      ? [
          ...(p.grades.primary ? [{ stage: 'primary' as const, grade: p.grades.primary }] : []),
          ...(p.grades.secondary ? [{ stage: 'secondary' as const, grade: p.grades.secondary }] : []),
        ]
      : [],
  };
}
