/**
 * What a generated evaluation sheet says, before any layout: projects and measures with their
 * place in the plan, indicators and money. Renderers (projectSheet.ts, measureSheet.ts,
 * projectTable.ts) lay a spec out the way some department does; truth.ts says what a correct
 * reading must find.
 */
import type { FinanceBasis, IndicatorKind } from '../../src/core/model';
import { rng } from '../generate';

export type Rand = () => number;

export interface SpecIndicator {
  kind: IndicatorKind;
  name: string;
  unit: string;
  years: number[];
  targets: (number | null)[];
  /** A number, null (written '-' or blank) or a mark such as 未集計. */
  actuals: (number | string | null)[];
  finalTarget: number | null;
  finalYear: number | null;
  baseline: number | null;
  baselineYear: number | null;
}

export interface SpecFinanceYear {
  fiscalYear: number;
  basis: FinanceBasis;
  projectCost: number;
  national: number;
  prefectural: number;
  bonds: number;
  other: number;
  generalFund: number;
  staff: number;
  personnelRate: number;
  personnelCost: number;
  hours: number;
  totalCost: number;
}

export interface SpecPlace {
  policy: { no: string; name: string };
  measure: { no: string; name: string };
  basic: { no: string; name: string } | null;
}

export interface SpecProject {
  projectId: string;
  name: string;
  department: string;
  legalBasis: string;
  period: string;
  place: SpecPlace;
  indicators: SpecIndicator[];
  finance: SpecFinanceYear[];
  grades: { primary: string | null; secondary: string | null };
  nextYearPolicy: string;
}

export interface SpecMeasure {
  place: SpecPlace;
  department: string;
  indicators: SpecIndicator[];
  grade: string;
  projects: SpecProject[];
}

export const pick = <T>(rand: Rand, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
const int = (rand: Rand, lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));

const POLICIES = ['安心して子育てできるまち', '健康で生きがいのあるまち', '活力ある産業のまち', '安全で快適なまち', '学びと文化のまち', '協働と行財政改革'];
const MEASURES = ['子育て支援の充実', '地域医療の確保', '観光の振興', '防災体制の強化', '生涯学習の推進', '市民協働の推進', '道路網の整備', '環境保全の推進'];
const BASICS = ['相談体制の充実', '施設の適正管理', '人材の育成', '情報発信の強化', '地域活動の支援'];
const THINGS = ['放課後児童クラブ', '健康診査', '観光案内所', '自主防災組織', '公民館講座', '地域づくり活動', '市道舗装', '環境学習', '移住相談', '図書館'];
const SUFFIX = ['運営事業', '推進事業', '支援事業', '補助事業', '整備事業', '管理事務'];
const DEPARTMENTS = ['子ども課', '健康推進課', '商工観光課', '危機管理課', '生涯学習課', '市民協働課', '土木課', '環境課'];
const LAWS = ['児童福祉法', '健康増進法', '災害対策基本法', '社会教育法', 'なし', '市補助金交付規則'];
const ACTIVITY = ['開催回数', '相談件数', '実施箇所数', '配布部数', '訪問件数'];
const OUTCOME = ['利用者満足度', '参加率', '受診率', '認知度', '解決率'];
const TARGET = ['対象世帯数', '対象人口', '登録団体数', '施設数'];

function indicator(rand: Rand, kind: IndicatorKind, thing: string, years: number[], evaluationYear: number, used: Set<string> = new Set()): SpecIndicator {
  const all = kind === 'activity' ? ACTIVITY : kind === 'outcome' ? OUTCOME : TARGET;
  const words = all.filter((w) => !used.has(w));
  const word = pick(rand, words.length ? words : all);
  used.add(word);
  const rate = kind === 'outcome' && rand() < 0.6;
  const base = rate ? int(rand, 40, 80) : int(rand, 10, 900);
  const targets = years.map((_, i) => (kind === 'target-population' && rand() < 0.5 ? null : base + i * int(rand, 1, 5)));
  const actuals: (number | string | null)[] = years.map((y, i) => {
    if (y > evaluationYear) return null;
    const t = targets[i] ?? base;
    return Math.round(t * (0.8 + rand() * 0.35));
  });
  // Some departments leave the evaluation year's actual as 未集計 or blank.
  const last = years.indexOf(evaluationYear);
  if (last >= 0 && rand() < 0.15) actuals[last] = pick(rand, ['未集計', '-', null]);
  return {
    kind,
    name: `${thing}の${word}`,
    unit: rate ? '%' : pick(rand, ['回', '件', '人', '箇所', '世帯']),
    years,
    targets,
    actuals,
    finalTarget: rand() < 0.6 ? base + years.length * 6 : null,
    finalYear: null,
    baseline: rand() < 0.4 ? base - 5 : null,
    baselineYear: null,
  };
}

function financeYear(rand: Rand, fiscalYear: number, basis: FinanceBasis, scale: number): SpecFinanceYear {
  const national = rand() < 0.5 ? int(rand, 0, 4) * scale : 0;
  const prefectural = rand() < 0.5 ? int(rand, 0, 3) * scale : 0;
  const bonds = rand() < 0.2 ? int(rand, 1, 5) * scale : 0;
  const other = rand() < 0.3 ? int(rand, 0, 2) * scale : 0;
  const generalFund = int(rand, 1, 9) * scale + int(rand, 0, 999);
  const projectCost = national + prefectural + bonds + other + generalFund;
  const staff = pick(rand, [0.1, 0.2, 0.5, 1, 1.5, 2]);
  const personnelRate = 8000;
  const personnelCost = Math.round(staff * personnelRate);
  const hours = Math.round(staff * 1800);
  return { fiscalYear, basis, projectCost, national, prefectural, bonds, other, generalFund, staff, personnelRate, personnelCost, hours, totalCost: projectCost + personnelCost };
}

export interface ProjectOptions {
  years: number[];
  evaluationYear: number;
  financeYears: { fiscalYear: number; basis: FinanceBasis }[];
  place: SpecPlace;
  /** Indicator kinds in the order the sheet lists them. */
  kinds: IndicatorKind[];
}

export function makeProject(rand: Rand, id: number, o: ProjectOptions): SpecProject {
  const thing = pick(rand, THINGS);
  const used = new Set<string>();
  const scale = pick(rand, [100, 1000, 10000]);
  return {
    projectId: String(1000 + id),
    name: `${thing}${pick(rand, SUFFIX)}`,
    department: pick(rand, DEPARTMENTS),
    legalBasis: pick(rand, LAWS),
    period: pick(rand, ['平成20年度～', '令和2年度～令和8年度', '単年度繰返']),
    place: o.place,
    indicators: o.kinds.map((k) => indicator(rand, k, thing, o.years, o.evaluationYear, used)),
    finance: o.financeYears.map((f) => financeYear(rand, f.fiscalYear, f.basis, scale)),
    grades: { primary: pick(rand, ['A', 'B', 'C', 'D']), secondary: rand() < 0.6 ? pick(rand, ['A', 'B', 'C']) : null },
    nextYearPolicy: pick(rand, ['継続', '拡充', '改善', '縮小']),
  };
}

export function makePlace(rand: Rand, withBasic: boolean): SpecPlace {
  const p = int(rand, 1, 6);
  const m = int(rand, 1, 8);
  return {
    policy: { no: String(p), name: POLICIES[p - 1] },
    measure: { no: `${p}-${m}`, name: MEASURES[m - 1] },
    basic: withBasic ? { no: String(int(rand, 1, 5)), name: pick(rand, BASICS) } : null,
  };
}

export function makeMeasure(rand: Rand, o: Omit<ProjectOptions, 'place' | 'kinds'>, projects: number, firstId = 1): SpecMeasure {
  const place = makePlace(rand, false);
  // One measure's indicators measure different things.
  const used = new Set<string>();
  return {
    place,
    department: pick(rand, DEPARTMENTS),
    indicators: [1, 2].slice(0, int(rand, 1, 2)).map(() => indicator(rand, 'outcome', pick(rand, THINGS), o.years, o.evaluationYear, used)),
    grade: pick(rand, ['A', 'B', 'C', 'D']),
    projects: Array.from({ length: projects }, (_, i) => makeProject(rand, firstId + i, { ...o, place, kinds: ['outcome'] })),
  };
}

export { rng };
