/** The policyField family's sheet classifier. */
import type { Grid } from '../../grid';
import type { SheetInfo, SheetKind } from '../../model';
import type { WorkbookSnapshot } from '../../snapshot';
import { hasAnyLabel } from '../shared/cells';
import type { ParseOptions } from '../types';
import { blockRows } from './blockRows';
import { headingsOf } from './headings';
import { listHeaderRow } from './list';

/** Gives each sheet a kind and the reason for it. */
export function classifySheets(snapshot: WorkbookSnapshot, grids: Grid[], options: ParseOptions): SheetInfo[] {
  return grids.map((g, i): SheetInfo => {
    const sheet = snapshot.sheets[i];
    const info = (kind: SheetKind, reason: string, reasonJa: string, policyFields?: string[]): SheetInfo =>
      policyFields ? { name: g.name, kind, reason, reasonJa, policyFields } : { name: g.name, kind, reason, reasonJa };
    const override = options.sheetKinds?.[g.name];
    if (override) return info(override, `kind set by the user (${override})`, `種類を利用者が指定（${override}）`);
    if (sheet.ownedByHyoka) return info('hyokaSummary', 'a summary sheet written by Hyōka (ownership mark)', 'Hyōka が作成したサマリーシート（作成の印あり）');
    // A copied or renamed summary sheet is the user's (src/core/ownership.ts): kept, but not a source.
    if (sheet.keptMark) return info('unknown', `carries Hyōka's summary mark but is yours (${sheet.keptMark}): kept, not read`, `Hyōka のサマリーの印があるが利用者のシート（${sheet.keptMark}）: 残し、読み取らない`);
    if (g.cellCount === 0) return info('empty', 'the sheet holds no values', '値のないシート');
    const isStructural = () => hasAnyLabel(g, ['kpiSection', 'projectList', 'measureEval', 'finance']) || blockRows(g).length > 0;
    const headings = headingsOf(g, isStructural);
    if (headings.length && isStructural()) {
      const ids = [...new Set(headings.map((h) => h.id))];
      const h = headings[0];
      if (h.row < 0) {
        return info(
          'policyField',
          `no heading cell; the sheet name says 政策分野${h.id} and the sheet has a KPI table or project list`,
          `見出しのセルはないが、シート名が政策分野${h.id}で、指標表または事務事業一覧がある`,
          ids,
        );
      }
      const at = g.ref(h.row, h.col).address;
      const more = ids.length - 1;
      return info(
        'policyField',
        `heading 政策分野${h.id} ${h.name} at ${at}${more ? ` (+${more} more fields)` : ''}`,
        `見出し「政策分野${h.id} ${h.name}」（${at}）${more ? `ほか${more}分野` : ''}`,
        ids,
      );
    }
    const blocks = blockRows(g);
    if (blocks.length) {
      const at = g.ref(blocks[0].row, blocks[0].label.col).address;
      return info(
        'projectDetails',
        `${blocks.length} project blocks (事業名 at ${at}) without a 政策分野 heading`,
        `政策分野の見出しのない事業シート ${blocks.length} 件（事業名: ${at}）`,
      );
    }
    const lh = listHeaderRow(g, 0, g.rowCount);
    if (lh !== null) {
      return info('projectList', `a 事務事業一覧 header at row ${lh + 1} without a 政策分野 heading`, `政策分野の見出しのない事務事業一覧（${lh + 1}行目）`);
    }
    if (headings.length) {
      return info(
        'unknown',
        `mentions 政策分野${headings[0].id} but has no KPI table, project list or project block`,
        `政策分野${headings[0].id}の記載はあるが、指標表・事務事業一覧・事業シートがない`,
      );
    }
    return info('unknown', 'no 政策分野 heading, KPI table, project list or project block found', '政策分野の見出し・指標表・事務事業一覧・事業シートが見つからない');
  });
}

