/**
 * The projectTable recognizer: a flat export with one row per 事務事業. It looks for a header
 * band (one to three rows, filler rows skipped) that names the project column and at least one
 * of money, indicator or hierarchy columns, with project rows under it.
 */
import type { Grid } from '../../grid';
import type { Recognition } from '../types';
import { columnHeaders, isFillerRow, isLabelRow } from '../shared/headerBand';
import { dominantEra } from '../shared/headerYear';
import { financeItemOf, indicatorKindOf, levelOf, termKey } from '../shared/terms';
import { moneyUnitIn } from '../shared/moneyTable';
import { yearBlocks } from '../shared/yearBlocks';
import { classifyColumns, type ClassifiedColumns } from './columns';
import type { TableLayout } from './layout';

const NAME_RE = /^(事務)?事業名(称)?$|^事務事業$|^事業の名称$/;
/** How far down the header may start (title rows, notes, filler). */
const HEADER_SEARCH_ROWS = 30;
const MIN_DATA_ROWS = 2;

function vocabularyHits(g: Grid, r: number): number {
  let n = 0;
  for (const c of g.row(r)) {
    if (typeof c.value !== 'string' || c.text.length > 80) continue;
    const k = termKey(c.text);
    if (NAME_RE.test(k) || financeItemOf(k) || indicatorKindOf(k) || levelOf(k)) n++;
  }
  return n;
}

/** The header rows: the best-scoring label row, with the label rows just above and below it. */
export function findHeaderBand(g: Grid): number[] | null {
  const candidates = g.nonEmptyRows(0, g.rowCount).slice(0, HEADER_SEARCH_ROWS);
  let main = -1;
  let best = 0;
  for (const r of candidates) {
    if (isFillerRow(g, r)) continue;
    const hits = vocabularyHits(g, r);
    if (hits > best) {
      best = hits;
      main = r;
    }
  }
  if (main < 0 || best < 2) return null;
  const band = [main];
  for (let r = main - 1; r >= Math.max(0, main - 2); r--) {
    const row = g.row(r);
    if (!row.length || isFillerRow(g, r) || !isLabelRow(row) || row.length < 2) break;
    band.unshift(r);
  }
  for (let r = main + 1; r <= main + 2; r++) {
    const row = g.row(r);
    if (!row.length || !isLabelRow(row) || vocabularyHits(g, r) + yearCells(g, r) < Math.max(2, row.length / 3)) break;
    band.push(r);
  }
  return band;
}

function yearCells(g: Grid, r: number): number {
  return g.row(r).filter((c) => /年度|^[RH令平][0-9元]/.test(c.text.normalize('NFKC'))).length;
}

export interface TableRecognition extends Recognition<TableLayout> {
  classified: ClassifiedColumns;
  dataRows: number;
}

export function recognizeProjectTable(g: Grid): TableRecognition | null {
  const band = findHeaderBand(g);
  if (!band) return null;
  const headers = columnHeaders(g, band);
  const era = dominantEra(headers.flatMap((h) => h.parts));
  const classified = classifyColumns(headers, { era });
  const name = classified.columns.name;
  if (name === null) return null;
  const last = band[band.length - 1];
  const rows = g.nonEmptyRows(last + 1, g.rowCount).filter((r) => {
    const c = g.at(r, name);
    return !!c && typeof c.value === 'string' && !isFillerRow(g, r);
  });
  if (rows.length < MIN_DATA_ROWS) return null;
  const money = classified.values.filter((v) => v.finance).length;
  const indicatorCols = classified.values.filter((v) => v.indicator).length + classified.indicators.length;
  const c = classified.columns;
  const levels = [c.policy, c.measure, c.basic].filter(Boolean).length + (c.code !== null ? 1 : 0);
  const kinds = (money ? 1 : 0) + (indicatorCols ? 1 : 0) + (levels ? 1 : 0) + (c.grades.length ? 1 : 0);
  if (!kinds) return null;
  const blocks = yearBlocks(classified.values).map((b) => ({
    fiscalYear: b.fiscalYear,
    yearsBeforeEvaluation: b.yearsBeforeEvaluation,
    basis: b.basis,
    label: b.label,
    finance: Object.fromEntries(b.columns.filter((v) => v.finance).map((v) => [v.finance, v.col])),
    values: b.columns.filter((v) => v.indicator).map((v) => ({ ...v.indicator!, col: v.col })),
  }));
  // A unit written above the table ("（単位：円）") holds for its money columns.
  let moneyUnit = c.moneyUnit;
  if (!classified.values.some((v) => v.finance && headers.find((h) => h.col === v.col)?.parts.some((p) => moneyUnitIn(p)))) {
    for (const r of g.nonEmptyRows(0, band[0])) for (const cell of g.row(r)) moneyUnit = moneyUnitIn(cell.text) ?? moneyUnit;
  }
  const layout: TableLayout = {
    family: 'projectTable',
    headerRows: band,
    firstDataRow: rows[0],
    columns: { ...c, name, moneyUnit },
    indicators: classified.indicators,
    yearBlocks: blocks,
  };
  const inferred = blocks.filter((b) => b.fiscalYear === null).length;
  const at = g.ref(band[band.length - 1], name).address;
  const score = Math.min(1, 0.45 + 0.1 * kinds + Math.min(0.2, rows.length / 100));
  const parts = [
    `${rows.length} project rows under a header at row ${band[0] + 1}${band.length > 1 ? `–${last + 1}` : ''} (事業名 at ${at})`,
    blocks.length ? `${blocks.length} year blocks${inferred ? ` (${inferred} without a year label: years from the 年度 column and block order)` : ''}` : '',
    classified.indicators.length ? `${classified.indicators.length} indicators` : '',
    levels ? 'hierarchy columns' : '',
  ].filter(Boolean);
  const partsJa = [
    `${last + 1}行目の見出しの下に事業 ${rows.length} 行（事業名: ${at}）`,
    blocks.length ? `年度ブロック ${blocks.length} 組${inferred ? `（うち ${inferred} 組は年度の見出しなし：年度列とブロックの順から推定）` : ''}` : '',
    classified.indicators.length ? `指標 ${classified.indicators.length} 件` : '',
    levels ? '政策体系の列あり' : '',
  ].filter(Boolean);
  return {
    candidate: { family: 'projectTable', score, reason: `one row per project: ${parts.join('; ')}`, reasonJa: `1行1事業の表: ${partsJa.join('、')}` },
    layout,
    classified,
    dataRows: rows.length,
  };
}
