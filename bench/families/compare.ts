/**
 * Compares a model with the truth of a generated case: every expected value must be read
 * exactly; the differences come back as plain lines (empty when the reading is right).
 */
import type { EvaluationModel, Indicator, Measure, PolicyField, Project } from '../../src/core/model';
import { nameKey } from '../../src/core/normalize';
import type { ExpectedIndicator, ExpectedMeasure, ExpectedProject } from './truth';

function allProjects(model: EvaluationModel): { f: PolicyField; m: Measure; p: Project }[] {
  return model.policyFields.flatMap((f) => f.measures.flatMap((m) => m.projects.map((p) => ({ f, m, p }))));
}

const eq = (a: unknown, b: unknown) => (typeof a === 'number' && typeof b === 'number' ? Math.abs(a - b) < 1e-9 : a === b);

function compareIndicators(where: string, got: Indicator[], want: ExpectedIndicator[], out: string[]): void {
  if (got.length !== want.length) out.push(`${where}: ${got.length} indicators, want ${want.length} (${got.map((i) => i.name).join(' / ')})`);
  for (const w of want) {
    const g = got.find((i) => nameKey(i.name) === nameKey(w.name) && i.kind === w.kind);
    if (!g) {
      out.push(`${where}: indicator ${w.kind} "${w.name}" not read (have ${got.map((i) => `${i.kind}:${i.name}`).join(', ')})`);
      continue;
    }
    if (g.unit !== w.unit) out.push(`${where} "${w.name}": unit ${g.unit}, want ${w.unit}`);
    for (const y of w.years) {
      const gy = g.years.find((x) => x.fiscalYear === y.fiscalYear);
      if (!gy) {
        out.push(`${where} "${w.name}": year ${y.fiscalYear} missing (have ${g.years.map((x) => x.fiscalYear).join(',')})`);
        continue;
      }
      if (!eq(gy.target, y.target)) out.push(`${where} "${w.name}" ${y.fiscalYear}: target ${gy.target}, want ${y.target}`);
      if (!eq(gy.actual, y.actual)) out.push(`${where} "${w.name}" ${y.fiscalYear}: actual ${gy.actual}, want ${y.actual}`);
    }
    if (w.finalTarget !== undefined && !eq(g.finalTarget, w.finalTarget)) out.push(`${where} "${w.name}": finalTarget ${g.finalTarget}, want ${w.finalTarget}`);
    if (w.baseline !== undefined && !eq(g.baseline ?? null, w.baseline)) out.push(`${where} "${w.name}": baseline ${g.baseline}, want ${w.baseline}`);
  }
}

export function compareProjects(model: EvaluationModel, want: ExpectedProject[]): string[] {
  const out: string[] = [];
  const all = allProjects(model);
  if (all.length !== want.length) out.push(`${all.length} projects read, want ${want.length}`);
  for (const w of want) {
    const found = all.filter((x) => nameKey(x.p.name) === nameKey(w.name) && (w.projectId === null || x.p.projectId === w.projectId));
    if (found.length !== 1) {
      out.push(`project "${w.name}" (${w.projectId}): found ${found.length}`);
      continue;
    }
    const { f, m, p } = found[0];
    const at = `project "${w.name}"`;
    if (f.id !== w.fieldId) out.push(`${at}: field ${f.id}, want ${w.fieldId}`);
    if ((m.code ?? null) !== w.measureCode) out.push(`${at}: measure code ${m.code}, want ${w.measureCode}`);
    if (p.code !== w.code) out.push(`${at}: code ${p.code}, want ${w.code}`);
    if (p.department !== w.department) out.push(`${at}: department ${p.department}, want ${w.department}`);
    if (w.legalBasis !== undefined && p.legalBasis !== w.legalBasis) out.push(`${at}: legalBasis ${p.legalBasis}, want ${w.legalBasis}`);
    if (w.basic && (p.basicProject?.no !== w.basic.no || p.basicProject?.name !== w.basic.name)) out.push(`${at}: basic ${JSON.stringify(p.basicProject)}, want ${JSON.stringify(w.basic)}`);
    if (p.financeUnit !== w.financeUnit) out.push(`${at}: unit ${p.financeUnit}, want ${w.financeUnit}`);
    compareIndicators(at, p.indicators, w.indicators, out);
    if (p.finance.length !== w.finance.length) out.push(`${at}: ${p.finance.length} finance years, want ${w.finance.length}`);
    for (const wf of w.finance) {
      const gf = p.finance.find((x) => x.fiscalYear === wf.fiscalYear && x.basis === wf.basis);
      if (!gf) {
        out.push(`${at}: finance ${wf.fiscalYear} ${wf.basis} missing (have ${p.finance.map((x) => `${x.fiscalYear}/${x.basis}`).join(', ')})`);
        continue;
      }
      for (const [k, v] of Object.entries(wf)) {
        if (k === 'fiscalYear' || k === 'basis') continue;
        const g = (gf as unknown as Record<string, unknown>)[k] ?? null;
        if (!eq(g, v)) out.push(`${at} ${wf.fiscalYear}: ${k} ${g}, want ${v}`);
      }
    }
    for (const sg of w.sheetGrades) if (!p.sheetGrades.some((x) => x.stage === sg.stage && x.grade === sg.grade)) out.push(`${at}: grade ${sg.stage} ${sg.grade} not read (${JSON.stringify(p.sheetGrades)})`);
  }
  return out;
}

export function compareMeasures(model: EvaluationModel, want: ExpectedMeasure[]): string[] {
  const out: string[] = [];
  for (const w of want) {
    const found = model.policyFields.flatMap((f) => f.measures.map((m) => ({ f, m }))).filter((x) => nameKey(x.m.name) === nameKey(w.name));
    if (found.length !== 1) {
      out.push(`measure "${w.name}": found ${found.length}`);
      continue;
    }
    const { f, m } = found[0];
    const at = `measure "${w.name}"`;
    if (f.id !== w.fieldId) out.push(`${at}: field ${f.id}, want ${w.fieldId}`);
    if (m.code !== w.code) out.push(`${at}: code ${m.code}, want ${w.code}`);
    compareIndicators(at, m.indicators, w.indicators, out);
    for (const sg of w.sheetGrades) if (!m.sheetGrades.some((x) => x.stage === sg.stage && x.grade === sg.grade)) out.push(`${at}: grade ${sg.grade} not read`);
    const names = m.projects.map((p) => nameKey(p.name));
    for (const n of w.projectNames) if (!names.includes(nameKey(n))) out.push(`${at}: project "${n}" not under it`);
  }
  return out;
}
