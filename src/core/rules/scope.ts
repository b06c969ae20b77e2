/**
 * What rules walk over: the indicators of every level (a field's KPIs, a measure's and a
 * project's indicators), each with the words that name it in a message, and the projects.
 */
import { fieldKey, projectKey } from '../fieldKey';
import type { Indicator, IndicatorKind, Measure, PolicyField, Project } from '../model';
import type { RuleContext } from './types';

export const KIND_JA: Record<IndicatorKind, string> = { kpi: '指標', outcome: '成果指標', activity: '活動指標', 'target-population': '対象指標' };
export const KIND_EN: Record<IndicatorKind, string> = { kpi: 'KPI', outcome: 'outcome indicator', activity: 'activity indicator', 'target-population': 'target indicator' };

export interface IndicatorScope {
  f: PolicyField;
  m: Measure | null;
  p: Project | null;
  ind: Indicator;
  /** "政策分野9 指標1「…」" / "事業 21-1「…」 成果指標2「…」": how messages name the indicator. */
  who: string;
  whoEn: string;
  /** "<measureNo>-<projectNo>" for a project's indicator. */
  project: string | null;
  measure: string | null;
}


export function fieldWords(f: PolicyField): { ja: string; en: string } {
  if (f.id === null) return { ja: '', en: '' };
  return { ja: `${f.label ?? '政策分野'}${f.id} `, en: `Field ${f.id} ` };
}

/** How a message names an indicator: by its field (KPIs), its measure or its project, then kind, number and name. */
export function indicatorWho(f: PolicyField, m: Measure | null, p: Project | null, ind: Indicator): { ja: string; en: string } {
  if (p && m) {
    const key = projectKey(m, p);
    return { ja: `事業 ${key}「${p.name}」 ${KIND_JA[ind.kind]}${ind.no}「${ind.name}」`, en: `Project ${key} "${p.name}" ${KIND_EN[ind.kind]} ${ind.no} "${ind.name}"` };
  }
  if (m) {
    const mc = m.code ?? String(m.no);
    return { ja: `施策${mc}「${m.name}」 ${KIND_JA[ind.kind]}${ind.no}「${ind.name}」`, en: `Measure ${mc} "${m.name}" ${KIND_EN[ind.kind]} ${ind.no} "${ind.name}"` };
  }
  const fw = fieldWords(f);
  return { ja: `${fw.ja}${KIND_JA[ind.kind]}${ind.no}「${ind.name}」`.trim(), en: `${fw.en}KPI ${ind.no} "${ind.name}"`.trim() };
}

export function* allIndicators(ctx: RuleContext): Generator<IndicatorScope> {
  const scope = (f: PolicyField, m: Measure | null, p: Project | null, ind: Indicator): IndicatorScope => {
    const who = indicatorWho(f, m, p, ind);
    return { f, m, p, ind, who: who.ja, whoEn: who.en, project: p && m ? projectKey(m, p) : null, measure: m ? m.code ?? String(m.no) : null };
  };
  for (const f of ctx.fields) {
    for (const ind of f.indicators) yield scope(f, null, null, ind);
    for (const m of f.measures) {
      for (const ind of m.indicators) yield scope(f, m, null, ind);
      for (const p of m.projects) for (const ind of p.indicators) yield scope(f, m, p, ind);
    }
  }
}

export function* projects(ctx: RuleContext): Generator<{ f: PolicyField; m: Measure; p: Project; key: string }> {
  for (const f of ctx.fields) for (const m of f.measures) for (const p of m.projects) yield { f, m, p, key: projectKey(m, p) };
}

export { fieldKey };

export { projectKey };
