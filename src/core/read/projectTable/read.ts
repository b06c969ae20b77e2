/**
 * Reads the rows of a flat project table with its layout: one project per row, its place in
 * the hierarchy, its indicators and its money per year block. A block without a year label
 * takes its year from the row's 年度 cell and its position (marked yearInferred).
 */
import type { Grid, GridCell } from '../../grid';
import type { FinanceItem, FinanceYear, Indicator, IndicatorYear, Inference, SheetGrade, SourceRef } from '../../model';
import { parseNumber, plainText } from '../../normalize';
import { joinDigits, lastNumber, leadingNumber, normalizeCode } from '../shared/codes';
import { emptyIndicator, emptyProject } from '../shared/factories';
import { evaluationYearOf, headerYear } from '../shared/headerYear';
import { gradeValueOf } from '../shared/terms';
import { warekiYear } from '../../i18n/summary';
import type { FieldRef, MeasureRef, ProjectReading, SheetReading } from '../types';
import type { LevelColumns, TableLayout, YearBlock } from './layout';

const TOTAL_ROW_RE = /^(合計|総計|小計|計)$/;

export function readProjectTable(g: Grid, layout: TableLayout): SheetReading {
  const projects: ProjectReading[] = [];
  const inferred: Inference[] = [];
  const c = layout.columns;
  const sheetYear = sheetEvaluationYear(g, layout.headerRows[0]);
  const inferredYears = layout.yearBlocks.some((b) => b.fiscalYear === null);
  let eraNoted = false;
  let yearless = 0;
  let position = 0;
  for (const r of g.nonEmptyRows(layout.firstDataRow, g.rowCount)) {
    const nameCell = g.at(r, c.name);
    if (!nameCell || typeof nameCell.value !== 'string' || TOTAL_ROW_RE.test(nameCell.text.replace(/\s+/g, ''))) continue;
    position++;
    const text = (col: number | null) => (col === null ? '' : plainText(g.at(r, col)?.value));
    const rowYearCell = c.fiscalYear === null ? undefined : g.at(r, c.fiscalYear);
    const rowYear = rowYearCell ? evaluationYearOf(rowYearCell.value, null) : null;
    const evaluationYear = rowYear?.fiscalYear ?? sheetYear;
    if (rowYear?.inferred && !eraNoted && rowYearCell) {
      eraNoted = true;
      inferred.push({
        what: 'evaluationYear',
        detail: `年度 "${rowYearCell.text}" read as fiscal ${rowYear.fiscalYear} (the era is not written)`,
        detailJa: `年度「${rowYearCell.text}」を${rowYear.fiscalYear}年度（令和${rowYear.fiscalYear - 2018}年度）と読んだ（元号の記載なし）`,
        source: g.ref(rowYearCell.row, rowYearCell.col),
      });
    }
    if (inferredYears && evaluationYear === null) yearless++;

    const noCell = c.no === null ? undefined : g.at(r, c.no);
    const no = typeof noCell?.value === 'number' && Number.isInteger(noCell.value) && noCell.value > 0 ? noCell.value : null;
    const project = emptyProject(no ?? position, plainText(nameCell.value), g.ref(r, c.name), c.moneyUnit);
    if (no === null) project.noInferred = true;
    project.family = 'projectTable';
    project.hasDetail = true;
    project.projectId = text(c.projectId) || null;
    project.department = text(c.department);
    project.legalBasis = text(c.legalBasis);
    project.overview = text(c.overview);
    project.nextYearPolicy = text(c.nextYearPolicy);
    const period = c.period.map(text).filter((t) => t && t !== '-');
    if (period.length) project.period = period.join(' ');

    const policy = level(g, r, c.policy);
    const measure = level(g, r, c.measure);
    const basic = level(g, r, c.basic);
    const written = normalizeCode(text(c.code));
    const code = written || [policy.no, measure.no, basic.no].filter(Boolean).join('-') || null;
    project.code = code;
    // A written code "2-3-4" numbers the levels whose columns give only names.
    const codeParts = written ? written.split('-') : [];
    if (!basic.no && codeParts.length >= 3) basic.no = codeParts.slice(2).join('-');
    if (basic.no || basic.name) project.basicProject = { no: basic.no, name: basic.name, source: basic.source };
    project.sheetGrades = grades(g, r, layout);
    project.indicators = indicators(g, r, layout, evaluationYear);
    project.finance = finance(g, r, layout, evaluationYear);

    const field: FieldRef = {
      id: policy.no || codeParts[0] || null,
      name: policy.name,
      label: c.policy ? levelWord(g, layout, c.policy) : '政策',
      source: policy.source,
    };
    const measureNo = measure.no ? lastNumber(measure.no) : codeParts.length >= 2 ? lastNumber(codeParts[1]) : null;
    const measureRef: MeasureRef | null =
      measure.no || measure.name || codeParts.length >= 2
        ? {
            no: measureNo,
            code: measure.no ? [field.id, measure.no].filter(Boolean).join('-') : codeParts.length >= 2 ? codeParts.slice(0, 2).join('-') : null,
            name: measure.name,
            source: measure.source,
          }
        : null;
    projects.push({ field, measure: measureRef, project });
  }
  const blocks = layout.yearBlocks;
  const unlabelled = blocks.filter((b) => b.fiscalYear === null).length;
  if (unlabelled) {
    inferred.push({
      what: 'fiscalYear',
      detail: `${unlabelled} of ${blocks.length} year blocks carry no year label: each takes the row's 年度 minus its distance from the last block (the last block is the evaluation year)`,
      detailJa: `年度ブロック ${blocks.length} 組のうち ${unlabelled} 組に年度の見出しがないため、各行の年度とブロックの順から年度を推定（最後のブロックを評価年度とする）`,
      source: g.ref(layout.headerRows[layout.headerRows.length - 1], firstCol(blocks.find((b) => b.fiscalYear === null)!)),
    });
  }
  if (yearless) {
    inferred.push({
      what: 'fiscalYear',
      detail: `${yearless} rows have no 年度 and the sheet gives none: their unlabelled year blocks were not read`,
      detailJa: `年度のない行が ${yearless} 行あり、シートにも年度の記載がないため、年度の見出しのないブロックは読んでいません`,
      source: null,
    });
  }
  return { family: 'projectTable', projects, measures: [], inferred };
}

/** The block's own year label, or the year it was given, said to be inferred: "令和2年度（推定）". */
function blockLabel(b: YearBlock, y: { fiscalYear: number; inferred: boolean }): string {
  if (b.label) return b.label;
  return y.inferred ? `${warekiYear(y.fiscalYear)}年度（推定）` : `${warekiYear(y.fiscalYear)}年度`;
}

function firstCol(b: YearBlock): number {
  const cols = [...Object.values(b.finance), ...b.values.map((v) => v.col)] as number[];
  return Math.min(...cols);
}

/** The word the header uses for the top level: 政策分野, 基本目標, 政策. */
function levelWord(g: Grid, layout: TableLayout, l: LevelColumns): string {
  const col = l.nameCol ?? l.numberCols[0]?.col;
  if (col === undefined) return '政策';
  for (const r of layout.headerRows) {
    const m = /(政策分野|基本目標|基本政策|政策|分野)/.exec(g.at(r, col)?.text ?? '');
    if (m) return m[1];
  }
  return '政策';
}

function level(g: Grid, r: number, l: LevelColumns | null): { no: string; name: string; source: SourceRef | null } {
  if (!l) return { no: '', name: '', source: null };
  let no = joinDigits(l.numberCols.map((x) => ({ place: x.place, text: g.at(r, x.col)?.text ?? '' })));
  const nameCell = l.nameCol === null ? undefined : g.at(r, l.nameCol);
  let name = nameCell ? plainText(nameCell.value) : '';
  // "1 豊かな市民生活…" in the name column, with no number column.
  if (!no && name) {
    const lead = leadingNumber(name);
    if (lead && lead.rest) {
      no = lead.no;
      name = lead.rest;
    }
  }
  const first = l.numberCols.map((x) => g.at(r, x.col)).find(Boolean);
  const src = nameCell ?? first;
  return { no, name, source: src ? g.ref(src.row, src.col) : null };
}

function grades(g: Grid, r: number, layout: TableLayout): SheetGrade[] {
  const out: SheetGrade[] = [];
  for (const gc of layout.columns.grades) {
    const cell = g.at(r, gc.col);
    if (!cell) continue;
    const grade = gradeValueOf(cell.text) ?? (cell.text.length <= 12 ? cell.text : null);
    if (grade) out.push({ stage: gc.stage, label: gc.label, grade, source: g.ref(cell.row, cell.col) });
  }
  return out;
}

/** The fiscal year of a block on row r: its label, or the row's evaluation year minus its distance. */
function blockYear(b: YearBlock, evaluationYear: number | null): { fiscalYear: number; inferred: boolean } | null {
  if (b.fiscalYear !== null) return { fiscalYear: b.fiscalYear, inferred: false };
  if (evaluationYear === null || b.yearsBeforeEvaluation === null) return null;
  return { fiscalYear: evaluationYear - b.yearsBeforeEvaluation, inferred: true };
}

interface SlotBlock {
  block: YearBlock;
  target: number | null;
  actual: number | null;
  combined: number | null;
}

const slotBlocksCache = new WeakMap<TableLayout, SlotBlock[][]>();

/** Per indicator slot, its value columns in each block: worked out once per layout, not per row. */
function slotBlocks(layout: TableLayout): SlotBlock[][] {
  let out = slotBlocksCache.get(layout);
  if (out) return out;
  out = layout.indicators.map((s) =>
    layout.yearBlocks
      .map((block) => {
        const cells = block.values.filter((v) => v.kind === s.kind && v.slot === s.slot);
        const col = (role: string) => cells.find((v) => v.role === role)?.col ?? null;
        return { block, target: col('target'), actual: col('actual'), combined: col('combined') };
      })
      .filter((x) => x.target !== null || x.actual !== null || x.combined !== null),
  );
  slotBlocksCache.set(layout, out);
  return out;
}

function indicators(g: Grid, r: number, layout: TableLayout, evaluationYear: number | null): Indicator[] {
  const out: Indicator[] = [];
  const perSlot = slotBlocks(layout);
  layout.indicators.forEach((s, k) => {
    const nameCell = s.nameCol === null ? undefined : g.at(r, s.nameCol);
    const unitCell = s.unitCol === null ? undefined : g.at(r, s.unitCol);
    const years: IndicatorYear[] = [];
    for (const sb of perSlot[k]) {
      const y = blockYear(sb.block, evaluationYear);
      if (!y) continue;
      let t = sb.target;
      let a = sb.actual;
      if (sb.combined !== null) {
        const past = evaluationYear === null || y.fiscalYear < evaluationYear || /実績|決算/.test(sb.block.label);
        if (past) a ??= sb.combined;
        else t ??= sb.combined;
      }
      const tc = t === null ? undefined : g.at(r, t);
      const ac = a === null ? undefined : g.at(r, a);
      if (!tc && !ac) continue;
      years.push(yearOf(g, r, y.fiscalYear, blockLabel(sb.block, y), tc, ac, t, a, y.inferred));
    }
    const name = nameCell ? plainText(nameCell.value) : '';
    if (!name && !years.length) return;
    const ind = emptyIndicator(out.length + 1, s.kind, name, unitCell ? plainText(unitCell.value) : '', g.ref(r, nameCell?.col ?? s.nameCol ?? layout.columns.name));
    ind.years = years;
    out.push(ind);
  });
  return out;
}

function yearOf(
  g: Grid,
  r: number,
  fiscalYear: number,
  label: string,
  target: GridCell | undefined,
  actual: GridCell | undefined,
  tCol: number | null,
  aCol: number | null,
  inferred: boolean,
): IndicatorYear {
  const t = parseNumber(target?.value);
  const a = parseNumber(actual?.value);
  const y: IndicatorYear = {
    fiscalYear,
    label,
    target: t.value,
    actual: a.value,
    targetState: t.state,
    actualState: a.state,
    actualText: a.state === 'number' || a.state === 'missing' ? null : a.text,
    achievementRate: null,
    status: null,
    targetSource: tCol === null ? null : g.ref(r, tCol),
    actualSource: aCol === null ? null : g.ref(r, aCol),
  };
  if (inferred) y.yearInferred = true;
  return y;
}

function finance(g: Grid, r: number, layout: TableLayout, evaluationYear: number | null): FinanceYear[] {
  const out: FinanceYear[] = [];
  for (const b of layout.yearBlocks) {
    const items = Object.entries(b.finance) as [FinanceItem, number][];
    if (!items.length) continue;
    const y = blockYear(b, evaluationYear);
    if (!y) continue;
    const fy: FinanceYear = {
      fiscalYear: y.fiscalYear,
      label: blockLabel(b, y),
      basis: b.basis ?? headerYear(b.label)?.basis ?? null,
      projectCost: null,
      generalFund: null,
      personnelCost: null,
      source: null,
      sources: {},
      states: {},
    };
    let any = false;
    for (const [item, col] of items) {
      const cell = g.at(r, col);
      if (!cell) continue;
      any = true;
      const p = parseNumber(cell.value);
      fy[item] = p.value;
      fy.sources![item] = g.ref(r, col);
      if (p.state !== 'number') fy.states![item] = p.state;
      if (item === 'projectCost' || item === 'generalFund' || item === 'personnelCost') fy[`${item}State`] = p.state;
    }
    if (!any) continue;
    fy.source = fy.sources!.projectCost ?? Object.values(fy.sources!)[0] ?? null;
    if (y.inferred) fy.yearInferred = true;
    out.push(fy);
  }
  return out;
}

/** A year written above the table ("令和7年度 事務事業評価"), for rows without a 年度 cell. */
function sheetEvaluationYear(g: Grid, headerTop: number): number | null {
  for (const r of g.nonEmptyRows(0, headerTop)) {
    for (const c of g.row(r)) {
      if (c.text.length > 60) continue;
      const y = headerYear(c.text);
      if (y) return y.fiscalYear;
    }
  }
  return null;
}
