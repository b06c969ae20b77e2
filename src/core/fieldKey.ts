/** A policy field's key for settings, overrides and messages: its id, or "?" when the workbook gives none. */
import type { PolicyField } from './model';

export const UNKNOWN_FIELD_KEY = '?';

export function fieldKey(f: Pick<PolicyField, 'id'>): string {
  return f.id ?? UNKNOWN_FIELD_KEY;
}
