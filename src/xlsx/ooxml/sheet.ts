/**
 * Generates the worksheet part for one PlanSheet. Values only: no <f> is ever
 * written; strings are inline strings (so sharedStrings.xml stays untouched).
 */
import type { PlanConditionalFormat, PlanSheet, PlanValue } from '../../core/plan';
import { cellA1, colLetters, parseCell, parseRange, quoteSheet, rangeA1, type RangeRef } from './a1';
import { argb, type CellFormat, type StyleBook } from './styles';
import { escapeXstring, escAttr, escText } from './xml';

export const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** Excel's limit on the characters in one cell. */
const MAX_CELL_CHARS = 32767;
const HEADER_FILL = '#DDEBF7';
const LINK_COLOR = '#0563C1';

export interface GridCell {
  v: PlanValue;
  f: CellFormat;
}

/** Sparse cell grid of one plan sheet, row → col → cell. */
export class Grid {
  readonly rows = new Map<number, Map<number, GridCell>>();
  maxRow = -1;
  maxCol = -1;

  cell(row: number, col: number): GridCell {
    let r = this.rows.get(row);
    if (!r) this.rows.set(row, (r = new Map()));
    let c = r.get(col);
    if (!c) r.set(col, (c = { v: null, f: {} }));
    this.maxRow = Math.max(this.maxRow, row);
    this.maxCol = Math.max(this.maxCol, col);
    return c;
  }

  get(row: number, col: number): GridCell | undefined {
    return this.rows.get(row)?.get(col);
  }

  /** Range parsed and clipped to the used area (for "C:C" / "2:2" forms). */
  range(a1: string): RangeRef {
    return parseRange(a1, Math.max(this.maxRow, 0), Math.max(this.maxCol, 0));
  }
}

export interface TableLayout {
  name: string;
  ref: string;
  columns: string[];
}

/** Unique, non-empty table column names; the header cells are rewritten to match (Excel requires it). */
function tableColumns(grid: Grid, r: RangeRef, lang: 'ja' | 'en'): string[] {
  const seen = new Set<string>();
  const names: string[] = [];
  for (let col = r.left; col <= r.right; col++) {
    const v = grid.get(r.top, col)?.v;
    // eslint-disable-next-line no-control-regex
    let base = (v === null || v === undefined ? '' : String(v)).replace(/[\u0000-\u001F]+/g, ' ').trim();
    if (!base) base = lang === 'ja' ? `列${col - r.left + 1}` : `Column${col - r.left + 1}`;
    base = base.slice(0, 255);
    let name = base;
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${base}${n}`;
    seen.add(name.toLowerCase());
    names.push(name);
    grid.cell(r.top, col).v = name;
  }
  return names;
}

export interface SheetBuild {
  grid: Grid;
  tables: TableLayout[];
}

/** Lay the plan sheet's values and formats out on a grid (before XML). */
export function buildGrid(sheet: PlanSheet, lang: 'ja' | 'en', tableNames: string[]): SheetBuild {
  const grid = new Grid();
  for (const block of sheet.blocks) {
    const at = parseCell(block.address);
    block.values.forEach((row, i) =>
      row.forEach((v, j) => {
        // A later block's null clears what an earlier one wrote (as writing the block would).
        if (v !== null && v !== undefined) grid.cell(at.row + i, at.col + j).v = v;
        else if (grid.get(at.row + i, at.col + j)) grid.cell(at.row + i, at.col + j).v = null;
      }),
    );
  }
  for (const link of sheet.hyperlinks) {
    const at = parseCell(link.cell);
    const c = grid.cell(at.row, at.col);
    if (c.v === null || c.v === '') c.v = link.text;
  }
  const tables: TableLayout[] = sheet.tables.map((t, i) => {
    const r = parseRange(t.range);
    // A table needs a data row below its header.
    if (r.bottom === r.top) r.bottom = r.top + 1;
    return { name: tableNames[i], ref: rangeA1(r), columns: tableColumns(grid, r, lang) };
  });

  const apply = (r: RangeRef, f: CellFormat) => {
    for (let row = r.top; row <= r.bottom; row++)
      for (let col = r.left; col <= r.right; col++) {
        const c = grid.cell(row, col);
        c.f = { ...c.f, ...f };
      }
  };
  for (const hr of sheet.headerRows) {
    const cols = [...(grid.rows.get(hr)?.keys() ?? [])];
    if (!cols.length) continue;
    apply({ top: hr, bottom: hr, left: Math.min(...cols), right: Math.max(...cols) }, { bold: true, fill: HEADER_FILL });
  }
  for (const fmt of sheet.formats) {
    const f: CellFormat = { ...(fmt.style ?? {}) };
    if (fmt.numberFormat !== undefined) f.numberFormat = fmt.numberFormat;
    for (const k of Object.keys(f) as (keyof CellFormat)[]) if (f[k] === undefined) delete f[k];
    apply(grid.range(fmt.range), f);
  }
  for (const link of sheet.hyperlinks) {
    const at = parseCell(link.cell);
    const c = grid.cell(at.row, at.col);
    c.f = { fontColor: LINK_COLOR, ...c.f, underline: true };
  }
  return { grid, tables };
}

function cellXml(ref: string, cell: GridCell, s: number): string {
  const sAttr = s ? ` s="${s}"` : '';
  const v = cell.v;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return `<c r="${ref}"${sAttr} t="e"><v>#NUM!</v></c>`;
    return `<c r="${ref}"${sAttr}><v>${Object.is(v, -0) ? 0 : v}</v></c>`;
  }
  if (typeof v === 'boolean') return `<c r="${ref}"${sAttr} t="b"><v>${v ? 1 : 0}</v></c>`;
  if (typeof v === 'string') {
    const text = escapeXstring(v.length > MAX_CELL_CHARS ? v.slice(0, MAX_CELL_CHARS) : v);
    return `<c r="${ref}"${sAttr} t="inlineStr"><is><t xml:space="preserve">${escText(text)}</t></is></c>`;
  }
  return s ? `<c r="${ref}"${sAttr}/>` : '';
}

function cfRuleXml(cf: PlanConditionalFormat, priority: number, styles: StyleBook): string {
  switch (cf.type) {
    case 'iconSet': {
      const icons = Number(cf.iconSet[0]);
      if (cf.thresholds.length !== icons - 1) {
        throw new RangeError(`iconSet ${cf.iconSet} needs ${icons - 1} thresholds, got ${cf.thresholds.length}`);
      }
      const cfvo = ['<cfvo type="percent" val="0"/>', ...cf.thresholds.map((t) => `<cfvo type="num" val="${num(t)}"/>`)];
      return `<cfRule type="iconSet" priority="${priority}"><iconSet iconSet="${cf.iconSet}">${cfvo.join('')}</iconSet></cfRule>`;
    }
    case 'dataBar': {
      const lo = cf.min === undefined ? '<cfvo type="min"/>' : `<cfvo type="num" val="${num(cf.min)}"/>`;
      const hi = cf.max === undefined ? '<cfvo type="max"/>' : `<cfvo type="num" val="${num(cf.max)}"/>`;
      return `<cfRule type="dataBar" priority="${priority}"><dataBar>${lo}${hi}<color rgb="${argb(cf.color)}"/></dataBar></cfRule>`;
    }
    case 'textEquals': {
      // Our own constant as a string literal: quotes doubled, never source text as a formula.
      const literal = `"${cf.text.replace(/"/g, '""')}"`;
      if (literal.length > 255) throw new RangeError('textEquals text is longer than Excel allows in a formula');
      const dxf = styles.dxf(cf.style);
      return `<cfRule type="cellIs" dxfId="${dxf}" priority="${priority}" operator="equal"><formula>${escText(literal)}</formula></cfRule>`;
    }
    case 'cellValue': {
      const dxf = styles.dxf(cf.style);
      return `<cfRule type="cellIs" dxfId="${dxf}" priority="${priority}" operator="${cf.operator}"><formula>${num(cf.value)}</formula></cfRule>`;
    }
  }
}

function num(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`Not a finite number: ${n}`);
  return String(Object.is(n, -0) ? 0 : n);
}

export interface SheetXmlInput {
  sheet: PlanSheet;
  build: SheetBuild;
  styles: StyleBook;
  /** Plan sheet name → name actually used (for internal links to renamed Hyōka sheets). */
  resolveSheetName: (name: string) => string;
  /** r:ids of the sheet's drawing and table relationships. */
  drawingRelId?: string;
  tableRelIds: string[];
  /** r:id of each hyperlink's relationship, for links to another workbook (undefined for internal ones). */
  hyperlinkRelIds?: (string | undefined)[];
}

/** Display width of text in character cells (a column's unit is one digit): a full-width (CJK) glyph is about 1.6 of them. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(ch) ? 1.6 : 1;
  return w;
}

/** How many lines the row's wrapped cells need at their column widths (1 when none wrap). */
function wrappedLines(row: Map<number, { v: unknown; f: CellFormat }>, widths: number[]): number {
  let lines = 1;
  for (const [col, cell] of row) {
    if (!cell.f.wrap || cell.v === null || cell.v === undefined) continue;
    const room = Math.max(1, (widths[col] ?? 8.43) - 1);
    const scale = (cell.f.fontSize ?? 11) / 11;
    const n = String(cell.v)
      .split('\n')
      .reduce((sum, line) => sum + Math.max(1, Math.ceil((displayWidth(line) * scale) / room)), 0);
    lines = Math.max(lines, n);
  }
  return lines;
}

export function sheetXml(inp: SheetXmlInput): string {
  const { sheet, build, styles } = inp;
  const { grid } = build;
  const parts: string[] = [];
  parts.push(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`);
  parts.push(`<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`);
  // Summaries print landscape on A4 (as city offices print), scaled to a few pages wide at most.
  const tab = sheet.tabColor ? `<tabColor rgb="${argb(sheet.tabColor)}"/>` : '';
  parts.push(`<sheetPr>${tab}<pageSetUpPr fitToPage="1"/></sheetPr>`);
  const dim = grid.maxRow < 0 ? 'A1' : rangeA1({ top: 0, left: 0, bottom: grid.maxRow, right: grid.maxCol });
  parts.push(`<dimension ref="${dim}"/>`);

  const fr = sheet.freeze?.rows ?? 0;
  const fc = sheet.freeze?.columns ?? 0;
  if (fr > 0 || fc > 0) {
    const pane = fr > 0 && fc > 0 ? 'bottomRight' : fr > 0 ? 'bottomLeft' : 'topRight';
    const split = (fc > 0 ? ` xSplit="${fc}"` : '') + (fr > 0 ? ` ySplit="${fr}"` : '');
    const tl = cellA1(fr, fc);
    parts.push(
      `<sheetViews><sheetView workbookViewId="0"><pane${split} topLeftCell="${tl}" activePane="${pane}" state="frozen"/>` +
        `<selection pane="${pane}" activeCell="${tl}" sqref="${tl}"/></sheetView></sheetViews>`,
    );
  } else {
    parts.push('<sheetViews><sheetView workbookViewId="0"/></sheetViews>');
  }
  parts.push('<sheetFormatPr defaultRowHeight="15"/>');

  if (sheet.columnWidths.length) {
    parts.push('<cols>');
    sheet.columnWidths.forEach((w, i) => {
      if (Number.isFinite(w) && w > 0) {
        const width = Math.min(255, Math.round(w * 100) / 100);
        parts.push(`<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1"/>`);
      }
    });
    parts.push('</cols>');
  }

  parts.push('<sheetData>');
  for (const r of [...grid.rows.keys()].sort((a, b) => a - b)) {
    const row = grid.rows.get(r)!;
    const cells = [...row.keys()]
      .sort((a, b) => a - b)
      .map((c) => cellXml(`${colLetters(c)}${r + 1}`, row.get(c)!, styles.xf(row.get(c)!.f)))
      .join('');
    if (!cells) continue;
    // Wrapped text needs a taller row: LibreOffice keeps the default height and shows one line.
    const lines = wrappedLines(row, sheet.columnWidths);
    const ht = lines > 1 ? ` ht="${Math.min(409, lines * 15)}" customHeight="1"` : '';
    parts.push(`<row r="${r + 1}"${ht}>${cells}</row>`);
  }
  parts.push('</sheetData>');

  sheet.conditionalFormats.forEach((cf, i) => {
    const sqref = rangeA1(grid.range(cf.range));
    parts.push(`<conditionalFormatting sqref="${sqref}">${cfRuleXml(cf, i + 1, styles)}</conditionalFormatting>`);
  });

  if (sheet.hyperlinks.length) {
    parts.push('<hyperlinks>');
    sheet.hyperlinks.forEach((link, i) => {
      const ref = cellA1(parseCell(link.cell).row, parseCell(link.cell).col);
      // Validates the address: only A1 cells/ranges.
      const target = rangeA1(parseRange(link.target.address));
      const tooltip = link.tooltip ? ` tooltip="${escAttr(link.tooltip)}"` : '';
      const rid = inp.hyperlinkRelIds?.[i];
      if (link.target.file !== undefined) {
        if (!rid) throw new RangeError(`hyperlink ${link.cell} to ${link.target.file} has no relationship`);
        // Another workbook: the file by relationship, the cell as the location within it (ECMA-376 §18.3.1.47).
        const location = `${quoteSheet(link.target.sheet)}!${target}`;
        parts.push(`<hyperlink ref="${ref}" r:id="${escAttr(rid)}" location="${escAttr(location)}" display="${escAttr(link.text)}"${tooltip}/>`);
        return;
      }
      const location = `${quoteSheet(inp.resolveSheetName(link.target.sheet))}!${target}`;
      parts.push(`<hyperlink ref="${ref}" location="${escAttr(location)}" display="${escAttr(link.text)}"${tooltip}/>`);
    });
    parts.push('</hyperlinks>');
  }
  parts.push('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>');
  // About 175 characters of column width fit a landscape A4 page at a still readable scale (~75%).
  const totalWidth = sheet.columnWidths.reduce((a, w) => a + (Number.isFinite(w) && w > 0 ? w : 8.43), 0);
  // A sheet with charts prints one page wide so no chart is cut between pages.
  const pagesWide = sheet.charts.length ? 1 : Math.max(1, Math.ceil(totalWidth / 175));
  parts.push(`<pageSetup paperSize="9" orientation="landscape" fitToWidth="${pagesWide}" fitToHeight="0"/>`);
  if (inp.drawingRelId) parts.push(`<drawing r:id="${inp.drawingRelId}"/>`);
  if (inp.tableRelIds.length) {
    parts.push(`<tableParts count="${inp.tableRelIds.length}">`);
    for (const id of inp.tableRelIds) parts.push(`<tablePart r:id="${id}"/>`);
    parts.push('</tableParts>');
  }
  parts.push('</worksheet>');
  return parts.join('');
}

export function tableXml(t: TableLayout, id: number): string {
  const cols = t.columns.map((c, i) => `<tableColumn id="${i + 1}" name="${escAttr(c)}"/>`).join('');
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<table xmlns="${MAIN_NS}" id="${id}" name="${escAttr(t.name)}" displayName="${escAttr(t.name)}" ref="${t.ref}" totalsRowShown="0">` +
    `<autoFilter ref="${t.ref}"/><tableColumns count="${t.columns.length}">${cols}</tableColumns>` +
    `<tableStyleInfo name="TableStyleLight9" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`
  );
}

/** Reference to a range on a (Hyōka) sheet, absolute: 'Name'!$A$1:$A$9. */
export function absRef(sheetName: string, r: RangeRef): string {
  return `${quoteSheet(sheetName)}!${rangeA1(r, true)}`;
}
