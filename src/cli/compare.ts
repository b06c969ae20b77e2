/**
 * `hyoka compare LAST.xlsx THIS.xlsx [--out OUT.xlsx] [--json diff.json] [--cost-threshold 20]`:
 * last year's workbook against this year's. Writes a copy of THIS (or THIS itself with
 * --in-place) with the summary sheets and 前年度比較 — the changes also in 検証結果 — and the
 * diff as JSON (schema/year-diff.schema.json). Last year's cells are linked relative to the
 * output's folder.
 */
import * as path from 'path';
import type { AnalyzeOptions } from '../core/analyze';
import { analyzeWorkbook } from '../core/analyze';
import { profileFor } from '../core/profile/saved';
import { compareModels, diffFindings, DEFAULT_COST_THRESHOLD } from '../core/compare';
import { HyokaError } from '../core/errors';
import { XlsxApplyError } from '../xlsx/errors';
import { prepareOutput, readWorkbookFile, sameFile, userError, writeAll, type OutputTarget } from './files';
import { relativeTo } from './inputs';
import type { Args } from './main';
import { writeSummaryWorkbook } from './writeSummary';

type Io = { out: (s: string) => void; err: (s: string) => void };

export async function runCompare(args: Args, options: AnalyzeOptions, io: Io): Promise<number> {
  const ja = args.lang === 'ja';
  if (args.inputs.length !== 2) throw new HyokaError('bad-option', ja ? 'compare には昨年度と今年度のブックを 1 つずつ指定してください（hyoka compare LAST.xlsx THIS.xlsx）' : 'compare takes two workbooks: hyoka compare LAST.xlsx THIS.xlsx');
  const [lastPath, thisPath] = args.inputs;
  if (sameFile(lastPath, thisPath)) throw new HyokaError('bad-option', ja ? `昨年度と今年度が同じファイルです: ${thisPath}` : `last year and this year are the same file: ${thisPath}`);
  const started = Date.now();
  const last = await readWorkbookFile(lastPath);
  const current = await readWorkbookFile(thisPath);

  // Decide the output first: last year's cells are linked relative to its folder.
  let out: string | null = null;
  if (!args.noSummary) {
    out = args.inPlace ? thisPath : args.out ?? path.resolve(`${path.basename(thisPath, path.extname(thisPath))}-compare${path.extname(thisPath).toLowerCase() || '.xlsx'}`);
  }
  const outDir = path.dirname(path.resolve(out ?? args.json ?? thisPath));
  const lastFile = relativeTo(outDir, path.resolve(lastPath));
  const thisFile = relativeTo(outDir, path.resolve(thisPath));
  // Last year's evaluation year is its own: a --as-of override is this year's.
  const lastModel = analyzeWorkbook(last.snapshot, { ...options, asOf: undefined, file: lastFile, profile: profileFor(options.profile, last.snapshot.settings) });
  const thisModel = analyzeWorkbook(current.snapshot, { ...options, profile: profileFor(options.profile, current.snapshot.settings) });
  // A year that reads nothing would make every item look new (or gone): say which file instead.
  if (!lastModel.policyFields.length) throw new HyokaError('no-policy-field', lastPath);
  if (!thisModel.policyFields.length) throw new HyokaError('no-policy-field', thisPath);
  const diff = compareModels(lastModel, thisModel, { costThreshold: args.costThreshold ?? DEFAULT_COST_THRESHOLD, lang: args.lang, lastFile, thisFile });

  const outputs: { target: OutputTarget; data: Uint8Array | string }[] = [];
  if (args.json) {
    if (sameFile(args.json, thisPath) || sameFile(args.json, lastPath)) throw new HyokaError('output-exists', args.json);
    outputs.push({ target: prepareOutput(args.json), data: JSON.stringify(diff, null, 2) + '\n' });
  }
  let sheets: string[] = [];
  if (out) {
    if (sameFile(out, lastPath)) throw new HyokaError('output-exists', out);
    if (!args.inPlace && sameFile(out, thisPath)) throw new HyokaError('output-exists', out);
    let result;
    try {
      // The changes are findings too: 検証結果 and the pane list them with the rest.
      const model = { ...thisModel, findings: [...thisModel.findings, ...diffFindings(diff)] };
      result = await writeSummaryWorkbook(current.bytes, model, { lang: args.lang, sourceName: path.basename(thisPath), now: new Date(), grades: args.grades ?? undefined, compare: diff });
    } catch (e) {
      throw e instanceof XlsxApplyError ? userError(e, thisPath) : e;
    }
    if (!args.inPlace && path.extname(out).toLowerCase() !== result.extension) throw new HyokaError('output-extension', `${result.extension}: ${out}`);
    sheets = Object.values(result.sheetNames);
    outputs.push({ target: prepareOutput(out), data: result.bytes });
  }
  writeAll(outputs);
  if (args.json) io.out(`${ja ? '差分を書き出しました' : 'Diff written'}: ${args.json}\n`);
  if (out) io.out(`${ja ? '前年度比較を作成しました' : 'Comparison written'}: ${args.inPlace ? thisPath : args.out ?? path.basename(out)} (${sheets.join(', ')})\n`);
  const byRule = new Map<string, number>();
  for (const c of diff.changes) byRule.set(c.rule, (byRule.get(c.rule) ?? 0) + 1);
  for (const [rule, n] of byRule) io.out(`  ${rule}: ${n}\n`);
  const n = (sev: string) => diff.changes.filter((c) => c.severity === sev).length;
  io.out(
    ja
      ? `変更 ${diff.changes.length} 件（警告 ${n('warning')}・情報 ${n('info')}）、対応付け ${diff.matches.length} 件、${Date.now() - started} ms\n`
      : `${diff.changes.length} changes (warning ${n('warning')}, info ${n('info')}), ${diff.matches.length} matches, ${Date.now() - started} ms\n`,
  );
  return 0;
}
