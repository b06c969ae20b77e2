/**
 * Beyond one workbook in the benchmark (issue 15), at N = 45 policy fields: the city sent as 12
 * department workbooks joined into one summary, and a year pair compared — each through the
 * core (read snapshots in, plan out; median of warm runs, the cold first run beside it) and
 * through the CLI end to end (a fresh process, reading and writing the files).
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { analyzeWorkbook } from '../src/core/analyze';
import { compareModels, diffFindings } from '../src/core/compare';
import { consolidateWorkbooks } from '../src/core/consolidate';
import { planSummary } from '../src/core/planSummary';
import { readXlsxSnapshot } from '../src/xlsx/readXlsx';
import { cityFields, departmentWorkbooks } from './city';
import { yearPair, yearWorkbook } from './yearPair';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (t: bigint) => Number(process.hrtime.bigint() - t) / 1e6;
const fmt = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(0)} ms`);

/** Runs `f` once cold, `warm` times untimed, `runs` times timed. */
function timed(f: () => void, runs: number, warm = 2): { median: number; cold: number } {
  let t = process.hrtime.bigint();
  f();
  const cold = ms(t);
  for (let i = 0; i < warm; i++) f();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    t = process.hrtime.bigint();
    f();
    times.push(ms(t));
  }
  return { median: median(times), cold };
}

function cli(args: string[], runs: number): number {
  const bin = path.join(__dirname, '../../bin/hyoka.js');
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    execFileSync(process.execPath, [bin, ...args], { stdio: 'pipe' });
    times.push(ms(t));
  }
  return median(times);
}

export async function beyondSection(runs: number, n = 45): Promise<string[]> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hyoka-bench-beyond-'));
  const opts = { lang: 'ja' as const, now: new Date(0), generatorVersion: 'bench' };
  const cliRuns = Math.min(3, runs);

  // Consolidation: the city's fields in 12 department workbooks.
  const depts = await departmentWorkbooks(cityFields(n), 12);
  const dir = path.join(tmp, 'depts');
  fs.mkdirSync(dir);
  for (const d of depts) fs.writeFileSync(path.join(dir, d.name), d.bytes);
  let t = process.hrtime.bigint();
  const inputs = await Promise.all(depts.map(async (d) => ({ file: d.name, snapshot: await readXlsxSnapshot(d.bytes) })));
  const readMs = ms(t);
  let fields = 0;
  const join = timed(() => {
    const model = consolidateWorkbooks(inputs);
    planSummary(model, opts);
    fields = model.policyFields.length;
  }, runs);
  const joinCli = cli(['summarize', dir, '--out', path.join(tmp, 'city.xlsx')], cliRuns);

  // Year over year: last year's and this year's workbook of the city, every kind of change planted.
  const pair = yearPair(n, true);
  const last = path.join(tmp, 'R5.xlsx');
  const cur = path.join(tmp, 'R6.xlsx');
  fs.writeFileSync(last, await yearWorkbook(pair.last, 'last'));
  fs.writeFileSync(cur, await yearWorkbook(pair.cur, 'this'));
  const lastSnap = await readXlsxSnapshot(fs.readFileSync(last));
  const curSnap = await readXlsxSnapshot(fs.readFileSync(cur));
  let changes = 0;
  const compare = timed(() => {
    const a = analyzeWorkbook(lastSnap, { file: 'R5.xlsx' });
    const b = analyzeWorkbook(curSnap);
    const diff = compareModels(a, b);
    planSummary({ ...b, findings: [...b.findings, ...diffFindings(diff)] }, { ...opts, compare: diff });
    changes = diff.changes.length;
  }, runs);
  const compareCli = cli(['compare', last, cur, '--out', path.join(tmp, 'R6-compare.xlsx'), '--json', path.join(tmp, 'diff.json')], cliRuns);
  fs.rmSync(tmp, { recursive: true, force: true });

  return [
    `## Beyond one workbook (N = ${n})`,
    '',
    '| | workbooks | .xlsx read | core median (cold) | CLI end-to-end |',
    '| --- | --- | --- | --- | --- |',
    `| consolidation: ${fields} fields from 12 department workbooks → one city summary (全体サマリー first) | 12 | ${fmt(readMs)} | ${fmt(join.median)} (${fmt(join.cold)}) | ${fmt(joinCli)} |`,
    `| compare: last year's and this year's workbook, ${changes} planted changes found of ${pair.planted.length} | 2 | — | ${fmt(compare.median)} (${fmt(compare.cold)}) | ${fmt(compareCli)} |`,
    '',
    'Core: consolidation = join the read snapshots + validate + plan; compare = analyze both years + match + diff + plan with 前年度比較. CLI: `hyoka summarize DIR/ --out city.xlsx` and `hyoka compare R5.xlsx R6.xlsx --out … --json …` in a fresh process (reading, writing and Node start-up included), median of 3.',
  ];
}
