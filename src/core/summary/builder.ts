/** The sheet builder: a summary sheet's cells, formats, links, charts and tables, row by row. */
import { parseRange, toA1 as a1 } from '../a1';
import type { SourceRef } from '../model';
import type { PlanChart, PlanConditionalFormat, PlanFormat, PlanHyperlink, PlanSheet, PlanSheetKey, PlanStyle, PlanTable, PlanValue } from '../plan';
import { formatSummary, type SummaryDictionary } from '../i18n/summary';

// ───────────────────────────── names ─────────────────────────────

/** Removes the characters Excel forbids in sheet names and cuts to 31 characters. */
export function safeSheetName(name: string): string {
  const cleaned = name.replace(/[[\]:*?/\\]/g, ' ').replace(/^'+|'+$/g, '').trim();
  return Array.from(cleaned || 'Hyoka').slice(0, 31).join('');
}

// ───────────────────────────── sheet builder ─────────────────────────────

/** Collects a sheet's cells row by row; becomes one rectangular block at A1. */
export class SheetBuilder {
  private readonly rows: PlanValue[][] = [];
  readonly formats: PlanFormat[] = [];
  readonly conditionalFormats: PlanConditionalFormat[] = [];
  readonly hyperlinks: PlanHyperlink[] = [];
  readonly charts: PlanChart[] = [];
  readonly tables: PlanTable[] = [];
  readonly headerRows: number[] = [];

  get rowCount(): number {
    return this.rows.length;
  }

  /** Appends a row, returns its 0-based index. */
  add(values: PlanValue[] = []): number {
    // Holes (from index assignment) and undefined become null, keeping blocks dense.
    const row = values.slice();
    for (let i = 0; i < row.length; i++) if (row[i] === undefined) row[i] = null;
    this.rows.push(row);
    return this.rows.length - 1;
  }

  header(values: PlanValue[]): number {
    const r = this.add(values);
    this.headerRows.push(r);
    return r;
  }

  get(row: number, col: number): PlanValue {
    return this.rows[row]?.[col] ?? null;
  }

  set(row: number, col: number, value: PlanValue): void {
    while (this.rows.length <= row) this.rows.push([]);
    const line = this.rows[row];
    while (line.length <= col) line.push(null);
    line[col] = value;
  }

  link(row: number, col: number, target: SourceRef | null | undefined, t: SummaryDictionary): void {
    if (!target || !target.sheet || !target.address) return;
    this.set(row, col, t.sourceLink);
    this.hyperlinks.push({
      cell: a1(row, col),
      target: { sheet: target.sheet, address: target.address },
      text: t.sourceLink,
      tooltip: formatSummary(t.sourceTooltip, { sheet: target.sheet, address: target.address }),
    });
  }

  format(range: string, numberFormat?: string, style?: PlanStyle): void {
    const f: PlanFormat = { range };
    if (numberFormat) f.numberFormat = numberFormat;
    if (style) f.style = style;
    this.formats.push(f);
  }

  /** Columns a percent number format covers (their numbers print as "+127.7%"). */
  private percentColumns(): Set<number> {
    const out = new Set<number>();
    for (const f of this.formats) {
      if (!f.numberFormat?.includes('%')) continue;
      const { start, end } = parseRange(f.range);
      for (let c = start.col; c <= end.col; c++) out.add(c);
    }
    return out;
  }

  toSheet(
    key: PlanSheetKey,
    name: string,
    columnWidths: number[],
    freeze: { rows: number; columns: number } | undefined,
    tabColor: string,
  ): PlanSheet {
    let width = 1;
    for (const r of this.rows) width = Math.max(width, r.length);
    // Rows are padded in place: the builder is done with them.
    for (const r of this.rows) while (r.length < width) r.push(null);
    const values = this.rows;
    const sheet: PlanSheet = {
      key,
      name: safeSheetName(name),
      columnWidths: fitNumbers(columnWidths, values, this.percentColumns()),
      headerRows: this.headerRows.slice(),
      blocks: values.length ? [{ address: 'A1', values }] : [],
      formats: this.formats,
      conditionalFormats: this.conditionalFormats,
      hyperlinks: this.hyperlinks,
      charts: this.charts,
      tables: this.tables,
      tabColor,
    };
    if (freeze) sheet.freeze = freeze;
    return sheet;
  }
}


/**
 * Widens a column that holds a number longer than its width ("120,735,000" in 円, a bold subtotal):
 * Excel and Calc print "###" rather than cut a number. Text columns keep their width (they wrap).
 */
function fitNumbers(widths: number[], rows: PlanValue[][], percent: Set<number>): number[] {
  const out = widths.slice();
  const longest: number[] = [];
  for (const r of rows) {
    r.forEach((v, c) => {
      if (typeof v !== 'number' || !Number.isFinite(v)) return;
      // As #,##0 and +0.0% show them: digits, thousands separators, a sign, a decimal and %.
      const shown = percent.has(c) ? Math.abs(v) * 100 : Math.abs(v);
      const digits = String(Math.round(shown)).length;
      const len = digits + Math.floor((digits - 1) / 3) + 1 + (percent.has(c) ? 3 : 0);
      longest[c] = Math.max(longest[c] ?? 0, len);
    });
  }
  longest.forEach((len, c) => {
    // One character of margin and a tenth more for bold subtotal rows.
    const need = Math.ceil((len + 1) * 1.1);
    if (c < out.length && out[c] < need) out[c] = need;
  });
  return out;
}
