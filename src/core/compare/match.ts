/**
 * Matching last year's model to this year's: policy fields, measures, indicators and projects,
 * each pair with the reason it was made and a confidence. As the sheet joiner (read/join/
 * families.ts) decides what is one project, numbers and codes come first, names second: an ID
 * decides alone (two IDs that differ are two projects); a code or number needs a name that is at
 * least somewhat alike; then the same name; then the most similar name above a threshold — so a
 * renamed project is one project with a note, not an end and a start.
 */
import { projectKey } from '../fieldKey';
import type { Indicator, Measure, PolicyField, Project } from '../model';
import { nameKey } from '../normalize';
import { normalizeCode } from '../read/shared/codes';
import { similarity } from './similarity';
import type { MatchReason } from './types';

/** A code or number match needs names at least this alike (the same number reused for something else is not a match). */
export const KEY_NAME_MIN = 0.3;
/** Names at least this alike match without any number. */
export const SIMILAR_NAME_MIN = 0.6;

export interface Matchable {
  id?: string | null;
  code?: string | null;
  /** The item's number as its level writes it ("3", "2-1"). */
  no?: string | null;
  name: string;
  /** Items match only within one group (an indicator's kind). */
  group?: string;
}

export interface Pair<T> {
  last: T;
  this: T;
  reason: MatchReason;
  confidence: number;
}

const round2 = (x: number) => Math.round(x * 100) / 100;
/** A key match: certain with the same name, less so as the names drift apart. */
const keyConfidence = (sim: number) => (sim === 1 ? 1 : round2(0.6 + 0.4 * sim));

/** Pairs items of two lists, pass by pass; what no pass pairs is removed (last) or added (this). */
export function matchItems<T>(last: readonly T[], current: readonly T[], keyOf: (x: T) => Matchable): { pairs: Pair<T>[]; removed: T[]; added: T[] } {
  const L = last.map((item) => ({ item, k: keyOf(item), done: false }));
  const C = current.map((item) => ({ item, k: keyOf(item), done: false }));
  const pairs: Pair<T>[] = [];
  const sims = new Map<string, number>();
  const sim = (i: number, j: number) => {
    const key = `${i}:${j}`;
    let s = sims.get(key);
    if (s === undefined) sims.set(key, (s = similarity(L[i].k.name, C[j].k.name)));
    return s;
  };
  const compatible = (i: number, j: number) => {
    const a = L[i].k;
    const b = C[j].k;
    return (a.group ?? '') === (b.group ?? '') && (!a.id || !b.id || a.id === b.id);
  };
  const pass = (reason: MatchReason, test: (i: number, j: number) => number | null) => {
    L.forEach((l, i) => {
      if (l.done) return;
      let best = -1;
      let bestConf = 0;
      C.forEach((c, j) => {
        if (c.done || !compatible(i, j)) return;
        const conf = test(i, j);
        if (conf !== null && conf > bestConf) [best, bestConf] = [j, conf];
      });
      if (best < 0) return;
      l.done = true;
      C[best].done = true;
      pairs.push({ last: l.item, this: C[best].item, reason, confidence: bestConf });
    });
  };
  pass('id', (i, j) => (L[i].k.id && L[i].k.id === C[j].k.id ? 1 : null));
  const codeOf = (k: Matchable) => (k.code ? normalizeCode(k.code) : '');
  pass('code', (i, j) => (codeOf(L[i].k) && codeOf(L[i].k) === codeOf(C[j].k) && sim(i, j) >= KEY_NAME_MIN ? keyConfidence(sim(i, j)) : null));
  pass('number', (i, j) => (L[i].k.no && L[i].k.no === C[j].k.no && sim(i, j) >= KEY_NAME_MIN ? keyConfidence(sim(i, j)) : null));
  pass('name', (i, j) => (nameKey(L[i].k.name) === nameKey(C[j].k.name) ? 0.95 : null));
  // Most alike first, so a near-twin is not taken by a weaker candidate.
  const similar: [number, number, number][] = [];
  L.forEach((l, i) => !l.done && C.forEach((c, j) => !c.done && compatible(i, j) && sim(i, j) >= SIMILAR_NAME_MIN && similar.push([i, j, sim(i, j)])));
  similar.sort((a, b) => b[2] - a[2] || a[0] - b[0] || a[1] - b[1]);
  for (const [i, j, s] of similar) {
    if (L[i].done || C[j].done) continue;
    L[i].done = C[j].done = true;
    pairs.push({ last: L[i].item, this: C[j].item, reason: 'similar-name', confidence: round2(0.9 * s) });
  }
  return { pairs, removed: L.filter((x) => !x.done).map((x) => x.item), added: C.filter((x) => !x.done).map((x) => x.item) };
}

/** Where an indicator sits: a field's KPI, a measure's or a project's indicator. */
export interface IndicatorAt {
  f: PolicyField;
  m: Measure | null;
  p: Project | null;
  ind: Indicator;
}

export interface ProjectAt {
  f: PolicyField;
  m: Measure;
  p: Project;
}

export interface CompareContext {
  fields: Pair<PolicyField>[];
  indicators: { last: IndicatorAt; this: IndicatorAt; reason: MatchReason; confidence: number }[];
  projects: { last: ProjectAt; this: ProjectAt; reason: MatchReason; confidence: number }[];
  addedIndicators: IndicatorAt[];
  removedIndicators: IndicatorAt[];
  addedProjects: ProjectAt[];
  endedProjects: ProjectAt[];
  costThreshold: number;
}

const fieldMatchable = (f: PolicyField): Matchable => ({ no: f.id, name: f.name });
const measureMatchable = (m: Measure): Matchable => ({ code: m.code, no: m.noInferred ? null : String(m.no), name: m.name });
const indicatorMatchable = (i: Indicator): Matchable => ({ no: String(i.no), name: i.name, group: i.kind });
const projectMatchable = ({ m, p }: ProjectAt): Matchable => ({ id: p.projectId, code: p.code, no: p.noInferred || m.noInferred ? null : projectKey(m, p), name: p.name });

const projectsOf = (fields: PolicyField[]): ProjectAt[] => fields.flatMap((f) => f.measures.flatMap((m) => m.projects.map((p) => ({ f, m, p }))));

export function matchModels(last: PolicyField[], current: PolicyField[], costThreshold: number): CompareContext {
  const ctx: CompareContext = { fields: [], indicators: [], projects: [], addedIndicators: [], removedIndicators: [], addedProjects: [], endedProjects: [], costThreshold };
  const fields = matchItems(last, current, fieldMatchable);
  ctx.fields = fields.pairs;

  const addIndicators = (l: IndicatorAt[], c: IndicatorAt[]) => {
    const r = matchItems(l, c, (x) => indicatorMatchable(x.ind));
    for (const p of r.pairs) ctx.indicators.push({ last: p.last, this: p.this, reason: p.reason, confidence: p.confidence });
    ctx.removedIndicators.push(...r.removed);
    ctx.addedIndicators.push(...r.added);
  };
  const at = (f: PolicyField, m: Measure | null, p: Project | null) => (ind: Indicator): IndicatorAt => ({ f, m, p, ind });

  // A project keeps its ID wherever it moves: IDs pair across the whole city first.
  const byId = matchItems(
    projectsOf(last).filter((x) => x.p.projectId),
    projectsOf(current).filter((x) => x.p.projectId),
    (x) => ({ id: x.p.projectId, name: x.p.name, group: 'id' }),
  );
  const pairedLast = new Set(byId.pairs.map((x) => x.last.p));
  const pairedThis = new Set(byId.pairs.map((x) => x.this.p));
  ctx.projects.push(...byId.pairs);

  for (const fp of fields.pairs) {
    addIndicators(fp.last.indicators.map(at(fp.last, null, null)), fp.this.indicators.map(at(fp.this, null, null)));
    const measures = matchItems(fp.last.measures, fp.this.measures, measureMatchable);
    for (const mp of measures.pairs) addIndicators(mp.last.indicators.map(at(fp.last, mp.last, null)), mp.this.indicators.map(at(fp.this, mp.this, null)));
    for (const m of measures.removed) ctx.removedIndicators.push(...m.indicators.map(at(fp.last, m, null)));
    for (const m of measures.added) ctx.addedIndicators.push(...m.indicators.map(at(fp.this, m, null)));
    const projects = matchItems(
      projectsOf([fp.last]).filter((x) => !pairedLast.has(x.p)),
      projectsOf([fp.this]).filter((x) => !pairedThis.has(x.p)),
      projectMatchable,
    );
    ctx.projects.push(...projects.pairs);
    ctx.endedProjects.push(...projects.removed);
    ctx.addedProjects.push(...projects.added);
  }
  // Projects of a field only one year has, and those an ID did not pair elsewhere.
  for (const f of fields.removed) {
    ctx.removedIndicators.push(...f.indicators.map(at(f, null, null)), ...f.measures.flatMap((m) => m.indicators.map(at(f, m, null))));
    ctx.endedProjects.push(...projectsOf([f]).filter((x) => !pairedLast.has(x.p)));
  }
  for (const f of fields.added) {
    ctx.addedIndicators.push(...f.indicators.map(at(f, null, null)), ...f.measures.flatMap((m) => m.indicators.map(at(f, m, null))));
    ctx.addedProjects.push(...projectsOf([f]).filter((x) => !pairedThis.has(x.p)));
  }
  for (const pp of ctx.projects) addIndicators(pp.last.p.indicators.map(at(pp.last.f, pp.last.m, pp.last.p)), pp.this.p.indicators.map(at(pp.this.f, pp.this.m, pp.this.p)));
  return ctx;
}
