/** Finance rules: what a project's money table must hold together. */
import type { FinanceItem, FinanceYear, Project } from '../model';
import { financeYearParams, fmt, UNIT_EN } from './format';
import { projects } from './scope';
import type { Draft, Rule } from './types';

export const FINANCE_RULES: Rule[] = [
  {
    id: 'finance-general-fund-exceeds-cost',
    severity: 'error',
    title: { ja: '所要一般財源が事業費を超えている', en: 'General fund larger than the project cost' },
    message: {
      ja: (p) => `事業 ${p.key}「${p.name}」: ${p.fyJa}の所要一般財源 ${p.gf} ${p.unit}が事業費 ${p.cost} ${p.unit}を超えています。`,
      en: (p) => `Project ${p.key} "${p.name}": in ${p.fyEn} the general fund ${p.gf} exceeds the project cost ${p.cost} (${p.unitEn}).`,
    },
    check: (ctx) => {
      const out: Draft[] = [];
      for (const { f, p, key } of projects(ctx)) {
        for (const y of p.finance) {
          if (y.generalFund === null || y.projectCost === null || y.generalFund <= y.projectCost) continue;
          out.push({
            at: y.source ?? p.source,
            params: { key, name: p.name, ...financeYearParams(y), gf: fmt(y.generalFund), cost: fmt(y.projectCost), unit: p.financeUnit, unitEn: UNIT_EN[p.financeUnit] ?? p.financeUnit },
            policyField: f.id,
            project: key,
            fiscalYear: y.fiscalYear,
          });
        }
      }
      return out;
    },
  },
  {
    id: 'finance-non-numeric',
    severity: 'error',
    title: { ja: '財務内容が数値でない', en: 'A finance value that is not a number' },
    message: {
      ja: (p) => `事業 ${p.key}「${p.name}」: ${p.fyJa}の${p.what}を数値として読めません。`,
      en: (p) => `Project ${p.key} "${p.name}": the ${p.fyEn} ${p.whatEn} is not a number.`,
    },
    check: (ctx) => {
      const out: Draft[] = [];
      const kinds: [keyof Project['finance'][number], string, string][] = [
        ['projectCostState', '事業費', 'project cost'],
        ['generalFundState', '所要一般財源', 'general fund'],
        ['personnelCostState', '概算人件費', 'personnel cost'],
      ];
      for (const { f, p, key } of projects(ctx)) {
        for (const y of p.finance) {
          for (const [k, what, whatEn] of kinds) {
            if (y[k] !== 'invalid') continue;
            out.push({ at: y.source ?? p.source, params: { key, name: p.name, ...financeYearParams(y), what, whatEn }, policyField: f.id, project: key, fiscalYear: y.fiscalYear });
          }
        }
      }
      return out;
    },
  },
  {
    id: 'finance-missing',
    severity: 'info',
    title: { ja: '事業シートに財務内容がない', en: 'A project block without finance figures' },
    message: {
      ja: (p) => `事業 ${p.key}「${p.name}」: 財務内容（事業費・所要一般財源・概算人件費）が読み取れません。`,
      en: (p) => `Project ${p.key} "${p.name}": no finance figures (project cost, general fund, personnel cost) could be read.`,
    },
    check: (ctx) => {
      const out: Draft[] = [];
      for (const { f, p, key } of projects(ctx)) {
        if (!p.hasDetail) continue;
        const any = p.finance.some((y) => y.projectCost !== null || y.generalFund !== null || y.personnelCost !== null);
        if (!any) out.push({ at: p.source, params: { key, name: p.name }, policyField: f.id, project: key });
      }
      return out;
    },
  },
  {
    id: 'outcome-no-data',
    severity: 'info',
    title: { ja: '成果の推移に値がない', en: 'An outcome row without values' },
    message: {
      ja: (p) => `事業 ${p.key}「${p.name}」: 成果の推移「${p.item}」に値がありません。`,
      en: (p) => `Project ${p.key} "${p.name}": the outcome "${p.item}" has no values.`,
    },
    check: (ctx) => {
      const out: Draft[] = [];
      for (const { f, p, key } of projects(ctx)) {
        for (const o of p.outcomes) {
          if (o.values.some((v) => v.state === 'number')) continue;
          out.push({ at: o.source, params: { key, name: p.name, item: o.name }, policyField: f.id, project: key });
        }
      }
      return out;
    },
  },
];

/** Rounding allowed between a total and its parts: two units of the sheet, or 0.1 %. */
function withinRounding(total: number, parts: number): boolean {
  return Math.abs(total - parts) <= Math.max(2, Math.abs(total) * 0.001);
}

const num = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

function financeDraft(f: { id: string | null }, p: Project, key: string, y: FinanceYear, at: FinanceItem, params: Record<string, string | number>): Draft {
  return {
    at: y.sources?.[at] ?? y.source ?? p.source,
    params: { key, name: p.name, ...financeYearParams(y), unit: p.financeUnit, unitEn: UNIT_EN[p.financeUnit] ?? p.financeUnit, ...params },
    policyField: f.id,
    project: key,
    fiscalYear: y.fiscalYear,
  };
}

const SOURCES: FinanceItem[] = ['national', 'prefectural', 'bonds', 'other', 'generalFund'];

export const FINANCE_CONSISTENCY_RULES: Rule[] = [
  {
    id: 'finance-breakdown-sum',
    severity: 'warning',
    title: { ja: '財源内訳の合計が事業費と合わない', en: 'The funding breakdown does not add up to the project cost' },
    message: {
      ja: (p) => `事業 ${p.key}「${p.name}」: ${p.fyJa}の財源内訳の合計 ${p.sum} ${p.unit}が事業費 ${p.cost} ${p.unit}と一致しません（差 ${p.diff}）。`,
      en: (p) => `Project ${p.key} "${p.name}": in ${p.fyEn} the funding sources add up to ${p.sum}, not the project cost ${p.cost} (${p.unitEn}; off by ${p.diff}).`,
    },
    // Only where the sheet gives a breakdown: 一般財源 and at least one specific source.
    check: (ctx) => {
      const out: Draft[] = [];
      for (const { f, p, key } of projects(ctx)) {
        for (const y of p.finance) {
          const given = SOURCES.filter((k) => num(y[k]));
          if (!num(y.projectCost) || !num(y.generalFund) || given.length < 2) continue;
          const sum = given.reduce((s, k) => s + (y[k] as number), 0);
          if (withinRounding(y.projectCost, sum)) continue;
          out.push(financeDraft(f, p, key, y, 'projectCost', { sum: fmt(sum), cost: fmt(y.projectCost), diff: fmt(y.projectCost - sum) }));
        }
      }
      return out;
    },
  },
  {
    id: 'finance-total-cost',
    severity: 'warning',
    title: { ja: 'トータルコストが事業費＋人件費と合わない', en: 'Total cost is not project cost + personnel cost' },
    message: {
      ja: (p) => `事業 ${p.key}「${p.name}」: ${p.fyJa}のトータルコスト ${p.total} ${p.unit}が事業費 ${p.cost} と人件費 ${p.personnel} の合計 ${p.sum} と一致しません。`,
      en: (p) => `Project ${p.key} "${p.name}": in ${p.fyEn} the total cost ${p.total} is not the project cost ${p.cost} plus personnel cost ${p.personnel} (= ${p.sum}, ${p.unitEn}).`,
    },
    check: (ctx) => {
      const out: Draft[] = [];
      for (const { f, p, key } of projects(ctx)) {
        for (const y of p.finance) {
          if (!num(y.totalCost) || !num(y.projectCost) || !num(y.personnelCost)) continue;
          const sum = y.projectCost + y.personnelCost;
          if (withinRounding(y.totalCost, sum)) continue;
          out.push(financeDraft(f, p, key, y, 'totalCost', { total: fmt(y.totalCost), cost: fmt(y.projectCost), personnel: fmt(y.personnelCost), sum: fmt(sum) }));
        }
      }
      return out;
    },
  },
  {
    id: 'finance-personnel-not-converted',
    severity: 'info',
    title: { ja: '人件費が人工・時間だけで単価がない', en: 'Personnel given as staff or hours without a rate' },
    message: {
      ja: (p) => `事業 ${p.key}「${p.name}」: ${p.fyJa}の人件費は${p.what}（${p.amount}）だけで、単価の記載がないため金額に換算していません。`,
      en: (p) => `Project ${p.key} "${p.name}": the ${p.fyEn} personnel is given only as ${p.whatEn} (${p.amount}) with no rate in the sheet, so it is not converted to money.`,
    },
    check: (ctx) => {
      const out: Draft[] = [];
      for (const { f, p, key } of projects(ctx)) {
        for (const y of p.finance) {
          if (num(y.personnelCost) || num(y.personnelRate)) continue;
          if (num(y.staff)) out.push(financeDraft(f, p, key, y, 'staff', { what: '人工', whatEn: 'staff (person-years)', amount: fmt(y.staff) }));
          else if (num(y.hours)) out.push(financeDraft(f, p, key, y, 'hours', { what: '業務時間', whatEn: 'hours', amount: fmt(y.hours) }));
        }
      }
      return out;
    },
  },
];
