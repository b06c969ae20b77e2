/** What joining several workbooks found: the same field, indicator or project given twice. */
import type { PolicyField, SourceRef } from '../model';
import type { Difference } from './differences';

export interface Collision {
  /** field: one policy field number with two names; indicator / project: one item in two workbooks. */
  kind: 'field' | 'indicator' | 'project';
  field: PolicyField;
  /** The workbook whose reading was kept (the first given) and the other one. */
  keptFile: string | null;
  otherFile: string | null;
  /** How messages name the item: "指標2「…」" / 'KPI 2 "…"'. */
  who: { ja: string; en: string };
  /** The other workbook's cell of the item. */
  at: SourceRef;
  /** The kept reading's cell. */
  keptAt: SourceRef;
  differences: Difference[];
  indicator?: number | null;
  project?: string | null;
  measure?: string | null;
}

export interface JoinContext {
  collisions: Collision[];
}
