/** Numbers, rates, units and years in finding messages. */
import { warekiYear } from '../era';
import type { FinanceBasis } from '../model';

/** 1566 → "1,566"; 0.12345 → "0.1235". (toLocaleString is slow on a hot path.) */
export const fmt = (n: number | string | null | undefined): string => {
  if (typeof n !== 'number') return String(n ?? '');
  const [i, d] = String(Number(n.toFixed(4))).split('.');
  return i.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (d ? `.${d}` : '');
};

export const pct = (r: number | null | undefined) => (typeof r === 'number' ? `${(r * 100).toFixed(1)}%` : '—');

export const UNIT_EN: Record<string, string> = { 千円: 'thousand yen', 円: 'yen', 万円: 'ten thousand yen', 百万円: 'million yen' };

type Param = string | number | null | undefined;

/**
 * One year format in every message, whatever the sheet wrote (令和４年度, R4, 2022年度):
 * 令和4年度（2022） / FY2022. Without a year, the sheet's own label with half-width digits.
 */
export const fyJa = (year: Param, label?: Param): string =>
  typeof year === 'number' ? `${warekiYear(year)}年度（${year}）` : String(label ?? '').normalize('NFKC');

export const fyEn = (year: Param, label?: Param): string => (typeof year === 'number' ? `FY${year}` : String(label ?? '').normalize('NFKC'));

const BASIS: Record<FinanceBasis, { ja: string; en: string }> = {
  settlement: { ja: '決算', en: 'settlement' },
  budget: { ja: '予算', en: 'budget' },
  estimate: { ja: '見込', en: 'estimate' },
  plan: { ja: '計画', en: 'plan' },
};

/** A money column's year with its basis: 令和4年度（2022）決算 / FY2022 settlement. */
export function financeYearParams(y: { fiscalYear: number | null; label: string; basis: FinanceBasis | null }): { fyJa: string; fyEn: string } {
  const b = y.basis ? BASIS[y.basis] : null;
  return { fyJa: fyJa(y.fiscalYear, y.label) + (b && y.fiscalYear !== null ? b.ja : ''), fyEn: fyEn(y.fiscalYear, y.label) + (b && y.fiscalYear !== null ? ` ${b.en}` : '') };
}
