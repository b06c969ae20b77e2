/**
 * A fiscal year inside a header text: "令和5年度", "R5決算", "事業費（R6予算）", "2023年度実績",
 * "24年度予算額" (the era taken from the sheet), and the relative words 前年度 / 今年度 / 次年度
 * (resolved against the sheet's evaluation year, and marked as inferred).
 */
import type { FinanceBasis } from '../../model';
import { ERA_START } from '../../normalize';

export interface HeaderYear {
  fiscalYear: number;
  basis: FinanceBasis | null;
  /** The header said "前年度" / "今年度"…: the year comes from the sheet's evaluation year. */
  relative: boolean;
  /** The header gave a bare "24年度": the era came from the rest of the sheet. */
  eraFromContext: boolean;
}

export interface YearContext {
  /** The evaluation year of the sheet, when known (for 前年度 / 今年度 / 次年度). */
  evaluationYear?: number | null;
  /** The era the sheet writes elsewhere ("令和" / "平成"), for bare "5年度". */
  era?: string | null;
}

/** 決算 / 予算 / 見込 / 計画 in a header. */
export function basisOf(text: string): FinanceBasis | null {
  if (/決算|精算|実績/.test(text)) return 'settlement';
  if (/見込|見通し/.test(text)) return 'estimate';
  if (/予算/.test(text)) return 'budget';
  if (/計画|予定/.test(text)) return 'plan';
  return null;
}

const ERA_RE = /(令和|平成|昭和|[RHS](?=\.?\s*(?:元|[0-9])))\.?\s*(元|[0-9]{1,2})(?![0-9])\s*(?:年度?)?/;
const WESTERN_RE = /(?:^|[^0-9])((?:19|20)[0-9]{2})(?![0-9])\s*(?:年度?|FY)?/;
const BARE_RE = /(?:^|[^0-9.])([0-9]{1,2})\s*年度/;
const RELATIVE: [RegExp, number][] = [
  [/前々年度|前前年度|2年前/, -2],
  [/前年度|昨年度/, -1],
  [/今年度|本年度|当該年度|当年度|評価年度|現年度/, 0],
  [/次年度|翌年度|来年度/, 1],
];

/** The year a header names, or null. `context` resolves relative words and bare years. */
export function headerYear(text: string, context: YearContext = {}): HeaderYear | null {
  if (text.length > 80) return null;
  // The basis belongs to the year's own line: "令和6年度予算\n成果指標ア\n実績" is a 予算 column.
  for (const line of text.normalize('NFKC').split(/\n/)) {
    const y = lineYear(line.replace(/\s+/g, ''), context);
    if (y) return y;
  }
  return null;
}

function lineYear(t: string, context: YearContext): HeaderYear | null {
  if (t === '' || t.length > 60) return null;
  const basis = basisOf(t);
  let m = ERA_RE.exec(t);
  if (m) {
    const era = m[1];
    const n = m[2] === '元' ? 1 : Number(m[2]);
    if (n >= 1 && n <= 64) return { fiscalYear: ERA_START[era] + n, basis, relative: false, eraFromContext: false };
  }
  m = WESTERN_RE.exec(t);
  if (m && !/[0-9]{5,}/.test(t)) return { fiscalYear: Number(m[1]), basis, relative: false, eraFromContext: false };
  m = BARE_RE.exec(t);
  if (m && context.era && ERA_START[context.era] !== undefined) {
    const n = Number(m[1]);
    if (n >= 1 && n <= 64) return { fiscalYear: ERA_START[context.era] + n, basis, relative: false, eraFromContext: true };
  }
  if (typeof context.evaluationYear === 'number') {
    for (const [re, delta] of RELATIVE) if (re.test(t)) return { fiscalYear: context.evaluationYear + delta, basis, relative: true, eraFromContext: false };
  }
  return null;
}

/** The era most written in a set of texts ("令和" or "平成"), for bare "5年度" headers. */
export function dominantEra(texts: Iterable<string>): string | null {
  let reiwa = 0;
  let heisei = 0;
  for (const s of texts) {
    if (s.length > 80) continue;
    if (/令和|R[0-9元]/.test(s)) reiwa++;
    if (/平成|H[0-9元]/.test(s)) heisei++;
  }
  if (!reiwa && !heisei) return null;
  return reiwa >= heisei ? '令和' : '平成';
}

/**
 * The evaluation year in a 年度 cell: "令和7年度", "R7", 2025, or a bare 7 — read as 令和 (or the
 * sheet's era) and reported as inferred, since the cell does not say which era.
 */
export function evaluationYearOf(v: unknown, era: string | null): { fiscalYear: number; inferred: boolean } | null {
  if (typeof v === 'number' && Number.isInteger(v)) {
    if (v >= 1990 && v <= 2100) return { fiscalYear: v, inferred: false };
    if (v >= 1 && v <= 64) {
      const e = era && ERA_START[era] !== undefined ? era : v <= 30 ? '令和' : '平成';
      return { fiscalYear: ERA_START[e] + v, inferred: true };
    }
    return null;
  }
  if (typeof v !== 'string') return null;
  const t = v.normalize('NFKC').trim();
  if (/^[0-9]{1,2}$/.test(t)) return evaluationYearOf(Number(t), era);
  const y = headerYear(t, { era });
  return y ? { fiscalYear: y.fiscalYear, inferred: y.eraFromContext } : null;
}
