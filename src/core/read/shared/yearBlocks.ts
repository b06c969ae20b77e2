/**
 * Repeated column groups: the year blocks of a flat export. Columns whose header names a year
 * are grouped by that year (and basis); columns without one are cut into blocks where their
 * item sequence repeats ("国庫支出金 … 成果指標ス | 国庫支出金 … "), and the blocks are
 * numbered from the last: the last is the evaluation year, each earlier one a year before.
 */
import type { FinanceBasis } from '../../model';
import type { HeaderYear } from './headerYear';

export interface BlockColumn {
  col: number;
  /** What repeats from block to block. */
  item: string;
  year: HeaderYear | null;
  yearText: string;
}

export interface ColumnBlock<C extends BlockColumn> {
  fiscalYear: number | null;
  basis: FinanceBasis | null;
  /** For unlabelled blocks: years before the evaluation year (last block = 0). */
  yearsBeforeEvaluation: number | null;
  label: string;
  columns: C[];
}

export function yearBlocks<C extends BlockColumn>(columns: readonly C[]): ColumnBlock<C>[] {
  const sorted = [...columns].sort((a, b) => a.col - b.col);
  const labelled = new Map<string, ColumnBlock<C>>();
  const out: ColumnBlock<C>[] = [];
  const unlabelled: ColumnBlock<C>[] = [];
  let current: ColumnBlock<C> | null = null;
  for (const c of sorted) {
    if (c.year) {
      const key = `${c.year.fiscalYear}:${c.year.basis ?? ''}`;
      let b = labelled.get(key);
      if (!b) {
        b = { fiscalYear: c.year.fiscalYear, basis: c.year.basis, yearsBeforeEvaluation: null, label: c.yearText, columns: [] };
        labelled.set(key, b);
        out.push(b);
      }
      // The same item twice in one year (決算 and 予算 under one year label) stays apart.
      if (b.columns.some((x) => x.item === c.item)) {
        const alt: ColumnBlock<C> = { ...b, label: c.yearText, columns: [c] };
        labelled.set(`${key}:${c.col}`, alt);
        out.push(alt);
      } else b.columns.push(c);
      continue;
    }
    if (!current || current.columns.some((x) => x.item === c.item)) {
      current = { fiscalYear: null, basis: null, yearsBeforeEvaluation: null, label: '', columns: [] };
      unlabelled.push(current);
    }
    current.columns.push(c);
  }
  unlabelled.forEach((b, i) => {
    b.yearsBeforeEvaluation = unlabelled.length - 1 - i;
  });
  return [...out, ...unlabelled].sort((a, b) => a.columns[0].col - b.columns[0].col);
}
