/**
 * The joiner: places what the family recognizers read (projects and measures with the field
 * and measure their sheet names) into the policy field → measure → project tree. A project or
 * measure seen on two sheets (a flat export row and its 事務事業評価シート, a 施策評価シート and
 * the project sheets of its measure) becomes one: matched by codes first, names second.
 */
import type { FinanceYear, Indicator, Measure, PolicyField, Project, SheetGrade } from '../../model';
import { nameKey } from '../../normalize';
import { moneyFactor } from '../../units';
import { lastNumber, normalizeCode } from '../shared/codes';
import { emptyField, emptyMeasure } from '../shared/factories';
import type { FieldRef, MeasureRef, SheetReading } from '../types';

export function joinReadings(fields: PolicyField[], readings: readonly { sheet: string; reading: SheetReading }[]): void {
  for (const { sheet, reading } of readings) {
    for (const k of reading.kpis ?? []) {
      const field = fieldFor(fields, k.field, sheet, k.indicators[0]?.source ?? { sheet, address: 'A1' });
      field.indicators.push(...newIndicators(field.indicators, k.indicators));
    }
    for (const mr of reading.measures) {
      const field = fieldFor(fields, mr.field, sheet, mr.measure.source);
      const existing = findMeasure(field, { no: mr.measure.noInferred ? null : mr.measure.no, code: mr.measure.code, name: mr.measure.name, source: mr.measure.source });
      if (existing) mergeMeasure(existing, mr.measure);
      else field.measures.push(mr.measure);
    }
    for (const pr of reading.projects) {
      const field = fieldFor(fields, pr.field, sheet, pr.project.source);
      if (field.moneyUnit !== pr.project.financeUnit && !field.measures.some((m) => m.projects.length)) field.moneyUnit = pr.project.financeUnit;
      const measure = measureFor(field, pr.measure, pr.project);
      const same = findProject(field, measure, pr.project);
      if (same) mergeProject(same, pr.project);
      else measure.projects.push(pr.project);
    }
  }
}

/** The field a reference names: by its number; without one, by its name, else the one field with no number. */
export function findField(fields: PolicyField[], ref: Pick<FieldRef, 'id' | 'name'>): PolicyField | undefined {
  if (ref.id !== null) return fields.find((x) => x.id === ref.id);
  if (ref.name) return fields.find((x) => x.name && nameKey(x.name) === nameKey(ref.name));
  return fields.find((x) => x.id === null);
}

function fieldFor(fields: PolicyField[], ref: FieldRef, sheet: string, fallback: Project['source']): PolicyField {
  let f = findField(fields, ref);
  if (f) {
    if (!f.name && ref.name) f.name = ref.name;
    return f;
  }
  f = emptyField(ref.id, ref.name, sheet, ref.source ?? fallback);
  if (ref.label) f.label = ref.label;
  fields.push(f);
  return f;
}

export function findMeasure(field: PolicyField, ref: MeasureRef): Measure | undefined {
  const code = ref.code ? normalizeCode(ref.code) : null;
  if (code) {
    const byCode = field.measures.find((m) => m.code && normalizeCode(m.code) === code);
    if (byCode) return byCode;
  }
  if (ref.no !== null) {
    const byNo = field.measures.find((m) => m.no === ref.no && !m.noInferred);
    if (byNo) return byNo;
  }
  if (ref.name) return field.measures.find((m) => m.name && nameKey(m.name) === nameKey(ref.name));
  return undefined;
}

/** The measure a project belongs to; a project whose sheet names none goes to the field's "no measure" group. */
function measureFor(field: PolicyField, ref: MeasureRef | null, project: Project): Measure {
  const m = ref ? findMeasure(field, ref) : field.measures.find((x) => x.noInferred && !x.code && !x.name);
  if (m) {
    if (!m.name && ref?.name) m.name = ref.name;
    if (!m.code && ref?.code) m.code = ref.code;
    return m;
  }
  const no = ref?.no ?? (ref?.code ? lastNumber(normalizeCode(ref.code)) : null);
  const created = emptyMeasure(no ?? nextNo(field), ref?.name ?? '', ref?.source ?? project.source);
  created.code = ref?.code ?? null;
  if (no === null) created.noInferred = true;
  field.measures.push(created);
  return created;
}

function nextNo(field: PolicyField): number {
  return field.measures.reduce((n, m) => Math.max(n, m.no), 0) + 1;
}

export function findProject(field: PolicyField, measure: Measure, p: Project): Project | undefined {
  const all = field.measures.flatMap((m) => m.projects);
  if (p.projectId) {
    const byId = all.find((x) => x.projectId === p.projectId);
    if (byId) return byId;
  }
  // Two numbers that differ are two projects, whatever their names.
  const compatible = (x: Project) => !p.projectId || !x.projectId || x.projectId === p.projectId;
  const key = nameKey(p.name);
  const code = p.code ? normalizeCode(p.code) : null;
  if (code) {
    const byCode = all.find((x) => compatible(x) && x.code && normalizeCode(x.code) === code && nameKey(x.name) === key);
    if (byCode) return byCode;
  }
  return measure.projects.find((x) => compatible(x) && (nameKey(x.name) === key || (x.listName !== null && nameKey(x.listName) === key)));
}

function mergeMeasure(into: Measure, from: Measure): void {
  if (!into.name) into.name = from.name;
  if (!into.code) into.code = from.code;
  if (!into.content) into.content = from.content;
  into.evaluation ??= from.evaluation;
  into.indicators.push(...newIndicators(into.indicators, from.indicators));
  into.sheetGrades.push(...newGrades(into.sheetGrades, from.sheetGrades));
  for (const p of from.projects) if (!into.projects.some((x) => nameKey(x.name) === nameKey(p.name))) into.projects.push(p);
}

/** How much a project's own sheet says: its money and indicators are worth more than a list row's. */
const DETAIL: Record<string, number> = { projectSheet: 3, projectTable: 2, policyField: 2, measureSheet: 1 };

export function mergeProject(into: Project, from: Project): void {
  // The more detailed reading leads: its unit, its number, its values first.
  if ((DETAIL[from.family ?? 'policyField'] ?? 0) > (DETAIL[into.family ?? 'policyField'] ?? 0)) {
    const lead = { ...from };
    const rest = { ...into };
    Object.assign(into, lead);
    into.listName ??= rest.listName;
    into.listSource ??= rest.listSource;
    into.inList = into.inList || rest.inList;
    mergeProjectFrom(into, rest);
    return;
  }
  mergeProjectFrom(into, from);
}

function mergeProjectFrom(into: Project, from: Project): void {
  const text = ['department', 'legalBasis', 'nextYearPolicy', 'overview', 'progress', 'verification'] as const;
  for (const k of text) if (!into[k] && from[k]) into[k] = from[k];
  into.projectId ??= from.projectId;
  into.code ??= from.code;
  into.basicProject ??= from.basicProject;
  into.period ??= from.period;
  if (into.noInferred && !from.noInferred) {
    into.no = from.no;
    delete into.noInferred;
  }
  into.indicators.push(...newIndicators(into.indicators, from.indicators));
  into.sheetGrades.push(...newGrades(into.sheetGrades, from.sheetGrades));
  into.finance = mergeFinance(into.finance, convertFinance(from.finance, from.financeUnit, into.financeUnit));
  into.hasDetail = into.hasDetail || from.hasDetail;
}

function newIndicators(have: Indicator[], add: Indicator[]): Indicator[] {
  const keys = new Set(have.map((i) => `${i.kind}:${nameKey(i.name)}`));
  let no = have.reduce((n, i) => Math.max(n, i.no), 0);
  return add.filter((i) => !keys.has(`${i.kind}:${nameKey(i.name)}`)).map((i) => ({ ...i, no: ++no }));
}

function newGrades(have: SheetGrade[], add: SheetGrade[]): SheetGrade[] {
  return add.filter((g) => !have.some((h) => h.stage === g.stage && h.grade === g.grade));
}

const MONEY_ITEMS = ['projectCost', 'national', 'prefectural', 'bonds', 'other', 'generalFund', 'personnelCost', 'personnelRate', 'totalCost'] as const;

/** Money of another reading in this project's unit (a list in 千円, the project's sheet in 円). */
function convertFinance(years: FinanceYear[], from: string, to: string): FinanceYear[] {
  const factor = moneyFactor(from, to);
  if (factor === 1) return years;
  return years.map((y) => {
    const out: FinanceYear = { ...y };
    for (const k of MONEY_ITEMS) {
      const v = y[k];
      if (typeof v === 'number') out[k] = v * factor;
    }
    return out;
  });
}

/** Years from both readings; where both give a year, the values read first stay and gaps are filled. */
function mergeFinance(a: FinanceYear[], b: FinanceYear[]): FinanceYear[] {
  const out = a.map((y) => ({ ...y }));
  for (const y of b) {
    const same = out.find((x) => x.fiscalYear === y.fiscalYear && (x.basis === y.basis || x.basis === null || y.basis === null));
    if (!same) {
      out.push(y);
      continue;
    }
    for (const [k, v] of Object.entries(y) as [keyof FinanceYear, unknown][]) {
      if ((same[k] === null || same[k] === undefined) && v !== null && v !== undefined) (same as unknown as Record<string, unknown>)[k] = v;
    }
  }
  return out.sort((x, y) => x.fiscalYear - y.fiscalYear);
}
