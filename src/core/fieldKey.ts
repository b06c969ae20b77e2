/**
 * Keys that name a policy field and a project in settings, overrides, findings and summaries:
 * a field's id ("?" when the workbook gives none); a project's own ID as written (事業番号 /
 * 事務事業ID), else "<measure no>-<project no>".
 */
import type { Measure, PolicyField, Project } from './model';

export const UNKNOWN_FIELD_KEY = '?';

export function fieldKey(f: Pick<PolicyField, 'id'>): string {
  return f.id ?? UNKNOWN_FIELD_KEY;
}

export function projectKey(m: Pick<Measure, 'no'>, p: Pick<Project, 'no' | 'projectId'>): string {
  return p.projectId ?? `${m.no}-${p.no}`;
}
