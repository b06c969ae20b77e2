/**
 * Year-over-year rules on indicators matched across the two years: targets, final targets and
 * past actuals that changed, units, and indicators that came or went. A target is compared for
 * a fiscal year both years' sheets show; a past actual is one last year's sheet reported.
 */
import type { IndicatorYear } from '../model';
import { nameKey } from '../normalize';
import { fmt, fyJa } from '../rules/format';
import type { CatalogRule, Rule } from '../rules/types';
import { isNum, sameValue } from '../values';
import { eases, indicatorPlace, onlyInOneYear, type CompareDraft } from './draft';
import type { CompareContext, IndicatorAt } from './match';

type Pair = CompareContext['indicators'][number];

const REASON = { id: 'ID', code: 'コード', number: '番号', name: '名称', 'similar-name': '似た名称' } as const;
const REASON_EN = { id: 'ID', code: 'code', number: 'number', name: 'name', 'similar-name': 'a similar name' } as const;

/** A rename, for an indicator or a project: what it was matched with and how sure. */
const RENAMED_MESSAGE: Rule['message'] = {
  ja: (p) => `${p.who}: 昨年度の「${p.oldName}」と${p.reason}で対応付けました（確度 ${p.confidence}）。`,
  en: (p) => `${p.whoEn}: matched with last year's "${p.oldName}" by ${p.reasonEn} (confidence ${p.confidence}).`,
};

/** The draft of a change to a matched indicator, at this year's cell. */
function changed(pair: Pair, at: IndicatorYear['targetSource'], lastAt: IndicatorYear['targetSource'], d: Pick<CompareDraft, 'item' | 'old' | 'new' | 'fiscalYear' | 'severity'>, params: Record<string, string | number>): CompareDraft {
  const place = indicatorPlace(pair.this);
  const { who, whoEn, ...rest } = place;
  const unit = pair.this.ind.unit;
  return {
    ...rest,
    ...d,
    at: at ?? pair.this.ind.source,
    this: at ?? pair.this.ind.source,
    last: lastAt ?? pair.last.ind.source,
    match: { reason: pair.reason, confidence: pair.confidence },
    params: { who, whoEn, old: d.old === null ? '空欄' : `${fmt(d.old)}${unit}`, oldEn: d.old === null ? 'blank' : `${fmt(d.old)} ${unit}`.trim(), new: d.new === null ? '空欄' : `${fmt(d.new)}${unit}`, newEn: d.new === null ? 'blank' : `${fmt(d.new)} ${unit}`.trim(), year: d.fiscalYear ?? '', ...params },
  };
}

/** A revision of a target value: eased (asks less) or dropped is a warning, raised or newly set is information. */
function revision(pair: Pair, old: number | null, now: number | null): { severity: 'warning' | 'info'; how: string; howEn: string } {
  if (old === null) return { severity: 'info', how: '目標の設定', howEn: 'set' };
  if (now === null) return { severity: 'warning', how: '目標の削除', howEn: 'removed' };
  return eases(pair.this.ind.direction, old, now) ? { severity: 'warning', how: '目標の緩和', howEn: 'eased' } : { severity: 'info', how: '目標の引き上げ', howEn: 'raised' };
}

const targetOf = (y: IndicatorYear): number | null | undefined => (isNum(y.target) ? y.target : y.targetState === 'missing' ? null : undefined);

const removedOrAdded = (x: IndicatorAt, side: 'last' | 'this') => onlyInOneYear(indicatorPlace(x), x.ind.source, 'indicator', side);

export const INDICATOR_CHANGE_RULES: CatalogRule<CompareContext, CompareDraft>[] = [
  {
    id: 'target-revised',
    severity: 'warning',
    title: { ja: '同じ指標・同じ年度の目標値が変わった（緩和・削除は警告、引き上げ・設定は情報）', en: 'A target for the same indicator and year changed (eased or removed: warning; raised or set: info)' },
    message: {
      ja: (p) => `${p.who}: ${fyJa(p.year)}の目標が昨年度のブックの ${p.old} から ${p.new} に変わりました（${p.how}）。`,
      en: (p) => `${p.whoEn}: the FY${p.year} target changed from ${p.oldEn} in last year's workbook to ${p.newEn} (${p.howEn}).`,
    },
    check: (ctx) => {
      const out: CompareDraft[] = [];
      for (const pair of ctx.indicators) {
        for (const y of pair.this.ind.years) {
          const ly = pair.last.ind.years.find((x) => x.fiscalYear === y.fiscalYear);
          if (!ly) continue;
          const old = targetOf(ly);
          const now = targetOf(y);
          // Text or an error in either year is another rule's business; two blanks are no change.
          if (old === undefined || now === undefined || (old === null && now === null)) continue;
          if (old !== null && now !== null && sameValue(old, now)) continue;
          const r = revision(pair, old, now);
          out.push(changed(pair, y.targetSource, ly.targetSource, { item: 'target', old, new: now, fiscalYear: y.fiscalYear, severity: r.severity }, { how: r.how, howEn: r.howEn }));
        }
      }
      return out;
    },
  },
  {
    id: 'final-target-revised',
    severity: 'warning',
    title: { ja: '最終目標が変わった（緩和・削除は警告）', en: 'The final target changed (eased or removed: warning)' },
    message: {
      ja: (p) => `${p.who}: 最終目標が昨年度のブックの ${p.old} から ${p.new} に変わりました（${p.how}）。`,
      en: (p) => `${p.whoEn}: the final target changed from ${p.oldEn} in last year's workbook to ${p.newEn} (${p.howEn}).`,
    },
    check: (ctx) => {
      const out: CompareDraft[] = [];
      for (const pair of ctx.indicators) {
        const old = isNum(pair.last.ind.finalTarget) ? pair.last.ind.finalTarget : null;
        const now = isNum(pair.this.ind.finalTarget) ? pair.this.ind.finalTarget : null;
        if ((old === null && now === null) || (old !== null && now !== null && sameValue(old, now))) continue;
        const r = revision(pair, old, now);
        out.push(changed(pair, pair.this.ind.finalTargetSource, pair.last.ind.finalTargetSource, { item: 'finalTarget', old, new: now, fiscalYear: null, severity: r.severity }, { how: r.how, howEn: r.howEn }));
      }
      return out;
    },
  },
  {
    id: 'actual-revised',
    severity: 'warning',
    title: { ja: '昨年度に報告した過去の実績値が書き換えられた', en: 'A past actual reported last year was rewritten' },
    message: {
      ja: (p) => `${p.who}: ${fyJa(p.year)}の実績は昨年度のブックでは ${p.old} でしたが、今年度のブックでは ${p.new} です。`,
      en: (p) => `${p.whoEn}: the FY${p.year} actual was ${p.oldEn} in last year's workbook and is ${p.newEn} now.`,
    },
    check: (ctx) => {
      const out: CompareDraft[] = [];
      for (const pair of ctx.indicators) {
        for (const ly of pair.last.ind.years) {
          // Only what last year reported as a number: a 集計中 that became a number is the normal course.
          if (ly.actualState !== 'number' || !isNum(ly.actual)) continue;
          const y = pair.this.ind.years.find((x) => x.fiscalYear === ly.fiscalYear);
          if (!y) continue;
          const now = y.actualState === 'number' && isNum(y.actual) ? y.actual : null;
          if (now !== null && sameValue(now, ly.actual)) continue;
          const d = changed(pair, y.actualSource, ly.actualSource, { item: 'actual', old: ly.actual, new: now ?? y.actualText ?? null, fiscalYear: ly.fiscalYear }, {});
          if (now === null && y.actualText) d.params = { ...d.params, new: `「${y.actualText}」`, newEn: `"${y.actualText}"` };
          out.push(d);
        }
      }
      return out;
    },
  },
  {
    id: 'unit-changed',
    severity: 'warning',
    title: { ja: '指標の単位が変わった', en: "An indicator's unit changed" },
    message: {
      ja: (p) => `${p.who}: 単位が昨年度のブックの「${p.old}」から「${p.new}」に変わりました。値を比べる前に定義を確認してください。`,
      en: (p) => `${p.whoEn}: the unit changed from "${p.old}" in last year's workbook to "${p.new}"; check the definition before comparing values.`,
    },
    check: (ctx) =>
      ctx.indicators
        .filter((pair) => pair.last.ind.unit && pair.this.ind.unit && nameKey(pair.last.ind.unit) !== nameKey(pair.this.ind.unit))
        .map((pair) => {
          const d = changed(pair, pair.this.ind.source, pair.last.ind.source, { item: 'unit', old: pair.last.ind.unit, new: pair.this.ind.unit, fiscalYear: null }, {});
          d.params = { ...d.params, old: pair.last.ind.unit, new: pair.this.ind.unit };
          return d;
        }),
  },
  {
    id: 'indicator-renamed',
    severity: 'info',
    title: { ja: '指標の名称が変わった（同じ指標として対応付け）', en: 'An indicator was renamed (matched as the same one)' },
    message: RENAMED_MESSAGE,
    check: (ctx) =>
      ctx.indicators
        .filter((pair) => nameKey(pair.last.ind.name) !== nameKey(pair.this.ind.name))
        .map((pair) =>
          changed(pair, pair.this.ind.source, pair.last.ind.source, { item: 'name', old: pair.last.ind.name, new: pair.this.ind.name, fiscalYear: null }, { oldName: pair.last.ind.name, reason: REASON[pair.reason], reasonEn: REASON_EN[pair.reason], confidence: pair.confidence }),
        ),
  },
  {
    id: 'indicator-added',
    severity: 'info',
    title: { ja: '新しい指標', en: 'A new indicator' },
    message: { ja: (p) => `${p.who} は今年度のブックで新しく加わりました。`, en: (p) => `${p.whoEn} is new this year.` },
    check: (ctx) => ctx.addedIndicators.map((x) => removedOrAdded(x, 'this')),
  },
  {
    id: 'indicator-removed',
    severity: 'warning',
    title: { ja: '昨年度にあった指標がない', en: 'An indicator of last year is gone' },
    message: { ja: (p) => `昨年度のブックの ${p.who} が今年度のブックにありません。`, en: (p) => `Last year's ${p.whoEn} is not in this year's workbook.` },
    check: (ctx) => ctx.removedIndicators.map((x) => removedOrAdded(x, 'last')),
  },
];

export { REASON, REASON_EN, RENAMED_MESSAGE };
