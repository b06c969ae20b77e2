/**
 * An imported profile is untrusted data: checked field by field against the format
 * (schema/layout-profile.schema.json says the same), every problem reported with its path in
 * ja / en, and nothing of it used unless it is whole. Nothing in a profile is ever evaluated.
 */
import { FINANCE_ITEMS } from '../model';
import { PROFILE_VERSION, type LayoutProfile } from './types';

export interface ProfileProblem {
  path: string;
  ja: string;
  en: string;
}

const FAMILIES = ['policyField', 'projectTable', 'projectSheet', 'measureSheet', 'custom', 'ignore'];
const KINDS = ['kpi', 'outcome', 'activity', 'target-population'];
const BASES = ['budget', 'estimate', 'settlement', 'plan'];
const STAGES = ['primary', 'secondary', 'overall'];
const ROLES = ['actual', 'target', 'combined'];
const LEVELS = ['field', 'measure', 'project'];
const FIELDS = ['projectId', 'department', 'legalBasis', 'period', 'overview', 'nextYearPolicy', 'policy', 'measureName', 'measureCode', 'basic'];
const MAX_TEXT = 500;
const MAX_LIST = 5000;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

class Checker {
  readonly problems: ProfileProblem[] = [];

  fail(path: string, ja: string, en: string): void {
    if (this.problems.length < 100) this.problems.push({ path, ja, en });
  }

  obj(v: unknown, path: string): v is Obj {
    if (isObj(v)) return true;
    this.fail(path, 'オブジェクトではありません', 'is not an object');
    return false;
  }

  text(v: unknown, path: string, optional = false): void {
    if (v === undefined && optional) return;
    if (typeof v !== 'string' || v.length > MAX_TEXT) this.fail(path, `${MAX_TEXT}文字以内の文字列ではありません`, `is not a string of at most ${MAX_TEXT} characters`);
  }

  int(v: unknown, path: string, nullable = false, min = -100000, max = 100000): void {
    if (v === null && nullable) return;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) this.fail(path, `${min}〜${max} の整数ではありません`, `is not a whole number from ${min} to ${max}`);
  }

  oneOf(v: unknown, allowed: string[], path: string, nullable = false): void {
    if (v === null && nullable) return;
    if (typeof v !== 'string' || !allowed.includes(v)) this.fail(path, `次のいずれかではありません: ${allowed.join(', ')}`, `is not one of: ${allowed.join(', ')}`);
  }

  list(v: unknown, path: string, each: (x: unknown, p: string) => void): void {
    if (!Array.isArray(v) || v.length > MAX_LIST) {
      this.fail(path, '配列ではありません', 'is not a list');
      return;
    }
    v.forEach((x, i) => each(x, `${path}[${i}]`));
  }

  column(v: unknown, path: string, nullable = true): void {
    if (v === null && nullable) return;
    if (!this.obj(v, path)) return;
    this.text(v.header, `${path}.header`);
    if (v.occurrence !== undefined) this.int(v.occurrence, `${path}.occurrence`, false, 0, 16384);
  }

  range(v: unknown, path: string): void {
    if (!this.obj(v, path)) return;
    if ('address' in v) {
      if (typeof v.address !== 'string' || !/^\$?[A-Za-z]{1,3}\$?[0-9]{1,7}(:\$?[A-Za-z]{1,3}\$?[0-9]{1,7})?$/.test(v.address)) this.fail(`${path}.address`, 'A1 形式の範囲ではありません', 'is not an A1 range');
      return;
    }
    this.text(v.anchor, `${path}.anchor`);
    this.int(v.dr, `${path}.dr`, false, -1000, 100000);
    this.int(v.dc, `${path}.dc`, false, -1000, 16384);
    for (const k of ['rows', 'cols'] as const) if (v[k] !== 'auto') this.int(v[k], `${path}.${k}`, false, 1, 100000);
    if (v.occurrence !== undefined) this.int(v.occurrence, `${path}.occurrence`, false, 0, 10000);
  }
}

function checkTable(c: Checker, l: Obj, p: string): void {
  c.text(l.anchor, `${p}.anchor`);
  c.list(l.headerRows, `${p}.headerRows`, (x, q) => c.int(x, q, false, -5, 5));
  if (!c.obj(l.columns, `${p}.columns`)) return;
  const cols = l.columns as Obj;
  c.column(cols.name, `${p}.columns.name`, false);
  for (const k of ['projectId', 'no', 'fiscalYear', 'department', 'legalBasis', 'overview', 'nextYearPolicy', 'code']) c.column(cols[k], `${p}.columns.${k}`);
  c.list(cols.period, `${p}.columns.period`, (x, q) => c.column(x, q, false));
  for (const k of ['policy', 'measure', 'basic']) {
    const lv = cols[k];
    if (lv === null) continue;
    if (!c.obj(lv, `${p}.columns.${k}`)) continue;
    c.list(lv.numbers, `${p}.columns.${k}.numbers`, (x, q) => {
      if (!c.obj(x, q)) return;
      c.column(x.column, `${q}.column`, false);
      c.int(x.place, `${q}.place`, true, 0, 6);
    });
    c.column(lv.name, `${p}.columns.${k}.name`);
  }
  c.list(cols.grades, `${p}.columns.grades`, (x, q) => {
    if (!c.obj(x, q)) return;
    c.oneOf(x.stage, STAGES, `${q}.stage`);
    c.column(x.column, `${q}.column`, false);
    c.text(x.label, `${q}.label`);
  });
  c.text(cols.moneyUnit, `${p}.columns.moneyUnit`);
  c.list(l.indicators, `${p}.indicators`, (x, q) => {
    if (!c.obj(x, q)) return;
    c.oneOf(x.kind, KINDS, `${q}.kind`);
    c.text(x.slot, `${q}.slot`);
    c.column(x.name, `${q}.name`);
    c.column(x.unit, `${q}.unit`);
  });
  c.list(l.yearBlocks, `${p}.yearBlocks`, (x, q) => {
    if (!c.obj(x, q)) return;
    c.int(x.fiscalYear, `${q}.fiscalYear`, true, 1900, 2200);
    c.int(x.yearsBeforeEvaluation, `${q}.yearsBeforeEvaluation`, true, 0, 100);
    c.oneOf(x.basis, BASES, `${q}.basis`, true);
    c.text(x.label, `${q}.label`);
    if (c.obj(x.finance, `${q}.finance`)) for (const [k, v] of Object.entries(x.finance as Obj)) {
      if (!(FINANCE_ITEMS as readonly string[]).includes(k)) c.fail(`${q}.finance.${k}`, '財務の項目名ではありません', 'is not a finance item');
      else c.column(v, `${q}.finance.${k}`, false);
    }
    c.list(x.values, `${q}.values`, (y, r) => {
      if (!c.obj(y, r)) return;
      c.oneOf(y.kind, KINDS, `${r}.kind`);
      c.text(y.slot, `${r}.slot`);
      c.oneOf(y.role, ROLES, `${r}.role`);
      c.column(y.column, `${r}.column`, false);
    });
  });
}

function checkForm(c: Checker, l: Obj, p: string): void {
  c.text(l.anchor, `${p}.anchor`);
  if (l.lead !== undefined) c.int(l.lead, `${p}.lead`, false, 0, 50);
  c.int(l.evaluationYear, `${p}.evaluationYear`, true, 1900, 2200);
  if (l.era !== null && l.era !== undefined) c.oneOf(l.era, ['令和', '平成', '昭和'], `${p}.era`);
  if (l.moneyRows !== undefined && c.obj(l.moneyRows, `${p}.moneyRows`)) for (const [k, v] of Object.entries(l.moneyRows as Obj)) c.oneOf(v, [...FINANCE_ITEMS, 'ignore'], `${p}.moneyRows["${k}"]`);
  if (l.fields !== undefined && c.obj(l.fields, `${p}.fields`)) for (const [k, v] of Object.entries(l.fields as Obj)) {
    if (!FIELDS.includes(k)) c.fail(`${p}.fields.${k}`, '項目名ではありません', 'is not a field name');
    else c.text(v, `${p}.fields.${k}`);
  }
  if (l.tableKinds !== undefined && c.obj(l.tableKinds, `${p}.tableKinds`)) for (const [k, v] of Object.entries(l.tableKinds as Obj)) c.oneOf(v, KINDS, `${p}.tableKinds["${k}"]`);
}

function checkCustom(c: Checker, l: Obj, p: string): void {
  c.oneOf(l.level, LEVELS, `${p}.level`);
  c.oneOf(l.kind, KINDS, `${p}.kind`);
  if (c.obj(l.owner, `${p}.owner`)) {
    const o = l.owner as Obj;
    c.text(o.id, `${p}.owner.id`, true);
    c.text(o.name, `${p}.owner.name`, true);
    if (o.nameAt !== undefined) c.range(o.nameAt, `${p}.owner.nameAt`);
    if (o.idAt !== undefined) c.range(o.idAt, `${p}.owner.idAt`);
  }
  if (l.fieldId !== undefined && l.fieldId !== null) c.text(l.fieldId, `${p}.fieldId`);
  if (l.measureCode !== undefined && l.measureCode !== null) c.text(l.measureCode, `${p}.measureCode`);
  if (l.evaluationYear !== undefined) c.int(l.evaluationYear, `${p}.evaluationYear`, true, 1900, 2200);
  c.list(l.tables, `${p}.tables`, (x, q) => {
    if (!c.obj(x, q)) return;
    c.oneOf(x.role, ROLES, `${q}.role`);
    c.range(x.years, `${q}.years`);
    c.range(x.names, `${q}.names`);
    c.range(x.values, `${q}.values`);
    if (x.units !== undefined) c.range(x.units, `${q}.units`);
  });
}

/** The profile when it is whole, else null; and every problem found. */
export function validateProfile(raw: unknown): { profile: LayoutProfile | null; problems: ProfileProblem[] } {
  const c = new Checker();
  if (!c.obj(raw, '$')) return { profile: null, problems: c.problems };
  if (raw.profileVersion !== PROFILE_VERSION) c.fail('$.profileVersion', `${PROFILE_VERSION} ではありません（この Hyōka が読める版）`, `is not ${PROFILE_VERSION} (the version this Hyōka reads)`);
  c.text(raw.generator, '$.generator', true);
  c.text(raw.description, '$.description', true);
  c.list(raw.sheets, '$.sheets', (e, p) => {
    if (!c.obj(e, p)) return;
    if (c.obj(e.match, `${p}.match`)) {
      const m = e.match as Obj;
      c.text(m.name, `${p}.match.name`, true);
      if (m.signature !== undefined) c.list(m.signature, `${p}.match.signature`, (x, q) => c.text(x, q));
      if (m.name === undefined && m.signature === undefined) c.fail(`${p}.match`, 'name か signature のどちらかが必要です', 'needs a name or a signature');
    }
    c.oneOf(e.family, FAMILIES, `${p}.family`);
    if (!c.obj(e.layout, `${p}.layout`)) return;
    const l = e.layout as Obj;
    if (e.family === 'projectTable') checkTable(c, l, `${p}.layout`);
    else if (e.family === 'projectSheet' || e.family === 'measureSheet') checkForm(c, l, `${p}.layout`);
    else if (e.family === 'custom') checkCustom(c, l, `${p}.layout`);
  });
  return { profile: c.problems.length ? null : (raw as unknown as LayoutProfile), problems: c.problems };
}
