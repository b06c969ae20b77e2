/**
 * Two years of the generated city: this year's fields, and last year's as they stood a year
 * earlier — one actual fewer per KPI (a 集計中 where this year has the number), the finance
 * window one year back with the shared year's money equal (last year's 見込 is this year's 予算
 * column), and the other label / era / number variant. Read right, such a pair has no change at
 * all. `plant` then changes last year's copy once for every kind of change compare reports (and
 * once under the cost threshold), and says what it planted.
 */
import ExcelJS from 'exceljs';
import { CITY_VARIANTS, cityFields } from './city';
import { fieldRows, writeRows, type GenField, type GenKpi, type GenProject } from './generate';

export interface Planted {
  rule: string;
  severity: 'error' | 'warning' | 'info';
  policyField: string;
  indicator: number | null;
  project: string | null;
  fiscalYear: number | null;
}

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

/** Last year's copy of a field: a year less of actuals, the finance window a year back. */
export function lastYear(f: GenField): GenField {
  const l = clone(f);
  for (const k of l.kpis) {
    const reported = k.actuals.map((a, i) => (typeof a === 'number' ? i : -1)).filter((i) => i >= 0);
    const latest = reported[reported.length - 1];
    if (latest === undefined) continue;
    // This year's latest number was still being tallied last year.
    k.actuals = k.actuals.map((a, i) => (i < latest ? a : i === latest ? '集計中' : null));
  }
  const [fy0] = f.financeYears;
  l.financeYears = [fy0 - 1, fy0];
  for (const m of l.measures) {
    for (const p of m.projects) {
      const keep = (x: [number, number]): [number, number] => [Math.round(x[0] * 0.9), x[0]];
      p.finance = { cost: keep(p.finance.cost), general: keep(p.finance.general), personnel: keep(p.finance.personnel) };
    }
  }
  return l;
}

const increasing = (k: GenKpi) => !/減少/.test(k.name);
const firstProject = (f: GenField, min = 1): { m: number; p: GenProject } => {
  for (const m of f.measures) for (const p of m.projects) if (p.detail && p.finance.cost[0] >= min && p.finance.general[0] >= min) return { m: m.no, p };
  throw new Error(`field ${f.id}: no project with money`);
};

/** Plants one change of every kind into last year's fields; returns what compare must report. */
function plant(last: GenField[], cur: GenField[]): Planted[] {
  const out: Planted[] = [];
  const at = (i: number) => ({ l: last[i], c: cur[i], id: cur[i].id });
  const add = (p: Omit<Planted, 'indicator' | 'project' | 'fiscalYear'> & Partial<Planted>) => out.push({ indicator: null, project: null, fiscalYear: null, ...p });
  const kpi = (f: GenField, pred: (k: GenKpi) => boolean = increasing) => {
    const k = f.kpis.find(pred);
    if (!k) throw new Error(`field ${f.id}: no fitting KPI`);
    return k;
  };

  // target-revised, eased: last year asked more of an increasing KPI than this year does.
  {
    const { l, id } = at(0);
    const k = kpi(l);
    k.targets[1] = (k.targets[1] as number) + 7;
    add({ rule: 'target-revised', severity: 'warning', policyField: id, indicator: k.no, fiscalYear: k.years[1] });
  }
  // target-revised, raised: this year asks more.
  {
    const { l, id } = at(1);
    const k = kpi(l);
    k.targets[2] = (k.targets[2] as number) - 3;
    add({ rule: 'target-revised', severity: 'info', policyField: id, indicator: k.no, fiscalYear: k.years[2] });
  }
  // final-target-revised, eased.
  {
    const { l, id } = at(2);
    const k = kpi(l);
    k.finalTarget += 10;
    add({ rule: 'final-target-revised', severity: 'warning', policyField: id, indicator: k.no });
  }
  // actual-revised: a past actual rewritten.
  {
    const { l, id } = at(3);
    const k = kpi(l, (x) => typeof x.actuals[0] === 'number');
    k.actuals[0] = (k.actuals[0] as number) + 4;
    add({ rule: 'actual-revised', severity: 'warning', policyField: id, indicator: k.no, fiscalYear: k.years[0] });
  }
  // indicator-added: this year's last KPI did not exist last year.
  {
    const { l, c, id } = at(4);
    l.kpis.pop();
    add({ rule: 'indicator-added', severity: 'info', policyField: id, indicator: c.kpis[c.kpis.length - 1].no });
  }
  // indicator-removed: last year had one more KPI.
  {
    const { l, id } = at(5);
    const extra = clone(l.kpis[0]);
    extra.no = l.kpis.length + 1;
    extra.name = '廃止された観光客満足度調査の回答率';
    l.kpis.push(extra);
    add({ rule: 'indicator-removed', severity: 'warning', policyField: id, indicator: extra.no });
  }
  // project-added: this year's last project of measure 1 is new.
  {
    const { l, c, id } = at(6);
    const m = l.measures[0];
    m.projects.pop();
    const p = c.measures[0].projects[c.measures[0].projects.length - 1];
    add({ rule: 'project-added', severity: 'info', policyField: id, project: `1-${p.no}` });
  }
  // project-ended: last year measure 1 had one more project.
  {
    const { l, id } = at(7);
    const m = l.measures[0];
    const extra: GenProject = { ...clone(m.projects[0]), no: m.projects.length + 1, name: '終了した空き家バンク運営事業', listName: '終了した空き家バンク運営事業' };
    m.projects.push(extra);
    add({ rule: 'project-ended', severity: 'info', policyField: id, project: `1-${extra.no}` });
  }
  // project-renamed: the same number, a new name.
  {
    const { l, id } = at(8);
    const p = l.measures[1].projects[0];
    p.name = p.listName = p.name.replace(/推進事業/, '振興事業');
    add({ rule: 'project-renamed', severity: 'info', policyField: id, project: `2-${p.no}` });
  }
  // cost-change on 事業費: last year's figure for the shared year was half again as much.
  {
    const { l, c, id } = at(9);
    const { m, p } = firstProject(l, 1000);
    p.finance.cost[1] = Math.round(p.finance.cost[1] * 1.5);
    add({ rule: 'cost-change', severity: 'warning', policyField: id, project: `${m}-${p.no}`, fiscalYear: c.financeYears[0] });
  }
  // cost-change on 一般財源: half of this year's.
  {
    const { l, c, id } = at(10);
    const { m, p } = firstProject(l, 1000);
    p.finance.general[1] = Math.round(p.finance.general[1] * 0.5);
    add({ rule: 'cost-change', severity: 'warning', policyField: id, project: `${m}-${p.no}`, fiscalYear: c.financeYears[0] });
  }
  // Near miss: 10% is under the default ±20% threshold — nothing to report.
  {
    const { l } = at(11);
    const { p } = firstProject(l, 1000);
    p.finance.cost[1] = Math.round(p.finance.cost[1] * 1.1);
  }
  // unit-changed.
  {
    const { l, id } = at(12);
    const k = l.kpis[0];
    k.unit = k.unit === '件' ? '人' : '件';
    add({ rule: 'unit-changed', severity: 'warning', policyField: id, indicator: k.no });
  }
  // indicator-renamed: the same number, a reworded name.
  {
    const { l, id } = at(13);
    const k = l.kpis[0];
    k.name = `${k.name}（延べ）`;
    add({ rule: 'indicator-renamed', severity: 'info', policyField: id, indicator: k.no });
  }
  return out;
}

export interface YearPair {
  last: GenField[];
  cur: GenField[];
  planted: Planted[];
}

/** The pair over `n` fields (at least 14 when planting). */
export function yearPair(n: number, withChanges: boolean, seed = 2026): YearPair {
  const cur = cityFields(n, seed);
  const last = cur.map(lastYear);
  return { last, cur, planted: withChanges ? plant(last, cur) : [] };
}

/** A year's workbook; last year's sheets use the next label / era / number variant. */
export async function yearWorkbook(fields: GenField[], year: 'last' | 'this'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  fields.forEach((f, i) => {
    const v = CITY_VARIANTS[(i + (year === 'last' ? 1 : 0)) % CITY_VARIANTS.length];
    writeRows(wb.addWorksheet(`政策分野${f.id}`), fieldRows(f, v), v);
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
