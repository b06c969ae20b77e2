/**
 * The workbooks a consolidation reads: files as given, folders as the workbooks directly in
 * them (.xlsx / .xlsm, by name; Excel's "~$" lock files and hidden files left out), each once,
 * never the run's own outputs. A path that does not exist is a skipped input, not the end.
 */
import * as fs from 'fs';
import * as path from 'path';
import { HyokaError } from '../core/errors';
import { sameFile } from './files';

export interface InputFile {
  /** Absolute path. */
  abs: string;
  /** As the output names it: relative to the output's folder, "/" separators. */
  rel: string;
  /** As the user sees it: relative to the current folder. */
  shown: string;
}

export interface ExpandedInputs {
  files: InputFile[];
  /** Paths given that are neither a file nor a folder, with the error the user reads. */
  missing: { rel: string; shown: string; error: HyokaError }[];
}

const WORKBOOK = /\.(xlsx|xlsm)$/i;

/** A path relative to a folder, as a link in a workbook writes it. */
export function relativeTo(dir: string, abs: string): string {
  return path.relative(dir, abs).split(path.sep).join('/');
}

const shown = (abs: string) => path.relative(process.cwd(), abs) || abs;

export function expandInputs(given: string[], outDir: string, outputs: string[]): ExpandedInputs {
  const files: InputFile[] = [];
  const missing: ExpandedInputs['missing'] = [];
  const seen = new Set<string>();
  const add = (abs: string) => {
    const real = fs.existsSync(abs) ? fs.realpathSync(abs) : abs;
    if (seen.has(real) || outputs.some((o) => sameFile(o, abs))) return;
    seen.add(real);
    files.push({ abs, rel: relativeTo(outDir, abs), shown: shown(abs) });
  };
  for (const g of given) {
    const abs = path.resolve(g);
    let st: fs.Stats | undefined;
    try {
      st = fs.statSync(abs);
    } catch (e) {
      missing.push({ rel: relativeTo(outDir, abs), shown: g, error: new HyokaError('file-not-found', g, e) });
      continue;
    }
    if (!st.isDirectory()) {
      add(abs);
      continue;
    }
    const names = fs
      .readdirSync(abs, { withFileTypes: true })
      .filter((d) => d.isFile() && WORKBOOK.test(d.name) && !d.name.startsWith('~$') && !d.name.startsWith('.'))
      .map((d) => d.name)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const n of names) add(path.join(abs, n));
  }
  return { files, missing };
}
