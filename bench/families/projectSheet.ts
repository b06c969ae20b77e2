/**
 * Lays a project spec out as a 事務事業評価シート, the ways departments do: a header block of
 * label | value pairs, indicator tables (目標 / 実績 rows, 目標 | 実績 columns under merged years, or
 * one combined 実績値・計画値 row), a money table with its 財源内訳 and 人件費 (as a cost, as 人工 ×
 * 平均人件費, as 人工 alone, or with hours), and the grades written below.
 */
import type { IndicatorKind } from '../../src/core/model';
import { SheetDraft, type Value } from './draft';
import { pick, type Rand, type SpecIndicator, type SpecProject } from './spec';
import { combinedYears, projectCode, splitYears, type ExpectedFinance, type ExpectedProject } from './truth';
import { basisWord, yearText, type YearStyle } from './years';

export interface ProjectSheetVariant {
  title: 'plain' | 'evaluated' | 'none';
  yearStyle: YearStyle;
  nameLabel: string;
  idLabel: string;
  hierarchy: 'code' | 'rows' | 'codeName';
  deptLabel: string;
  indicators: 'rows' | 'subheader' | 'combined';
  kindPlacement: 'column' | 'title';
  unit: '千円' | '円';
  personnel: 'cost' | 'staffRate' | 'staffOnly' | 'hours';
  moneyYears: 'labelled' | 'relative';
  labelWidth: number;
  col0: number;
  gradeLabels: [string, string];
  /** An empty 成果指標3 slot left in the sheet. */
  emptySlot: boolean;
  prefLabel: string;
  bondLabel: string;
}

export function randomProjectSheetVariant(rand: Rand): ProjectSheetVariant {
  return {
    title: pick(rand, ['plain', 'evaluated', 'none'] as const),
    yearStyle: pick(rand, ['reiwa', 'short', 'western', 'fullWidth'] as const),
    nameLabel: pick(rand, ['事務事業名', '事業名', '事務事業名称']),
    idLabel: pick(rand, ['NO', '事業番号', '事務事業ID', '整理番号']),
    hierarchy: pick(rand, ['code', 'rows', 'codeName'] as const),
    deptLabel: pick(rand, ['所属', '担当課', '所管課', '部課名']),
    indicators: pick(rand, ['rows', 'subheader', 'combined'] as const),
    kindPlacement: pick(rand, ['column', 'title'] as const),
    unit: pick(rand, ['千円', '円'] as const),
    personnel: pick(rand, ['cost', 'staffRate', 'staffOnly', 'hours'] as const),
    moneyYears: pick(rand, ['labelled', 'relative'] as const),
    labelWidth: pick(rand, [1, 2, 3]),
    col0: pick(rand, [0, 1]),
    gradeLabels: pick(rand, [
      ['一次評価', '二次評価'],
      ['一次評価（担当課）', '二次評価（委員会）'],
      ['担当課評価', '外部評価'],
    ] as [string, string][]),
    emptySlot: rand() < 0.3,
    prefLabel: pick(rand, ['県支出金', '都道府県支出金', '道支出金', '県補助金']),
    bondLabel: pick(rand, ['地方債', '地方債（起債）', '市債']),
  };
}

const KIND_WORD: Record<IndicatorKind, string> = { kpi: '重要業績評価指標', outcome: '成果指標', activity: '活動指標', 'target-population': '対象指標' };

/** Money written in the sheet's unit. */
export function inUnit(v: number, unit: '千円' | '円'): number {
  return unit === '円' ? v * 1000 : v;
}

export function renderProjectSheet(d: SheetDraft, p: SpecProject, v: ProjectSheetVariant, evaluationYear: number, startRow = 0): void {
  const c0 = v.col0;
  const lw = v.labelWidth;
  const valueCol = c0 + lw;
  let r = startRow;
  const pair = (label: string, value: Value, col = c0) => {
    d.put(r, col, label).merge(r, col, r, col + lw - 1);
    d.put(r, col + lw, value).merge(r, col + lw, r, col + lw + 3);
  };
  if (v.title !== 'none') {
    const t = v.title === 'evaluated' ? `${yearText(evaluationYear + 1, 'reiwa')} 事務事業評価シート（${yearText(evaluationYear, 'reiwa')}実施事業）` : `${yearText(evaluationYear, 'reiwa')} 事務事業評価シート`;
    d.put(r, c0, t).merge(r, c0, r, c0 + 8);
    r += 2;
  }
  pair(v.idLabel, p.projectId);
  pair(v.deptLabel, p.department, valueCol + 4);
  r++;
  pair(v.nameLabel, p.name);
  r++;
  const pl = p.place;
  if (v.hierarchy === 'code') {
    pair('施策№', pl.measure.no);
    r++;
    pair('施策名', pl.measure.name);
    r++;
  } else if (v.hierarchy === 'rows') {
    pair('政策', `${pl.policy.no} ${pl.policy.name}`);
    r++;
    pair('施策', `${pl.measure.no} ${pl.measure.name}`);
    r++;
  } else {
    pair('政策体系', `${pl.measure.no} ${pl.measure.name}`);
    r++;
  }
  if (pl.basic) {
    pair('基本事業', `${pl.basic.no} ${pl.basic.name}`);
    r++;
  }
  pair('根拠法令', p.legalBasis);
  r++;
  pair('事業期間', p.period);
  r += 2;
  r = indicatorTables(d, p, v, evaluationYear, r);
  r++;
  r = moneyTable(d, p, v, evaluationYear, r);
  r++;
  if (p.grades.primary) pair(v.gradeLabels[0], p.grades.primary);
  r++;
  if (p.grades.secondary) pair(v.gradeLabels[1], p.grades.secondary);
  r++;
  pair('今後の方向性', p.nextYearPolicy);
  d.row = r + 1;
}

function valueText(x: number | string | null): Value {
  return x === null ? '-' : x;
}

function indicatorTables(d: SheetDraft, p: SpecProject, v: ProjectSheetVariant, evaluationYear: number, r0: number): number {
  const years = p.indicators[0]?.years ?? [];
  const c0 = v.col0;
  // Columns: [kind] | name (2) | unit | [role] | years…
  const kindCol = v.kindPlacement === 'column' ? c0 : -1;
  const nameCol = v.kindPlacement === 'column' ? c0 + 1 : c0;
  const unitCol = nameCol + 2;
  const roleCol = unitCol + 1;
  const yearCol0 = v.indicators === 'rows' ? roleCol + 1 : unitCol + 1;
  let r = r0;
  const groups: { kind: IndicatorKind; list: (SpecIndicator | null)[] }[] = [];
  for (const ind of p.indicators) {
    const g = v.kindPlacement === 'title' ? groups.find((x) => x.kind === ind.kind) : groups[0];
    if (g) g.list.push(ind);
    else groups.push({ kind: ind.kind, list: [ind] });
  }
  if (v.emptySlot) groups[groups.length - 1].list.push(null);
  for (const g of groups) {
    if (v.kindPlacement === 'title') d.put(r++, c0, v.indicators === 'combined' ? `${KIND_WORD[g.kind]}（実績値・計画値）` : KIND_WORD[g.kind]);
    else if (v.indicators === 'combined') d.put(r++, c0, '指標（実績値・計画値）');
    // Header.
    if (kindCol >= 0) d.put(r, kindCol, '区分');
    d.put(r, nameCol, '指標名').merge(r, nameCol, r, nameCol + 1);
    d.put(r, unitCol, '単位');
    if (v.indicators === 'subheader') {
      years.forEach((y, i) => {
        d.put(r, yearCol0 + 2 * i, yearText(y, v.yearStyle)).merge(r, yearCol0 + 2 * i, r, yearCol0 + 2 * i + 1);
        d.put(r + 1, yearCol0 + 2 * i, '目標').put(r + 1, yearCol0 + 2 * i + 1, '実績');
      });
      r += 2;
    } else {
      years.forEach((y, i) => d.put(r, yearCol0 + i, yearText(y, v.yearStyle)));
      r++;
    }
    const slots = new Map<IndicatorKind, number>();
    for (const ind of g.list) {
      const kind = ind?.kind ?? g.list[g.list.length - 2]?.kind ?? g.kind;
      const slot = (slots.get(kind) ?? 0) + 1;
      slots.set(kind, slot);
      // Numbered slots (成果指標1, 2…) where the sheet keeps an empty one, else the kind alone.
      const kindLabel = v.emptySlot ? `${KIND_WORD[kind]}${slot}` : KIND_WORD[kind];
      const rowsPer = v.indicators === 'rows' ? 2 : 1;
      if (kindCol >= 0) d.put(r, kindCol, kindLabel).merge(r, kindCol, r + rowsPer - 1, kindCol);
      d.put(r, nameCol, ind?.name ?? null).merge(r, nameCol, r + rowsPer - 1, nameCol + 1);
      d.put(r, unitCol, ind?.unit ?? null).merge(r, unitCol, r + rowsPer - 1, unitCol);
      if (v.indicators === 'rows') {
        d.put(r, roleCol, '目標値').put(r + 1, roleCol, '実績値');
        if (ind) years.forEach((_, i) => d.put(r, yearCol0 + i, ind.targets[i]).put(r + 1, yearCol0 + i, valueText(ind.actuals[i])));
      } else if (v.indicators === 'subheader') {
        if (ind) years.forEach((_, i) => d.put(r, yearCol0 + 2 * i, ind.targets[i]).put(r, yearCol0 + 2 * i + 1, valueText(ind.actuals[i])));
      } else if (ind) {
        years.forEach((y, i) => d.put(r, yearCol0 + i, y <= evaluationYear ? valueText(ind.actuals[i]) : ind.targets[i]));
      }
      r += rowsPer;
    }
    r++;
  }
  return r;
}

function moneyTable(d: SheetDraft, p: SpecProject, v: ProjectSheetVariant, evaluationYear: number, r0: number): number {
  const c0 = v.col0;
  let r = r0;
  d.put(r, c0, '事業費（インプット）');
  d.put(r, c0 + 6, `（単位：${v.unit}）`);
  r++;
  const labelCol = c0 + 1;
  const yearCol0 = c0 + 4;
  d.put(r, c0, '区分').merge(r, c0, r, c0 + 3);
  p.finance.forEach((f, i) => {
    const label =
      v.moneyYears === 'relative'
        ? `${f.fiscalYear < evaluationYear ? '前年度' : f.fiscalYear === evaluationYear ? '評価年度' : '次年度'}（${basisWord(f.basis)}）`
        : `${yearText(f.fiscalYear, v.yearStyle)}${basisWord(f.basis)}`;
    d.put(r, yearCol0 + i, label);
  });
  r++;
  const row = (label: string, values: (number | null)[], sub = false) => {
    d.put(r, sub ? labelCol : c0, label).merge(r, sub ? labelCol : c0, r, c0 + 3);
    values.forEach((x, i) => d.put(r, yearCol0 + i, x));
    r++;
  };
  const m = (k: keyof SpecProject['finance'][number]) => p.finance.map((f) => inUnit(f[k] as number, v.unit));
  row('事業費（A）', m('projectCost'));
  const first = r;
  row('国庫支出金', m('national'), true);
  row(v.prefLabel, m('prefectural'), true);
  row(v.bondLabel, m('bonds'), true);
  row('その他', m('other'), true);
  row('一般財源', m('generalFund'), true);
  d.put(first, c0, '財源内訳').merge(first, c0, r - 1, c0);
  if (v.personnel === 'cost') row('人件費（B）', m('personnelCost'));
  else if (v.personnel === 'staffRate') {
    row('平均人件費', m('personnelRate'));
    row('人工', p.finance.map((f) => f.staff));
    row('人件費（B）', m('personnelCost'));
  } else if (v.personnel === 'staffOnly') row('正規職員従事人数', p.finance.map((f) => f.staff));
  else {
    row('延べ業務時間', p.finance.map((f) => f.hours));
    row('人件費計（B）', m('personnelCost'));
  }
  if (v.personnel !== 'staffOnly') row('トータルコスト（A）+（B）', m('totalCost'));
  return r;
}

/** What reading the sheet must give for this project. */
export function expectProjectSheet(p: SpecProject, v: ProjectSheetVariant, evaluationYear: number): ExpectedProject {
  const pl = p.place;
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
      years: v.indicators === 'combined' ? combinedYears(ind, evaluationYear) : splitYears(ind),
    })),
    finance: p.finance.map((f) => {
      const u = (x: number) => inUnit(x, v.unit);
      const e: ExpectedFinance = {
        fiscalYear: f.fiscalYear,
        basis: f.basis,
        projectCost: u(f.projectCost),
        national: u(f.national),
        prefectural: u(f.prefectural),
        bonds: u(f.bonds),
        other: u(f.other),
        generalFund: u(f.generalFund),
        personnelCost: v.personnel === 'staffOnly' ? null : u(f.personnelCost),
      };
      if (v.personnel === 'staffRate' || v.personnel === 'staffOnly') e.staff = f.staff;
      if (v.personnel === 'staffRate') e.personnelRate = u(f.personnelRate);
      if (v.personnel === 'hours') e.hours = f.hours;
      if (v.personnel !== 'staffOnly') e.totalCost = u(f.totalCost);
      return e;
    }),
    financeUnit: v.unit,
    sheetGrades: [
      ...(p.grades.primary ? [{ stage: gradeStage(v.gradeLabels[0]), grade: p.grades.primary }] : []),
      ...(p.grades.secondary ? [{ stage: gradeStage(v.gradeLabels[1]), grade: p.grades.secondary }] : []),
    ],
  };
}

function gradeStage(label: string): 'primary' | 'secondary' {
  return /一次|担当課/.test(label) ? 'primary' : 'secondary';
}
