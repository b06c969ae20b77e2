/** Numbers, rates and units in finding messages. */

/** 1566 → "1,566"; 0.12345 → "0.1235". (toLocaleString is slow on a hot path.) */
export const fmt = (n: number | string | null | undefined): string => {
  if (typeof n !== 'number') return String(n ?? '');
  const [i, d] = String(Number(n.toFixed(4))).split('.');
  return i.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (d ? `.${d}` : '');
};

export const pct = (r: number | null | undefined) => (typeof r === 'number' ? `${(r * 100).toFixed(1)}%` : '—');

export const UNIT_EN: Record<string, string> = { 千円: 'thousand yen', 円: 'yen', 万円: 'ten thousand yen', 百万円: 'million yen' };
