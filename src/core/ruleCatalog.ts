/**
 * Every rule a user can meet, from the three catalogs: validation (src/core/rules), joining
 * several workbooks (consolidate/rules.ts) and comparing two years (compare/*Rules.ts). Rule ids
 * are unique across them; docs/rules.md and the pane's rule titles come from here.
 */
import { COMPARE_RULES, DEFAULT_COST_THRESHOLD } from './compare';
import { CONSOLIDATION_RULES } from './consolidate/rules';
import type { Severity } from './model';
import { RULES } from './rules';

export type RuleGroup = 'validation' | 'consolidation' | 'compare';

export interface RuleInfo {
  id: string;
  severity: Severity;
  title: { ja: string; en: string };
  group: RuleGroup;
}

const info = (group: RuleGroup) => (r: { id: string; severity: Severity; title: { ja: string; en: string } }): RuleInfo => ({ id: r.id, severity: r.severity, title: r.title, group });

export const ALL_RULES: RuleInfo[] = [...RULES.map(info('validation')), ...CONSOLIDATION_RULES.map(info('consolidation')), ...COMPARE_RULES.map(info('compare'))];

export function ruleInfo(id: string): RuleInfo | undefined {
  return ALL_RULES.find((r) => r.id === id);
}

export { DEFAULT_COST_THRESHOLD };
