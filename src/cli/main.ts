/**
 * The `hyoka` command.
 *   hyoka summarize [in.xlsx] [--out out.xlsx] [--json model.json] [--as-of FY] [--lang ja|en] [--in-place] [--debug]
 *   hyoka summarize A.xlsx B.xlsx DIR/ [--out city.xlsx] [--json model.json]   (consolidate.ts)
 *   hyoka compare LAST.xlsx THIS.xlsx [--out OUT.xlsx] [--json diff.json] [--cost-threshold 20]   (compare.ts)
 *   hyoka inspect [in.xlsx] [--lang ja|en]
 * With no file it uses the bundled sample workbook made from the seed sheet.
 */
import { inspectTable } from './inspect';
import * as fs from 'fs';
import * as path from 'path';
import { analyzeWithProfile, AnalyzeOptions } from '../core/analyze';
import type { LayoutProfile } from '../core/profile/types';
import { validateProfile } from '../core/profile/validate';
import { savedProfile } from '../core/profile/saved';
import { HyokaError } from '../core/errors';
import type { Direction, EvaluationModel } from '../core/model';
import type { KeptReason } from '../core/ownership';
import { parseFiscalYear } from '../core/normalize';
import { XlsxApplyError } from '../xlsx/errors';
import { VERSION } from '../core/version';
import { prepareOutput, readWorkbookFile, sameFile, userError, writeAll, type OutputTarget } from './files';
import { runCompare } from './compare';
import { CITY_OUTPUT, runConsolidation } from './consolidate';
import { writeSummaryWorkbook } from './writeSummary';

const isDirectory = (p: string) => {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
};

/** The package root: where package.json is, from src/cli (tests) or build/src/cli (the built CLI). */
function packageRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

export const SAMPLE = path.join(packageRoot(), 'assets/sample/sample-policy-field-9.xlsx');

export interface Args {
  command: string;
  input: string | null;
  /** Every file or folder given (summarize: several joins them; compare: LAST THIS). */
  inputs: string[];
  /** compare: the share past which a cost change is reported (0.2 = ±20%). */
  costThreshold: number | null;
  out: string | null;
  json: string | null;
  asOf: number | null;
  lang: 'ja' | 'en';
  inPlace: boolean;
  debug: boolean;
  noSummary: boolean;
  directions: Record<string, Direction>;
  grades: { grade: string; min: number }[] | null;
  profile: string | null;
  profileOut: string | null;
}

const HELP = `hyoka ${VERSION} — 行政評価ブックの読み取り・検証・サマリー作成 / read, validate and summarize evaluation workbooks

使い方 / Usage:
  hyoka summarize [in.xlsx] [--out out.xlsx] [--json model.json] [--as-of FY] [--lang ja|en] [--in-place] [--profile P.json]
  hyoka summarize A.xlsx B.xlsx DIR/ [--out city.xlsx] [--json model.json] [--profile P.json]
  hyoka compare   LAST.xlsx THIS.xlsx [--out OUT.xlsx] [--json diff.json] [--cost-threshold 20] [--in-place] [--profile P.json]
  hyoka inspect   [in.xlsx] [--lang ja|en] [--profile P.json] [--profile-out P.json]

  in.xlsx       省略時は同梱のサンプル / the bundled sample when omitted
  A.xlsx B.xlsx DIR/  複数のブック・フォルダーを 1 つの全体サマリーに（新しいブック、既定 ./${CITY_OUTPUT}） /
                several workbooks or folders joined into one city summary (a new workbook)
  --out F       サマリー付きブックの出力先（既定: ./<入力名>-summary.xlsx、compare は -compare.xlsx） / summarized workbook
  --cost-threshold P  compare: 事業費・一般財源の変化を報告する幅（%、既定 20） / report cost changes past ±P% (default 20)
  --json F      評価モデル(JSON)の出力先 / write the evaluation model as JSON
  --as-of FY    評価年度（例: 2022, R4, 令和4年度） / evaluation year
  --lang ja|en  表示言語 / language (default ja)
  --direction 9/2=decrease  指標の方向を指定（政策分野/指標番号） / a KPI's direction (field/KPI)
  --grades A=100,B=80,C=50,D=0  評価の区分（達成率%の下限） / grade table (lower bounds in %)
  --profile F   読み取り設定（レイアウトプロファイル）で読む / read with a layout profile (JSON)
  --profile-out F  読み取り方を読み取り設定として書き出す / write how the workbook was read, as a profile
  --in-place    入力ファイルに上書きする / overwrite the input workbook
  --no-summary  サマリーブックを書かない（--json のみ） / do not write a workbook
  --debug       エラー時にスタックトレースを表示 / show stack traces
`;

export function parseArgs(argv: string[]): Args {
  const a: Args = { command: '', input: null, inputs: [], costThreshold: null, out: null, json: null, asOf: null, lang: 'ja', inPlace: false, debug: false, noSummary: false, directions: {}, grades: null, profile: null, profileOut: null };
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
      case '--profile':
        a.profile = value(flag);
        break;
      case '--profile-out':
        a.profileOut = value(flag);
        break;
      case '--cost-threshold': {
        // In percent, as the issue and the README write it: 20 or 20% = ±20%.
        const v = value(flag);
        const m = /^([0-9]+(?:\.[0-9]+)?)%?$/.exec(v.trim());
        if (!m) throw new HyokaError('bad-option', `--cost-threshold ${v} (a percentage, e.g. 20)`);
        a.costThreshold = Number(m[1]) / 100;
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
        else {
          a.inputs.push(flag);
          a.input ??= flag;
        }
    }
  }
  return a;
}

export { readInputFile } from './files';

export interface Loaded {
  bytes: Uint8Array;
  model: EvaluationModel;
  /** How the workbook was read, as a layout profile. */
  profile: LayoutProfile;
  /** Where the profile read with came from: a file, the workbook's saved settings, or none. */
  profileFrom: 'file' | 'workbook' | null;
}

export async function loadModel(file: string, options: AnalyzeOptions, profileFile: string | null = null): Promise<Loaded> {
  const given = profileFile ? readProfileFile(profileFile) : null;
  const { bytes, snapshot } = await readWorkbookFile(file);
  // A profile saved in the workbook by the task pane applies unless a file is given.
  const saved = given ? null : savedProfile(snapshot.settings);
  const profile = given ?? saved ?? undefined;
  const r = analyzeWithProfile(snapshot, { ...options, profile });
  return { bytes, model: r.model, profile: r.profile, profileFrom: given ? 'file' : saved ? 'workbook' : null };
}

export function readProfileFile(file: string): LayoutProfile {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new HyokaError((e as NodeJS.ErrnoException).code === 'ENOENT' ? 'file-not-found' : 'bad-profile', file, e);
  }
  const { profile, problems } = validateProfile(raw);
  if (!profile) throw new HyokaError('bad-profile', `${file}\n${problems.map((p) => `  ${p.path}: ${p.en} / ${p.ja}`).join('\n')}`);
  return profile;
}

const projectCount = (m: EvaluationModel) => m.policyFields.reduce((n, f) => n + f.measures.reduce((k, x) => k + x.projects.length, 0), 0);

const KEPT_WORDS: Record<KeptReason, { ja: string; en: string }> = {
  copied: { ja: 'コピーされたシート', en: 'a copy' },
  renamed: { ja: '名前が変更されたシート', en: 'renamed' },
  otherRun: { ja: '記録にない印', en: 'a mark this workbook has no record of' },
  duplicate: { ja: '同じ印が複数', en: 'the same mark twice' },
};

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
      if (args.inputs.length > 1) throw new HyokaError('bad-option', `inspect takes one workbook: ${args.inputs.join(' ')}`);
      const loaded = await loadModel(input, options, args.profile);
      io.out(inspectTable(loaded.model, args.lang) + '\n');
      if (loaded.profileFrom === 'workbook') io.out(`${args.lang === 'ja' ? 'ブックに保存された読み取り設定で読みました' : 'Read with the layout profile saved in the workbook'}\n`);
      if (args.profileOut) {
        writeAll([{ target: prepareOutput(args.profileOut), data: JSON.stringify(loaded.profile, null, 2) + '\n' }]);
        io.out(`${args.lang === 'ja' ? '読み取り設定を書き出しました' : 'Layout profile written'}: ${args.profileOut}\n`);
      }
      return 0;
    }
    // Several workbooks: a profile file reads each of them; without one, each its own saved profile.
    const many: AnalyzeOptions = args.profile ? { ...options, profile: readProfileFile(args.profile) } : options;
    if (args.command === 'compare') return await runCompare(args, many, io);
    if (args.command !== 'summarize') throw new HyokaError('bad-option', `unknown command ${args.command} (summarize | compare | inspect)`);
    // Several workbooks, or a folder of them: the city's summary in a new workbook.
    if (args.inputs.length > 1 || args.inputs.some(isDirectory)) return await runConsolidation(args, many, io);
    const started = Date.now();
    const { bytes, model, profile, profileFrom } = await loadModel(input, options, args.profile);
    if (!model.policyFields.length) throw new HyokaError('no-policy-field', input);
    const ja = args.lang === 'ja';
    // Everything is computed before anything is written: a failure leaves no file behind.
    let result: Awaited<ReturnType<typeof writeSummaryWorkbook>> | null = null;
    if (!args.noSummary) {
      try {
        result = await writeSummaryWorkbook(bytes, model, { lang: args.lang, sourceName: path.basename(input), now: new Date(), grades: args.grades ?? undefined });
      } catch (e) {
        throw e instanceof XlsxApplyError ? userError(e, input) : e;
      }
    }
    const outputs: { target: OutputTarget; data: Uint8Array | string }[] = [];
    if (args.profileOut) {
      if (sameFile(args.profileOut, input)) throw new HyokaError('output-exists', args.profileOut);
      outputs.push({ target: prepareOutput(args.profileOut), data: JSON.stringify(profile, null, 2) + '\n' });
    }
    if (args.json) {
      // The model never lands on the workbook it was read from.
      if (sameFile(args.json, input)) throw new HyokaError('output-exists', args.json);
      outputs.push({ target: prepareOutput(args.json), data: JSON.stringify(model, null, 2) + '\n' });
    }
    if (result) {
      // The default name keeps the workbook's own extension (.xlsm stays .xlsm): Excel refuses a mismatch.
      const out = args.out ?? (args.inPlace ? input : path.resolve(`${path.basename(input, path.extname(input))}-summary${result.extension}`));
      if (!args.inPlace && sameFile(out, input)) throw new HyokaError('output-exists', out);
      if (!args.inPlace && path.extname(out).toLowerCase() !== result.extension) throw new HyokaError('output-extension', `${result.extension}: ${out}`);
      outputs.push({ target: prepareOutput(out), data: result.bytes });
    }
    writeAll(outputs);
    for (const { target } of outputs) {
      const via = target.real !== path.resolve(target.given) ? (ja ? `（シンボリックリンクの先 ${target.real} に書き込み）` : ` (written through the symbolic link to ${target.real})`) : '';
      if (target.given === args.json) io.out(`${ja ? 'モデルを書き出しました' : 'Model written'}: ${target.given}${via}\n`);
      else if (target.given === args.profileOut) io.out(`${ja ? '読み取り設定を書き出しました' : 'Layout profile written'}: ${target.given}${via}\n`);
      else io.out(`${ja ? 'サマリーを作成しました' : 'Summary written'}: ${target.given}${via} (${Object.values(result!.sheetNames).join(', ')})\n`);
    }
    if (profileFrom === 'workbook') io.out(`${ja ? 'ブックに保存された読み取り設定で読みました' : 'Read with the layout profile saved in the workbook'}\n`);
    for (const r of result?.renamed ?? []) io.out(`  ${ja ? '同名のシートがあるため名前を変更' : 'renamed (a sheet of yours has that name)'}: ${r.wanted} → ${r.used}\n`);
    for (const k of result?.kept ?? []) io.out(`  ${ja ? 'Hyōka の印があるが利用者のシートとして残しました' : "kept as yours (it carries Hyōka's mark but is not Hyōka's sheet)"}: ${k.name} (${KEPT_WORDS[k.reason][args.lang]})\n`);
    const c = (s: string) => model.findings.filter((f) => f.severity === s).length;
    io.out(
      args.lang === 'ja'
        ? `政策分野 ${model.policyFields.length}、指標 ${model.policyFields.reduce((n, f) => n + f.indicators.length, 0)}、事業 ${projectCount(model)}、検証結果 ${model.findings.length} 件（エラー ${c('error')}・警告 ${c('warning')}・情報 ${c('info')}）、${Date.now() - started} ms\n`
        : `${model.policyFields.length} policy fields, ${model.policyFields.reduce((n, f) => n + f.indicators.length, 0)} KPIs, ${projectCount(model)} projects, ${model.findings.length} findings (error ${c('error')}, warning ${c('warning')}, info ${c('info')}), ${Date.now() - started} ms\n`,
    );
    return 0;
  } catch (caught) {
    let e = caught;
    const lang = args?.lang ?? 'ja';
    if (e instanceof XlsxApplyError) e = userError(e, args?.input ?? SAMPLE);
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
