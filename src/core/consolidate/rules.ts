/**
 * The consolidation rules: what joining several workbooks found, as findings that name both
 * files. Data like the validation catalog (src/core/rules): id, severity, titles, messages, check.
 */
import { fieldKey } from '../fieldKey';
import type { Grid } from '../grid';
import { fmt, fyJa } from '../rules/format';
import type { CatalogRule, Draft } from '../rules/types';
import type { DifferenceItem } from './differences';
import type { JoinContext } from './types';

export interface ConsolidationContext extends JoinContext {
  /** Sheets of project blocks or lists that no policy field of any workbook claims. */
  unattached: { grid: Grid; projects: number }[];
}

const ITEM: Record<DifferenceItem, { ja: string; en: string }> = {
  name: { ja: '名称', en: 'name' },
  unit: { ja: '単位', en: 'unit' },
  finalTarget: { ja: '最終目標', en: 'final target' },
  target: { ja: '目標', en: 'target' },
  actual: { ja: '実績', en: 'actual' },
  projectCost: { ja: '事業費', en: 'project cost' },
  generalFund: { ja: '一般財源', en: 'general fund' },
  personnelCost: { ja: '人件費', en: 'personnel cost' },
};

/** "このブック" for the workbook the summary is written into (file null). */
export const fileWords = (file: string | null | undefined) => ({ ja: file ?? 'このブック', en: file ?? 'this workbook' });

export const CONSOLIDATION_RULES: CatalogRule<ConsolidationContext>[] = [
  {
    id: 'consolidate-conflict',
    severity: 'error',
    title: { ja: '複数のブックにある同じ指標・事業の値が食い違う', en: 'Two workbooks give one indicator or project different values' },
    message: {
      ja: (p) => `${p.who} は ${p.kept} と ${p.other} の両方にありますが、${p.year}${p.item}が異なります（${p.kept}: ${p.keptValue}、${p.other}: ${p.otherValue}${p.more}）。${p.kept} の値を使いました。`,
      en: (p) => `${p.whoEn} is in both ${p.keptEn} and ${p.otherEn}, with different ${p.yearEn}${p.itemEn} (${p.keptEn}: ${p.keptValue}, ${p.otherEn}: ${p.otherValue}${p.moreEn}). The values of ${p.keptEn} are used.`,
    },
    check: (ctx) =>
      ctx.collisions
        .filter((c) => c.kind !== 'field' && c.differences.length)
        .map((c): Draft => {
          const d = c.differences[0];
          const rest = c.differences.length - 1;
          const kept = fileWords(c.keptFile);
          const other = fileWords(c.otherFile);
          return {
            at: d.at ?? c.at,
            params: {
              who: c.who.ja,
              whoEn: c.who.en,
              kept: kept.ja,
              keptEn: kept.en,
              other: other.ja,
              otherEn: other.en,
              year: d.fiscalYear === null ? '' : `${fyJa(d.fiscalYear)}の`,
              yearEn: d.fiscalYear === null ? '' : `FY${d.fiscalYear} `,
              item: ITEM[d.item].ja,
              itemEn: ITEM[d.item].en,
              keptValue: fmt(d.kept),
              otherValue: fmt(d.other),
              more: rest ? `、ほか ${rest} 件` : '',
              moreEn: rest ? `; ${rest} more` : '',
            },
            policyField: c.field.id,
            indicator: c.indicator ?? null,
            project: c.project ?? null,
            measure: c.measure ?? null,
            fiscalYear: d.fiscalYear,
          };
        }),
  },
  {
    id: 'consolidate-duplicate',
    severity: 'info',
    title: { ja: '複数のブックにある同じ指標・事業（値は一致）', en: 'One indicator or project in two workbooks, with the same values' },
    message: {
      ja: (p) => `${p.who} は ${p.kept} と ${p.other} の両方にあります。値は一致しているので、1 件として数えました。`,
      en: (p) => `${p.whoEn} is in both ${p.keptEn} and ${p.otherEn}; the values agree, so it is counted once.`,
    },
    check: (ctx) =>
      ctx.collisions
        .filter((c) => c.kind !== 'field' && !c.differences.length)
        .map((c) => {
          const kept = fileWords(c.keptFile);
          const other = fileWords(c.otherFile);
          return {
            at: c.at,
            params: { who: c.who.ja, whoEn: c.who.en, kept: kept.ja, keptEn: kept.en, other: other.ja, otherEn: other.en },
            policyField: c.field.id,
            indicator: c.indicator ?? null,
            project: c.project ?? null,
            measure: c.measure ?? null,
          };
        }),
  },
  {
    id: 'consolidate-field-name',
    severity: 'warning',
    title: { ja: '同じ番号の政策分野の名称がブックによって異なる', en: 'One policy field number with two names' },
    message: {
      ja: (p) => `${p.who} の名称が ${p.kept} では「${p.keptName}」、${p.other} では「${p.otherName}」です。同じ政策分野としてまとめ、${p.kept} の名称を使いました。番号を確認してください。`,
      en: (p) => `${p.whoEn} is "${p.keptName}" in ${p.keptEn} but "${p.otherName}" in ${p.otherEn}. They are joined as one field under the name in ${p.keptEn}; check the numbering.`,
    },
    check: (ctx) =>
      ctx.collisions
        .filter((c) => c.kind === 'field')
        .map((c) => {
          const kept = fileWords(c.keptFile);
          const other = fileWords(c.otherFile);
          const d = c.differences[0];
          return {
            at: c.at,
            params: { who: c.who.ja, whoEn: c.who.en, kept: kept.ja, keptEn: kept.en, other: other.ja, otherEn: other.en, keptName: String(d.kept), otherName: String(d.other) },
            policyField: fieldKey(c.field) === '?' ? null : c.field.id,
          };
        }),
  },
  {
    id: 'consolidate-unattached',
    severity: 'warning',
    title: { ja: 'どの政策分野のものか分からない事務事業のシート', en: 'Project sheets no policy field claims' },
    message: {
      ja: (p) => `${p.file} のシート「${p.sheet}」の事務事業 ${p.count} 件は、どの政策分野のものか分かりません（見出しやシート名に「政策分野N」がなく、事業名も一致しません）。サマリーには含めていません。`,
      en: (p) => `The ${p.count} projects on sheet "${p.sheet}" of ${p.fileEn} belong to no policy field found (no "政策分野N" heading or sheet name, no matching project name); they are left out of the summary.`,
    },
    check: (ctx) =>
      ctx.unattached.map(({ grid, projects }) => {
        const file = fileWords(grid.file ?? null);
        return { at: grid.ref(0, 0), params: { file: file.ja, fileEn: file.en, sheet: grid.name, count: projects } };
      }),
  },
];
