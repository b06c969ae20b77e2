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
  const bare: C[] = [];
  for (const c of sorted) {
    if (!c.year) {
      bare.push(c);
      continue;
    }
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
  }
  unlabelled.push(...repeatedBlocks(bare));
  unlabelled.forEach((b, i) => {
    b.yearsBeforeEvaluation = unlabelled.length - 1 - i;
  });
  return [...out, ...unlabelled].sort((a, b) => a.columns[0].col - b.columns[0].col);
}

/**
 * Unlabelled columns cut into blocks: the blocks are as many as the items that repeat most
 * regularly say (the mode of the occurrence counts); block k starts at the k-th occurrence of
 * those items. A column before the first block (a total of some other group) is left out.
 */
function repeatedBlocks<C extends BlockColumn>(bare: C[]): ColumnBlock<C>[] {
  if (!bare.length) return [];
  const byItem = new Map<string, C[]>();
  for (const c of bare) byItem.set(c.item, [...(byItem.get(c.item) ?? []), c]);
  const counts = new Map<number, number>();
  for (const list of byItem.values()) counts.set(list.length, (counts.get(list.length) ?? 0) + 1);
  // The most common count, the larger on a tie (one item each of many columns is not a block).
  const n = [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0][0];
  const regular = [...byItem.values()].filter((l) => l.length === n);
  const starts = Array.from({ length: n }, (_, k) => Math.min(...regular.map((l) => l[k].col)));
  const blocks: ColumnBlock<C>[] = starts.map(() => ({ fiscalYear: null, basis: null, yearsBeforeEvaluation: null, label: '', columns: [] }));
  for (const c of bare) {
    let k = -1;
    for (let i = 0; i < starts.length && starts[i] <= c.col; i++) k = i;
    if (k < 0 || blocks[k].columns.some((x) => x.item === c.item)) continue;
    blocks[k].columns.push(c);
  }
  return blocks.filter((b) => b.columns.length);
}
