/**
 * 事業サマリー: each project's money in the latest two years (older years and the 財源内訳 are
 * on 財務の推移), with 基本事業 and measure subtotals and field totals. Narrow enough for one
 * A4 landscape page: optional columns (written grades, the seed's flags and 法定/自主) appear
 * only when some project has them.
 */
import { toA1 as a1, rangeA1 as a1Range } from '../a1';
import { fieldKey } from '../fieldKey';
import type { Measure, PolicyField, Project } from '../model';
import type { PlanSheet, PlanStyle, PlanValue } from '../plan';
import { formatSummary, type SummaryKey } from '../i18n/summary';
import { SheetBuilder } from './builder';
import type { Ctx } from './context';
import { finite, projectKey, ratio, subtitle, yearShort } from './helpers';
import { basisFor, financeYearsOf, projectMoney, sumMoney, type MoneyRow } from './money';
import { FMT_MONEY, FMT_MONEY_SIGNED, FMT_PERCENT, FMT_PERCENT_SIGNED, NOTE_STYLE, SUBTOTAL_STYLE, TITLE_STYLE, TOTAL_STYLE } from './styles';

/** How many years of money 事業サマリー shows; the rest are on 財務の推移. */
export const PROJECT_SHEET_YEARS = 2;

export interface FinanceColumns {
  fy: number;
  cost: number;
  generalFund: number;
  personnel: number;
  share: number;
  yoyAbs: number | null;
  yoyPct: number | null;
}

/** The seed family's flags (ロジックモデル・重点事業) in one short cell. */
function flagsText(ctx: Ctx, p: Project): string | null {
  const on = [p.flags.logicModel ? ctx.t.flagLogicShort : null, p.flags.priority ? ctx.t.flagPriorityShort : null].filter(Boolean);
  return on.length ? on.join('・') : null;
}

function gradesText(p: Project): string | null {
  return p.sheetGrades.length ? p.sheetGrades.map((g) => g.grade).join('→') : null;
}

/** 基本事業 groups of a measure, in the order they first appear; projects without one stand alone. */
function basicGroups(m: Measure): { basic: Project['basicProject']; projects: Project[] }[] {
  const out: { basic: Project['basicProject']; projects: Project[] }[] = [];
  for (const p of m.projects) {
    const key = p.basicProject ? `${p.basicProject.no}|${p.basicProject.name}` : null;
    const g = key === null ? undefined : out.find((x) => x.basic && `${x.basic.no}|${x.basic.name}` === key);
    if (g) g.projects.push(p);
    else out.push({ basic: p.basicProject, projects: [p] });
  }
  return out;
}

export function fieldTitle(ctx: Ctx, f: PolicyField): string {
  if (f.id === null) return ctx.t.fieldTitleNone;
  const label = ctx.options.lang === 'ja' ? f.label ?? '政策分野' : ({ 政策: 'Policy', 基本目標: 'Goal' } as Record<string, string>)[f.label ?? ''] ?? 'Field';
  return formatSummary(ctx.t.fieldTitle, { label, id: f.id, name: f.name }).trim();
}

export function projectsSheet(ctx: Ctx): PlanSheet {
  const { t, model } = ctx;
  const s = new SheetBuilder();
  const years = financeYearsOf(model).slice(-PROJECT_SHEET_YEARS);
  const unit = ctx.moneyUnit;
  const projects = model.policyFields.flatMap((f) => f.measures.flatMap((m) => m.projects));
  const show = {
    grades: projects.some((p) => p.sheetGrades.length),
    flags: projects.some((p) => p.flags.logicModel || p.flags.priority),
    legal: projects.some((p) => (p.family === undefined || p.family === 'policyField') && p.legalBasis),
  };

  // Fixed columns, then the optional ones.
  // Widths add up to one A4 landscape page (the .xlsx applier's 175 characters) with two years.
  const head: PlanValue[] = [t.colFieldId, t.colMeasureNo, t.colProjectKey, t.colProjectName, t.colDepartment, t.colNextYearPolicy];
  const widths = [6, 6, 7, 25, 12, 8];
  const opt = (on: boolean, label: string, width: number): number | null => {
    if (!on) return null;
    head.push(label);
    widths.push(width);
    return head.length - 1;
  };
  const gradeCol = opt(show.grades, t.colSheetGrade, 7);
  const flagCol = opt(show.flags, t.colFlags, 6);
  const legalCol = opt(show.legal, t.colLegalBasis, 6);
  const FIXED = head.length;

  const cols: FinanceColumns[] = [];
  let c = FIXED;
  years.forEach((fy, i) => {
    const fc: FinanceColumns = { fy, cost: c, generalFund: c + 1, personnel: c + 2, share: c + 3, yoyAbs: null, yoyPct: null };
    c += 4;
    widths.push(11, 10, 10, 7);
    if (i > 0) {
      fc.yoyAbs = c;
      fc.yoyPct = c + 1;
      c += 2;
      widths.push(10, 7);
    }
    cols.push(fc);
  });
  const sourceCol = c;
  widths.push(5);

  s.format(a1(s.add([t.titleProjects]), 0), undefined, TITLE_STYLE);
  s.format(a1(s.add([subtitle(ctx)]), 0), undefined, NOTE_STYLE);
  s.format(a1(s.add([formatSummary(t.noteMoney, { unit })]), 0), undefined, NOTE_STYLE);

  const group: PlanValue[] = new Array(FIXED).fill(null);
  for (const fc of cols) {
    const basis = basisFor(model, fc.fy);
    group[fc.cost] = formatSummary(t.financeGroup, { year: yearShort(t, fc.fy), basis: basis ? t[`basis_${basis}` as SummaryKey] : '' }).trim();
    head[fc.cost] = formatSummary(t.colProjectCost, { unit });
    head[fc.generalFund] = formatSummary(t.colGeneralFund, { unit });
    head[fc.personnel] = formatSummary(t.colPersonnelCost, { unit });
    head[fc.share] = t.colGeneralFundShare;
    if (fc.yoyAbs !== null && fc.yoyPct !== null) {
      head[fc.yoyAbs] = formatSummary(t.colYoyAbs, { unit });
      head[fc.yoyPct] = t.colYoyPct;
    }
  }
  head[sourceCol] = t.colSource;
  group[sourceCol] = null;
  s.header(group);
  const headRow = s.header(head);
  const first = headRow + 1;

  const writeMoney = (r: number, money: MoneyRow) => {
    cols.forEach((fc, i) => {
      s.set(r, fc.cost, money.cost[i]);
      s.set(r, fc.generalFund, money.generalFund[i]);
      s.set(r, fc.personnel, money.personnel[i]);
      s.set(r, fc.share, ratio(money.generalFund[i], money.cost[i]));
      if (fc.yoyAbs !== null && fc.yoyPct !== null) {
        const prev = money.cost[i - 1];
        const cur = money.cost[i];
        s.set(r, fc.yoyAbs, prev !== null && cur !== null ? cur - prev : null);
        s.set(r, fc.yoyPct, prev !== null && cur !== null ? ratio(cur - prev, prev) : null);
      }
    });
    s.set(r, sourceCol, null);
  };
  const styleRow = (r: number, style: PlanStyle) => s.format(a1Range(r, 0, r, sourceCol), undefined, style);

  const projectRows: number[] = [];
  for (const field of model.policyFields) {
    const fieldMoney: MoneyRow[] = [];
    for (const m of field.measures) {
      const measureMoney: MoneyRow[] = [];
      const mNo = m.code ?? (m.noInferred ? null : m.no);
      for (const g of basicGroups(m)) {
        const groupMoney: MoneyRow[] = [];
        for (const p of g.projects) {
          const row: PlanValue[] = [fieldKey(field), mNo, projectKey(m, p), p.name, p.department || null, p.nextYearPolicy || null];
          if (gradeCol !== null) row[gradeCol] = gradesText(p);
          if (flagCol !== null) row[flagCol] = flagsText(ctx, p);
          if (legalCol !== null) row[legalCol] = p.family === undefined || p.family === 'policyField' ? p.legalBasis || null : null;
          const r = s.add(row);
          const money = projectMoney(p, years, unit);
          writeMoney(r, money);
          s.link(r, sourceCol, p.source, t);
          groupMoney.push(money);
          projectRows.push(r);
        }
        measureMoney.push(...groupMoney);
        // A 基本事業 of several projects gets its subtotal; one project is its own total.
        if (g.basic && g.projects.length > 1) {
          const r = s.add([fieldKey(field), mNo, null, formatSummary(t.subtotalBasic, { no: g.basic.no, name: g.basic.name }).trim()]);
          writeMoney(r, sumMoney(groupMoney, years.length));
          styleRow(r, SUBTOTAL_STYLE);
        }
      }
      const r = s.add([fieldKey(field), mNo, null, formatSummary(t.subtotalMeasure, { no: mNo ?? '', name: m.name }).trim()]);
      writeMoney(r, sumMoney(measureMoney, years.length));
      s.link(r, sourceCol, m.source, t);
      styleRow(r, SUBTOTAL_STYLE);
      fieldMoney.push(...measureMoney);
    }
    const r = s.add([fieldKey(field), null, null, formatSummary(t.totalField, { field: fieldTitle(ctx, field) })]);
    writeMoney(r, sumMoney(fieldMoney, years.length));
    s.link(r, sourceCol, field.source, t);
    styleRow(r, TOTAL_STYLE);
  }
  const last = s.rowCount - 1;
  if (last < first) s.add([t.noProjects]);
  else {
    const col = (cc: number) => a1Range(first, cc, last, cc);
    s.format(a1Range(headRow - 1, 0, last, sourceCol), undefined, { border: true });
    s.format(a1Range(headRow, 0, headRow, sourceCol), undefined, { wrap: true, vAlign: 'center' });
    for (const cc of [3, 4]) s.format(col(cc), undefined, { wrap: true });
    for (const cc of [gradeCol, flagCol, legalCol]) if (cc !== null) s.format(col(cc), undefined, { hAlign: 'center' });
    for (const fc of cols) {
      s.format(a1Range(first, fc.cost, last, fc.personnel), FMT_MONEY);
      s.format(col(fc.share), FMT_PERCENT);
      if (fc.yoyAbs !== null) s.format(col(fc.yoyAbs), FMT_MONEY_SIGNED);
      if (fc.yoyPct !== null) s.format(col(fc.yoyPct), FMT_PERCENT_SIGNED);
      // Fixed bounds from the projects alone, so subtotal rows do not flatten every project bar.
      const max = Math.max(0, ...projectRows.map((r) => finite(s.get(r, fc.cost) as number | null) ?? 0));
      s.conditionalFormats.push({ type: 'dataBar', range: col(fc.cost), color: '#638EC6', min: 0, max: max || 1 });
    }
  }
  return s.toSheet('projects', t.sheetProjects, widths, { rows: headRow + 1, columns: 4 }, '#70AD47');
}
