/**
 * The tables of a form-like sheet segment: each year axis heads a table that runs to the next
 * axis (or its title); the rows under it say whether it is a money table (事業費, 一般財源…) or
 * an indicator table (目標 / 実績 rows, 成果 / 活動 / 対象 labels). The title above an axis gives
 * an indicator table its kind and a money table its unit.
 */
import type { Grid } from '../../grid';
import type { IndicatorKind } from '../../model';
import type { YearContext } from './headerYear';
import { moneyItemOfRow } from './moneyTable';
import { tableKind, type FormOverrides } from './overrides';
import { yearAxes, type YearAxis } from './yearAxis';
import { indicatorKindOf, indicatorRoleOf, termKey } from './terms';

export interface SheetTable {
  axis: YearAxis;
  type: 'money' | 'indicator';
  /** Rows of the table: [after its header, end). */
  end: number;
  /** Rows above the axis that title it. */
  titleRows: number[];
  /** The indicator kind the title or the axis row names. */
  kind: IndicatorKind | null;
  /** The title says the rows combine actuals and plans (「実績値・計画値」). */
  combined: boolean;
}

const TITLE_LOOKBACK = 3;

export function sheetTables(g: Grid, from: number, to: number, context: YearContext, overrides?: FormOverrides): SheetTable[] {
  const axes = yearAxes(g, from, to, context);
  const out: SheetTable[] = [];
  axes.forEach((axis, i) => {
    const next = i + 1 < axes.length ? axes[i + 1].row : to;
    const prevEnd = i > 0 ? (axes[i - 1].subRow ?? axes[i - 1].row) + 1 : from;
    const titleRows = g.nonEmptyRows(Math.max(prevEnd, axis.row - TITLE_LOOKBACK), axis.row);
    // A table ends where the next one's title starts.
    const nextTitle = i + 1 < axes.length ? Math.min(next, ...g.nonEmptyRows(Math.max(axis.row + 1, next - TITLE_LOOKBACK), next).filter((r) => isTitleRow(g, r))) : to;
    const end = Math.min(next, nextTitle);
    let money = 0;
    let indicator = 0;
    for (const r of g.nonEmptyRows((axis.subRow ?? axis.row) + 1, end)) {
      if (moneyItemOfRow(g, r, axis, overrides)) money++;
      for (const c of g.row(r)) {
        if (c.text.length > 30) continue;
        const k = termKey(c.text);
        const role = indicatorRoleOf(k);
        if (role === 'target' || role === 'actual' || role === 'combined' || (indicatorKindOf(k) && k.length <= 12)) indicator++;
      }
    }
    let kind: IndicatorKind | null = null;
    let combined = false;
    for (const r of [...titleRows, axis.row]) {
      for (const c of g.row(r)) {
        if (c.text.length > 40) continue;
        const k = termKey(c.text);
        kind = tableKind(k, overrides) ?? indicatorKindOf(k) ?? kind;
        if (indicatorRoleOf(k) === 'combined') combined = true;
      }
    }
    if (axis.subRow !== null) indicator += axis.columns.length;
    if (!money && !indicator && !kind) return;
    const type = money > indicator + (kind ? 1 : 0) ? 'money' : 'indicator';
    out.push({ axis, type, end, titleRows, kind, combined });
  });
  return out;
}

/** A row that only titles what follows: one or two short texts, no values. */
function isTitleRow(g: Grid, r: number): boolean {
  const row = g.row(r);
  return row.length <= 2 && row.every((c) => typeof c.value === 'string' && c.text.length <= 30) && row.some((c) => indicatorKindOf(termKey(c.text)) || /事業費|コスト|財源|指標/.test(c.text));
}
