/**
 * Corrections a layout profile makes to a form sheet's automatic reading: which row label is
 * which money item, which label holds a header field, which kind a titled table's indicators
 * are. Keys are labels as written; they are compared as termKeys.
 */
import type { FinanceItem, IndicatorKind } from '../../model';
import { financeItemOf, termKey } from './terms';

export type FormField = 'projectId' | 'department' | 'legalBasis' | 'period' | 'overview' | 'nextYearPolicy' | 'policy' | 'measureName' | 'measureCode' | 'basic';

export interface FormOverrides {
  /** The fiscal year evaluated, pinned by the user (else the sheet's title or labels say). */
  evaluationYear?: number;
  moneyRows?: Record<string, FinanceItem | 'ignore'>;
  fields?: Partial<Record<FormField, string>>;
  tableKinds?: Record<string, IndicatorKind>;
}

const normalized = new WeakMap<object, Map<string, string>>();

function lookup<T extends string>(map: Record<string, T> | undefined, key: string): T | undefined {
  if (!map) return undefined;
  let n = normalized.get(map);
  if (!n) {
    n = new Map(Object.entries(map).map(([k, v]) => [termKey(k), v]));
    normalized.set(map, n);
  }
  return n.get(key) as T | undefined;
}

/** The money item of a row label: the profile's word first, then the vocabulary. */
export function moneyItem(key: string, o: FormOverrides | undefined): FinanceItem | null {
  const hit = lookup(o?.moneyRows, key);
  if (hit === 'ignore') return null;
  return hit ?? financeItemOf(key);
}

/** The indicator kind the profile gives a table title, if any. */
export function tableKind(key: string, o: FormOverrides | undefined): IndicatorKind | undefined {
  return lookup(o?.tableKinds, key);
}

/** A header field's label pattern: the profile's exact label, else the vocabulary's pattern. */
export function fieldPattern(field: FormField, vocabulary: RegExp, o: FormOverrides | undefined): RegExp {
  const label = o?.fields?.[field];
  if (!label) return vocabulary;
  const key = termKey(label).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${key}$`);
}
