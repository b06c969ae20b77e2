/**
 * Last year's model against this year's (`hyoka compare LAST.xlsx THIS.xlsx`, the pane's
 * 「前年度と比較」): fields, indicators and projects matched (match.ts), then the change rules
 * (indicatorRules.ts, projectRules.ts) over the pairs. Pure and deterministic; both models come
 * from analyzeWorkbook, last year's read with its file so every "last" cell names it.
 */
import { fieldKey, projectKey } from '../fieldKey';
import type { EvaluationModel, Finding, PolicyField } from '../model';
import { nameKey } from '../normalize';
import { isNum } from '../values';
import { VERSION } from '../version';
import type { CatalogRule } from '../rules/types';
import type { CompareDraft } from './draft';
import { levelOf } from './draft';
import { INDICATOR_CHANGE_RULES } from './indicatorRules';
import { matchModels, type CompareContext, type IndicatorAt } from './match';
import { PROJECT_CHANGE_RULES } from './projectRules';
import type { Change, Match, YearDiff } from './types';

export type { Change, ChangeItem, DiffLevel, Match, MatchReason, YearDiff } from './types';

/** cost-change fires past ±20% unless told otherwise (`--cost-threshold`). */
export const DEFAULT_COST_THRESHOLD = 0.2;

export const COMPARE_RULES: CatalogRule<CompareContext, CompareDraft>[] = [...INDICATOR_CHANGE_RULES, ...PROJECT_CHANGE_RULES];

export interface CompareOptions {
  /** A share: 0.2 = ±20%. */
  costThreshold?: number;
  lang?: 'ja' | 'en';
  /** The two workbooks as the output names them (for the JSON's header). */
  lastFile?: string | null;
  thisFile?: string | null;
}

function indicatorKey(x: IndicatorAt): string {
  const f = fieldKey(x.f);
  if (x.p && x.m) return `${f}/p${projectKey(x.m, x.p)}/${x.ind.no}`;
  if (x.m) return `${f}/m${x.m.code ?? x.m.no}/${x.ind.no}`;
  return `${f}/${x.ind.no}`;
}

function matchesOf(ctx: CompareContext): Match[] {
  const renamed = (a: string, b: string) => nameKey(a) !== nameKey(b);
  return [
    ...ctx.fields.map(
      (p): Match => ({ level: 'field', policyField: fieldKey(p.this), last: { key: fieldKey(p.last), name: p.last.name, source: p.last.source }, this: { key: fieldKey(p.this), name: p.this.name, source: p.this.source }, reason: p.reason, confidence: p.confidence, renamed: renamed(p.last.name, p.this.name) }),
    ),
    ...ctx.indicators.map(
      (p): Match => ({
        level: levelOf(p.this),
        policyField: fieldKey(p.this.f),
        last: { key: indicatorKey(p.last), name: p.last.ind.name, source: p.last.ind.source },
        this: { key: indicatorKey(p.this), name: p.this.ind.name, source: p.this.ind.source },
        reason: p.reason,
        confidence: p.confidence,
        renamed: renamed(p.last.ind.name, p.this.ind.name),
      }),
    ),
    ...ctx.projects.map(
      (p): Match => ({
        level: 'project',
        policyField: fieldKey(p.this.f),
        last: { key: projectKey(p.last.m, p.last.p), name: p.last.p.name, source: p.last.p.source },
        this: { key: projectKey(p.this.m, p.this.p), name: p.this.p.name, source: p.this.p.source },
        reason: p.reason,
        confidence: p.confidence,
        renamed: renamed(p.last.p.name, p.this.p.name),
      }),
    ),
  ];
}

function toChange(rule: CatalogRule<CompareContext, CompareDraft>, d: CompareDraft, lang: 'ja' | 'en'): Change {
  const ja = rule.message.ja(d.params);
  const en = rule.message.en(d.params);
  const ratio = isNum(d.old as number) && isNum(d.new as number) && d.old !== 0 ? ((d.new as number) - (d.old as number)) / Math.abs(d.old as number) : null;
  return {
    rule: rule.id,
    severity: d.severity ?? rule.severity,
    message: lang === 'en' ? en : ja,
    messageJa: ja,
    messageEn: en,
    level: d.level,
    policyField: d.policyField ?? null,
    indicator: d.indicator ?? null,
    project: d.project ?? null,
    measure: d.measure ?? null,
    name: d.name,
    fiscalYear: d.fiscalYear ?? null,
    item: d.item,
    old: d.old,
    new: d.new,
    ratio,
    last: d.last,
    this: d.this,
    match: d.match,
  };
}

export function compareModels(last: EvaluationModel, current: EvaluationModel, options: CompareOptions = {}): YearDiff {
  const costThreshold = options.costThreshold ?? DEFAULT_COST_THRESHOLD;
  const lang = options.lang ?? 'ja';
  const ctx = matchModels(last.policyFields, current.policyFields, costThreshold);
  // Grouped by field as this year orders them (fields only last year had come last), then by rule.
  const order = new Map<string, number>();
  const note = (fs: PolicyField[]) => fs.forEach((f) => order.has(fieldKey(f)) || order.set(fieldKey(f), order.size));
  note(current.policyFields);
  note(last.policyFields);
  const changes = COMPARE_RULES.flatMap((rule, ri) => rule.check(ctx).map((d, i) => ({ c: toChange(rule, d, lang), k: [order.get(d.policyField ?? '?') ?? order.size, ri, i] })))
    .sort((a, b) => a.k[0] - b.k[0] || a.k[1] - b.k[1] || a.k[2] - b.k[2])
    .map((x) => x.c);
  return {
    schemaVersion: 1,
    generator: { name: 'hyoka', version: VERSION },
    last: { file: options.lastFile ?? null, source: last.source },
    this: { file: options.thisFile ?? null, source: current.source },
    options: { costThreshold },
    matches: matchesOf(ctx),
    changes,
  };
}

/** The changes as findings (this year's cell, or last year's for what is gone): for 検証結果 and the pane. */
export function diffFindings(diff: YearDiff): Finding[] {
  return diff.changes.map((c) => {
    const at = c.this ?? c.last!;
    return {
      rule: c.rule,
      severity: c.severity,
      message: c.message,
      messageJa: c.messageJa,
      messageEn: c.messageEn,
      sheet: at.sheet,
      address: at.address,
      policyField: c.policyField,
      indicator: c.indicator,
      project: c.project,
      ...(c.measure ? { measure: c.measure } : {}),
      fiscalYear: c.fiscalYear,
      ...(at.file !== undefined ? { file: at.file } : {}),
    };
  });
}
