/**
 * A sheet's place in the plan: 政策 / 施策 / 基本事業 as form values ("1 健康で…", "1-2 地域医療の
 * 充実", 施策№ "6-4-1") turned into the field and measure they name and the code path.
 */
import type { BasicProject } from '../../model';
import type { FieldRef, MeasureRef } from '../types';
import { lastNumber, leadingNumber, normalizeCode } from './codes';
import type { FormValue } from './form';

export interface HierarchyValues {
  policy: FormValue | null;
  measure: FormValue | null;
  measureCode: FormValue | null;
  basic: FormValue | null;
  /** The word of the policy label (政策 / 政策分野 / 基本目標). */
  policyLabel?: string;
}

export interface Place {
  field: FieldRef;
  measure: MeasureRef | null;
  basic: BasicProject | null;
  /** The project's code: the measure's code, with the 基本事業 number when there is one. */
  code: string | null;
}

/** "1-1-2 子育て支援" → {no: "1-1-2", name: "子育て支援"}; a name without a number stays a name. */
function split(v: FormValue | null): { no: string; name: string } {
  if (!v) return { no: '', name: '' };
  const text = v.text.trim();
  const lead = leadingNumber(text);
  if (lead) return { no: lead.no, name: lead.rest };
  if (/^[0-9０-９]+(?:[-－ー‐−_.．][0-9０-９]+)*$/.test(text.replace(/\s+/g, ''))) return { no: normalizeCode(text), name: '' };
  return { no: '', name: text };
}

export function placeOf(h: HierarchyValues): Place {
  const policy = split(h.policy);
  const measure = split(h.measure);
  const code = split(h.measureCode);
  const basic = split(h.basic);
  // The measure's number path: 施策№ as written, else 施策 "1-2" (already holding the field), else 政策-施策.
  let measureCode = code.no || '';
  if (!measureCode && measure.no) measureCode = measure.no.includes('-') || !policy.no ? measure.no : `${policy.no}-${measure.no}`;
  const fieldId = policy.no || (measureCode.includes('-') ? measureCode.split('-')[0] : '') || null;
  const measureName = measure.name || code.name;
  const measureRef: MeasureRef | null =
    measureCode || measureName
      ? { no: measureCode ? lastNumber(measureCode) : null, code: measureCode || null, name: measureName, source: (h.measure ?? h.measureCode)?.source ?? null }
      : null;
  const basicRef: BasicProject | null = basic.no || basic.name ? { no: basic.no, name: basic.name, source: h.basic?.source ?? null } : null;
  const projectCode = measureCode ? (basicRef?.no && !basicRef.no.includes('-') ? `${measureCode}-${basicRef.no}` : basicRef?.no || measureCode) : basicRef?.no || null;
  return {
    field: { id: fieldId, name: policy.name, label: h.policyLabel ?? (policy.no || policy.name ? '政策' : ''), source: h.policy?.source ?? null },
    measure: measureRef,
    basic: basicRef,
    code: projectCode,
  };
}
