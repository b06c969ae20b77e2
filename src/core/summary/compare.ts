/**
 * 前年度比較: every change since last year's workbook as a sortable Excel table — old → new,
 * the change, how the item was matched and how sure, the message, and links to both cells (last
 * year's in its own file) — then the matches to check by eye: renamed items and similar names.
 * Only when the summary is made with a comparison (options.compare).
 */
import { toA1 as a1, rangeA1 as a1Range } from '../a1';
import type { Change, Match } from '../compare/types';
import type { PlanSheet, PlanValue } from '../plan';
import { formatSummary, type SummaryKey } from '../i18n/summary';
import { SheetBuilder } from './builder';
import type { Ctx } from './context';
import { percentText, subtitle } from './helpers';
import { AMBER, BLUE, FMT_PERCENT_SIGNED, NOTE_STYLE, RED, SECTION_STYLE, TITLE_STYLE } from './styles';

const cellValue = (v: Change['old']): PlanValue => v;

function keyOf(c: Change): PlanValue {
  if (c.level === 'project') return c.project;
  if (c.level === 'projectIndicator') return `${c.project}/${c.indicator}`;
  if (c.level === 'measureIndicator') return `${c.measure}/${c.indicator}`;
  return c.indicator;
}

export function compareSheet(ctx: Ctx): PlanSheet | null {
  const diff = ctx.options.compare;
  if (!diff) return null;
  const { t } = ctx;
  const s = new SheetBuilder();
  const count = (sev: Change['severity']) => diff.changes.filter((c) => c.severity === sev).length;
  const matchText = (m: { reason: Match['reason']; confidence: number } | null) =>
    m ? formatSummary(t.matchText, { reason: t[`reason_${m.reason}` as SummaryKey], confidence: m.confidence.toFixed(2) }) : null;

  s.format(a1(s.add([t.titleCompare]), 0), undefined, TITLE_STYLE);
  s.format(a1(s.add([subtitle(ctx)]), 0), undefined, NOTE_STYLE);
  const note = formatSummary(t.noteCompare, {
    last: diff.last.file ?? diff.last.source ?? t.none,
    this: diff.this.file ?? diff.this.source ?? t.thisWorkbook,
    threshold: percentText(diff.options.costThreshold),
    warning: count('warning'),
    info: count('info'),
  });
  s.format(a1(s.add([note]), 0), undefined, NOTE_STYLE);

  const head = [t.colSeverity, t.colRule, t.colFieldId, t.colLevel, t.colKey, t.colName, t.colFiscalYear, t.colItem2, t.colLastValue, t.colThisValue, t.colChange, t.colMatch, t.colMessage, t.colLastCell, t.colThisCell];
  const LAST_CELL = 13;
  const THIS_CELL = 14;
  const headRow = s.header(head);
  for (const c of diff.changes) {
    const r = s.add([
      t[`severity_${c.severity}` as SummaryKey],
      c.rule,
      c.policyField,
      t[`level_${c.level}` as SummaryKey],
      keyOf(c),
      c.name,
      c.fiscalYear,
      t[`item_${c.item}` as SummaryKey],
      cellValue(c.old),
      cellValue(c.new),
      c.ratio,
      matchText(c.match),
      ctx.options.lang === 'ja' ? c.messageJa : c.messageEn,
      null,
      null,
    ]);
    s.link(r, LAST_CELL, c.last, t);
    s.link(r, THIS_CELL, c.this, t);
  }
  if (!diff.changes.length) s.add([null, null, null, null, null, null, null, null, null, null, null, null, t.noChanges, null, null]);
  const last = s.rowCount - 1;
  s.tables.push({ name: 'HyokaChanges', range: a1Range(headRow, 0, last, THIS_CELL) });
  const col = (c: number) => a1Range(headRow + 1, c, last, c);
  s.format(col(5), undefined, { wrap: true });
  s.format(col(12), undefined, { wrap: true });
  s.format(col(10), FMT_PERCENT_SIGNED);
  s.conditionalFormats.push(
    { type: 'textEquals', range: col(0), text: t.severity_error, style: { ...RED, bold: true } },
    { type: 'textEquals', range: col(0), text: t.severity_warning, style: AMBER },
    { type: 'textEquals', range: col(0), text: t.severity_info, style: BLUE },
    { type: 'iconSet', range: col(10), iconSet: '3Arrows', thresholds: [-0.05, 0.05] },
  );

  // What a person should confirm: a new name, or a match made on a similar name only.
  const check = diff.matches.filter((m) => m.renamed || m.reason === 'similar-name');
  if (check.length) {
    s.add();
    const titleRow = s.add([t.titleMatches]);
    s.format(a1Range(titleRow, 0, titleRow, THIS_CELL), undefined, SECTION_STYLE);
    // Laid on the table's columns: the names where 名称 and メッセージ have room.
    const NAME = 5;
    const MATCH = 11;
    const NEW_NAME = 12;
    const row = (v: Record<number, PlanValue>): PlanValue[] => Array.from({ length: THIS_CELL + 1 }, (_, i) => v[i] ?? null);
    const h = s.header(row({ 0: t.colFieldId, 3: t.colLevel, [NAME]: t.colLastName, [MATCH]: t.colMatch, [NEW_NAME]: t.colThisName, [LAST_CELL]: t.colLastCell, [THIS_CELL]: t.colThisCell }));
    for (const m of check) {
      const r = s.add(row({ 0: m.policyField, 3: t[`level_${m.level}` as SummaryKey], [NAME]: m.last.name, [MATCH]: matchText(m), [NEW_NAME]: m.this.name }));
      s.link(r, LAST_CELL, m.last.source, t);
      s.link(r, THIS_CELL, m.this.source, t);
    }
    s.format(a1Range(h + 1, NAME, s.rowCount - 1, NAME), undefined, { wrap: true });
    s.format(a1Range(h, 0, s.rowCount - 1, THIS_CELL), undefined, { border: true });
  }
  // One A4 landscape page across (the applier fits 175 characters of width to it).
  const widths = [10, 16, 7, 9, 6, 20, 6, 8, 11, 11, 8, 12, 32, 7, 7];
  return s.toSheet('compare', t.sheetCompare, widths, { rows: headRow + 1, columns: 1 }, '#7030A0');
}
