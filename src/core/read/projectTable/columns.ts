/**
 * What each column of a flat project table holds, from its composed header: the project's
 * own columns, the hierarchy (政策 / 施策 / 基本事業 numbers and names), indicator names and
 * units, and the money and indicator values of the repeated year blocks.
 */
import type { FinanceItem, IndicatorKind } from '../../model';
import type { ColumnHeader } from '../shared/headerBand';
import { moneyUnitIn } from '../shared/moneyTable';
import { headerYear, type HeaderYear, type YearContext } from '../shared/headerYear';
import { digitPlaceOf, financeItemOf, gradeStageOf, indicatorKindOf, indicatorRoleOf, indicatorSlotOf, isNumberHeader, levelOf, termKey } from '../shared/terms';
import type { IndicatorSlot, LevelColumns, TableLayout, ValueRole } from './layout';

/** One value column of a year block, before the blocks are formed. */
export interface ValueColumn {
  col: number;
  /** What repeats from block to block: "f:national", "i:activity:ア:actual". */
  item: string;
  finance: FinanceItem | null;
  indicator: { kind: IndicatorKind; slot: string; role: ValueRole } | null;
  year: HeaderYear | null;
  yearText: string;
}

export interface ClassifiedColumns {
  columns: Omit<TableLayout['columns'], 'name'> & { name: number | null };
  indicators: IndicatorSlot[];
  values: ValueColumn[];
  /** Columns read for nothing, with why (shown by inspect). */
  ignored: { col: number; why: string }[];
}

const NAME_RE = /^(事務)?事業名(称)?$|^事務事業$|^事業の名称$/;
const PROJECT_ID_RE = /^(事務事業|事業)(ID|コード|CD|番号|No\.?)$|^整理番号$|^事業コード$|^予算事業コード$/i;
const ROW_NO_RE = /^(No\.?|NO\.?|№|番号|連番|通番)$/;
const YEAR_COL_RE = /^(評価|対象|実施)?年度$/;
const DEPARTMENT_RE = /部課名|担当課|所管課|担当部署|^課名$|^所属(課)?(名)?$|担当部局|^部局名?$|担当部・?課/;
const LEGAL_RE = /根拠法令|根拠法|根拠条例|法令等/;
const PERIOD_RE = /事業期間|実施期間|開始年度|終了年度|始期|終期/;
const OVERVIEW_RE = /概要|事業内容|事業の目的/;
const POLICY_DIRECTION_RE = /今後の方向性|次年度(の)?方針|今後の方針|今後の事業の方向性/;
const CODE_RE = /(政策|施策)体系(番号|コード)?$|^体系(番号|コード)$|^コード$/;
const TOTAL_PLAN_RE = /全体計画|計画全体|総計画|事業全体/;
const LEADING_YEAR = /^(?:令和|平成|R|H)?(?:元|[0-9]{1,4})年?度?/;

function emptyLevel(): LevelColumns {
  return { numberCols: [], nameCol: null };
}

/** Sorts the columns of a header band into their roles. */
export function classifyColumns(headers: readonly ColumnHeader[], yearContext: YearContext): ClassifiedColumns {
  const columns: ClassifiedColumns['columns'] = {
    name: null,
    projectId: null,
    no: null,
    fiscalYear: null,
    department: null,
    legalBasis: null,
    period: [],
    overview: null,
    nextYearPolicy: null,
    code: null,
    policy: null,
    measure: null,
    basic: null,
    grades: [],
    moneyUnit: '千円',
  };
  const slots = new Map<string, IndicatorSlot>();
  const values: ValueColumn[] = [];
  const ignored: ClassifiedColumns['ignored'] = [];
  const levelIds: Record<'policy' | 'measure' | 'basic', number | null> = { policy: null, measure: null, basic: null };
  let defaultIndicator = false;

  for (const h of headers) {
    const own = h.ownKey;
    const all = h.parts.map(termKey);
    const unit = h.parts.map(moneyUnitIn).find((u) => u !== null);
    if (unit && (financeItemOf(own) || /事業費|財源|単位/.test(h.key))) columns.moneyUnit = unit;
    if (TOTAL_PLAN_RE.test(h.key)) {
      ignored.push({ col: h.col, why: 'total plan (全体計画), not a year' });
      continue;
    }
    const year = yearOfParts(h.parts, yearContext);
    // A table of one indicator per row ("指標名 | 単位 | R4目標 | R4実績"): its columns name no kind.
    const plainRole = indicatorRoleOf(own.replace(LEADING_YEAR, ''));
    const kind =
      indicatorKindOf(h.key) ??
      (/^(指標名?|指標名称|評価指標)$/.test(own) || (own === '単位' && defaultIndicator) || (year && (plainRole === 'target' || plainRole === 'actual' || plainRole === 'combined')) ? 'outcome' : null);
    if (kind && /^(指標名?|指標名称|評価指標)$/.test(own)) defaultIndicator = true;
    if (kind) {
      const slot = indicatorSlotOf(own) ?? all.map(indicatorSlotOf).find((s) => s !== null) ?? '';
      const role = indicatorRoleOf(own) ?? (year ? plainRole ?? roleInParts(all) : null);
      const key = `${kind}:${slot}`;
      const s = slots.get(key) ?? { kind, slot, nameCol: null, unitCol: null };
      slots.set(key, s);
      if (role === 'name') s.nameCol ??= h.col;
      else if (role === 'unit') s.unitCol ??= h.col;
      else if (role === 'rate' || role === 'baseline' || role === 'finalTarget' || role === 'finalYear') ignored.push({ col: h.col, why: `indicator ${role} (not read from a flat table)` });
      else {
        const r: ValueRole = role === 'target' ? 'target' : role === 'combined' ? 'combined' : 'actual';
        // "R4実績" / "R4目標": the word is the indicator's role, not a money basis (決算 / 計画).
        const y = year && plainRole && year.text.trim() === own ? { ...year.year, basis: null } : year?.year ?? null;
        values.push({ col: h.col, item: `i:${kind}:${slot}:${r}`, finance: null, indicator: { kind, slot, role: r }, year: y, yearText: year?.text ?? '' });
      }
      continue;
    }
    const finance = financeItemOf(own) ?? (year && own === termKey(year.text) ? all.map(financeItemOf).find((x) => x !== null) ?? null : null);
    if (finance && !levelOf(own) && !PROJECT_ID_RE.test(own)) {
      values.push({ col: h.col, item: `f:${finance}`, finance, indicator: null, year: year?.year ?? null, yearText: year?.text ?? '' });
      continue;
    }
    const stage = gradeStageOf(own);
    if (stage) {
      columns.grades.push({ stage, col: h.col, label: h.parts[h.parts.length - 1].trim() });
      continue;
    }
    if (NAME_RE.test(own)) {
      columns.name ??= h.col;
      continue;
    }
    if (PROJECT_ID_RE.test(own)) {
      columns.projectId ??= h.col;
      continue;
    }
    if (ROW_NO_RE.test(own)) {
      columns.no ??= h.col;
      continue;
    }
    if (YEAR_COL_RE.test(own)) {
      columns.fiscalYear ??= h.col;
      continue;
    }
    if (CODE_RE.test(own)) {
      columns.code ??= h.col;
      continue;
    }
    const level = levelOf(own);
    if (level && level !== 'project') {
      const l = (columns[level] ??= emptyLevel());
      if (/ID$/i.test(own)) levelIds[level] ??= h.col;
      else if (isNumberHeader(own)) l.numberCols.push({ col: h.col, place: digitPlaceOf(own) });
      else l.nameCol ??= h.col;
      continue;
    }
    if (DEPARTMENT_RE.test(own)) columns.department ??= h.col;
    else if (LEGAL_RE.test(own)) columns.legalBasis ??= h.col;
    else if (PERIOD_RE.test(own)) columns.period.push(h.col);
    else if (POLICY_DIRECTION_RE.test(own)) columns.nextYearPolicy = h.col;
    else if (OVERVIEW_RE.test(own) && columns.overview === null) columns.overview = h.col;
    else ignored.push({ col: h.col, why: 'not used' });
  }
  // A level given only by an ID column ("基本事業ID") reads its number from there.
  for (const level of ['policy', 'measure', 'basic'] as const) {
    const l = columns[level];
    const id = levelIds[level];
    if (id !== null && (!l || !l.numberCols.length)) (columns[level] ??= emptyLevel()).numberCols.push({ col: id, place: null });
  }
  return { columns, indicators: [...slots.values()], values, ignored };
}

/** The year a column's header parts name (a group label above, or its own label). */
function yearOfParts(parts: readonly string[], context: YearContext): { year: HeaderYear; text: string } | null {
  for (const p of parts) {
    const y = headerYear(p, context);
    if (y) return { year: y, text: p.trim() };
  }
  return null;
}

/** 目標 / 実績 in an upper header part ("令和5年度" over "目標 | 実績" over the indicators). */
function roleInParts(parts: readonly string[]): ValueRole | null {
  for (const p of parts) {
    const r = indicatorRoleOf(p.replace(/^.*?年度/, ''));
    if (r === 'target' || r === 'actual' || r === 'combined') return r;
  }
  return null;
}
