/**
 * A deterministic generator of city evaluation workbooks in the city's layout (the seed
 * sheet's), with the truth it wrote — for tests (reader against known answers) and for
 * the benchmark (N = 1 … 200 policy fields). Label, era and number variants are mixed in.
 */
import ExcelJS from 'exceljs';

export type Cell = string | number | null;

/** Mulberry32: small, seedable, good enough for test data. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GenKpi {
  no: number;
  name: string;
  unit: string;
  definition: string;
  years: number[];
  targets: (number | null)[];
  /** number, null (written "-"), or a mark such as "集計中". */
  actuals: (number | string | null)[];
  finalTarget: number;
  verification: string;
}

export interface GenFinance {
  cost: [number, number];
  general: [number, number];
  personnel: [number, number];
}

export interface GenProject {
  no: number;
  name: string;
  listName: string;
  dept: string;
  legal: string;
  policy: string;
  finance: GenFinance;
  /** False: listed in 事務事業一覧 but without a project block. */
  detail: boolean;
}

export interface GenMeasure {
  no: number;
  name: string;
  content: string;
  projects: GenProject[];
}

export interface GenField {
  id: string;
  name: string;
  kpis: GenKpi[];
  measures: GenMeasure[];
  financeYears: [number, number];
}

export interface Variant {
  /** Era style of year headers. */
  era: 'reiwa' | 'reiwaFullWidth' | 'short' | 'western';
  /** Numbers written as text with separators ("1,566"), or full-width ("１，５６６"). */
  numbers: 'number' | 'text' | 'fullWidth';
  /** Label spellings: the seed's, or variants (指 標 名, 目標値, 実績値, 法定/自主). */
  labels: 'seed' | 'variant';
  rowShift: number;
  colShift: number;
}

export const SEED_VARIANT: Variant = { era: 'reiwa', numbers: 'number', labels: 'seed', rowShift: 0, colShift: 0 };

const DEPTS = ['企画政策部 企画調整課', '健康福祉部 高齢福祉課', '市民部 協働推進課', '建設部 道路課', '教育委員会 学校教育課', '環境生活部 環境課'];
const WORDS = ['地域', '市民', '子育て', '高齢者', '観光', '防災', '環境', '交通', '健康', '文化', '学び', '産業', 'デジタル', '農業', '福祉'];
const KPI_UNITS = ['人', '件', '事業', '回', '%', '団体'];

export function makeField(id: number, seed: number): GenField {
  const r = rng(seed * 7919 + id);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const nYears = int(3, 5);
  const start = int(2020, 2023);
  const years = Array.from({ length: nYears }, (_, i) => start + i);
  const kpis: GenKpi[] = [];
  for (let k = 1; k <= int(3, 6); k++) {
    const decrease = r() < 0.2;
    const base = int(10, 500);
    const step = Math.max(1, Math.round(base * 0.05));
    const targets = years.map((_, i) => (decrease ? base - step * i : base + step * i));
    const reported = int(1, nYears - 1);
    const actuals: (number | string | null)[] = years.map((_, i) => {
      if (i >= reported) return null;
      if (i === reported - 1 && r() < 0.1) return '集計中';
      return Math.max(0, Math.round(targets[i] * (0.6 + r() * 0.6)));
    });
    const word = pick(WORDS);
    kpis.push({
      no: k,
      name: decrease ? `${word}に関する事故件数の減少` : `${word}活動の参加者数${k}`,
      unit: pick(KPI_UNITS),
      definition: `${word}に関する調査の結果`,
      years,
      targets,
      actuals,
      finalTarget: decrease ? base - step * (nYears + 1) : base + step * (nYears + 1),
      verification: r() < 0.85 ? `${word}の取組を進めたが、一部で目標を下回った。` : '',
    });
  }
  const measures: GenMeasure[] = [];
  let pid = 0;
  for (let m = 1; m <= int(3, 5); m++) {
    const projects: GenProject[] = [];
    for (let p = 1; p <= int(2, 4); p++) {
      pid++;
      const cost0 = int(0, 60000);
      const cost1 = Math.max(0, cost0 + int(-5000, 5000));
      const name = `${pick(WORDS)}${pick(WORDS)}推進事業${pid}`;
      projects.push({
        no: p,
        name,
        listName: r() < 0.05 ? `${name}（旧）` : name,
        dept: pick(DEPTS),
        legal: r() < 0.3 ? '法定' : '自主',
        policy: pick(['継続', '拡充', '縮小', '新規']),
        finance: {
          cost: [cost0, cost1],
          general: [Math.round(cost0 * r()), Math.round(cost1 * r())],
          personnel: [int(50, 6000), int(50, 6000)],
        },
        detail: r() < 0.97,
      });
    }
    measures.push({ no: m, name: `${pick(WORDS)}の推進${m}`, content: `${pick(WORDS)}の取組を推進します。`, projects });
  }
  return { id: String(id), name: `${pick(WORDS)}分野${id}`, kpis, measures, financeYears: [years[nYears - 1] + 1, years[nYears - 1] + 2] };
}

const FW = (s: string) => s.replace(/[0-9,]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

function yearLabel(fy: number, v: Variant, suffix = ''): string {
  const n = fy - 2018;
  switch (v.era) {
    case 'reiwa':
      return `令和${n === 1 ? '元' : n}年度${suffix}`;
    case 'reiwaFullWidth':
      return `令和${FW(String(n))}年度${suffix}`;
    case 'short':
      return `R${n}${suffix}`;
    case 'western':
      return `${fy}年度${suffix}`;
  }
}

function num(n: number, v: Variant): Cell {
  if (v.numbers === 'number') return n;
  const s = n.toLocaleString('en-US');
  return v.numbers === 'text' ? s : FW(s);
}

/** The field as rows of cells, laid out like the seed sheet. */
export function fieldRows(f: GenField, v: Variant): Cell[][] {
  const L = v.labels === 'variant';
  const rows: Cell[][] = [];
  const push = (...cells: Cell[]) => rows.push(cells);
  push('政策目標1 未来につなぐひとづくり/政策2 生涯にわたる学びと活躍の推進');
  push();
  push(`政策分野${f.id} ${f.name}`);
  push();
  push('目指す姿');
  push(`${f.name}が充実したまち`);
  push('施策');
  push('施策番号', '名称 施策の内容');
  for (const m of f.measures) {
    push(`施策${m.no}`, m.name);
    push(null, m.content);
  }
  push();
  push('1 政策分野の進捗状況');
  push();
  push('重要業績評価指標の達成状況');
  push(null, L ? '指 標 名' : '指標名', null, null, null, '単位', L ? '説明または計算式' : '説明又は計算式');
  for (const k of f.kpis) {
    push(k.no, k.name, null, null, null, k.unit, k.definition);
    push(null, '年度', ...k.years.map((y) => yearLabel(y, v)), '最終目標', '検証');
    push(null, L ? '目標値' : '目標', ...k.targets.map((t) => (t === null ? '-' : num(t, v))), num(k.finalTarget, v), k.verification || null);
    push(null, L ? '実績値' : '実績', ...k.actuals.map((a) => (a === null ? '-' : typeof a === 'number' ? num(a, v) : a)));
  }
  push();
  push('5 事務事業一覧');
  push();
  push('番号', 'ロジック モデル', '重点 事業', '人口減 少対策 ※', 'SDGs ターゲ ット', '事務事業名', '次年度 方針', '担当部・課');
  for (const m of f.measures) {
    push(`施策${m.no} ${m.name}`);
    for (const p of m.projects) push(p.no, p.no === 1 ? '◎' : null, null, null, '17.17', p.listName, p.policy, p.dept);
  }
  push();
  const [fy0, fy1] = f.financeYears;
  for (const m of f.measures) {
    push(`施策${m.no} ${m.name}`);
    for (const p of m.projects) {
      if (!p.detail) continue;
      // Blocks drift by one column every other project, as in the seed.
      const d = p.no % 2 === 0 ? 1 : 0;
      const pad = (n: number) => Array<Cell>(n).fill(null);
      push(p.no, '事業名', p.name, ...pad(2 - d), L ? '法定/自主' : '法定／自主', p.legal);
      push(null, '担当部・課', p.dept, ...pad(1 - d), '次年度方針', p.policy);
      push(null, '概要 (目的と内容)', `${p.name}を実施する。`, '財務内容 単位(千円)', yearLabel(fy0, v, ' (予算)'), yearLabel(fy1, v, ' (見込み)'));
      push(null, null, null, '事業費', num(p.finance.cost[0], v), num(p.finance.cost[1], v));
      if (d) push('所要一般財源', null, null, num(p.finance.general[0], v), num(p.finance.general[1], v));
      else push(null, null, null, '所要一般財源', num(p.finance.general[0], v), num(p.finance.general[1], v));
      push('概算人件費', null, null, num(p.finance.personnel[0], v), num(p.finance.personnel[1], v));
      push('これまでの取組状況 (主な取組と成果)', '<p>取組を進めた。</p>');
      push('事業の検証 (課題認識/今後の方針・改善点)', '<ul><li>継続して取り組む。</li></ul>');
    }
  }
  return rows;
}

export function writeRows(ws: ExcelJS.Worksheet, rows: Cell[][], v: Pick<Variant, 'rowShift' | 'colShift'>): void {
  rows.forEach((cells, i) => {
    cells.forEach((c, j) => {
      if (c === null || c === undefined) return;
      ws.getCell(i + 1 + v.rowShift, j + 1 + v.colShift).value = c;
    });
  });
}

/** A workbook of fields (one sheet each), optionally with noise sheets. */
export async function makeWorkbook(fields: GenField[], v: Variant, opts: { noise?: boolean } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  if (opts.noise) {
    const memo = wb.addWorksheet('メモ');
    memo.getCell('A1').value = '打合せメモ';
    memo.getCell('B3').value = 123;
    memo.getCell('C4').value = '政策分野の見直しについて';
    wb.addWorksheet('Sheet1');
  }
  for (const f of fields) writeRows(wb.addWorksheet(`政策分野${f.id}`), fieldRows(f, v), v);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** What a correct reading of generated fields holds, in the acceptance checker's format. */
export function expectedModel(fields: GenField[]): unknown {
  return {
    policyFields: fields.map((f) => {
      let asOf: number | null = null;
      for (const k of f.kpis) k.years.forEach((y, i) => typeof k.actuals[i] === 'number' && (asOf === null || y > asOf) && (asOf = y));
      const finance: Record<string, number[]> = {};
      const nameMismatch: string[] = [];
      const missingDetail: string[] = [];
      const generalFundExceedsCost: string[] = [];
      for (const m of f.measures) {
        for (const p of m.projects) {
          const key = `${m.no}-${p.no}`;
          if (!p.detail) {
            missingDetail.push(key);
            continue;
          }
          finance[key] = [p.finance.cost[0], p.finance.cost[1], p.finance.general[0], p.finance.general[1], p.finance.personnel[0], p.finance.personnel[1]];
          if (p.listName !== p.name) nameMismatch.push(key);
          if (p.finance.general.some((g, i) => g > p.finance.cost[i])) generalFundExceedsCost.push(key);
        }
      }
      return {
        id: f.id,
        name: f.name,
        asOf,
        indicators: f.kpis.map((k) => {
          const decrease = /減少/.test(k.name);
          const missed: number[] = [];
          const met: number[] = [];
          k.years.forEach((y, i) => {
            const a = k.actuals[i];
            const t = k.targets[i];
            if (typeof a !== 'number' || t === null) return;
            ((decrease ? a <= t : a >= t) ? met : missed).push(y);
          });
          return {
            no: k.no,
            name: k.name,
            unit: k.unit,
            direction: decrease ? 'decrease' : 'increase',
            finalTarget: k.finalTarget,
            years: k.years.map((y, i) => ({ fiscalYear: y, target: k.targets[i], actual: typeof k.actuals[i] === 'number' ? k.actuals[i] : null })),
            belowTarget: missed,
            metTarget: met,
          };
        }),
        measures: f.measures.map((m) => ({ no: m.no, name: m.name, projects: m.projects.length })),
        financeYears: f.financeYears,
        finance,
        nameMismatch,
        missingDetail,
        generalFundExceedsCost,
      };
    }),
  };
}
