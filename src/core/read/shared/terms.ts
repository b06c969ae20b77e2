/**
 * The vocabulary of table headers and row labels in the layout families other than the
 * seed's: money items, indicator kinds, hierarchy levels, grades. labels.ts holds the exact
 * label variants of the policyField family; these are patterns, because a header cell of a
 * flat export composes several words ("⑤ 活動指標（事務事業の活動量を表す指標）\nア：名称").
 * Every pattern is matched against termKey(text): NFKC, no white space, no circled numbers.
 */
import type { FinanceItem, IndicatorKind } from '../../model';

const termKeys = new Map<string, string>();

/** NFKC, white space and line breaks removed, ①–⑳ and leading "(1)" / "1." numbering dropped. */
export function termKey(text: string): string {
  let k = termKeys.get(text);
  if (k === undefined) {
    k = text
      .normalize('NFKC')
      .replace(/[\s\u200b]+/g, '')
      .replace(/[①-⑳㉑-㉟]/g, '')
      .replace(/^(?:[(][0-9]{1,2}[)]|[0-9]{1,2}[.、．](?=\D))/, '')
      .replace(/[‐‑‒–—―−－]/g, '-')
      // ー is a dash only between digits ("1ー2"); in words it is the long vowel (コード, センター).
      .replace(/(?<=[0-9])ー(?=[0-9])/g, '-');
    if (termKeys.size > 100_000) termKeys.clear();
    termKeys.set(text, k);
  }
  return k;
}

/**
 * Money items, tried in this order (the first match wins): the more specific words first,
 * so 平均人件費 is a rate, not a cost, and 正規職員所要時間 is hours, not staff.
 */
const FINANCE_TERMS: [FinanceItem, RegExp][] = [
  ['totalCost', /トータルコスト|総コスト|フルコスト|合計コスト|総費用|\(A\)\+\(B\)|A\+B|[+＋].*(人件費|職員費)|事業費.*[+＋]|総事業費[(][^)]*[+＋]/],
  ['personnelRate', /平均(人件費|職員費|給与)|人件費単価|職員費単価|単価\(人件費\)|1人(当たり|あたり)人件費|人件費\/人/],
  ['hours', /業務時間|所要時間|従事時間|時間数|延べ時間|\(時間\)$/],
  ['staff', /人工|従事(職員)?(人数|者数)|職員数|従事人数|人員|職員従事|正規職員(?!.*(時間|費))|業務量/],
  ['personnelCost', /人件費|職員費/],
  // 国・県支出金 / 国道支出金 (national and prefectural together) count as national: the breakdown still adds up.
  ['national', /国庫|国費|国支出金|国補助|^国[・･]?[県道都府]?支出金|国[・･][県道都府]支出金/],
  ['prefectural', /(都道府県|県|道|府)(支出金|補助金|費)|県支出/],
  ['bonds', /地方債|起債|[市町村区]債/],
  ['generalFund', /一般財源/],
  ['other', /^その他(特定財源|財源)?$|その他の?特定財源|^その他[(]/],
  ['projectCost', /事業費|事業経費|直接経費|^決算額|^予算額|^事業費計|^経費|^支出額/],
];

const NOT_MONEY_RE = /余地|削減|改革|改善|理由|説明|内容|方針|目的|[?？]|について|とは/;

/** The money item a header or row label names, or null. */
export function financeItemOf(key: string): FinanceItem | null {
  // A question or a comment column ("事業費の削減余地", "人件費（延べ業務時間）の削減余地") is not a money item.
  if (key === '' || key.length > 30 || NOT_MONEY_RE.test(key)) return null;
  for (const [item, re] of FINANCE_TERMS) if (re.test(key)) return item;
  // "令和5年度決算額", "R4決算 その他": the item after a leading year (and its basis).
  for (const re of [LEADING_YEAR_RE, LEADING_YEAR_BASIS_RE]) {
    const rest = key.replace(re, '');
    if (rest !== key && rest !== '') for (const [item, term] of FINANCE_TERMS) if (term.test(rest)) return item;
  }
  return null;
}

const LEADING_YEAR_RE = /^(?:令和|平成|R|H|FY)?(?:元|[0-9]{1,4})年?度?/;
const LEADING_YEAR_BASIS_RE = /^(?:令和|平成|R|H|FY)?(?:元|[0-9]{1,4})年?度?[(]?(?:決算|予算|見込|計画|当初)(?:額|値)?[)]?/;

/** 財源内訳 / 事業費 / コスト table titles. */
export const MONEY_TABLE_RE = /事業費|財源内訳|財務内容|コスト|投入量|インプット|経費|決算額|予算額/;

/** The indicator kind a header or label names, or null. 重要業績評価指標 (KPI) is the policy field's. */
export function indicatorKindOf(key: string): IndicatorKind | null {
  if (/対象指標/.test(key)) return 'target-population';
  if (/活動指標|アウトプット|活動量/.test(key)) return 'activity';
  if (/成果指標|アウトカム|成果目標/.test(key)) return 'outcome';
  if (/重要業績評価指標|KPI/i.test(key)) return 'kpi';
  return null;
}

/** Which role a row or column label plays in an indicator table. */
export type IndicatorRole = 'target' | 'actual' | 'combined' | 'rate' | 'name' | 'unit' | 'baseline' | 'finalTarget' | 'finalYear';

export function indicatorRoleOf(text: string): IndicatorRole | null {
  if (text === '' || text.length > 60) return null;
  if (/実績.{0,3}[・/]?.{0,2}(計画|目標|見込)|(計画|目標).{0,3}[・/].{0,2}実績/.test(text)) return 'combined';
  // "成果指標（対象における意図の達成度を表す指標）サ：名称": the description in brackets is not the role.
  const key = text.replace(/\([^)]*\)/g, '');
  if (key === '' || key.length > 40) return null;
  if (/達成(率|度)|進捗率/.test(key)) return 'rate';
  if (/^(最終)?目標年度|目標年次|目標時期/.test(key)) return 'finalYear';
  if (/最終目標|目標値\(最終|中間目標|計画目標値/.test(key)) return 'finalTarget';
  if (/基準値|現状値|策定時|基準年|ベースライン|当初値/.test(key)) return 'baseline';
  if (/^(年度)?(目標|計画|予定)(値)?|目標値|計画値|予定値/.test(key)) return 'target';
  if (/^(年度)?実績(値)?|実績値|^結果|見込値|実績見込/.test(key)) return 'actual';
  // "成果指標ア 目標" / "活動指標1 実績": the role at the end of a composed header.
  if (/指標.{0,3}(目標|計画|予定)(値)?$/.test(key)) return 'target';
  if (/指標.{0,3}(実績|結果)(値)?$/.test(key)) return 'actual';
  if (/名称$|指標名|^名称|^指標$/.test(key)) return 'name';
  if (/^単位/.test(key) || /単位$/.test(key)) return 'unit';
  return null;
}

/** A slot of a numbered indicator: ア–ン (katakana), 1–9, ①–⑨ already gone by termKey. */
export function indicatorSlotOf(key: string): string | null {
  const m = /(?:指標|アウトプット|アウトカム)(?:名)?([ア-ン]|[0-9]{1,2})(?![0-9])|(?:^|[^ア-ン])([ア-ン])[:：]/.exec(key);
  if (m) return m[1] ?? m[2];
  const tail = /^([ア-ン])(?:$|[:：(])/.exec(key);
  return tail ? tail[1] : null;
}

/** Hierarchy levels as column headers or form labels. */
export type LevelId = 'policy' | 'measure' | 'basic' | 'project';

export function levelOf(key: string): LevelId | null {
  if (key.length > 24) return null;
  if (/基本事業/.test(key)) return 'basic';
  if (/事務事業|^事業(名|番号|ID|コード|No)/i.test(key)) return 'project';
  if (/施策/.test(key)) return 'measure';
  if (/政策分野|政策|基本目標|分野/.test(key)) return 'policy';
  return null;
}

/** Does a header name a number (番号 / No / ID / コード / 十の位…) rather than a name? */
export function isNumberHeader(key: string): boolean {
  return (/番号|No\.?|NO|№|ID|コード|CD|十の位|一の位|百の位/i.test(key) || /^.{0,4}体系(番号|コード)?$/.test(key)) && !/名称|名$/.test(key);
}

/** The place of a split number column: 十の位 → 1, 一の位 → 0 (powers of ten), or null. */
export function digitPlaceOf(key: string): number | null {
  if (/千の位/.test(key)) return 3;
  if (/百の位/.test(key)) return 2;
  if (/十の位/.test(key)) return 1;
  if (/一の位/.test(key)) return 0;
  return null;
}

/** 一次評価 / 二次評価 / 総合評価 labels. */
export function gradeStageOf(key: string): 'primary' | 'secondary' | 'overall' | null {
  if (key.length > 24) return null;
  if (/一次評価|1次評価|第一次評価|担当課評価|所管課評価|自己評価|内部評価/.test(key)) return 'primary';
  if (/二次評価|2次評価|第二次評価|外部評価|委員会評価|本部評価/.test(key)) return 'secondary';
  if (/^総合評価|^評価結果$|^施策(の)?評価$|^事業(の)?評価$|^評価$|^総括評価|^評価区分$/.test(key)) return 'overall';
  return null;
}

/** A grade as written: A–E (full-width too), or a short direction word. */
export function gradeValueOf(text: string): string | null {
  const t = text.normalize('NFKC').replace(/\s+/g, '');
  // "B", "Ｂ", "A 順調", "C評価": a letter grade with at most a short word after it.
  const m = /^([A-ES])(?![A-Za-z])/i.exec(t);
  if (m && t.length <= 8) return m[1].toUpperCase();
  if (/^(拡充|拡大|継続|現状維持|改善|見直し|縮小|休止|廃止|完了|終了|統合|重点化)/.test(t) && t.length <= 12) return t;
  return null;
}
