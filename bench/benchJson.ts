/**
 * `npm run bench -- --json FILE`: the measured numbers as JSON, per size N, for tools and CI
 * (docs/performance.md shows the same numbers as a table).
 */
import * as fs from 'fs';
import * as os from 'os';
import { officeJsJson, type OfficeJsJson, type OfficeRoundTrips } from './officeRoundTrips';

export interface BenchJsonRow {
  n: number;
  kpis: number;
  projects: number;
  cells: number;
  office: OfficeRoundTrips | null;
}

export interface BenchJson {
  measuredAt: string;
  machine: string;
  node: string;
  sizes: { n: number; kpis: number; projects: number; cells: number; officeJs: OfficeJsJson | null }[];
}

/** The `--json FILE` argument, or null. */
export function jsonTarget(argv: string[]): string | null {
  const i = argv.indexOf('--json');
  if (i < 0) return null;
  const file = argv[i + 1];
  if (!file || file.startsWith('--')) throw new Error('--json needs a file name');
  return file;
}

export function benchJson(rows: BenchJsonRow[], now = new Date()): BenchJson {
  return {
    measuredAt: now.toISOString(),
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}`,
    node: process.version,
    sizes: rows.map((r) => ({ n: r.n, kpis: r.kpis, projects: r.projects, cells: r.cells, officeJs: r.office ? officeJsJson(r.office) : null })),
  };
}

export function writeBenchJson(file: string, rows: BenchJsonRow[]): void {
  fs.writeFileSync(file, `${JSON.stringify(benchJson(rows), null, 2)}\n`);
  process.stderr.write(`${file} written\n`);
}
