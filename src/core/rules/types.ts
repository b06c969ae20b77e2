/** What a rule is: data (id, severity, titles, messages) and a check over the read model. */
import type { Grid } from '../grid';
import type { PolicyField, Severity, SourceRef } from '../model';
import type { SheetSnapshot } from '../snapshot';
import type { ProfileNote } from '../read/types';

export interface RuleContext {
  fields: PolicyField[];
  grids: Grid[];
  /** Every sheet of the workbook as read (sheet-level rules: merges, marks). */
  sheets?: SheetSnapshot[];
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

export interface Rule {
  id: string;
  severity: Severity;
  title: { ja: string; en: string };
  message: { ja: (p: Record<string, string | number>) => string; en: (p: Record<string, string | number>) => string };
  check: (ctx: RuleContext) => Draft[];
}
