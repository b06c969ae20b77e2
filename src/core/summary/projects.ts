/** 事業サマリー: each project's money per year, with measure subtotals and field totals. */
import { toA1 as a1, rangeA1 as a1Range } from '../a1';
import { fieldKey } from '../fieldKey';
import type { PlanSheet, PlanStyle, PlanValue } from '../plan';
import { formatSummary, type SummaryKey } from '../i18n/summary';
import { SheetBuilder } from './builder';
import type { Ctx } from './context';
import { finite, projectKey, ratio, subtitle, yearShort } from './helpers';
import { basisFor, financeYearsOf, projectMoney, sumMoney, type MoneyRow } from './money';
import { FMT_MONEY, FMT_MONEY_SIGNED, FMT_PERCENT, FMT_PERCENT_SIGNED, NOTE_STYLE, SUBTOTAL_STYLE, TITLE_STYLE, TOTAL_STYLE } from './styles';

// ───────────────────────────── 事業サマリー ─────────────────────────────

export interface FinanceColumns {
  fy: number;
  cost: number;
  generalFund: number;
  personnel: number;
  share: number;
  yoyAbs: number | null;
  yoyPct: number | null;
}


export function projectsSheet(ctx: Ctx): PlanSheet {
  const { t, model } = ctx;
  const s = new SheetBuilder();
  const years = financeYearsOf(model);
  const unit = ctx.moneyUnit;

  const FIXED = 11;
  const cols: FinanceColumns[] = [];
  let c = FIXED;
  years.forEach((fy, i) => {
    const fc: FinanceColumns = { fy, cost: c, generalFund: c + 1, personnel: c + 2, share: c + 3, yoyAbs: null, yoyPct: null };
    c += 4;
    if (i > 0) {
      fc.yoyAbs = c;
      fc.yoyPct = c + 1;
      c += 2;
    }
    cols.push(fc);
  });
  const sourceCol = c;

  s.format(a1(s.add([t.titleProjects]), 0), undefined, TITLE_STYLE);
  s.format(a1(s.add([subtitle(ctx)]), 0), undefined, NOTE_STYLE);
  s.format(a1(s.add([formatSummary(t.noteMoney, { unit })]), 0), undefined, NOTE_STYLE);

  const group: PlanValue[] = new Array(FIXED).fill(null);
  const head: PlanValue[] = [
    t.colFieldId,
    t.colMeasureNo,
    t.colMeasureName,
    t.colProjectKey,
    t.colProjectName,
    t.colListName,
    t.colDepartment,
    t.colLegalBasis,
    t.colNextYearPolicy,
    t.colLogicModel,
    t.colPriority,
  ];
  for (const fc of cols) {
    const basis = basisFor(model, fc.fy);
    const label = formatSummary(t.financeGroup, {
      year: yearShort(t, fc.fy),
      basis: basis ? t[`basis_${basis}` as SummaryKey] : '',
    }).trim();
    group[fc.cost] = label;
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
      for (const p of m.projects) {
        const r = s.add([
          fieldKey(field),
          m.no,
          m.name,
          projectKey(m, p),
          p.name,
          p.listName && p.listName !== p.name ? p.listName : null,
          p.department || null,
          p.legalBasis || null,
          p.nextYearPolicy || null,
          p.flags.logicModel ? t.flagOn : null,
          p.flags.priority ? t.flagOn : null,
        ]);
        const money = projectMoney(p, years);
        writeMoney(r, money);
        s.link(r, sourceCol, p.source, t);
        measureMoney.push(money);
        projectRows.push(r);
      }
      const sub = sumMoney(measureMoney, years.length);
      const r = s.add([fieldKey(field), m.no, m.name, null, formatSummary(t.subtotalMeasure, { no: m.no })]);
      writeMoney(r, sub);
      s.link(r, sourceCol, m.source, t);
      styleRow(r, SUBTOTAL_STYLE);
      fieldMoney.push(...measureMoney);
    }
    const total = sumMoney(fieldMoney, years.length);
    const r = s.add([fieldKey(field), null, field.name, null, formatSummary(t.totalField, { id: fieldKey(field) })]);
    writeMoney(r, total);
    s.link(r, sourceCol, field.source, t);
    styleRow(r, TOTAL_STYLE);
  }
  const last = s.rowCount - 1;
  if (last < first) s.add([t.noProjects]);
  else {
    const col = (cc: number) => a1Range(first, cc, last, cc);
    s.format(a1Range(headRow - 1, 0, last, sourceCol), undefined, { border: true });
    s.format(a1Range(headRow, 0, headRow, sourceCol), undefined, { wrap: true, vAlign: 'center' });
    for (const cc of [2, 4, 5, 6]) s.format(col(cc), undefined, { wrap: true });
    for (const cc of [9, 10]) s.format(col(cc), undefined, { hAlign: 'center' });
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

  const widths = [8, 7, 18, 7, 34, 28, 22, 9, 10, 9, 8];
  for (const fc of cols) {
    widths.push(12, 12, 12, 9);
    if (fc.yoyAbs !== null) widths.push(13, 10);
  }
  widths.push(8);
  return s.toSheet('projects', t.sheetProjects, widths, { rows: headRow + 1, columns: 5 }, '#70AD47');
}


