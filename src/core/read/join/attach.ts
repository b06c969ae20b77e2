/** Joining a field's project list and its project blocks into measures and projects. */
import type { Grid } from '../../grid';
import type { Measure, PolicyField, Project, SourceRef } from '../../model';
import { nameKey } from '../../normalize';
import type { ListEntry, ParsedBlock } from '../types';
import { emptyMeasure, emptyProject } from '../shared/factories';

/** Which field a separate list/detail sheet belongs to: its own heading, its name, a name match, or the only field. */
export function fieldFor(g: Grid, fields: PolicyField[], names: string[]): PolicyField | null {
  if (!fields.length) return null;
  for (const r of g.nonEmptyRows(0, Math.min(g.rowCount, 10))) {
    for (const c of g.row(r)) {
      const m = /政策分野\s*([0-9]{1,3})/.exec(c.text.normalize('NFKC'));
      if (m) {
        const f = fields.find((x) => x.id === m[1]);
        if (f) return f;
      }
    }
  }
  const byName = /(?:政策分野|分野)\s*([0-9]{1,3})|^([0-9]{1,3})(?:\D|$)/.exec(g.name.normalize('NFKC'));
  if (byName) {
    const f = fields.find((x) => x.id === (byName[1] ?? byName[2]));
    if (f) return f;
  }
  if (fields.length === 1) return fields[0];
  let best: PolicyField | null = null;
  let bestHits = 0;
  const keys = new Set(names.map(nameKey));
  for (const f of fields) {
    let hits = 0;
    for (const m of f.measures) for (const p of m.projects) if (keys.has(nameKey(p.name)) || (p.listName && keys.has(nameKey(p.listName)))) hits++;
    if (hits > bestHits) {
      best = f;
      bestHits = hits;
    }
  }
  return best;
}


/** A project block whose project the field already has in full (another workbook's project sheet). */
export interface RepeatedBlock {
  field: PolicyField;
  measure: Measure;
  kept: Project;
  /** The block read as a project of its own, for comparing with the one kept. */
  other: Project;
}

/**
 * Joins list entries and blocks into the field. With `repeats`, a block for a project that already
 * has its detail is not added a second time but reported there (consolidation names both files).
 */
export function attachProjects(field: PolicyField, list: ListEntry[], blocks: ParsedBlock[], repeats?: RepeatedBlock[]): void {
  const measureFor = (no: number | null, name: string, source: SourceRef): Measure => {
    let m = no !== null ? field.measures.find((x) => x.no === no) : field.measures.find((x) => nameKey(x.name) === nameKey(name));
    if (!m) {
      m = emptyMeasure(no ?? field.measures.length + 1, name, source);
      field.measures.push(m);
    }
    return m;
  };
  for (const e of list) {
    const m = measureFor(e.measureNo, e.measureName, e.source);
    if (m.projects.some((p) => p.no === e.no)) continue;
    m.projects.push({
      ...emptyProject(e.no, e.name, e.source, field.moneyUnit),
      listName: e.name,
      department: e.department,
      nextYearPolicy: e.nextYearPolicy,
      flags: { logicModel: e.logicModel, priority: e.priority, populationDecline: e.population },
      sdgs: e.sdgs,
      inList: true,
      listSource: e.source,
    });
  }
  for (const b of blocks) {
    let m: Measure | undefined;
    let p: Project | undefined;
    if (b.measureNo !== null || b.measureName) m = measureFor(b.measureNo, b.measureName, b.source);
    if (m && b.no !== null) p = m.projects.find((x) => x.no === b.no && !x.hasDetail);
    if (!p) {
      // No number or no measure: match by name across the field.
      for (const mm of m ? [m] : field.measures) {
        p = mm.projects.find((x) => !x.hasDetail && x.listName !== null && nameKey(x.listName) === nameKey(b.name));
        if (p) {
          m = mm;
          break;
        }
      }
    }
    if (!p && repeats) {
      const done = detailedTwin(field, m, b);
      if (done) {
        const other = emptyProject(b.no ?? done.project.no, b.name, b.source, b.unit);
        fillFromBlock(other, b);
        repeats.push({ field, measure: done.measure, kept: done.project, other });
        continue;
      }
    }
    if (!m) m = measureFor(null, '', b.source);
    if (!p) {
      p = emptyProject(b.no ?? m.projects.reduce((n, x) => Math.max(n, x.no), 0) + 1, b.name, b.source, b.unit);
      m.projects.push(p);
    }
    fillFromBlock(p, b);
  }
  for (const m of field.measures) m.projects.sort((a, b) => a.no - b.no);
}

/** The project, already read in full, that a block repeats: the same number in its measure, or the same name. */
function detailedTwin(field: PolicyField, m: Measure | undefined, b: ParsedBlock): { measure: Measure; project: Project } | null {
  for (const mm of field.measures) {
    const project = mm.projects.find((x) => x.hasDetail && ((mm === m && b.no !== null && x.no === b.no) || nameKey(x.name) === nameKey(b.name)));
    if (project) return { measure: mm, project };
  }
  return null;
}

/** What a project block says about its project. */
function fillFromBlock(p: Project, b: ParsedBlock): void {
  p.name = b.name;
  p.department = b.department || p.department;
  p.legalBasis = b.legalBasis;
  p.nextYearPolicy = b.nextYearPolicy || p.nextYearPolicy;
  p.overview = b.overview;
  p.finance = b.finance;
  p.financeUnit = b.unit;
  p.progress = b.progress;
  p.logicModel = b.logicModel;
  p.outcomes = b.outcomes;
  p.verification = b.verification;
  p.textTargets = b.textTargets;
  p.hasDetail = true;
  p.source = b.source;
}

