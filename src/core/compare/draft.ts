/** What a year-over-year rule reports, and the words its messages share. */
import { fieldKey, projectKey } from '../fieldKey';
import type { Direction, Severity, SourceRef } from '../model';
import { indicatorWho } from '../rules/scope';
import type { Draft } from '../rules/types';
import type { IndicatorAt, ProjectAt } from './match';
import type { ChangeItem, DiffLevel, MatchReason } from './types';

export interface CompareDraft extends Draft {
  /** Lower than the rule's own severity when the change is benign (a raised target). */
  severity?: Severity;
  level: DiffLevel;
  name: string;
  item: ChangeItem;
  old: number | string | null;
  new: number | string | null;
  last: SourceRef | null;
  this: SourceRef | null;
  match: { reason: MatchReason; confidence: number } | null;
}

/** Where a change is, and the words its messages name it by. */
export type Place = Pick<CompareDraft, 'policyField' | 'indicator' | 'project' | 'measure' | 'level' | 'name'> & { who: string; whoEn: string };

export const levelOf = (x: Pick<IndicatorAt, 'm' | 'p'>): DiffLevel => (x.p ? 'projectIndicator' : x.m ? 'measureIndicator' : 'kpi');

/** The draft fields that place an indicator: its field, measure, project, number and name. */
export function indicatorPlace(x: IndicatorAt): Place {
  const who = indicatorWho(x.f, x.m, x.p, x.ind);
  return {
    policyField: x.f.id,
    indicator: x.ind.no,
    project: x.p && x.m ? projectKey(x.m, x.p) : null,
    measure: x.m ? x.m.code ?? String(x.m.no) : null,
    level: levelOf(x),
    name: x.ind.name,
    who: who.ja,
    whoEn: who.en,
  };
}

export function projectPlace(x: ProjectAt): Place {
  const key = projectKey(x.m, x.p);
  const field = x.f.id === null ? '' : `${x.f.label ?? '政策分野'}${fieldKey(x.f)} `;
  return {
    policyField: x.f.id,
    indicator: null,
    project: key,
    measure: x.m.code ?? String(x.m.no),
    level: 'project',
    name: x.p.name,
    who: `${field}事業 ${key}「${x.p.name}」`,
    whoEn: `${x.f.id === null ? '' : `Field ${x.f.id} `}project ${key} "${x.p.name}"`,
  };
}

/** A target change that asks less of the city: lower for an increase or maintain target, higher for a decrease target. */
export function eases(direction: Direction | null, oldValue: number, newValue: number): boolean {
  return direction === 'decrease' ? newValue > oldValue : newValue < oldValue;
}

/** An indicator or project only one of the two years has: at its own cell, its name as the old or new value. */
export function onlyInOneYear(
  place: Place,
  source: SourceRef,
  item: 'indicator' | 'project',
  side: 'last' | 'this',
): CompareDraft {
  const { who, whoEn, ...rest } = place;
  return {
    ...rest,
    at: source,
    last: side === 'last' ? source : null,
    this: side === 'this' ? source : null,
    item,
    old: side === 'last' ? place.name : null,
    new: side === 'this' ? place.name : null,
    fiscalYear: null,
    match: null,
    params: { who, whoEn },
  };
}
