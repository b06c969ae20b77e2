/**
 * The rule catalog. Each rule is data: id, severity, what it checks (ja/en), the message
 * (ja/en) and the check itself. docs/rules.md is generated from this list
 * (`npm run docs:rules`) and a test keeps the two in step.
 */
import { parseA1 } from '../a1';
import type { Finding } from '../model';
import { FINANCE_RULES, FINANCE_CONSISTENCY_RULES } from './finance';
import { GRADE_RULES } from './grades';
import { INDICATOR_RULES, INDICATORS_WITHOUT_TARGETS } from './indicators';
import { PROJECT_RULES, TEXT_TARGET_RULE } from './projects';
import { PROFILE_RULES } from './profile';
import { SHEET_RULES } from './sheets';
import { FORMULA_ERROR_RULE, MEASURE_WITHOUT_PROJECTS_RULE } from './structure';
import type { Draft, Rule, RuleContext } from './types';

export type { CatalogRule, Draft, Rule, RuleContext } from './types';
export { overlappingMerges } from './sheets';

/** In this order: findings of one cell sort by it. */
export const RULES = [
  ...INDICATOR_RULES,
  FORMULA_ERROR_RULE,
  ...PROJECT_RULES,
  ...FINANCE_RULES,
  MEASURE_WITHOUT_PROJECTS_RULE,
  TEXT_TARGET_RULE,
  INDICATORS_WITHOUT_TARGETS,
  ...SHEET_RULES,
  ...FINANCE_CONSISTENCY_RULES,
  ...GRADE_RULES,
  ...PROFILE_RULES,
];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}

/** A rule's draft as the finding users read, in both languages. */
export function toFinding(rule: Pick<Rule, 'id' | 'severity' | 'message'>, d: Draft, lang: 'ja' | 'en'): Finding {
  const ja = rule.message.ja(d.params);
  const en = rule.message.en(d.params);
  return {
    rule: rule.id,
    severity: rule.severity,
    message: lang === 'en' ? en : ja,
    messageJa: ja,
    messageEn: en,
    sheet: d.at.sheet,
    address: d.at.address,
    policyField: d.policyField ?? null,
    indicator: d.indicator ?? null,
    project: d.project ?? null,
    ...(d.measure ? { measure: d.measure } : {}),
    fiscalYear: d.fiscalYear ?? null,
    ...(d.at.file !== undefined ? { file: d.at.file } : {}),
  };
}

/** A sheet's place in `sheetOrder`: its name, or "file\u0000name" when the model joins several workbooks. */
export function sheetOrderKey(at: { sheet: string; file?: string }): string {
  return at.file === undefined ? at.sheet : `${at.file}\u0000${at.sheet}`;
}

/** Runs every rule; findings come out in a stable order (sheet, row, column, rule). */
export function runRules(ctx: RuleContext, lang: 'ja' | 'en', sheetOrder: string[]): Finding[] {
  const out: (Finding & { _k: [number, number, number, number] })[] = [];
  const order = new Map(sheetOrder.map((k, i) => [k, i]));
  RULES.forEach((rule, ri) => {
    for (const d of rule.check(ctx)) {
      const { row, col } = parseA1(d.at.address);
      out.push({ ...toFinding(rule, d, lang), _k: [order.get(sheetOrderKey(d.at)) ?? -1, row, col, ri] });
    }
  });
  out.sort((a, b) => a._k[0] - b._k[0] || a._k[1] - b._k[1] || a._k[2] - b._k[2] || a._k[3] - b._k[3]);
  return out.map(({ _k, ...f }) => f);
}
