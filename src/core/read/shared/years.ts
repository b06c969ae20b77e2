/** Year headers and the yearly values read under them. */
import type { GridCell } from '../../grid';
import type { FinanceYear, IndicatorYear, SourceRef } from '../../model';
import { parseFiscalYear, parseNumber } from '../../normalize';

export interface YearCol {
  col: number;
  fiscalYear: number;
  label: string;
  /** 予算 / 見込み / 決算 when the header says. */
  basis: FinanceYear['basis'];
}

export function yearCols(row: GridCell[]): YearCol[] {
  const out: YearCol[] = [];
  for (const c of row) {
    const y = parseFiscalYear(c.value);
    if (y) out.push({ col: c.col, fiscalYear: y.fiscalYear, label: c.text, basis: y.basis });
  }
  return out;
}

/** One year of a KPI as read: target and actual with their states; evaluation fills the rest. */
export function indicatorYear(
  fiscalYear: number,
  label: string,
  target: GridCell | undefined,
  actual: GridCell | undefined,
  targetSource: SourceRef | null,
  actualSource: SourceRef | null,
): IndicatorYear {
  const t = parseNumber(target?.value);
  const a = parseNumber(actual?.value);
  return {
    fiscalYear,
    label,
    target: t.value,
    actual: a.value,
    targetState: t.state,
    actualState: a.state,
    actualText: a.state === 'number' || a.state === 'missing' ? null : a.text,
    achievementRate: null,
    status: null,
    targetSource,
    actualSource,
  };
}


