/**
 * The layout families in the benchmark: the real flat export (大船渡, 407 projects × 210
 * columns) read through the core, and generated flat exports of growing size to show that
 * the reading grows linearly with the rows.
 */
import * as fs from 'fs';
import * as path from 'path';
import { analyzeWorkbook } from '../src/core/analyze';
import { planSummary } from '../src/core/planSummary';
import type { WorkbookSnapshot } from '../src/core/snapshot';
import { readXlsxSnapshot } from '../src/xlsx/readXlsx';
import { SheetDraft } from './families/draft';
import { renderProjectTable, type ProjectTableVariant } from './families/projectTable';
import { makePlace, makeProject, rng } from './families/spec';

const REAL = path.join(__dirname, '../../test/fixtures/real/ofunato-report-r7.xlsx');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function coreMs(snapshot: WorkbookSnapshot, runs: number, warmups: number): { median: number; cold: number; projects: number } {
  const once = () => {
    const t = process.hrtime.bigint();
    const model = analyzeWorkbook(snapshot);
    planSummary(model, { lang: 'ja', now: new Date(0), generatorVersion: 'bench' });
    return { ms: Number(process.hrtime.bigint() - t) / 1e6, model };
  };
  const first = once();
  for (let i = 1; i < warmups; i++) once();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(once().ms);
  const projects = first.model.policyFields.reduce((n, f) => n + f.measures.reduce((m, x) => m + x.projects.length, 0), 0);
  return { median: median(times), cold: first.ms, projects };
}

/** A flat export of `rows` projects, six unlabelled year blocks like the real one. */
function flatExport(rows: number): WorkbookSnapshot {
  const rand = rng(rows);
  const years = [2020, 2021, 2022, 2023, 2024, 2025];
  const v: ProjectTableVariant = { filler: true, yearLabels: 'none', yearStyle: 'reiwa', hierarchy: 'digits', yearColumn: 'bare', breakdown: true, indicatorTargets: false, grades: false, unit: '千円', title: false };
  const projects = Array.from({ length: rows }, (_, i) =>
    makeProject(rand, i + 1, {
      years,
      evaluationYear: 2025,
      financeYears: years.map((fiscalYear) => ({ fiscalYear, basis: 'settlement' as const })),
      place: makePlace(rand, true),
      kinds: ['activity', 'activity', 'target-population', 'outcome', 'outcome'],
    }),
  );
  const d = new SheetDraft('データ集計用');
  renderProjectTable(d, projects, v, 2025);
  return { sheets: [d.snapshot()] };
}

export async function familiesSection(runs: number): Promise<string[]> {
  const lines = ['## Layout families', ''];
  if (fs.existsSync(REAL)) {
    const t = process.hrtime.bigint();
    const snapshot = await readXlsxSnapshot(fs.readFileSync(REAL));
    const readMs = Number(process.hrtime.bigint() - t) / 1e6;
    const r = coreMs(snapshot, runs, 3);
    lines.push(
      `- The real flat export (大船渡市 令和7年度, ${r.projects} projects × 210 columns): .xlsx read ${readMs.toFixed(0)} ms, core (read the sheet + validate + plan) ${r.median.toFixed(0)} ms median, ${r.cold.toFixed(0)} ms cold (target < 1 s): ${r.median < 1000 ? 'met' : '**not met**'}.`,
    );
  }
  const sizes = [100, 400, 1600];
  const growth = sizes.map((n) => ({ n, ...coreMs(flatExport(n), Math.max(3, Math.floor(runs / 2)), 2) }));
  lines.push('', '| rows | core median | per row |', '| --- | --- | --- |');
  for (const g of growth) lines.push(`| ${g.n} | ${g.median.toFixed(0)} ms | ${((g.median / g.n) * 1000).toFixed(0)} µs |`);
  const a = growth[0];
  const b = growth[growth.length - 1];
  lines.push('', `Generated flat exports (six unlabelled year blocks, five indicators): from ${a.n} to ${b.n} rows (×${b.n / a.n}) the core takes ×${(b.median / a.median).toFixed(1)} — linear is ×${b.n / a.n}.`);
  return lines;
}
