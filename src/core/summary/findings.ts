/** 検証結果: the findings as a sortable Excel table with links to their cells. */
import { toA1 as a1, rangeA1 as a1Range } from '../a1';
import type { Finding, Severity } from '../model';
import type { PlanSheet } from '../plan';
import { formatSummary, type SummaryKey } from '../i18n/summary';
import { SheetBuilder } from './builder';
import type { Ctx } from './context';
import { AMBER, BLUE, NOTE_STYLE, RED, TITLE_STYLE } from './styles';

// ───────────────────────────── 検証結果 ─────────────────────────────

export const SEVERITY_ORDER: Severity[] = ['error', 'warning', 'info'];

export function findingMessage(f: Finding, lang: 'ja' | 'en'): string {
  return (lang === 'ja' ? f.messageJa : f.messageEn) || f.message;
}

export function findingsSheet(ctx: Ctx): PlanSheet {
  const { t, model } = ctx;
  const s = new SheetBuilder();
  // Stable sort: errors first, the validator's order within a severity.
  const findings = model.findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => SEVERITY_ORDER.indexOf(a.f.severity) - SEVERITY_ORDER.indexOf(b.f.severity) || a.i - b.i)
    .map((x) => x.f);
  const count = (sev: Severity) => model.findings.filter((f) => f.severity === sev).length;

  s.format(a1(s.add([t.titleFindings]), 0), undefined, TITLE_STYLE);
  s.format(
    a1(s.add([formatSummary(t.noteFindings, { error: count('error'), warning: count('warning'), info: count('info') })]), 0),
    undefined,
    NOTE_STYLE,
  );
  // Findings of several workbooks say which file their cell is in.
  const files = findings.some((f) => f.file !== undefined);
  const headRow = s.header([
    t.colSeverity,
    t.colRule,
    t.colFieldId,
    t.colKpiNoShort,
    t.colProject,
    t.colFiscalYear,
    t.colMessage,
    ...(files ? [t.colFile] : []),
    t.colSheet,
    t.colAddress,
    t.colSource,
  ]);
  const LINK = files ? 10 : 9;
  for (const f of findings) {
    const r = s.add([
      t[`severity_${f.severity}` as SummaryKey],
      f.rule,
      f.policyField,
      f.indicator,
      f.project,
      f.fiscalYear,
      findingMessage(f, ctx.options.lang),
      ...(files ? [f.file ?? t.thisWorkbook] : []),
      f.sheet,
      f.address,
      null,
    ]);
    s.link(r, LINK, { sheet: f.sheet, address: f.address, ...(f.file !== undefined ? { file: f.file } : {}) }, t);
  }
  // An Excel table needs a data row; say plainly that there is nothing to fix.
  if (!findings.length) s.add([null, null, null, null, null, null, t.noFindings, null, null, null]);
  const last = s.rowCount - 1;
  s.tables.push({ name: 'HyokaFindings', range: a1Range(headRow, 0, last, LINK) });
  const col = (c: number) => a1Range(headRow + 1, c, last, c);
  s.format(col(6), undefined, { wrap: true });
  s.conditionalFormats.push(
    { type: 'textEquals', range: col(0), text: t.severity_error, style: { ...RED, bold: true } },
    { type: 'textEquals', range: col(0), text: t.severity_warning, style: AMBER },
    { type: 'textEquals', range: col(0), text: t.severity_info, style: BLUE },
  );
  const widths = files ? [11, 28, 10, 6, 8, 9, 70, 22, 18, 10, 8] : [11, 28, 10, 6, 8, 9, 70, 18, 10, 8];
  return s.toSheet('findings', t.sheetFindings, widths, { rows: headRow + 1, columns: 1 }, '#C00000');
}


