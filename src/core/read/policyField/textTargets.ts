/** Targets written inside text cells ("物品/60万円以上"). */
import type { Grid, GridCell } from '../../grid';
import type { TextTarget } from '../../model';
import { htmlTables, labelKey, parseFiscalYear, parseNumber } from '../../normalize';

/** Target tables inside a text cell: "物品/60万円以上" vs "34万円" per year. */
export function readTextTargets(g: Grid, cell: GridCell): TextTarget[] {
  if (typeof cell.value !== 'string') return [];
  const out: TextTarget[] = [];
  for (const table of htmlTables(cell.value)) {
    const head = table.find((row) => row.some((t) => labelKey(t) === '目標'));
    if (!head) continue;
    const pairs: number[] = [];
    head.forEach((t, i) => {
      if (labelKey(t) === '目標' && labelKey(head[i + 1] ?? '') === '実績') pairs.push(i);
    });
    for (const row of table) {
      if (row === head) continue;
      const fy = parseFiscalYear(row[0] ?? '');
      for (const i of pairs) {
        const t = parseTextTarget(row[i] ?? '');
        if (!t) continue;
        const a = parseNumber((row[i + 1] ?? '').replace(/^.*[/／]/, ''));
        const actual = a.state === 'number' && (a.unit === t.unit || a.unit === '') ? a.value : null;
        const achieved = actual === null ? null : t.comparator === 'atLeast' ? actual >= t.target : actual <= t.target;
        out.push({
          label: row[0] ?? '',
          item: t.item,
          comparator: t.comparator,
          target: t.target,
          actual,
          unit: t.unit,
          fiscalYear: fy?.fiscalYear ?? null,
          achieved,
          achievementRate: actual === null || t.target === 0 ? null : t.comparator === 'atLeast' ? actual / t.target : actual === 0 ? null : t.target / actual,
          source: g.ref(cell.row, cell.col),
        });
      }
    }
  }
  return out;
}

export function parseTextTarget(s: string): { item: string; target: number; unit: string; comparator: 'atLeast' | 'atMost' } | null {
  const t = s.normalize('NFKC').replace(/\s+/g, '');
  const m = /^(?:(.*?)[/／:：])?([0-9][0-9,]*(?:\.[0-9]+)?)([^0-9]{0,4}?)(以上|以下|超|未満)$/.exec(t);
  if (!m) return null;
  return {
    item: m[1] ?? '',
    target: Number(m[2].replace(/,/g, '')),
    unit: m[3],
    comparator: m[4] === '以上' || m[4] === '超' ? 'atLeast' : 'atMost',
  };
}

