/** Rules about a layout profile that does not fit the workbook it reads. */
import type { Draft, Rule } from './types';

export const PROFILE_RULES: Rule[] = [
  {
    id: 'profile-anchor-missing',
    severity: 'warning',
    title: { ja: '読み取り設定のラベルがシートにない', en: 'A label of the layout profile is not on the sheet' },
    message: {
      ja: (p) => `シート「${p.sheet}」: 読み取り設定（項目 ${p.entry}）の「${p.missing}」が見つかりません。このシートは自動判定で読み取りました。設定を見直してください。`,
      en: (p) => `Sheet "${p.sheet}": the layout profile's entry ${p.entry} names "${p.missing}", which the sheet does not have; the sheet was read automatically instead. Check the profile.`,
    },
    check: (ctx) =>
      (ctx.notes ?? [])
        .filter((n) => n.sheet !== null)
        .map((n): Draft => ({ at: { sheet: n.sheet!, address: 'A1', ...(n.file === undefined ? {} : { file: n.file }) }, params: { sheet: n.sheet!, entry: (n.entry ?? 0) + 1, missing: n.missing.join('」「') } })),
  },
  {
    id: 'profile-entry-unused',
    severity: 'info',
    title: { ja: 'どのシートにも合わない読み取り設定', en: 'A layout profile entry no sheet matches' },
    message: {
      ja: (p) => `読み取り設定の項目 ${p.entry}（${p.what}）に合うシートがありません。シート名やラベルが変わっていないか確認してください。`,
      en: (p) => `No sheet matches the layout profile's entry ${p.entry} (${p.what}); check whether a sheet was renamed or its labels changed.`,
    },
    check: (ctx) => {
      const first = ctx.sheets?.[0];
      if (!first) return [];
      const at = { sheet: first.name, address: 'A1', ...(first.file === undefined ? {} : { file: first.file }) };
      return (ctx.notes ?? []).filter((n) => n.sheet === null).map((n): Draft => ({ at, params: { entry: (n.entry ?? 0) + 1, what: n.missing.join(' / ') } }));
    },
  },
];
