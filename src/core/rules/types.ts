/** What a rule is: data (id, severity, titles, messages) and a check over the read model. */
import type { Grid } from '../grid';
import type { PolicyField, Severity, SourceRef } from '../model';
import type { SheetSnapshot } from '../snapshot';
import type { ProfileNote } from '../read/types';

export interface RuleContext {
  fields: PolicyField[];
  grids: Grid[];
  /** Every sheet of the workbook as read (sheet-level rules: merges, marks); `file` when several workbooks are joined. */
  sheets?: (SheetSnapshot & { file?: string })[];
  /** Where a layout profile did not fit the workbook. */
  notes?: ProfileNote[];
}

export interface Draft {
  at: SourceRef;
  params: Record<string, string | number>;
  policyField?: string | null;
  indicator?: number | null;
  project?: string | null;
  measure?: string | null;
  fiscalYear?: number | null;
}

/**
 * A rule of any catalog, as data: the validation rules check the read model (RuleContext);
 * consolidation and year-over-year rules check what joining or comparing found (their own contexts).
 */
export interface CatalogRule<C, D extends Draft = Draft> {
  id: string;
  severity: Severity;
  title: { ja: string; en: string };
  message: { ja: (p: Record<string, string | number>) => string; en: (p: Record<string, string | number>) => string };
  check: (ctx: C) => D[];
}

export type Rule = CatalogRule<RuleContext>;
