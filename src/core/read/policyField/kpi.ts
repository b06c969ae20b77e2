/** The KPI table (重要業績評価指標) of a policy field sheet, in either orientation. */
import { hasLabel, type Grid } from '../../grid';
import { isLabel, isSectionLabel } from '../../labels';
import type { Indicator, IndicatorYear, SourceRef } from '../../model';
import { parseFiscalYear, parseNumber, plainText } from '../../normalize';
import { isItemNo } from '../shared/numbers';
import { indicatorYear, yearCols } from '../shared/years';
import type { Section } from './sections';

export function isYearRow(g: Grid, r: number): boolean {
  const row = g.row(r);
  if (!row.length) return false;
  const ys = yearCols(row.slice(1));
  if (hasLabel(row[0], 'year') && ys.length >= 1) return true;
  if (ys.length >= 2 && yearCols(row).length === ys.length + (parseFiscalYear(row[0].value) ? 1 : 0)) {
    // Years without a 年度 label: the next row must be a 目標 row.
    for (const k of g.nonEmptyRows(r + 1, r + 3)) return isLabel(g.row(k)[0].key, 'target');
  }
  return false;
}


/** A KPI table turned on its side: "年度 | 目標 | 実績" with one row per year below. */
export function isTransposedHeader(g: Grid, r: number): boolean {
  const row = g.row(r);
  return row.length >= 3 && hasLabel(row[0], 'year') && row.some((c) => hasLabel(c, 'target')) && row.some((c) => hasLabel(c, 'actual'));
}

export function readIndicators(g: Grid, s: Section): Indicator[] {
  const out: Indicator[] = [];
  const yearRows: number[] = [];
  const transposed = new Set<number>();
  for (const r of g.nonEmptyRows(s.start, s.end)) {
    if (isYearRow(g, r)) yearRows.push(r);
    else if (isTransposedHeader(g, r)) {
      yearRows.push(r);
      transposed.add(r);
    }
  }
  let headerCols: { name?: number; unit?: number; def?: number } = {};
  for (const r of g.nonEmptyRows(s.start, yearRows[0] ?? s.end)) {
    const row = g.row(r);
    const n = row.find((c) => hasLabel(c, 'kpiName'));
    if (n) headerCols = { name: n.col, unit: row.find((c) => hasLabel(c, 'unit'))?.col, def: row.find((c) => hasLabel(c, 'definition'))?.col };
  }
  yearRows.forEach((yr, k) => {
    const floor = k === 0 ? s.start : yearRows[k - 1] + 1;
    const ceil = k + 1 < yearRows.length ? yearRows[k + 1] : s.end;
    // The KPI's own row: nearest row above the year row that is not a target/actual/header row.
    let headRow: number | null = null;
    for (let r = yr - 1; r >= floor; r--) {
      const row = g.row(r);
      if (!row.length) continue;
      const fk = row[0].key;
      if (isLabel(fk, 'target') || isLabel(fk, 'actual') || parseFiscalYear(row[0].value)) break;
      if (row.some((c) => hasLabel(c, 'kpiName')) || isSectionLabel(fk, 'kpiSection')) break;
      headRow = r;
      break;
    }
    const ind = transposed.has(yr)
      ? readTransposedIndicator(g, headRow, yr, ceil, out.length + 1, headerCols)
      : readIndicator(g, headRow, yr, ceil, out.length + 1, headerCols);
    if (ind) out.push(ind);
  });
  return out;
}

export interface KpiHead {
  no: number;
  name: string;
  unit: string;
  definition: string;
  source: SourceRef;
}

/** The KPI's own row: number, name, unit and definition (by the 指標名/単位/説明 header columns, else in order). */
export function readKpiHead(g: Grid, headRow: number | null, seq: number, headerCols: { name?: number; unit?: number; def?: number }, fallback: SourceRef): KpiHead {
  let no = seq;
  let name = '';
  let unit = '';
  let definition = '';
  let source = fallback;
  if (headRow !== null) {
    const cells = g.row(headRow);
    let rest = cells;
    const numCell = cells[0];
    const nm = /^(?:指標|KPI)?\s*([0-9]{1,3})[.．、:：)）]?$/.exec(numCell.text.normalize('NFKC'));
    if (nm || isItemNo(numCell.value)) {
      no = nm ? Number(nm[1]) : (numCell.value as number);
      rest = cells.slice(1);
    }
    // "1 NPO・ボランティアと市の協働事業数" — number and name in one cell.
    const joined = rest === cells ? /^(?:指標)?([0-9]{1,3})[\s.．、:：)）]+(\S.*)$/.exec(numCell.text.normalize('NFKC')) : null;
    if (joined) no = Number(joined[1]);
    const texts = rest.filter((c) => c.text !== '');
    const byHeader = (col: number | undefined) => (col === undefined ? undefined : texts.find((c) => c.col === col));
    const nameCell = joined ? numCell : byHeader(headerCols.name) ?? texts[0];
    if (nameCell) {
      name = joined && nameCell === numCell ? plainText(joined[2]) : plainText(nameCell.value);
      source = g.ref(headRow, nameCell.col);
      const after = texts.filter((c) => c !== nameCell && c.col > nameCell.col);
      const unitCell = byHeader(headerCols.unit) ?? (after.length >= 2 || (after[0] && after[0].text.length <= 8) ? after[0] : undefined);
      const defCell = byHeader(headerCols.def) ?? after.find((c) => c !== unitCell);
      unit = unitCell ? plainText(unitCell.value) : '';
      definition = defCell ? plainText(defCell.value) : '';
    }
  }
  return { no, name, unit, definition, source };
}

export function readTransposedIndicator(
  g: Grid,
  headRow: number | null,
  hr: number,
  ceil: number,
  seq: number,
  headerCols: { name?: number; unit?: number; def?: number },
): Indicator | null {
  const hdr = g.row(hr);
  const labelCol = hdr[0].col;
  const tCol = hdr.find((c) => hasLabel(c, 'target'))!.col;
  const aCol = hdr.find((c) => hasLabel(c, 'actual'))!.col;
  const vCol = hdr.find((c) => hasLabel(c, 'verification'))?.col;
  const head = readKpiHead(g, headRow, seq, headerCols, g.ref(hr, labelCol));
  const years: IndicatorYear[] = [];
  let finalTarget: number | null = null;
  let finalTargetYear: number | null = null;
  let finalTargetSource: SourceRef | null = null;
  let baseline: number | null = null;
  let baselineYear: number | null = null;
  let verification = '';
  let verificationSource: SourceRef | null = null;
  for (const r of g.nonEmptyRows(hr + 1, ceil)) {
    const row = g.row(r);
    const first = row[0];
    // Rows drift together: read each at its own shift from the header.
    const shift = first.col - labelCol;
    const at = (col: number) => g.at(r, col + shift);
    const y = parseFiscalYear(first.value);
    const inParens = /[(（]([^)）]+)[)）]/.exec(first.text.normalize('NFKC'));
    if (y && !hasLabel(first, 'finalTarget') && !hasLabel(first, 'baseline')) {
      years.push(indicatorYear(y.fiscalYear, first.text, at(tCol), at(aCol), g.ref(r, tCol + shift), g.ref(r, aCol + shift)));
      const v = vCol === undefined ? undefined : at(vCol);
      if (v && !verification) {
        verification = plainText(v.value);
        verificationSource = g.ref(v.row, v.col);
      }
    } else if (hasLabel(first, 'finalTarget')) {
      const f = at(tCol) ?? g.rightOf(r, first.col);
      finalTarget = parseNumber(f?.value).value;
      if (f) finalTargetSource = g.ref(f.row, f.col);
      finalTargetYear = inParens ? parseFiscalYear(inParens[1])?.fiscalYear ?? null : null;
    } else if (hasLabel(first, 'baseline')) {
      baseline = parseNumber((at(aCol) ?? at(tCol))?.value).value;
      baselineYear = inParens ? parseFiscalYear(inParens[1])?.fiscalYear ?? null : null;
    } else if (hasLabel(first, 'verification')) {
      const v = g.rightOf(r, first.col);
      if (v) {
        verification = plainText(v.value);
        verificationSource = g.ref(v.row, v.col);
      }
    } else break;
  }
  if (baseline !== null && baselineYear === null && years.length) baselineYear = years[0].fiscalYear - 1;
  if (!head.name && !years.length) return null;
  return {
    ...head,
    kind: 'kpi',
    direction: null,
    directionInfo: null,
    formula: null,
    cumulative: /累計|累積/.test(`${head.name} ${head.definition}`),
    baseline,
    baselineYear,
    finalTarget,
    finalTargetYear,
    finalTargetSource,
    verification,
    verificationSource,
    years,
    trajectory: null,
    grade: null,
  };
}

export function readIndicator(
  g: Grid,
  headRow: number | null,
  yr: number,
  ceil: number,
  seq: number,
  headerCols: { name?: number; unit?: number; def?: number },
): Indicator | null {
  const yRow = g.row(yr);
  const yLabelCol = hasLabel(yRow[0], 'year') ? yRow[0].col : yRow[0].col - 1;
  const years = yearCols(hasLabel(yRow[0], 'year') ? yRow.slice(1) : yRow);
  const finalCell = yRow.find((c) => hasLabel(c, 'finalTarget'));
  const verCell = yRow.find((c) => hasLabel(c, 'verification'));
  const baseCell = yRow.find((c) => hasLabel(c, 'baseline'));

  const { no, name, unit, definition, source } = readKpiHead(g, headRow, seq, headerCols, g.ref(yr, yRow[0].col));

  // Target and actual rows under the year row; a shifted row reads with the same shift.
  let tRow: number | null = null;
  let aRow: number | null = null;
  for (const r of g.nonEmptyRows(yr + 1, Math.min(ceil, yr + 6))) {
    const fk = g.row(r)[0].key;
    if (tRow === null && isLabel(fk, 'target')) tRow = r;
    else if (aRow === null && isLabel(fk, 'actual')) aRow = r;
    if (tRow !== null && aRow !== null) break;
  }
  const shiftOf = (r: number | null) => (r === null ? 0 : g.row(r)[0].col - yLabelCol);
  const cellAt = (r: number | null, col: number) => (r === null ? undefined : g.at(r, col + shiftOf(r)));

  const outYears: IndicatorYear[] = years.map((y) =>
    indicatorYear(
      y.fiscalYear,
      y.label,
      cellAt(tRow, y.col),
      cellAt(aRow, y.col),
      tRow === null ? null : g.ref(tRow, y.col + shiftOf(tRow)),
      aRow === null ? null : g.ref(aRow, y.col + shiftOf(aRow)),
    ),
  );

  let finalTarget: number | null = null;
  let finalTargetSource: SourceRef | null = null;
  let finalTargetYear: number | null = null;
  if (finalCell) {
    const fm = /[(（]([^)）]+)[)）]/.exec(finalCell.text.normalize('NFKC'));
    finalTargetYear = fm ? parseFiscalYear(fm[1])?.fiscalYear ?? null : null;
    const f = cellAt(tRow, finalCell.col) ?? cellAt(aRow, finalCell.col);
    const fp = parseNumber(f?.value);
    finalTarget = fp.value;
    if (f) finalTargetSource = g.ref(f.row, f.col);
  }
  // A baseline column (基準値 / 策定時): its value sits in the 実績 row, or else the 目標 row.
  let baseline: number | null = null;
  let baselineYear: number | null = null;
  if (baseCell) {
    const b = cellAt(aRow, baseCell.col) ?? cellAt(tRow, baseCell.col);
    baseline = parseNumber(b?.value).value;
    // "基準値(R3)": the year the baseline was measured; else the year before the first column.
    const bm = /[(（]([^)）]+)[)）]/.exec(baseCell.text.normalize('NFKC'));
    baselineYear = (bm ? parseFiscalYear(bm[1])?.fiscalYear : null) ?? (years.length ? years[0].fiscalYear - 1 : null);
  }
  let verification = '';
  let verificationSource: SourceRef | null = null;
  if (verCell) {
    const v = cellAt(tRow, verCell.col) ?? cellAt(aRow, verCell.col) ?? (tRow !== null ? g.row(tRow).find((c) => c.col > verCell.col + shiftOf(tRow)) : undefined);
    if (v) {
      verification = plainText(v.value);
      verificationSource = g.ref(v.row, v.col);
    }
  }
  if (!name && !outYears.length) return null;
  return {
    no,
    kind: 'kpi',
    name,
    unit,
    definition,
    direction: null,
    directionInfo: null,
    formula: null,
    cumulative: /累計|累積/.test(`${name} ${definition}`),
    baseline,
    baselineYear,
    finalTarget,
    finalTargetYear,
    finalTargetSource,
    verification,
    verificationSource,
    years: outYears,
    trajectory: null,
    grade: null,
    source,
  };
}

