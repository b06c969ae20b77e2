/**
 * planSummary: EvaluationModel (with findings) → SummaryPlan, the declarative description
 * of Hyōka's owned sheets that src/excel and src/xlsx carry out.
 *
 * Pure and deterministic: no clock (options.now is passed in), no randomness, every list
 * iterated in a fixed order. Plans hold values only — totals and ratios are computed here,
 * never written as formulas — and text copied from the source goes in unchanged as strings.
 */
import { fieldKey } from './fieldKey';
import type {
  Direction,
  EvaluationModel,
  Finding,
  Indicator,
  IndicatorYear,
  Measure,
  PolicyField,
  Project,
  Severity,
  SheetKind,
  SourceRef,
  YearStatus,
} from './model';
import type {
  PlanChart,
  PlanConditionalFormat,
  PlanFormat,
  PlanHyperlink,
  PlanSheet,
  PlanSheetKey,
  PlanStyle,
  PlanTable,
  PlanValue,
  SummaryPlan,
} from './plan';
import { toA1 as a1, rangeA1 as a1Range } from './a1';
import { SUMMARY_STRINGS, formatSummary, warekiYear, type SummaryDictionary, type SummaryKey } from './i18n/summary';

export interface GradeRule {
  grade: string;
  /** Lower bound of the achievement rate (1 = 100%). */
  min: number;
}

export interface PlanSummaryOptions {
  lang: 'ja' | 'en';
  /** The run's time, passed in so the same inputs give the same plan. */
  now: Date;
  generatorVersion: string;
  /** File or workbook name for the run log; defaults to model.source. */
  sourceName?: string;
  /** The evaluation-year override the model was built with; recorded in the run log only. */
  asOfOverrides?: unknown;
  /** Grade table; default A ≥ 100%, B ≥ 80%, C ≥ 50%, D below. When given, grades are recomputed from it. */
  grades?: GradeRule[];
  /** IANA time zone for the run log's local time; default Asia/Tokyo (the city's). */
  timeZone?: string;
}

export const DEFAULT_GRADES: GradeRule[] = [
  { grade: 'A', min: 1 },
  { grade: 'B', min: 0.8 },
  { grade: 'C', min: 0.5 },
  { grade: 'D', min: 0 },
];

const FMT_PERCENT = '0.0%';
const FMT_MONEY = '#,##0';
const FMT_MONEY_SIGNED = '+#,##0;-#,##0;0';
const FMT_PERCENT_SIGNED = '+0.0%;-0.0%;0.0%';

const GREEN = { fill: '#C6EFCE', fontColor: '#006100' } as const;
const RED = { fill: '#FFC7CE', fontColor: '#9C0006' } as const;
const AMBER = { fill: '#FFEB9C', fontColor: '#9C5700' } as const;
const BLUE = { fill: '#DDEBF7', fontColor: '#1F4E78' } as const;
const TITLE_STYLE: PlanStyle = { bold: true, fontSize: 14 };
const NOTE_STYLE: PlanStyle = { italic: true, fontColor: '#595959' };
const SUBTOTAL_STYLE: PlanStyle = { bold: true, fill: '#F2F2F2' };
const TOTAL_STYLE: PlanStyle = { bold: true, fill: '#D9E1F2' };
const SECTION_STYLE: PlanStyle = { bold: true, fill: '#D9E1F2' };

const CHART_COLORS = {
  rate: '#4472C4',
  hundred: '#C00000',
  target: '#A5A5A5',
  actual: '#4472C4',
  years: ['#4472C4', '#ED7D31', '#70AD47', '#FFC000', '#7030A0'],
};

// ───────────────────────────── names ─────────────────────────────

/** Removes the characters Excel forbids in sheet names and cuts to 31 characters. */
export function safeSheetName(name: string): string {
  const cleaned = name.replace(/[[\]:*?/\\]/g, ' ').replace(/^'+|'+$/g, '').trim();
  return Array.from(cleaned || 'Hyoka').slice(0, 31).join('');
}

// ───────────────────────────── sheet builder ─────────────────────────────

/** Collects a sheet's cells row by row; becomes one rectangular block at A1. */
class SheetBuilder {
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
      columnWidths,
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

// ───────────────────────────── small pure helpers ─────────────────────────────

function finite(n: number | null | undefined): number | null {
  return typeof n === 'number' && Number.isFinite(n) ? n : null;
}

function ratio(num: number | null, den: number | null): number | null {
  if (num === null || den === null || den === 0) return null;
  return finite(num / den);
}

function uniqueSorted(nums: number[]): number[] {
  return Array.from(new Set(nums)).sort((a, b) => a - b);
}

function percentText(x: number): string {
  return `${Math.round(x * 1000) / 10}%`;
}

/** Cuts a label for a chart axis; the full text stays on the summary sheets. */
function shorten(text: string, max: number): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

/** JSON with sorted keys, so the log line does not depend on insertion order. */
function stableJson(value: unknown): string {
  const norm = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(norm);
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(v as object).sort()) out[k] = norm((v as Record<string, unknown>)[k]);
      return out;
    }
    return v;
  };
  return JSON.stringify(norm(value)) ?? String(value);
}

function localTime(now: Date, timeZone: string): { text: string; zone: string } {
  const build = (zone: string) => {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(now);
    const p = (type: string) => parts.find((x) => x.type === type)?.value ?? '';
    return `${p('year')}-${p('month')}-${p('day')} ${p('hour')}:${p('minute')}:${p('second')}`;
  };
  try {
    return { text: build(timeZone), zone: timeZone };
  } catch {
    // An unknown zone name: fall back to UTC rather than fail the whole summary.
    return { text: build('UTC'), zone: 'UTC' };
  }
}

// ───────────────────────────── the plan ─────────────────────────────

interface Ctx {
  model: EvaluationModel;
  options: PlanSummaryOptions;
  t: SummaryDictionary;
  grades: GradeRule[];
  gradesGiven: boolean;
  moneyUnit: string;
}

export function planSummary(model: EvaluationModel, options: PlanSummaryOptions): SummaryPlan {
  const t = SUMMARY_STRINGS[options.lang];
  const grades = (options.grades && options.grades.length ? options.grades : DEFAULT_GRADES)
    .slice()
    .sort((a, b) => b.min - a.min);
  const moneyUnit =
    model.policyFields.map((f) => f.moneyUnit).find((u) => !!u) ??
    model.policyFields.flatMap((f) => f.measures.flatMap((m) => m.projects.map((p) => p.financeUnit))).find((u) => !!u) ??
    '千円';
  const ctx: Ctx = { model, options, t, grades, gradesGiven: !!options.grades?.length, moneyUnit };
  return {
    owner: 'hyoka',
    generatorVersion: options.generatorVersion,
    lang: options.lang,
    sheets: [evaluationSheet(ctx), projectsSheet(ctx), chartsSheet(ctx), findingsSheet(ctx), logSheet(ctx)],
  };
}

function yearLabel(t: SummaryDictionary, fy: number): string {
  return formatSummary(t.yearLabel, { wareki: warekiYear(fy), year: fy });
}

function yearShort(t: SummaryDictionary, fy: number): string {
  return formatSummary(t.yearShort, { wareki: warekiYear(fy), year: fy });
}

function subtitle(ctx: Ctx): string {
  const { t, options, model } = ctx;
  return formatSummary(t.subtitle, {
    source: options.sourceName ?? model.source ?? t.none,
    when: options.now.toISOString(),
    version: options.generatorVersion,
  });
}

function fieldLabel(f: PolicyField): string {
  return `${fieldKey(f)} ${f.name}`.trim();
}

function statusText(t: SummaryDictionary, s: YearStatus | null): string | null {
  return s ? t[`status_${s}` as SummaryKey] : null;
}

function directionText(t: SummaryDictionary, d: Direction | null): string | null {
  return d ? t[`direction_${d}` as SummaryKey] : null;
}

function gradeSymbol(index: number, count: number): string {
  if (index === 0) return '◎';
  if (index === count - 1) return '×';
  return index === 1 ? '○' : '△';
}

function gradeText(grades: GradeRule[], grade: string): string {
  const i = grades.findIndex((g) => g.grade === grade);
  return i < 0 ? grade : `${grade} ${gradeSymbol(i, grades.length)}`;
}

function asOfYear(field: PolicyField, ind: Indicator): IndicatorYear | undefined {
  return field.asOf === null ? undefined : ind.years.find((y) => y.fiscalYear === field.asOf);
}

/** The grade letter: the model's, unless a grade table was passed; computed from the as-of rate otherwise. */
function indicatorGrade(ctx: Ctx, field: PolicyField, ind: Indicator): string | null {
  if (!ctx.gradesGiven && ind.grade) return ind.grade;
  const rate = finite(asOfYear(field, ind)?.achievementRate);
  if (rate === null) return null;
  const hit = ctx.grades.find((g) => rate >= g.min) ?? ctx.grades[ctx.grades.length - 1];
  return hit ? hit.grade : null;
}

/** Latest numeric actual: from the trajectory when the validator computed one. */
function latestActual(ind: Indicator): number | null {
  if (ind.trajectory) return finite(ind.trajectory.latestActual);
  const withActual = ind.years
    .filter((y) => y.actualState === 'number' && finite(y.actual) !== null)
    .sort((a, b) => a.fiscalYear - b.fiscalYear);
  return withActual.length ? (withActual[withActual.length - 1].actual as number) : null;
}

/** Progress toward 最終目標: ≥ 1 exactly when the final target is reached (see noteProgress). */
export function progressToFinal(ind: Indicator): number | null {
  const latest = latestActual(ind);
  const final = finite(ind.finalTarget);
  if (latest === null || final === null) return null;
  return ind.direction === 'decrease' ? ratio(final, latest) : ratio(latest, final);
}

function actualCell(y: IndicatorYear): PlanValue {
  if (y.actualState === 'number' || y.actualState === 'missing') return finite(y.actual);
  // 集計中, #DIV/0!, stray text: shown as the source wrote it, as text.
  return y.actualText ?? finite(y.actual);
}

function projectKey(m: Measure, p: Project): string {
  return `${m.no}-${p.no}`;
}

// ───────────────────────────── 評価サマリー ─────────────────────────────

function evaluationSheet(ctx: Ctx): PlanSheet {
  const { t, model } = ctx;
  const s = new SheetBuilder();
  const years = uniqueSorted(model.policyFields.flatMap((f) => f.indicators.flatMap((i) => i.years.map((y) => y.fiscalYear))));

  const FIXED = 7; // field id, field name, KPI no, KPI name, unit, direction, as-of year
  const yearCol = (i: number) => FIXED + 4 * i;
  const tail = FIXED + 4 * years.length;
  const C = {
    final: tail,
    progress: tail + 1,
    trajectory: tail + 2,
    grade: tail + 3,
    verification: tail + 4,
    formula: tail + 5,
    source: tail + 6,
  };

  s.format(a1(s.add([t.titleEvaluation]), 0), undefined, TITLE_STYLE);
  s.format(a1(s.add([subtitle(ctx)]), 0), undefined, NOTE_STYLE);

  const groupRow: PlanValue[] = new Array(FIXED).fill(null);
  years.forEach((fy) => groupRow.push(yearLabel(t, fy), null, null, null));
  s.header(groupRow);
  const head: PlanValue[] = [t.colFieldId, t.colFieldName, t.colKpiNo, t.colKpiName, t.colUnit, t.colDirection, t.colAsOf];
  years.forEach(() => head.push(t.colTarget, t.colActual, t.colRate, t.colStatus));
  head.push(t.colFinalTarget, t.colProgress, t.colTrajectory, t.colGrade, t.colVerification, t.colFormula, t.colSource);
  const headRow = s.header(head);

  const first = headRow + 1;
  for (const field of model.policyFields) {
    for (const ind of field.indicators) {
      const row: PlanValue[] = [fieldKey(field), field.name, ind.no, ind.name, ind.unit, directionText(t, ind.direction), field.asOf];
      for (const fy of years) {
        const y = ind.years.find((v) => v.fiscalYear === fy);
        if (!y) row.push(null, null, null, null);
        else row.push(finite(y.target), actualCell(y), finite(y.achievementRate), statusText(t, y.status));
      }
      const grade = indicatorGrade(ctx, field, ind);
      row.push(
        finite(ind.finalTarget),
        progressToFinal(ind),
        t[`verdict_${ind.trajectory?.verdict ?? 'unknown'}` as SummaryKey],
        grade ? gradeText(ctx.grades, grade) : null,
        ind.verification || null,
        ind.formula ? ind.formula[ctx.options.lang] : null,
      );
      const r = s.add(row);
      s.link(r, C.source, ind.source, t);
    }
  }
  const last = s.rowCount - 1;
  const hasRows = last >= first;
  if (!hasRows) s.add([t.noIndicators]);

  if (hasRows) {
    const col = (c: number) => a1Range(first, c, last, c);
    s.format(col(3), undefined, { wrap: true });
    s.format(col(C.verification), undefined, { wrap: true, vAlign: 'top' });
    s.format(col(C.formula), undefined, { wrap: true });
    s.format(a1Range(headRow - 1, 0, last, C.source), undefined, { border: true });
    s.format(a1Range(headRow, 0, headRow, C.source), undefined, { wrap: true, vAlign: 'center' });
    years.forEach((_, i) => {
      const rate = col(yearCol(i) + 2);
      const status = col(yearCol(i) + 3);
      s.format(rate, FMT_PERCENT);
      s.conditionalFormats.push({ type: 'iconSet', range: rate, iconSet: '3Symbols', thresholds: [0.8, 1] });
      s.conditionalFormats.push(
        { type: 'textEquals', range: status, text: t.status_achieved, style: GREEN },
        { type: 'textEquals', range: status, text: t.status_notAchieved, style: RED },
        { type: 'textEquals', range: status, text: t.status_notReported, style: AMBER },
        { type: 'textEquals', range: status, text: t.status_invalid, style: { ...RED, bold: true } },
      );
    });
    s.format(col(C.progress), FMT_PERCENT);
    s.conditionalFormats.push({ type: 'dataBar', range: col(C.progress), color: '#5B9BD5', min: 0, max: 1 });
    s.conditionalFormats.push(
      { type: 'textEquals', range: col(C.trajectory), text: t.verdict_offTrack, style: RED },
      { type: 'textEquals', range: col(C.trajectory), text: t.verdict_onTrack, style: GREEN },
      { type: 'textEquals', range: col(C.trajectory), text: t.verdict_reached, style: GREEN },
    );
    const top = ctx.grades[0];
    const bottom = ctx.grades[ctx.grades.length - 1];
    if (top) s.conditionalFormats.push({ type: 'textEquals', range: col(C.grade), text: gradeText(ctx.grades, top.grade), style: GREEN });
    if (bottom && bottom !== top)
      s.conditionalFormats.push({ type: 'textEquals', range: col(C.grade), text: gradeText(ctx.grades, bottom.grade), style: RED });
  }

  textTargetTable(ctx, s, C.source);

  // Notes: what the numbers mean, in words (never colour alone).
  s.add();
  s.format(a1(s.add([t.noteHeading]), 0), undefined, { bold: true });
  const gradeList = ctx.grades
    .map((g, i) =>
      i === ctx.grades.length - 1 && ctx.grades.length > 1
        ? formatSummary(t.gradeBelow, { grade: gradeText(ctx.grades, g.grade), min: percentText(ctx.grades[i - 1].min) })
        : formatSummary(t.gradeAtLeast, { grade: gradeText(ctx.grades, g.grade), min: percentText(g.min) }),
    )
    .join(', ');
  for (const note of [t.noteRate, t.noteProgress, formatSummary(t.noteGrades, { list: gradeList }), t.noteStatus, t.noteTrajectory]) {
    s.format(a1(s.add([note]), 0), undefined, NOTE_STYLE);
  }

  const widths = [8, 14, 7, 36, 8, 8, 10];
  years.forEach(() => widths.push(10, 10, 9, 10));
  widths.push(10, 12, 10, 8, 60, 30, 8);
  return s.toSheet('evaluation', t.sheetEvaluation, widths, { rows: headRow + 1, columns: 4 }, '#4472C4');
}

/**
 * Targets a project states inside a text cell (物品/60万円以上 vs 34万円), judged like KPIs.
 * Laid under the KPI table so its 目標 / 実績 / 達成率 / 状況 line up with the first year group.
 */
function textTargetTable(ctx: Ctx, s: SheetBuilder, sourceCol: number): void {
  const { t, model } = ctx;
  const items = model.policyFields.flatMap((f) =>
    f.measures.flatMap((m) => m.projects.flatMap((p) => p.textTargets.map((tt) => ({ f, m, p, tt })))),
  );
  if (!items.length) return;
  s.add();
  s.format(a1(s.add([t.titleTextTargets]), 0), undefined, { bold: true });
  s.header([t.colFieldId, t.colProjectKey, t.colFiscalYear, t.colProjectItem, t.colUnit, t.colComparator, null, t.colTarget, t.colActual, t.colRate, t.colStatus]);
  s.set(s.rowCount - 1, sourceCol, t.colSource);
  const first = s.rowCount;
  for (const { f, m, p, tt } of items) {
    const status: YearStatus = tt.actual === null ? 'notReported' : tt.achieved ? 'achieved' : 'notAchieved';
    const r = s.add([
      fieldKey(f),
      projectKey(m, p),
      tt.fiscalYear,
      formatSummary(t.projectItem, { name: p.name, item: tt.item }),
      tt.unit || null,
      t[`comparator_${tt.comparator}` as SummaryKey],
      null,
      finite(tt.target),
      finite(tt.actual),
      finite(tt.achievementRate),
      statusText(t, status),
    ]);
    s.link(r, sourceCol, tt.source, t);
  }
  const last = s.rowCount - 1;
  const rate = a1Range(first, 9, last, 9);
  const statusRange = a1Range(first, 10, last, 10);
  s.format(rate, FMT_PERCENT);
  s.format(a1Range(first, 3, last, 3), undefined, { wrap: true });
  s.format(a1Range(first - 1, 0, last, 10), undefined, { border: true });
  s.conditionalFormats.push(
    { type: 'iconSet', range: rate, iconSet: '3Symbols', thresholds: [0.8, 1] },
    { type: 'textEquals', range: statusRange, text: t.status_achieved, style: GREEN },
    { type: 'textEquals', range: statusRange, text: t.status_notAchieved, style: RED },
    { type: 'textEquals', range: statusRange, text: t.status_notReported, style: AMBER },
  );
}

// ───────────────────────────── 事業サマリー ─────────────────────────────

interface FinanceColumns {
  fy: number;
  cost: number;
  generalFund: number;
  personnel: number;
  share: number;
  yoyAbs: number | null;
  yoyPct: number | null;
}

interface MoneyRow {
  cost: (number | null)[];
  generalFund: (number | null)[];
  personnel: (number | null)[];
}

function financeYearsOf(model: EvaluationModel): number[] {
  return uniqueSorted(
    model.policyFields.flatMap((f) => f.measures.flatMap((m) => m.projects.flatMap((p) => p.finance.map((y) => y.fiscalYear)))),
  );
}

function projectMoney(p: Project, years: number[]): MoneyRow {
  const at = (fy: number) => p.finance.find((y) => y.fiscalYear === fy);
  return {
    cost: years.map((fy) => finite(at(fy)?.projectCost)),
    generalFund: years.map((fy) => finite(at(fy)?.generalFund)),
    personnel: years.map((fy) => finite(at(fy)?.personnelCost)),
  };
}

function sumMoney(rows: MoneyRow[], n: number): MoneyRow {
  // Column sums in one pass; a column with no value at all stays null (not 0).
  const out: MoneyRow = { cost: new Array(n).fill(null), generalFund: new Array(n).fill(null), personnel: new Array(n).fill(null) };
  for (const r of rows) {
    for (let i = 0; i < n; i++) {
      const c = r.cost[i];
      const g = r.generalFund[i];
      const p = r.personnel[i];
      if (c !== null && c !== undefined) out.cost[i] = (out.cost[i] ?? 0) + c;
      if (g !== null && g !== undefined) out.generalFund[i] = (out.generalFund[i] ?? 0) + g;
      if (p !== null && p !== undefined) out.personnel[i] = (out.personnel[i] ?? 0) + p;
    }
  }
  return out;
}

function basisFor(model: EvaluationModel, fy: number): string | null {
  for (const f of model.policyFields)
    for (const m of f.measures)
      for (const p of m.projects)
        for (const y of p.finance) if (y.fiscalYear === fy && y.basis) return y.basis;
  return null;
}

function projectsSheet(ctx: Ctx): PlanSheet {
  const { t, model } = ctx;
  const s = new SheetBuilder();
  const years = financeYearsOf(model);
  const unit = ctx.moneyUnit;

  const FIXED = 11;
  const cols: FinanceColumns[] = [];
  let c = FIXED;
  years.forEach((fy, i) => {
    const fc: FinanceColumns = { fy, cost: c, generalFund: c + 1, personnel: c + 2, share: c + 3, yoyAbs: null, yoyPct: null };
    c += 4;
    if (i > 0) {
      fc.yoyAbs = c;
      fc.yoyPct = c + 1;
      c += 2;
    }
    cols.push(fc);
  });
  const sourceCol = c;

  s.format(a1(s.add([t.titleProjects]), 0), undefined, TITLE_STYLE);
  s.format(a1(s.add([subtitle(ctx)]), 0), undefined, NOTE_STYLE);
  s.format(a1(s.add([formatSummary(t.noteMoney, { unit })]), 0), undefined, NOTE_STYLE);

  const group: PlanValue[] = new Array(FIXED).fill(null);
  const head: PlanValue[] = [
    t.colFieldId,
    t.colMeasureNo,
    t.colMeasureName,
    t.colProjectKey,
    t.colProjectName,
    t.colListName,
    t.colDepartment,
    t.colLegalBasis,
    t.colNextYearPolicy,
    t.colLogicModel,
    t.colPriority,
  ];
  for (const fc of cols) {
    const basis = basisFor(model, fc.fy);
    const label = formatSummary(t.financeGroup, {
      year: yearShort(t, fc.fy),
      basis: basis ? t[`basis_${basis}` as SummaryKey] : '',
    }).trim();
    group[fc.cost] = label;
    head[fc.cost] = formatSummary(t.colProjectCost, { unit });
    head[fc.generalFund] = formatSummary(t.colGeneralFund, { unit });
    head[fc.personnel] = formatSummary(t.colPersonnelCost, { unit });
    head[fc.share] = t.colGeneralFundShare;
    if (fc.yoyAbs !== null && fc.yoyPct !== null) {
      head[fc.yoyAbs] = formatSummary(t.colYoyAbs, { unit });
      head[fc.yoyPct] = t.colYoyPct;
    }
  }
  head[sourceCol] = t.colSource;
  group[sourceCol] = null;
  s.header(group);
  const headRow = s.header(head);
  const first = headRow + 1;

  const writeMoney = (r: number, money: MoneyRow) => {
    cols.forEach((fc, i) => {
      s.set(r, fc.cost, money.cost[i]);
      s.set(r, fc.generalFund, money.generalFund[i]);
      s.set(r, fc.personnel, money.personnel[i]);
      s.set(r, fc.share, ratio(money.generalFund[i], money.cost[i]));
      if (fc.yoyAbs !== null && fc.yoyPct !== null) {
        const prev = money.cost[i - 1];
        const cur = money.cost[i];
        s.set(r, fc.yoyAbs, prev !== null && cur !== null ? cur - prev : null);
        s.set(r, fc.yoyPct, prev !== null && cur !== null ? ratio(cur - prev, prev) : null);
      }
    });
    s.set(r, sourceCol, null);
  };
  const styleRow = (r: number, style: PlanStyle) => s.format(a1Range(r, 0, r, sourceCol), undefined, style);

  const projectRows: number[] = [];
  for (const field of model.policyFields) {
    const fieldMoney: MoneyRow[] = [];
    for (const m of field.measures) {
      const measureMoney: MoneyRow[] = [];
      for (const p of m.projects) {
        const r = s.add([
          fieldKey(field),
          m.no,
          m.name,
          projectKey(m, p),
          p.name,
          p.listName && p.listName !== p.name ? p.listName : null,
          p.department || null,
          p.legalBasis || null,
          p.nextYearPolicy || null,
          p.flags.logicModel ? t.flagOn : null,
          p.flags.priority ? t.flagOn : null,
        ]);
        const money = projectMoney(p, years);
        writeMoney(r, money);
        s.link(r, sourceCol, p.source, t);
        measureMoney.push(money);
        projectRows.push(r);
      }
      const sub = sumMoney(measureMoney, years.length);
      const r = s.add([fieldKey(field), m.no, m.name, null, formatSummary(t.subtotalMeasure, { no: m.no })]);
      writeMoney(r, sub);
      s.link(r, sourceCol, m.source, t);
      styleRow(r, SUBTOTAL_STYLE);
      fieldMoney.push(...measureMoney);
    }
    const total = sumMoney(fieldMoney, years.length);
    const r = s.add([fieldKey(field), null, field.name, null, formatSummary(t.totalField, { id: fieldKey(field) })]);
    writeMoney(r, total);
    s.link(r, sourceCol, field.source, t);
    styleRow(r, TOTAL_STYLE);
  }
  const last = s.rowCount - 1;
  if (last < first) s.add([t.noProjects]);
  else {
    const col = (cc: number) => a1Range(first, cc, last, cc);
    s.format(a1Range(headRow - 1, 0, last, sourceCol), undefined, { border: true });
    s.format(a1Range(headRow, 0, headRow, sourceCol), undefined, { wrap: true, vAlign: 'center' });
    for (const cc of [2, 4, 5, 6]) s.format(col(cc), undefined, { wrap: true });
    for (const cc of [9, 10]) s.format(col(cc), undefined, { hAlign: 'center' });
    for (const fc of cols) {
      s.format(a1Range(first, fc.cost, last, fc.personnel), FMT_MONEY);
      s.format(col(fc.share), FMT_PERCENT);
      if (fc.yoyAbs !== null) s.format(col(fc.yoyAbs), FMT_MONEY_SIGNED);
      if (fc.yoyPct !== null) s.format(col(fc.yoyPct), FMT_PERCENT_SIGNED);
      // Fixed bounds from the projects alone, so subtotal rows do not flatten every project bar.
      const max = Math.max(0, ...projectRows.map((r) => finite(s.get(r, fc.cost) as number | null) ?? 0));
      s.conditionalFormats.push({ type: 'dataBar', range: col(fc.cost), color: '#638EC6', min: 0, max: max || 1 });
    }
  }

  const widths = [8, 7, 18, 7, 34, 28, 22, 9, 10, 9, 8];
  for (const fc of cols) {
    widths.push(12, 12, 12, 9);
    if (fc.yoyAbs !== null) widths.push(13, 10);
  }
  widths.push(8);
  return s.toSheet('projects', t.sheetProjects, widths, { rows: headRow + 1, columns: 5 }, '#70AD47');
}

// ───────────────────────────── グラフ ─────────────────────────────

const CHART_W = 8; // columns
const CHART_H = 16; // rows
const CHART_GAP = 1;
const CHARTS_PER_ROW = 2;
/** Data tables use columns A..; charts start after them, so the two never overlap. */
function chartsSheet(ctx: Ctx): PlanSheet {
  const { t, model } = ctx;
  const s = new SheetBuilder();
  const finYears = financeYearsOf(model);
  const dataCols = Math.max(3, 1 + finYears.length);
  const chartCol0 = dataCols + 1;

  s.format(a1(s.add([t.titleCharts]), 0), undefined, TITLE_STYLE);
  s.format(a1(s.add([subtitle(ctx)]), 0), undefined, NOTE_STYLE);
  s.add();

  for (const field of model.policyFields) {
    const top = s.add([fieldLabel(field)]);
    s.format(a1Range(top, 0, top, dataCols - 1), undefined, SECTION_STYLE);
    const charts: Omit<PlanChart, 'anchor'>[] = [];
    const idBase = `${fieldKey(field)}`.replace(/[^A-Za-z0-9_-]/g, '_');

    // (1) Achievement per KPI in the evaluation year, with the 100% line.
    if (field.indicators.length && field.asOf !== null) {
      const h = s.header([t.colKpi, `${t.seriesRate} ${yearShort(t, field.asOf)}`, t.seriesHundred]);
      const r0 = h + 1;
      for (const ind of field.indicators) {
        s.add([formatSummary(t.kpiShort, { no: ind.no, name: shorten(ind.name, 12) }), finite(asOfYear(field, ind)?.achievementRate), 1]);
      }
      const r1 = s.rowCount - 1;
      s.format(a1Range(r0, 1, r1, 2), FMT_PERCENT);
      charts.push({
        id: `hyoka-achievement-${idBase}`,
        kind: 'column',
        title: formatSummary(t.chartAchievement, { field: fieldLabel(field), year: yearLabel(t, field.asOf) }),
        categories: a1Range(r0, 0, r1, 0),
        series: [
          { name: t.seriesRate, values: a1Range(r0, 1, r1, 1), color: CHART_COLORS.rate },
          { name: t.seriesHundred, values: a1Range(r0, 2, r1, 2), asLine: true, color: CHART_COLORS.hundred },
        ],
        valueAxis: { percent: true, min: 0 },
      });
      s.add();
    }

    // (3) Project cost by measure, one series per finance year.
    const measuresWithFinance = field.measures.filter((m) => m.projects.some((p) => p.finance.length));
    if (measuresWithFinance.length && finYears.length) {
      const h = s.header([t.colMeasure, ...finYears.map((fy) => yearShort(t, fy))]);
      const r0 = h + 1;
      for (const m of measuresWithFinance) {
        const sums = sumMoney(m.projects.map((p) => projectMoney(p, finYears)), finYears.length);
        s.add([formatSummary(t.measureShort, { no: m.no, name: shorten(m.name, 10) }), ...sums.cost]);
      }
      const r1 = s.rowCount - 1;
      s.format(a1Range(r0, 1, r1, finYears.length), FMT_MONEY);
      charts.push({
        id: `hyoka-cost-${idBase}`,
        kind: 'bar',
        title: formatSummary(t.chartCost, { field: fieldLabel(field), unit: ctx.moneyUnit }),
        categories: a1Range(r0, 0, r1, 0),
        series: finYears.map((fy, i) => ({
          name: yearShort(t, fy),
          values: a1Range(r0, 1 + i, r1, 1 + i),
          color: CHART_COLORS.years[i % CHART_COLORS.years.length],
        })),
        valueAxis: { title: ctx.moneyUnit, min: 0 },
      });
      s.add();
    }

    // (2) Each KPI's targets and actuals across the years.
    for (const ind of field.indicators) {
      const ys = ind.years.slice().sort((a, b) => a.fiscalYear - b.fiscalYear);
      if (!ys.length) continue;
      const h = s.header([formatSummary(t.kpiShort, { no: ind.no, name: shorten(ind.name, 12) }), t.seriesTarget, t.seriesActual]);
      const r0 = h + 1;
      for (const y of ys) s.add([yearShort(t, y.fiscalYear), finite(y.target), y.actualState === 'number' ? finite(y.actual) : null]);
      const r1 = s.rowCount - 1;
      charts.push({
        id: `hyoka-kpi-${idBase}-${ind.no}`,
        kind: 'column',
        title: formatSummary(t.chartKpi, { field: fieldLabel(field), no: ind.no }),
        categories: a1Range(r0, 0, r1, 0),
        series: [
          { name: t.seriesTarget, values: a1Range(r0, 1, r1, 1), color: CHART_COLORS.target },
          { name: t.seriesActual, values: a1Range(r0, 2, r1, 2), color: CHART_COLORS.actual },
        ],
        valueAxis: ind.unit ? { title: ind.unit } : undefined,
      });
      if (!charts[charts.length - 1].valueAxis) delete charts[charts.length - 1].valueAxis;
      s.add();
    }

    // Lay the charts out in a grid to the right of the data, from the section's first row.
    charts.forEach((chart, i) => {
      const fromRow = top + Math.floor(i / CHARTS_PER_ROW) * (CHART_H + CHART_GAP);
      const fromCol = chartCol0 + (i % CHARTS_PER_ROW) * (CHART_W + CHART_GAP);
      s.charts.push({ ...chart, anchor: { fromRow, fromCol, toRow: fromRow + CHART_H, toCol: fromCol + CHART_W } });
    });
    const gridRows = Math.ceil(charts.length / CHARTS_PER_ROW);
    const sectionEnd = top + gridRows * (CHART_H + CHART_GAP);
    while (s.rowCount < sectionEnd) s.add();
    s.add();
  }

  const widths = [26, ...new Array(dataCols - 1).fill(16), 2];
  for (let i = 0; i < CHARTS_PER_ROW * (CHART_W + CHART_GAP); i++) widths.push(10);
  return s.toSheet('charts', t.sheetCharts, widths, { rows: 1, columns: 0 }, '#ED7D31');
}

// ───────────────────────────── 検証結果 ─────────────────────────────

const SEVERITY_ORDER: Severity[] = ['error', 'warning', 'info'];

function findingMessage(f: Finding, lang: 'ja' | 'en'): string {
  return (lang === 'ja' ? f.messageJa : f.messageEn) || f.message;
}

function findingsSheet(ctx: Ctx): PlanSheet {
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
  const headRow = s.header([
    t.colSeverity,
    t.colRule,
    t.colFieldId,
    t.colKpiNoShort,
    t.colProject,
    t.colFiscalYear,
    t.colMessage,
    t.colSheet,
    t.colAddress,
    t.colSource,
  ]);
  const LINK = 9;
  for (const f of findings) {
    const r = s.add([
      t[`severity_${f.severity}` as SummaryKey],
      f.rule,
      f.policyField,
      f.indicator,
      f.project,
      f.fiscalYear,
      findingMessage(f, ctx.options.lang),
      f.sheet,
      f.address,
      null,
    ]);
    s.link(r, LINK, { sheet: f.sheet, address: f.address }, t);
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
  return s.toSheet('findings', t.sheetFindings, [11, 28, 10, 6, 8, 9, 70, 18, 10, 8], { rows: headRow + 1, columns: 1 }, '#C00000');
}

// ───────────────────────────── 実行ログ ─────────────────────────────

function logSheet(ctx: Ctx): PlanSheet {
  const { t, model, options } = ctx;
  const s = new SheetBuilder();
  const zone = localTime(options.now, options.timeZone ?? 'Asia/Tokyo');
  const section = (title: string) => {
    s.add();
    const r = s.add([title]);
    s.format(a1Range(r, 0, r, 3), undefined, SECTION_STYLE);
  };

  s.format(a1(s.add([t.titleLog]), 0), undefined, TITLE_STYLE);
  section(t.secRun);
  s.header([t.colItem, t.colValue]);
  s.add([t.logWhenIso, options.now.toISOString()]);
  s.add([formatSummary(t.logWhenLocal, { zone: zone.zone }), zone.text]);
  s.add([t.logVersion, options.generatorVersion]);
  s.add([t.logModelVersion, `${model.generator.name} ${model.generator.version}`]);
  s.add([t.logSource, options.sourceName ?? model.source ?? t.none]);

  section(t.secSheets);
  s.header([t.colSheetName, t.colKind, t.colReason, t.colSheetFields]);
  // Hyōka's own summary sheets from an earlier run are not sources: leaving them out keeps re-runs identical.
  for (const sh of model.sheets.filter((x) => x.kind !== 'hyokaSummary')) {
    const r = s.add([sh.name, t[`kind_${sh.kind as SheetKind}` as SummaryKey] ?? sh.kind, sh.reason, (sh.policyFields ?? []).join(', ') || null]);
    s.format(a1(r, 2), undefined, { wrap: true });
  }

  section(t.secCounts);
  s.header([t.colItem, t.colValue]);
  const measures = model.policyFields.flatMap((f) => f.measures);
  s.add([t.countFields, model.policyFields.length]);
  s.add([t.countIndicators, model.policyFields.reduce((n, f) => n + f.indicators.length, 0)]);
  s.add([t.countMeasures, measures.length]);
  s.add([t.countProjects, measures.reduce((n, m) => n + m.projects.length, 0)]);
  for (const sev of SEVERITY_ORDER) {
    s.add([
      formatSummary(t.countFindings, { severity: t[`severity_${sev}` as SummaryKey] }),
      model.findings.filter((f) => f.severity === sev).length,
    ]);
  }

  section(t.secAsOf);
  s.header([t.colFieldId, t.colAsOf, t.colAsOfRule]);
  for (const f of model.policyFields) {
    const rule = f.asOfRule ?? (f.asOf === null ? 'none' : 'latestActual');
    s.add([fieldLabel(f), f.asOf, t[`asOfRule_${rule}` as SummaryKey]]);
  }

  section(t.secOptions);
  s.header([t.colItem, t.colValue]);
  s.add([t.optLang, options.lang]);
  s.add([t.optAsOf, options.asOfOverrides === undefined ? t.none : stableJson(options.asOfOverrides)]);
  s.add([t.optGrades, ctx.grades.map((g) => `${gradeText(ctx.grades, g.grade)} ≥ ${percentText(g.min)}`).join(', ')]);
  s.add([t.optTimeZone, zone.zone]);
  s.add([t.optSourceName, options.sourceName ?? t.none]);

  return s.toSheet('log', t.sheetLog, [30, 34, 60, 16], { rows: 1, columns: 0 }, '#7F7F7F');
}
