/** A layout no recognizer reads, and the hand-written profile that reads it (shared by the profile tests). */
import { SheetDraft } from '../../../bench/families/draft';
import type { LayoutProfile } from '../../../src/core/profile/types';
import type { SheetSnapshot } from '../../../src/core/snapshot';

/** KPIs with years down the rows and the indicators across, targets and actuals in two tables. */
export function twoTableSheet(): SheetSnapshot {
  const d = new SheetDraft('指標の推移');
  d.put(0, 0, '政策分野12 協働のまちづくり（指標の推移）');
  d.put(2, 0, '目標値の推移');
  d.line(3, 0, ['年度', '協働事業数', '市民活動団体数', '交通事故件数']);
  d.line(4, 0, ['令和3年度', 100, 40, 50]);
  d.line(5, 0, ['令和4年度', 110, 42, 45]);
  d.line(6, 0, ['令和5年度', 120, 44, 40]);
  d.put(9, 0, '実績値の推移');
  d.line(10, 0, ['年度', '協働事業数', '市民活動団体数', '交通事故件数']);
  d.line(11, 0, ['令和3年度', 105, 39, 48]);
  d.line(12, 0, ['令和4年度', 112, 44, 47]);
  d.line(13, 0, ['令和5年度', '集計中', 46, 38]);
  return d.snapshot();
}

export const TWO_TABLE_PROFILE: LayoutProfile = {
  profileVersion: 1,
  description: '目標と実績が別の表、年度が縦・指標が横',
  sheets: [
    {
      match: { signature: ['目標値の推移', '実績値の推移'] },
      family: 'custom',
      layout: {
        level: 'field',
        kind: 'kpi',
        owner: { id: '12', name: '協働のまちづくり' },
        tables: [
          {
            role: 'target',
            years: { anchor: '目標値の推移', dr: 2, dc: 0, rows: 'auto', cols: 1 },
            names: { anchor: '目標値の推移', dr: 1, dc: 1, rows: 1, cols: 'auto' },
            values: { anchor: '目標値の推移', dr: 2, dc: 1, rows: 'auto', cols: 'auto' },
          },
          {
            role: 'actual',
            years: { anchor: '実績値の推移', dr: 2, dc: 0, rows: 'auto', cols: 1 },
            names: { anchor: '実績値の推移', dr: 1, dc: 1, rows: 1, cols: 'auto' },
            values: { anchor: '実績値の推移', dr: 2, dc: 1, rows: 'auto', cols: 'auto' },
          },
        ],
      },
    },
  ],
};

