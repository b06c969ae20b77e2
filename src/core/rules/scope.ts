/**
 * What rules walk over: the indicators of every level (a field's KPIs, a measure's and a
 * project's indicators), each with the words that name it in a message, and the projects.
 */
import { fieldKey, projectKey } from '../fieldKey';
import type { Indicator, IndicatorKind, Measure, PolicyField, Project } from '../model';
import type { RuleContext } from './types';

const KIND_JA: Record<IndicatorKind, string> = { kpi: '指標', outcome: '成果指標', activity: '活動指標', 'target-population': '対象指標' };
const KIND_EN: Record<IndicatorKind, string> = { kpi: 'KPI', outcome: 'outcome indicator', activity: 'activity indicator', 'target-population': 'target indicator' };

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


function fieldWords(f: PolicyField): { ja: string; en: string } {
  if (f.id === null) return { ja: '', en: '' };
  return { ja: `${f.label ?? '政策分野'}${f.id} `, en: `Field ${f.id} ` };
}

export function* allIndicators(ctx: RuleContext): Generator<IndicatorScope> {
  for (const f of ctx.fields) {
    const fw = fieldWords(f);
    for (const ind of f.indicators) {
      yield { f, m: null, p: null, ind, who: `${fw.ja}${KIND_JA[ind.kind]}${ind.no}「${ind.name}」`.trim(), whoEn: `${fw.en}KPI ${ind.no} "${ind.name}"`.trim(), project: null, measure: null };
    }
    for (const m of f.measures) {
      const mc = m.code ?? String(m.no);
      for (const ind of m.indicators) {
        yield {
          f,
          m,
          p: null,
          ind,
          who: `施策${mc}「${m.name}」 ${KIND_JA[ind.kind]}${ind.no}「${ind.name}」`,
          whoEn: `Measure ${mc} "${m.name}" ${KIND_EN[ind.kind]} ${ind.no} "${ind.name}"`,
          project: null,
          measure: mc,
        };
      }
      for (const p of m.projects) {
        const key = projectKey(m, p);
        for (const ind of p.indicators) {
          yield {
            f,
            m,
            p,
            ind,
            who: `事業 ${key}「${p.name}」 ${KIND_JA[ind.kind]}${ind.no}「${ind.name}」`,
            whoEn: `Project ${key} "${p.name}" ${KIND_EN[ind.kind]} ${ind.no} "${ind.name}"`,
            project: key,
            measure: m.code ?? String(m.no),
          };
        }
      }
    }
  }
}

export function* projects(ctx: RuleContext): Generator<{ f: PolicyField; m: Measure; p: Project; key: string }> {
  for (const f of ctx.fields) for (const m of f.measures) for (const p of m.projects) yield { f, m, p, key: projectKey(m, p) };
}

export { fieldKey };

export { projectKey };
