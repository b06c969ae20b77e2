/**
 * `hyoka summarize A.xlsx B.xlsx DIR/ --out city.xlsx`: every department's workbook read in
 * turn (a progress line each; a file that cannot be read is skipped with its reason, and the
 * rest go on), joined into one city model by the core, written as a new workbook of summary
 * sheets with 全体サマリー first. No input is written; links point to the inputs relative to
 * the output's folder.
 */
import * as path from 'path';
import type { AnalyzeOptions } from '../core/analyze';
import { consolidateWorkbooks, type SkippedWorkbook, type WorkbookInput } from '../core/consolidate';
import { HyokaError } from '../core/errors';
import { blankWorkbook } from '../xlsx/blankWorkbook';
import { XlsxApplyError } from '../xlsx/errors';
import { prepareOutput, readWorkbookFile, userError, writeAll, type OutputTarget } from './files';
import { expandInputs } from './inputs';
import type { Args } from './main';
import { writeSummaryWorkbook } from './writeSummary';

type Io = { out: (s: string) => void; err: (s: string) => void };

/** The default output of a consolidation, in the current folder. */
export const CITY_OUTPUT = 'hyoka-city-summary.xlsx';

export async function runConsolidation(args: Args, options: AnalyzeOptions, io: Io): Promise<number> {
  const ja = args.lang === 'ja';
  if (args.inPlace) throw new HyokaError('bad-option', ja ? '--in-place は複数のブックをまとめるときは使えません（新しいブックに書き出します）' : '--in-place does not apply to several workbooks (a new workbook is written)');
  const started = Date.now();
  const out = args.noSummary ? null : path.resolve(args.out ?? CITY_OUTPUT);
  if (out && path.extname(out).toLowerCase() !== '.xlsx') throw new HyokaError('output-extension', `.xlsx: ${out}`);
  // Links and the model name each input relative to where the output lands.
  const outDir = path.dirname(out ?? path.resolve(args.json ?? '.'));
  const { files, missing } = expandInputs(args.inputs, outDir, [out, args.json].filter((x): x is string => !!x));
  const skipped: SkippedWorkbook[] = missing.map((m) => ({ file: m.rel, reason: { ja: m.error.messageIn('ja'), en: m.error.messageIn('en') } }));
  for (const m of missing) io.out(`${ja ? 'スキップ' : 'skipped'}: ${m.shown} — ${m.error.messageIn(args.lang)}\n`);

  const read: WorkbookInput[] = [];
  for (const [i, f] of files.entries()) {
    const t = Date.now();
    const head = `[${i + 1}/${files.length}] ${f.shown}`;
    try {
      const { snapshot } = await readWorkbookFile(f.shown);
      read.push({ file: f.rel, snapshot: { ...snapshot, source: f.rel } });
      io.out(`${head}: ${ja ? `シート ${snapshot.sheets.length} 枚` : `${snapshot.sheets.length} sheets`} (${Date.now() - t} ms)\n`);
    } catch (caught) {
      const e = caught instanceof HyokaError ? caught : caught instanceof XlsxApplyError ? userError(caught, f.shown) : new HyokaError('file-corrupt', f.shown, caught);
      skipped.push({ file: f.rel, reason: { ja: e.messageIn('ja'), en: e.messageIn('en') } });
      io.out(`${head}: ${ja ? 'スキップ' : 'skipped'} — ${e.messageIn(args.lang)}\n`);
    }
  }
  if (!read.length) throw new HyokaError('no-workbook-read', args.inputs.join(', ') || '—');
  const model = consolidateWorkbooks(read, { ...options, skipped });
  if (!model.policyFields.length) throw new HyokaError('no-policy-field', args.inputs.join(', '));

  // Everything is computed before anything is written: a failure leaves no file behind.
  const outputs: { target: OutputTarget; data: Uint8Array | string }[] = [];
  if (args.json) outputs.push({ target: prepareOutput(args.json), data: JSON.stringify(model, null, 2) + '\n' });
  let sheetNames: string[] = [];
  if (out) {
    const sourceName = ja ? `${read.length} 冊のブック（${args.inputs.join(', ')}）` : `${read.length} workbooks (${args.inputs.join(', ')})`;
    let result;
    try {
      result = await writeSummaryWorkbook(await blankWorkbook(), model, { lang: args.lang, sourceName, now: new Date(), grades: args.grades ?? undefined });
    } catch (e) {
      throw e instanceof XlsxApplyError ? userError(e, out) : e;
    }
    sheetNames = Object.values(result.sheetNames);
    outputs.push({ target: prepareOutput(out), data: result.bytes });
  }
  writeAll(outputs);
  if (args.json) io.out(`${ja ? 'モデルを書き出しました' : 'Model written'}: ${args.json}\n`);
  if (out) io.out(`${ja ? '全体サマリーを作成しました' : 'City summary written'}: ${args.out ?? CITY_OUTPUT} (${sheetNames.join(', ')})\n`);
  const c = (sev: string) => model.findings.filter((f) => f.severity === sev).length;
  const fields = model.policyFields.length;
  io.out(
    ja
      ? `ブック ${read.length} 冊（スキップ ${skipped.length}）、政策分野 ${fields}、検証結果 ${model.findings.length} 件（エラー ${c('error')}・警告 ${c('warning')}・情報 ${c('info')}）、${Date.now() - started} ms\n`
      : `${read.length} workbooks (${skipped.length} skipped), ${fields} policy fields, ${model.findings.length} findings (error ${c('error')}, warning ${c('warning')}, info ${c('info')}), ${Date.now() - started} ms\n`,
  );
  return 0;
}
