/**
 * `npm run bench`: a whole city's evaluation workbook at N = 1, 10, 45, 200 policy fields.
 * Prints a table and writes docs/performance.md (machine and date). Not a timed test:
 * CI runs `npm run bench -- --sizes 1` once to prove it works.
 *
 * Measured per N: core (parse + validate + plan; median of several runs), .xlsx read
 * (package → sparse snapshot), .xlsx write (graft the summary), CLI end-to-end (a child process),
 * peak RSS, and through the Office.js adapters against a counting fake: context.sync()
 * calls and the largest request, read and write, next to a naive baseline. Beside them, the
 * README's command as a user types it (`npm run hyoka -- summarize`, a fresh process) next to
 * exceljs reading and writing the same file (a fresh process too): the target is ≤ 1.3×. Then
 * the layout families (familiesBench.ts) and, at N = 45, consolidating 12 department workbooks
 * and comparing two years (beyondBench.ts).
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { analyzeWorkbook } from '../src/core/analyze';
import { planSummary } from '../src/core/planSummary';
import { readXlsxSnapshot } from '../src/xlsx/readXlsx';
import { applyPlanToXlsx } from '../src/xlsx/applyPlan';
import { nodeDeflater } from '../src/cli/nodeZip';
import { makeField, makeWorkbook, Variant } from './generate';
import { beyondSection } from './beyondBench';
import { familiesSection } from './familiesBench';
import { officeRoundTrips, officeTargets, OfficeRoundTrips } from './officeRoundTrips';
import { jsonTarget, writeBenchJson } from './benchJson';
import { paneSection, withPaneSection } from './pane/section';

interface Row {
  n: number;
  kpis: number;
  projects: number;
  cells: number;
  fileKb: number;
  coreMs: number;
  coldMs: number;
  readMs: number;
  writeMs: number;
  cliMs: number;
  peakRssMb: number;
  office: OfficeRoundTrips | null;
  /** `npm run hyoka -- summarize` and exceljs read + write of the same file, each a fresh process (medians). */
  readme: { npmRunMs: number; exceljsMs: number };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function time<T>(f: () => T): [T, number] {
  const t = process.hrtime.bigint();
  const v = f();
  return [v, Number(process.hrtime.bigint() - t) / 1e6];
}

async function timeAsync<T>(f: () => Promise<T>): Promise<[T, number]> {
  const t = process.hrtime.bigint();
  const v = await f();
  return [v, Number(process.hrtime.bigint() - t) / 1e6];
}

const VARIANTS: Variant[] = [
  { era: 'reiwa', numbers: 'number', labels: 'seed', rowShift: 0, colShift: 0 },
  { era: 'short', numbers: 'text', labels: 'variant', rowShift: 2, colShift: 1 },
  { era: 'western', numbers: 'fullWidth', labels: 'seed', rowShift: 0, colShift: 0 },
];

async function measure(n: number, runs: number, warmups: number): Promise<Row> {
  const fields = Array.from({ length: n }, (_, i) => makeField(i + 1, 2026));
  // Label/era/number variants mixed in: each field's sheet uses one of three.
  const wbBytes = await makeCity(fields);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hyoka-bench-'));
  const file = path.join(tmp, `city-${n}.xlsx`);
  fs.writeFileSync(file, wbBytes);

  const [snapshot, readMs] = await timeAsync(() => readXlsxSnapshot(wbBytes));
  const cells = snapshot.sheets.reduce((s, sh) => s + (sh.cells?.length ?? 0), 0);
  const coreTimes: number[] = [];
  const [first, coldMs] = time(() => {
    const m = analyzeWorkbook(snapshot);
    return { m, p: planSummary(m, { lang: 'ja', now: new Date(0), generatorVersion: 'bench' }) };
  });
  let model = first.m;
  let plan = first.p;
  for (let i = 1; i < warmups; i++) planSummary(analyzeWorkbook(snapshot), { lang: 'ja', now: new Date(0), generatorVersion: 'bench' });
  for (let i = 0; i < runs; i++) {
    const [, ms] = time(() => {
      model = analyzeWorkbook(snapshot);
      plan = planSummary(model, { lang: 'ja', now: new Date(0), generatorVersion: 'bench' });
    });
    coreTimes.push(ms);
  }
  // As the CLI writes: Node's native deflate (the browser's pane uses jszip's own).
  const [, writeMs] = await timeAsync(() => applyPlanToXlsx(wbBytes, plan, { deflater: nodeDeflater }));
  const cli = path.join(__dirname, '../../bin/hyoka.js');
  const [, cliMs] = time(() => execFileSync(process.execPath, [cli, 'summarize', file, '--out', path.join(tmp, 'out.xlsx'), '--json', path.join(tmp, 'm.json')], { stdio: 'pipe' }));
  const office = await officeRoundTrips(snapshot, plan);
  const readme = readmeCommand(file, tmp, Math.min(3, runs));
  fs.rmSync(tmp, { recursive: true, force: true });
  return {
    n,
    kpis: model.policyFields.reduce((s, f) => s + f.indicators.length, 0),
    projects: model.policyFields.reduce((s, f) => s + f.measures.reduce((t, m) => t + m.projects.length, 0), 0),
    cells,
    fileKb: Math.round(wbBytes.length / 1024),
    coreMs: median(coreTimes),
    coldMs,
    readMs,
    writeMs,
    cliMs,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    office,
    readme,
  };
}

/** exceljs reading and writing a workbook, as a fresh process would (the yardstick). */
const EXCELJS_ROUND_TRIP = `const ExcelJS = require('exceljs');
(async () => { const wb = new ExcelJS.Workbook(); await wb.xlsx.readFile(process.argv[1]); await wb.xlsx.writeFile(process.argv[2]); })();`;

/** The README's command and the exceljs round trip, alternated, each `runs` times; medians. */
function readmeCommand(file: string, tmp: string, runs: number): { npmRunMs: number; exceljsMs: number } {
  const root = path.join(__dirname, '../..');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const npmTimes: number[] = [];
  const exceljsTimes: number[] = [];
  // One untimed run of each: a build the CLI finds stale is compiled here, and both warm the file cache.
  execFileSync(npm, ['run', '--silent', 'hyoka', '--', '--help'], { cwd: root, stdio: 'pipe' });
  execFileSync(process.execPath, ['-e', EXCELJS_ROUND_TRIP, file, path.join(tmp, 'exceljs-out.xlsx')], { cwd: root, stdio: 'pipe' });
  for (let i = 0; i < runs; i++) {
    npmTimes.push(time(() => execFileSync(npm, ['run', '--silent', 'hyoka', '--', 'summarize', file, '--out', path.join(tmp, 'readme-out.xlsx'), '--json', path.join(tmp, 'readme.json')], { cwd: root, stdio: 'pipe' }))[1]);
    exceljsTimes.push(time(() => execFileSync(process.execPath, ['-e', EXCELJS_ROUND_TRIP, file, path.join(tmp, 'exceljs-out.xlsx')], { cwd: root, stdio: 'pipe' }))[1]);
  }
  return { npmRunMs: median(npmTimes), exceljsMs: median(exceljsTimes) };
}

function readmeTable(rows: Row[]): string {
  const head = '| N fields | `npm run hyoka -- summarize` | exceljs read + write | ratio (target ≤ 1.3×) |';
  const body = rows.map((r) => `| ${r.n} | ${fmtMs(r.readme.npmRunMs)} | ${fmtMs(r.readme.exceljsMs)} | ${(r.readme.npmRunMs / r.readme.exceljsMs).toFixed(2)}× |`);
  return [head, '| --- | --- | --- | --- |', ...body].join('\n');
}

async function makeCity(fields: ReturnType<typeof makeField>[]): Promise<Buffer> {
  const ExcelJS = (await import('exceljs')).default;
  const { fieldRows, writeRows } = await import('./generate');
  const wb = new ExcelJS.Workbook();
  fields.forEach((f, i) => {
    const v = VARIANTS[i % VARIANTS.length];
    writeRows(wb.addWorksheet(`政策分野${f.id}`), fieldRows(f, v), v);
  });
  wb.addWorksheet('メモ').getCell('A1').value = '打合せメモ';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function fmtMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 1 : 0)} ms`;
}

function table(rows: Row[]): string {
  const head =
    '| N fields | KPIs | projects | cells | file | core median (cold) | .xlsx read | .xlsx write | CLI end-to-end | peak RSS | Office read syncs (naive) | largest read response | Office write syncs (naive) | largest write request | re-run read syncs | re-run largest read response |';
  const sep = '|' + ' --- |'.repeat(16);
  const body = rows.map((r) => {
    const o = r.office;
    const rd = o ? `${o.read.syncs} (${o.read.naiveSyncs}, ×${(o.read.naiveSyncs / o.read.syncs).toFixed(0)})` : '—';
    const wr = o ? `${o.write.syncs} (${o.write.naiveSyncs}, ×${(o.write.naiveSyncs / o.write.syncs).toFixed(0)})` : '—';
    const mb = (b: number | undefined) => (b === undefined ? '—' : `${(b / 1e6).toFixed(2)} MB`);
    return `| ${r.n} | ${r.kpis} | ${r.projects} | ${r.cells.toLocaleString('en-US')} | ${r.fileKb} KB | ${fmtMs(r.coreMs)} (${fmtMs(r.coldMs)}) | ${fmtMs(r.readMs)} | ${fmtMs(r.writeMs)} | ${fmtMs(r.cliMs)} | ${r.peakRssMb} MB | ${rd} | ${mb(o?.read.maxResponseBytes)} | ${wr} | ${mb(o?.write.maxRequestBytes)} | ${o?.rerun.readSyncs ?? '—'} | ${mb(o?.rerun.maxReadResponseBytes)} |`;
  });
  return [head, sep, ...body].join('\n');
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const si = argv.indexOf('--sizes');
  const sizes = si >= 0 ? argv[si + 1].split(',').map(Number) : [1, 10, 45, 200];
  const ri = argv.indexOf('--runs');
  const runs = ri >= 0 ? Number(argv[ri + 1]) || 11 : 11;
  const write = !argv.includes('--no-doc');
  const json = jsonTarget(argv);
  const rows: Row[] = [];
  for (const n of sizes) {
    process.stderr.write(`N = ${n} …\n`);
    rows.push(await measure(n, n >= 200 ? Math.min(runs, 5) : runs, n >= 200 ? 2 : Math.min(5, runs)));
  }
  if (json) writeBenchJson(json, rows);
  const t = table(rows);
  console.log(t);
  const rt = readmeTable(rows);
  console.log(`\nThe README's command next to exceljs reading and writing the same file (fresh processes, medians):\n\n${rt}`);
  const growth = rows.length >= 2 && rows[0].n !== rows[rows.length - 1].n ? growthNote(rows) : '';
  if (growth) console.log(`\n${growth}`);
  const families = await familiesSection(runs);
  console.log(`\n${families.join('\n')}`);
  // Consolidation of 12 workbooks and compare at N = 45 (or the largest size asked for, when smaller).
  const beyond = await beyondSection(runs, Math.min(45, Math.max(...sizes, 14)));
  console.log(`\n${beyond.join('\n')}`);
  if (write && sizes.length > 1) {
    const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
    const doc = [
      '# Performance',
      '',
      `Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}.`,
      'Synthetic city workbooks from bench/generate.ts (deterministic seed; era, label and number variants mixed in; one noise sheet).',
      'Core = parse + validate + plan in one process: the median of 11 timed runs after 5 warm-up runs (5 and 2 at N = 200), i.e. with the code JIT-compiled; the first, cold run is shown in brackets (what a single CLI run pays, JIT compilation included). Office.js columns are counted against the strict fake in bench/officeRoundTrips.ts, which sizes each request and response as the JSON Office.js sends (object paths and property names included); the re-run reads a workbook that already holds the previous summary; the naive baseline syncs once per sheet to read and once per sheet (plus one per chart) to write. \`npm run bench -- --json FILE\` writes these numbers as JSON.',
      '',
      t,
      '',
      "The README's command as a user runs it (`npm run hyoka -- summarize FILE --out … --json …`: npm, Node start-up, read, validate, plan, write) next to exceljs reading and writing the same file, each in a fresh process, medians of 3 alternated runs:",
      '',
      rt,
      '',
      growth,
      '',
      ...targets(rows),
      '',
      ...families,
      '',
      ...beyond,
      '',
    ].join('\n');
    const file = path.join(__dirname, '../../docs/performance.md');
    // The task pane's section is `npm run bench:pane`'s: kept as it is.
    const pane = fs.existsSync(file) ? paneSection(fs.readFileSync(file, 'utf8')) : null;
    fs.writeFileSync(file, pane ? withPaneSection(doc, pane) : doc);
    process.stderr.write('docs/performance.md written\n');
  }
}

/** The targets against what was measured, in words. */
function targets(rows: Row[]): string[] {
  const at45 = rows.find((r) => r.n === 45);
  const ok = (b: boolean) => (b ? 'met' : '**not met**');
  const lines = ['## Targets', ''];
  lines.push(...officeTargets(rows));
  if (at45) {
    lines.push(`- Core at N = 45: ${fmtMs(at45.coreMs)} median (target ≤ 100 ms): ${ok(at45.coreMs <= 100)}. The cold first run (${fmtMs(at45.coldMs)}) is what a single CLI run pays; the 2-core VM is noisy (medians from 57 to 123 ms were seen across runs of the same code, the high ones while other work ran) and most of the spread is garbage collection.`);
    lines.push(`- CLI end-to-end at N = 45: ${fmtMs(at45.cliMs)} (target ≤ 3 s): ${ok(at45.cliMs <= 3000)}.`);
    const ratio = at45.readme.npmRunMs / at45.readme.exceljsMs;
    lines.push(`- \`npm run hyoka -- summarize\` at N = 45: ${fmtMs(at45.readme.npmRunMs)}, ${ratio.toFixed(2)}× exceljs reading and writing the same file (${fmtMs(at45.readme.exceljsMs)}; target ≤ 1.3×): ${ok(ratio <= 1.3)}.`);
  }
  try {
    const report = JSON.parse(fs.readFileSync(path.join(__dirname, '../../dist/bundle-report.json'), 'utf8')) as { pages: Record<string, { gzip: number }> };
    const kb = report.pages.taskpane.gzip / 1024;
    lines.push(`- Initial task-pane JS for the Office page: ${kb.toFixed(1)} KiB gzipped (target ≤ 300 KB): ${ok(kb <= 300)}.`);
  } catch {
    lines.push('- Initial task-pane JS: run `npm run build` first to include it here (see the README).');
  }
  return lines;
}

function growthNote(rows: Row[]): string {
  const a = rows.find((r) => r.n === 10) ?? rows[0];
  const b = rows[rows.length - 1];
  const k = b.n / a.n;
  const ratio = (x: number, y: number) => (y / x).toFixed(1);
  return `Growth from N = ${a.n} to N = ${b.n} (×${k}): core ×${ratio(a.coreMs, b.coreMs)}, .xlsx read ×${ratio(a.readMs, b.readMs)}, .xlsx write ×${ratio(a.writeMs, b.writeMs)}, CLI ×${ratio(a.cliMs, b.cliMs)} — linear is ×${k}.`;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
