/**
 * The `hyoka` command.
 *   hyoka summarize [in.xlsx] [--out out.xlsx] [--json model.json] [--as-of FY] [--lang ja|en] [--in-place] [--debug]
 *   hyoka inspect [in.xlsx] [--lang ja|en]
 * With no file it uses the bundled sample workbook made from the seed sheet.
 */
import { inspectTable } from './inspect';
import * as fs from 'fs';
import * as path from 'path';
import { analyzeWorkbook, AnalyzeOptions } from '../core/analyze';
import { HyokaError, sniffFile } from '../core/errors';
import type { Direction, EvaluationModel } from '../core/model';
import { parseFiscalYear } from '../core/normalize';
import { readXlsxSnapshot } from '../xlsx/readXlsx';
import { findHyokaSheets, XlsxApplyError } from '../xlsx/applyPlan';
import { VERSION } from '../core/version';
import { writeSummaryWorkbook } from './writeSummary';

/** The package root: where package.json is, from src/cli (tests) or build/src/cli (the built CLI). */
function packageRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

export const SAMPLE = path.join(packageRoot(), 'assets/sample/sample-policy-field-9.xlsx');

interface Args {
  command: string;
  input: string | null;
  out: string | null;
  json: string | null;
  asOf: number | null;
  lang: 'ja' | 'en';
  inPlace: boolean;
  debug: boolean;
  noSummary: boolean;
  directions: Record<string, Direction>;
  grades: { grade: string; min: number }[] | null;
}

const HELP = `hyoka ${VERSION} — 行政評価ブックの読み取り・検証・サマリー作成 / read, validate and summarize evaluation workbooks

使い方 / Usage:
  hyoka summarize [in.xlsx] [--out out.xlsx] [--json model.json] [--as-of FY] [--lang ja|en] [--in-place]
  hyoka inspect   [in.xlsx] [--lang ja|en]

  in.xlsx       省略時は同梱のサンプル / the bundled sample when omitted
  --out F       サマリー付きブックの出力先（既定: ./<入力名>-summary.xlsx） / summarized workbook
  --json F      評価モデル(JSON)の出力先 / write the evaluation model as JSON
  --as-of FY    評価年度（例: 2022, R4, 令和4年度） / evaluation year
  --lang ja|en  表示言語 / language (default ja)
  --direction 9/2=decrease  指標の方向を指定（政策分野/指標番号） / a KPI's direction (field/KPI)
  --grades A=100,B=80,C=50,D=0  評価の区分（達成率%の下限） / grade table (lower bounds in %)
  --in-place    入力ファイルに上書きする / overwrite the input workbook
  --no-summary  サマリーブックを書かない（--json のみ） / do not write a workbook
  --debug       エラー時にスタックトレースを表示 / show stack traces
`;

export function parseArgs(argv: string[]): Args {
  const a: Args = { command: '', input: null, out: null, json: null, asOf: null, lang: 'ja', inPlace: false, debug: false, noSummary: false, directions: {}, grades: null };
  const rest = [...argv];
  const value = (flag: string) => {
    const v = rest.shift();
    if (v === undefined || v.startsWith('--')) throw new HyokaError('bad-option', `${flag} needs a value`);
    return v;
  };
  while (rest.length) {
    const t = rest.shift()!;
    const [flag, inline] = t.startsWith('--') && t.includes('=') ? [t.slice(0, t.indexOf('=')), t.slice(t.indexOf('=') + 1)] : [t, undefined];
    if (inline !== undefined) rest.unshift(inline);
    switch (flag) {
      case '--out':
      case '-o':
        a.out = value(flag);
        break;
      case '--json':
        a.json = value(flag);
        break;
      case '--as-of': {
        const v = value(flag);
        const y = parseFiscalYear(/^[0-9]+$/.test(v) ? Number(v) : v);
        if (!y) throw new HyokaError('bad-option', `--as-of ${v}`);
        a.asOf = y.fiscalYear;
        break;
      }
      case '--lang': {
        const v = value(flag);
        if (v !== 'ja' && v !== 'en') throw new HyokaError('bad-option', `--lang ${v} (ja | en)`);
        a.lang = v;
        break;
      }
      case '--direction': {
        // --direction 9/2=decrease (policy field 9, KPI 2)
        const v = value(flag);
        const m = /^([0-9]+)\/([0-9]+)=(increase|decrease|maintain)$/.exec(v);
        if (!m) throw new HyokaError('bad-option', `--direction ${v} (FIELD/KPI=increase|decrease|maintain)`);
        a.directions[`${m[1]}/${m[2]}`] = m[3] as Direction;
        break;
      }
      case '--grades': {
        // --grades A=100,B=80,C=50,D=0 (percent lower bounds)
        const v = value(flag);
        const bands = v.split(',').map((p) => /^([^=]+)=(-?[0-9.]+)%?$/.exec(p.trim()));
        if (!bands.length || bands.some((b) => !b)) throw new HyokaError('bad-option', `--grades ${v} (A=100,B=80,C=50,D=0)`);
        a.grades = bands.map((b) => ({ grade: b![1], min: Number(b![2]) / 100 }));
        break;
      }
      case '--in-place':
        a.inPlace = true;
        break;
      case '--no-summary':
        a.noSummary = true;
        break;
      case '--debug':
        a.debug = true;
        break;
      case '--help':
      case '-h':
        a.command = 'help';
        break;
      default:
        if (flag.startsWith('-')) throw new HyokaError('bad-option', flag);
        if (!a.command) a.command = flag;
        else if (!a.input) a.input = flag;
        else throw new HyokaError('bad-option', `unexpected argument ${flag}`);
    }
  }
  return a;
}

export function readInputFile(file: string): Uint8Array {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new HyokaError('file-not-found', file, e);
    if (code === 'EISDIR') throw new HyokaError('file-not-xlsx', file, e);
    throw new HyokaError('file-unreadable', file, e);
  }
  const kind = sniffFile(bytes);
  if (kind === 'empty') throw new HyokaError('file-empty', file);
  if (kind === 'cfb') throw new HyokaError(/\.xls$/i.test(file) ? 'file-xls' : 'file-encrypted', file);
  if (kind !== 'zip') throw new HyokaError('file-not-xlsx', file);
  return bytes;
}

export async function loadModel(file: string, options: AnalyzeOptions): Promise<{ bytes: Uint8Array; model: EvaluationModel }> {
  const bytes = readInputFile(file);
  let snapshot;
  try {
    // Summary sheets Hyōka wrote on an earlier run are recognised by their mark and not read as sources.
    const owned = new Set((await findHyokaSheets(bytes)).map((s) => s.name));
    snapshot = await readXlsxSnapshot(bytes, { source: path.basename(file), ownedSheets: owned });
  } catch (e) {
    throw new HyokaError('file-corrupt', file, e);
  }
  return { bytes, model: analyzeWorkbook(snapshot, options) };
}

export async function main(argv: string[], io: { out: (s: string) => void; err: (s: string) => void } = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) }): Promise<number> {
  let args: Args | null = null;
  try {
    args = parseArgs(argv);
    if (!args.command || args.command === 'help') {
      io.out(HELP);
      return args.command === 'help' ? 0 : 2;
    }
    const input = args.input ?? SAMPLE;
    const options: AnalyzeOptions = { lang: args.lang, asOf: args.asOf ?? undefined, directions: args.directions, grades: args.grades ?? undefined };
    if (args.command === 'inspect') {
      const { model } = await loadModel(input, options);
      io.out(inspectTable(model, args.lang) + '\n');
      return 0;
    }
    if (args.command !== 'summarize') throw new HyokaError('bad-option', `unknown command ${args.command} (summarize | inspect)`);
    const started = Date.now();
    const { bytes, model } = await loadModel(input, options);
    if (!model.policyFields.length) throw new HyokaError('no-policy-field', input);
    if (args.json) {
      fs.writeFileSync(args.json, JSON.stringify(model, null, 2) + '\n');
      io.out(`${args.lang === 'ja' ? 'モデルを書き出しました' : 'Model written'}: ${args.json}\n`);
    }
    if (!args.noSummary) {
      const out = args.out ?? (args.inPlace ? input : path.resolve(`${path.basename(input, path.extname(input))}-summary.xlsx`));
      if (path.resolve(out) === path.resolve(input) && !args.inPlace) throw new HyokaError('output-exists', out);
      const result = await writeSummaryWorkbook(bytes, model, { lang: args.lang, sourceName: path.basename(input), now: new Date(), grades: args.grades ?? undefined });
      const tmp = `${out}.hyoka-tmp`;
      fs.writeFileSync(tmp, result.bytes);
      fs.renameSync(tmp, out);
      io.out(`${args.lang === 'ja' ? 'サマリーを作成しました' : 'Summary written'}: ${out} (${Object.values(result.sheetNames).join(', ')})\n`);
      for (const r of result.renamed) io.out(`  ${args.lang === 'ja' ? '同名のシートがあるため名前を変更' : 'renamed (a sheet of yours has that name)'}: ${r.wanted} → ${r.used}\n`);
    }
    const c = (s: string) => model.findings.filter((f) => f.severity === s).length;
    io.out(
      args.lang === 'ja'
        ? `政策分野 ${model.policyFields.length}、指標 ${model.policyFields.reduce((n, f) => n + f.indicators.length, 0)}、検証結果 ${model.findings.length} 件（エラー ${c('error')}・警告 ${c('warning')}・情報 ${c('info')}）、${Date.now() - started} ms\n`
        : `${model.policyFields.length} policy fields, ${model.policyFields.reduce((n, f) => n + f.indicators.length, 0)} KPIs, ${model.findings.length} findings (error ${c('error')}, warning ${c('warning')}, info ${c('info')}), ${Date.now() - started} ms\n`,
    );
    return 0;
  } catch (caught) {
    let e = caught;
    const lang = args?.lang ?? 'ja';
    if (e instanceof XlsxApplyError) e = new HyokaError(e.code === 'protected' ? 'protected' : 'file-corrupt', args?.input ?? SAMPLE, e);
    if (e instanceof HyokaError) {
      io.err(`hyoka: ${e.messageIn(lang)}\n`);
      if (args?.debug && e.inner) io.err(`${(e.inner as Error).stack ?? String(e.inner)}\n`);
      return e.code === 'bad-option' ? 2 : 1;
    }
    io.err(`hyoka: ${new HyokaError('internal', (e as Error).message ?? String(e)).messageIn(lang)}\n`);
    if (args?.debug) io.err(`${(e as Error).stack}\n`);
    return 1;
  }
}
