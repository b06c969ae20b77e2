/**
 * 財務の推移: every project's money for every year the sheets give, one row per project and
 * year, with the 財源内訳 (国庫 / 都道府県 / 地方債 / その他 / 一般財源), 人件費, 人工 and トータル
 * コスト — long rather than wide, so it stays one page across and filters by year in Excel.
 * Only when there is more than 事業サマリー shows (older years, or a breakdown).
 */
import { toA1 as a1, rangeA1 as a1Range } from '../a1';
import { fieldKey } from '../fieldKey';
import type { FinanceItem } from '../model';
import type { PlanSheet, PlanValue } from '../plan';
import { formatSummary, type SummaryKey } from '../i18n/summary';
import { moneyFactor } from '../units';
import { SheetBuilder } from './builder';
import type { Ctx } from './context';
import { finite, projectKey, subtitle, yearShort } from './helpers';
import { financeYearsOf } from './money';
import { PROJECT_SHEET_YEARS } from './projects';
import { FMT_MONEY, NOTE_STYLE, TITLE_STYLE } from './styles';

const MONEY: FinanceItem[] = ['projectCost', 'national', 'prefectural', 'bonds', 'other', 'generalFund', 'personnelCost'];
const BREAKDOWN: FinanceItem[] = ['national', 'prefectural', 'bonds', 'other', 'staff', 'hours', 'totalCost'];

export function financeSheet(ctx: Ctx): PlanSheet | null {
  const { t, model } = ctx;
  const projects = model.policyFields.flatMap((f) => f.measures.flatMap((m) => m.projects.map((p) => ({ f, m, p }))));
  const breakdown = projects.some(({ p }) => p.finance.some((y) => BREAKDOWN.some((k) => finite(y[k] as number | null | undefined) !== null)));
  if (!breakdown && financeYearsOf(model).length <= PROJECT_SHEET_YEARS) return null;
  const unit = ctx.moneyUnit;
  const s = new SheetBuilder();
  s.format(a1(s.add([t.titleFinance]), 0), undefined, TITLE_STYLE);
  s.format(a1(s.add([subtitle(ctx)]), 0), undefined, NOTE_STYLE);
  s.format(a1(s.add([formatSummary(t.noteFinance, { unit })]), 0), undefined, NOTE_STYLE);
  const head: PlanValue[] = [
    t.colFieldId,
    t.colMeasureNo,
    t.colProjectKey,
    t.colProjectName,
    t.colFiscalYear,
    t.colBasis,
    formatSummary(t.colProjectCost, { unit }),
    t.colNational,
    t.colPrefectural,
    t.colBonds,
    t.colOther,
    formatSummary(t.colGeneralFund, { unit }),
    formatSummary(t.colPersonnelCost, { unit }),
    t.colStaff,
    formatSummary(t.colTotalCost, { unit }),
    t.colInferred,
    t.colSource,
  ];
  const SOURCE = head.length - 1;
  const headRow = s.header(head);
  for (const { f, m, p } of projects) {
    const k = moneyFactor(p.financeUnit, unit);
    const money = (v: number | null | undefined) => {
      const n = finite(v);
      return n === null ? null : n * k;
    };
    for (const y of p.finance) {
      const r = s.add([
        fieldKey(f),
        m.code ?? (m.noInferred ? null : m.no),
        projectKey(m, p),
        p.name,
        yearShort(t, y.fiscalYear),
        y.basis ? t[`basisWord_${y.basis}` as SummaryKey] : null,
        ...MONEY.map((item) => money(y[item] as number | null | undefined)),
        finite(y.staff),
        money(y.totalCost),
        y.yearInferred ? '*' : null,
      ]);
      s.link(r, SOURCE, y.source ?? p.source, t);
    }
  }
  const first = headRow + 1;
  const last = s.rowCount - 1;
  if (last >= first) {
    s.format(a1Range(headRow, 0, last, SOURCE), undefined, { border: true });
    s.format(a1Range(first, 6, last, 12), FMT_MONEY);
    s.format(a1Range(first, 14, last, 14), FMT_MONEY);
    s.format(a1Range(first, 3, last, 3), undefined, { wrap: true });
    s.conditionalFormats.push({ type: 'dataBar', range: a1Range(first, 6, last, 6), color: '#638EC6' });
  }
  s.format(a1Range(headRow, 0, headRow, SOURCE), undefined, { wrap: true, vAlign: 'center' });
  const widths = [6, 6, 7, 22, 10, 5, 11, 10, 10, 10, 10, 11, 11, 5, 11, 4, 5];
  return s.toSheet('finance', t.sheetFinance, widths, { rows: headRow + 1, columns: 4 }, '#A9D08E');
}
