/** Year-over-year rules on projects: started, ended, renamed, and money that moved past the threshold. */
import type { FinanceBasis } from '../model';
import { nameKey } from '../normalize';
import { financeYearOf } from '../consolidate/differences';
import { fmt, fyJa, pct, UNIT_EN } from '../rules/format';
import type { CatalogRule } from '../rules/types';
import { moneyFactor } from '../units';
import { isNum, sameValue } from '../values';
import { onlyInOneYear, projectPlace, type CompareDraft } from './draft';
import { REASON, REASON_EN, RENAMED_MESSAGE } from './indicatorRules';
import type { CompareContext, ProjectAt } from './match';

type Pair = CompareContext['projects'][number];

const BASIS: Record<FinanceBasis, { ja: string; en: string }> = {
  budget: { ja: '予算', en: 'budget' },
  estimate: { ja: '見込', en: 'estimate' },
  settlement: { ja: '決算', en: 'settlement' },
  plan: { ja: '計画', en: 'plan' },
};
const ITEM = { projectCost: { ja: '事業費', en: 'project cost' }, generalFund: { ja: '一般財源', en: 'general fund' } } as const;

function paired(pair: Pair, d: Omit<CompareDraft, 'policyField' | 'project' | 'measure' | 'level' | 'name' | 'indicator' | 'params' | 'match'>, params: Record<string, string | number>): CompareDraft {
  const { who, whoEn, ...place } = projectPlace(pair.this);
  return { ...place, ...d, match: { reason: pair.reason, confidence: pair.confidence }, params: { who, whoEn, ...params } };
}

const alone = (x: ProjectAt, side: 'last' | 'this') => onlyInOneYear(projectPlace(x), x.p.source, 'project', side);

export const PROJECT_CHANGE_RULES: CatalogRule<CompareContext, CompareDraft>[] = [
  {
    id: 'cost-change',
    severity: 'warning',
    title: { ja: '同じ年度の事業費・一般財源がしきい値（既定 ±20%）を超えて変わった', en: 'Project cost or general fund for the same year changed past the threshold (default ±20%)' },
    message: {
      ja: (p) => `${p.who}: ${fyJa(p.year)}の${p.item}が昨年度のブックの ${p.old}（${p.oldBasis}）から ${p.new}（${p.newBasis}）${p.unit}に変わりました（${p.ratio}）。`,
      en: (p) => `${p.whoEn}: the FY${p.year} ${p.itemEn} changed from ${p.old} (${p.oldBasisEn}) in last year's workbook to ${p.new} (${p.newBasisEn}) ${p.unitEn} (${p.ratio}).`,
    },
    check: (ctx) => {
      const out: CompareDraft[] = [];
      for (const pair of ctx.projects) {
        const last = pair.last.p;
        const cur = pair.this.p;
        // Last year's money in this year's unit.
        const k = moneyFactor(last.financeUnit, cur.financeUnit);
        for (const y of cur.finance) {
          const ly = financeYearOf(last.finance, y);
          if (!ly) continue;
          for (const item of ['projectCost', 'generalFund'] as const) {
            const a = ly[item];
            const b = y[item];
            if (!isNum(a) || !isNum(b)) continue;
            const old = a * k;
            if (sameValue(old, b)) continue;
            const ratio = old === 0 ? null : (b - old) / Math.abs(old);
            if (ratio !== null && Math.abs(ratio) <= ctx.costThreshold + 1e-12) continue;
            const at = y.sources?.[item] ?? y.source ?? cur.source;
            const basis = (x: FinanceBasis | null, lang: 'ja' | 'en') => (x ? BASIS[x][lang] : lang === 'ja' ? '区分なし' : 'no basis');
            out.push(
              paired(
                pair,
                { at, this: at, last: ly.sources?.[item] ?? ly.source ?? last.source, item, old, new: b, fiscalYear: y.fiscalYear },
                {
                  year: y.fiscalYear,
                  item: ITEM[item].ja,
                  itemEn: ITEM[item].en,
                  old: fmt(old),
                  new: fmt(b),
                  unit: cur.financeUnit,
                  unitEn: UNIT_EN[cur.financeUnit] ?? cur.financeUnit,
                  ratio: ratio === null ? '0 から' : `${ratio > 0 ? '+' : ''}${pct(ratio)}`,
                  oldBasis: basis(ly.basis, 'ja'),
                  oldBasisEn: basis(ly.basis, 'en'),
                  newBasis: basis(y.basis, 'ja'),
                  newBasisEn: basis(y.basis, 'en'),
                },
              ),
            );
          }
        }
      }
      return out;
    },
  },
  {
    id: 'project-renamed',
    severity: 'info',
    title: { ja: '事務事業の名称が変わった（同じ事業として対応付け）', en: 'A project was renamed (matched as the same project)' },
    message: RENAMED_MESSAGE,
    check: (ctx) =>
      ctx.projects
        .filter((pair) => nameKey(pair.last.p.name) !== nameKey(pair.this.p.name))
        .map((pair) =>
          paired(
            pair,
            { at: pair.this.p.source, this: pair.this.p.source, last: pair.last.p.source, item: 'name', old: pair.last.p.name, new: pair.this.p.name, fiscalYear: null },
            { oldName: pair.last.p.name, reason: REASON[pair.reason], reasonEn: REASON_EN[pair.reason], confidence: pair.confidence },
          ),
        ),
  },
  {
    id: 'project-added',
    severity: 'info',
    title: { ja: '新しい事務事業', en: 'A new project' },
    message: { ja: (p) => `${p.who} は今年度のブックで新しく加わりました。`, en: (p) => `${p.whoEn} is new this year.` },
    check: (ctx) => ctx.addedProjects.map((x) => alone(x, 'this')),
  },
  {
    id: 'project-ended',
    severity: 'info',
    title: { ja: '昨年度にあった事務事業がない（終了・統合）', en: 'A project of last year is gone (ended or merged)' },
    message: { ja: (p) => `昨年度のブックの ${p.who} が今年度のブックにありません（終了・統合）。`, en: (p) => `Last year's ${p.whoEn} is not in this year's workbook (ended or merged).` },
    check: (ctx) => ctx.endedProjects.map((x) => alone(x, 'last')),
  },
];
