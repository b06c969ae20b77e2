/**
 * Year pairs for the year-over-year rules, as snapshots (no .xlsx round trip): the generated
 * city's fields this year and as they stood last year (bench/yearPair.ts), each year in its own
 * label / era / number variant; every rule's trigger is one change to last year's copy, its
 * near miss the closest change that must not fire it.
 */
import { toA1 } from '../../../src/core/a1';
import { analyzeWorkbook } from '../../../src/core/analyze';
import { compareModels, type CompareOptions, type YearDiff } from '../../../src/core/compare';
import type { CellValue, WorkbookSnapshot } from '../../../src/core/snapshot';
import { CITY_VARIANTS, cityFields } from '../../../bench/city';
import { fieldRows, type GenField, type GenKpi } from '../../../bench/generate';
import { lastYear } from '../../../bench/yearPair';

/** A year's workbook as a snapshot; last year's sheets use the next variant, as yearWorkbook does. */
export function yearBook(fields: GenField[], year: 'last' | 'this'): WorkbookSnapshot {
  return {
    sheets: fields.map((f, i) => {
      const v = CITY_VARIANTS[(i + (year === 'last' ? 1 : 0)) % CITY_VARIANTS.length];
      return { name: `政策分野${f.id}`, origin: toA1(v.rowShift, v.colShift), values: fieldRows(f, v) as CellValue[][] };
    }),
  };
}

export interface Pair {
  last: GenField[];
  cur: GenField[];
}

export const pair = (n = 3): Pair => {
  const cur = cityFields(n, 7);
  return { last: cur.map(lastYear), cur };
};

export function diffOf(p: Pair, options: CompareOptions = {}): YearDiff {
  const last = analyzeWorkbook(yearBook(p.last, 'last'), { file: 'R5.xlsx' });
  const cur = analyzeWorkbook(yearBook(p.cur, 'this'));
  return compareModels(last, cur, options);
}

const up = (k: GenKpi) => !/減少/.test(k.name);
const kpi = (f: GenField) => f.kpis.find(up)!;
const withMoney = (f: GenField) => f.measures.flatMap((m) => m.projects).find((p) => p.detail && p.finance.cost[0] >= 1000 && p.finance.general[0] >= 1000)!;
const toFullWidth = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

type Change = (p: Pair) => void;

/** Per rule: the change that must fire it, and the near miss that must not. */
export const CASES: Record<string, { trigger: Change; nearMiss: Change }> = {
  'target-revised': {
    trigger: (p) => {
      const k = kpi(p.last[0]);
      k.targets[1] = (k.targets[1] as number) + 7;
    },
    // A year only last year's sheet shows (the plan window moved) is not compared.
    nearMiss: (p) => {
      const k = kpi(p.last[0]);
      k.years = [k.years[0] - 1, ...k.years];
      k.targets = [999, ...k.targets];
      k.actuals = [3, ...k.actuals];
    },
  },
  'final-target-revised': {
    trigger: (p) => {
      kpi(p.last[0]).finalTarget += 10;
    },
    // Another indicator under the same number (nothing alike in the name) is not this one revised.
    nearMiss: (p) => {
      const k = kpi(p.last[0]);
      k.name = '図書館の貸出冊数';
      k.finalTarget += 10;
    },
  },
  'actual-revised': {
    trigger: (p) => {
      const k = p.last[0].kpis.find((x) => typeof x.actuals[0] === 'number')!;
      k.actuals[0] = (k.actuals[0] as number) + 4;
    },
    // An actual last year left blank and this year reports is a late report, not a revision.
    nearMiss: (p) => {
      const k = p.last[0].kpis.find((x) => typeof x.actuals[0] === 'number')!;
      k.actuals[0] = null;
    },
  },
  'unit-changed': {
    trigger: (p) => {
      const k = p.last[0].kpis[0];
      k.unit = k.unit === '件' ? '人' : '件';
    },
    // "％" and "%" are one unit.
    nearMiss: (p) => {
      p.cur[0].kpis[0].unit = '%';
      p.last[0].kpis[0].unit = '％';
    },
  },
  'indicator-renamed': {
    trigger: (p) => {
      p.last[0].kpis[0].name += '（延べ）';
    },
    // Full-width digits are the same name.
    nearMiss: (p) => {
      p.last[0].kpis[0].name = toFullWidth(p.last[0].kpis[0].name);
    },
  },
  'indicator-added': {
    trigger: (p) => {
      p.last[1].kpis.pop();
    },
    // Last year's indicator under another wording is this one, renamed — not a new one.
    nearMiss: (p) => {
      const ks = p.last[1].kpis;
      ks[ks.length - 1].name += '（延べ）';
    },
  },
  'indicator-removed': {
    trigger: (p) => {
      const extra = { ...p.last[1].kpis[0], no: p.last[1].kpis.length + 1, name: '廃止された観光客満足度調査の回答率' };
      p.last[1].kpis.push(extra);
    },
    nearMiss: (p) => {
      const ks = p.cur[1].kpis;
      ks[ks.length - 1].name += '（延べ）';
    },
  },
  'project-added': {
    trigger: (p) => {
      p.last[2].measures[0].projects.pop();
    },
    // Renamed last year's project is this one: a match with a note.
    nearMiss: (p) => {
      const ps = p.last[2].measures[0].projects;
      const x = ps[ps.length - 1];
      x.name = x.listName = x.name.replace('推進事業', '振興事業');
    },
  },
  'project-ended': {
    trigger: (p) => {
      const ps = p.last[2].measures[0].projects;
      ps.push({ ...ps[0], no: ps.length + 1, name: '終了した空き家バンク運営事業', listName: '終了した空き家バンク運営事業' });
    },
    nearMiss: (p) => {
      const ps = p.cur[2].measures[0].projects;
      const x = ps[ps.length - 1];
      x.name = x.listName = x.name.replace('推進事業', '振興事業');
    },
  },
  'project-renamed': {
    trigger: (p) => {
      const x = p.last[2].measures[1].projects[0];
      x.name = x.listName = x.name.replace('推進事業', '振興事業');
    },
    nearMiss: (p) => {
      const x = p.last[2].measures[1].projects[0];
      x.name = x.listName = toFullWidth(x.name);
    },
  },
  'cost-change': {
    trigger: (p) => {
      const x = withMoney(p.last[1]);
      x.finance.cost[1] = Math.round(x.finance.cost[1] * 1.5);
    },
    // 10% is inside the default ±20%.
    nearMiss: (p) => {
      const x = withMoney(p.last[1]);
      x.finance.cost[1] = Math.round(x.finance.cost[1] * 1.1);
    },
  },
};
