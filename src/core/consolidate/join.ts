/**
 * Joining the policy fields of several workbooks into the city's: the same field in two
 * workbooks (one department's KPI sheet, another's project sheets) becomes one field. Fields,
 * measures and projects are matched as the sheet joiner matches them within one workbook
 * (read/join/families.ts: numbers and codes first, names second). An indicator or project both
 * workbooks give is a collision: read once, and when their values differ the first workbook's
 * stay and the conflict is reported (rules.ts), naming both files.
 */
import { fieldKey, projectKey } from '../fieldKey';
import type { Indicator, Measure, PolicyField, Project, SourceRef } from '../model';
import { nameKey } from '../normalize';
import type { RepeatedBlock } from '../read/join/attach';
import { findField, findMeasure, findProject, mergeProject } from '../read/join/families';
import { indicatorWho } from '../rules/scope';
import { indicatorDifferences, projectDifferences } from './differences';
import type { Collision } from './types';

const fileOf = (at: SourceRef): string | null => at.file ?? null;

/** Adds one workbook's field to the city's fields. */
export function joinField(city: PolicyField[], from: PolicyField, collisions: Collision[]): void {
  const into = findField(city, from);
  if (!into) {
    city.push(from);
    return;
  }
  if (into.name && from.name && nameKey(into.name) !== nameKey(from.name)) {
    collisions.push({
      kind: 'field',
      field: into,
      keptFile: fileOf(into.source),
      otherFile: fileOf(from.source),
      who: { ja: `${into.label ?? '政策分野'}${fieldKey(into)}`, en: `Field ${fieldKey(into)}` },
      at: from.source,
      keptAt: into.source,
      differences: [{ item: 'name', fiscalYear: null, kept: into.name, other: from.name, at: from.source }],
    });
  }
  into.name ||= from.name;
  into.label ??= from.label;
  for (const k of ['goal', 'policy', 'vision', 'finalEvaluation'] as const) into[k] ||= from[k];
  // A field with KPIs but no money (a department's KPI sheet) takes the unit of the one with projects.
  if (!into.measures.some((m) => m.projects.length) && from.measures.some((m) => m.projects.length)) into.moneyUnit = from.moneyUnit;
  into.indicators = joinIndicators(into.indicators, from.indicators, (ind) => ({ who: indicatorWho(into, null, null, ind), indicator: ind.no }), into, collisions, false);
  for (const m of from.measures) joinMeasure(into, m, collisions);
  for (const r of from.relatedProjects) if (!into.relatedProjects.some((x) => nameKey(x.name) === nameKey(r.name))) into.relatedProjects.push(r);
}

function joinMeasure(field: PolicyField, m: Measure, collisions: Collision[]): void {
  const ungrouped = m.noInferred && !m.code && !m.name;
  let into = ungrouped
    ? field.measures.find((x) => x.noInferred && !x.code && !x.name)
    : findMeasure(field, { no: m.noInferred ? null : m.no, code: m.code, name: m.name, source: m.source });
  if (!into) {
    into = { ...m, indicators: [], projects: [], sheetGrades: [...m.sheetGrades] };
    field.measures.push(into);
  } else {
    into.name ||= m.name;
    into.code ??= m.code;
    into.content ||= m.content;
    into.evaluation ??= m.evaluation;
    for (const g of m.sheetGrades) if (!into.sheetGrades.some((h) => h.stage === g.stage && h.grade === g.grade)) into.sheetGrades.push(g);
  }
  const owner = into;
  const mc = owner.code ?? String(owner.no);
  owner.indicators = joinIndicators(owner.indicators, m.indicators, (ind) => ({ who: indicatorWho(field, owner, null, ind), indicator: ind.no, measure: mc }), field, collisions, true);
  for (const p of m.projects) joinProject(field, owner, p, collisions);
}

function joinProject(field: PolicyField, measure: Measure, p: Project, collisions: Collision[]): void {
  const same = findProject(field, measure, p);
  if (!same) {
    measure.projects.push(p);
    return;
  }
  const home = field.measures.find((m) => m.projects.includes(same)) ?? measure;
  const key = projectKey(home, same);
  const collision = projectCollision(field, home, same, p);
  const differences = collision.differences;
  collisions.push(collision);
  // Agreeing readings complete each other (one workbook's list row, the other's project sheet).
  const indicators = same.indicators;
  if (!differences.length) mergeProject(same, { ...p, indicators: [] });
  same.indicators = joinIndicators(indicators, p.indicators, (ind) => ({ who: indicatorWho(field, home, same, ind), indicator: ind.no, project: key, measure: home.code ?? String(home.no) }), field, collisions, true);
}

/** One project in two workbooks: the reading kept and the other one, with how they differ. */
function projectCollision(field: PolicyField, home: Measure, kept: Project, other: Project): Collision {
  const key = projectKey(home, kept);
  return {
    kind: 'project',
    field,
    keptFile: fileOf(kept.source),
    otherFile: fileOf(other.source),
    who: { ja: `事業 ${key}「${kept.name}」`, en: `Project ${key} "${kept.name}"` },
    at: other.source,
    keptAt: kept.source,
    differences: projectDifferences(kept, other),
    project: key,
    measure: home.code ?? String(home.no),
  };
}

/** A project sheet repeating a project another workbook gave in full: reported, not added twice. */
export function repeatCollision(r: RepeatedBlock): Collision {
  return projectCollision(r.field, r.measure, r.kept, r.other);
}

/** Indicators of one owner from two workbooks: one indicator when kind and name agree. */
function joinIndicators(
  have: Indicator[],
  add: Indicator[],
  describe: (ind: Indicator) => Pick<Collision, 'who' | 'indicator' | 'project' | 'measure'>,
  field: PolicyField,
  collisions: Collision[],
  renumber: boolean,
): Indicator[] {
  const out = have.slice();
  let next = out.reduce((n, i) => Math.max(n, i.no), 0);
  for (const ind of add) {
    const same = out.find((x) => x.kind === ind.kind && nameKey(x.name) === nameKey(ind.name));
    if (same) {
      collisions.push({ kind: 'indicator', field, keptFile: fileOf(same.source), otherFile: fileOf(ind.source), at: ind.source, keptAt: same.source, differences: indicatorDifferences(same, ind), ...describe(same) });
      continue;
    }
    // A field's KPI keeps its number (two KPIs with one number are a finding); others get the next free one.
    out.push(renumber && out.some((x) => x.no === ind.no) ? { ...ind, no: ++next } : ind);
    next = Math.max(next, ind.no);
  }
  return out;
}
