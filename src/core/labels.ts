/**
 * The one dictionary of label variants Hyōka recognises. Keys are compared after
 * labelKey() (NFKC, spaces and line breaks removed), so "指 標 名" and "指標名" are one.
 * A variant ending in "*" matches as a prefix ("概要(目的と内容)" by "概要*").
 */
import { labelKey } from './normalize';

export const LABELS = {
  vision: ['目指す姿', 'めざす姿', '目指すまちの姿', '目指す姿(将来像)'],
  measureList: ['施策', '施策一覧', '施策の体系'],
  measureNoHeader: ['施策番号', '番号'],
  kpiSection: ['重要業績評価指標の達成状況*', '重要業績評価指標*', 'KPIの達成状況*', '成果指標の達成状況*'],
  kpiName: ['指標名', '指標', '指標名称', '成果指標名', '重要業績評価指標名', 'KPI', 'KPI名'],
  unit: ['単位'],
  definition: ['説明又は計算式', '説明または計算式', '説明・計算式', '指標の説明', '説明', '計算式', '定義', '指標の定義', '算出方法'],
  year: ['年度', '年 度', '区分'],
  target: ['目標', '目標値', '目標(値)', '目標(計画)', '計画', '計画値', '年度目標'],
  actual: ['実績', '実績値', '実績(値)', '実績(見込)', '実績(見込み)', '現状値', '結果'],
  baseline: ['基準値*', '基準年*', '策定時*', 'ベースライン*', '計画策定時*'],
  finalTarget: ['最終目標*', '最終目標値*', '目標値(最終)*', '最終年度目標*'],
  verification: ['検証', '検証結果', '分析', '検証・分析', '分析・検証', '評価・検証', '検証・評価', '要因分析', '検証(要因分析)', 'コメント'],
  measureEval: ['施策の評価*'],
  focus: ['今年度の重点方針*', '重点方針*'],
  status: ['取組状況*', '取組の状況*'],
  issues: ['課題認識と今後の方針・改善点*', '課題認識*', '課題と今後の方針*'],
  related: ['関連する政策分野と事務事業*', '関連事業*'],
  relatedField: ['政策分野'],
  relatedName: ['事務事業名', '事業名'],
  relatedDept: ['担当部・課名', '担当部・課', '担当課', '担当部課', '所管課', '担当'],
  finalEvaluation: ['施策の最終評価*', '最終評価*'],
  projectList: ['事務事業一覧*', '事業一覧*'],
  listNo: ['番号', 'No', 'No.', '事業番号'],
  listLogicModel: ['ロジックモデル*'],
  listPriority: ['重点事業*', '重点'],
  listPopulation: ['人口減少対策*'],
  listSdgs: ['SDGsターゲット*', 'SDGs*'],
  listName: ['事務事業名', '事業名'],
  listPolicy: ['次年度方針*', '方針'],
  listDept: ['担当部・課*', '担当課*', '担当部課*', '所管課*'],
  projectName: ['事業名', '事務事業名'],
  legalBasis: ['法定/自主', '法定・自主', '法定/任意', '法定自主', '根拠(法定/自主)'],
  department: ['担当部・課', '担当部・課名', '担当課', '担当部課', '所管課', '担当部署'],
  nextYearPolicy: ['次年度方針', '次年度の方針', '今後の方針(次年度)'],
  overview: ['概要*', '事業概要*', '目的と内容*'],
  finance: ['財務内容*', '財政内容*', '事業費の推移*'],
  projectCost: ['事業費', '総事業費', '事業費計'],
  generalFund: ['所要一般財源', '一般財源', '一般財源等', 'うち一般財源', '(うち一般財源)', '所要一般財源額'],
  personnelCost: ['概算人件費*', '人件費', '人件費(概算)', '職員人件費'],
  progress: ['これまでの取組状況*', '取組状況*', 'これまでの取組*'],
  logicModel: ['ロジックモデル*'],
  lmActivities: ['事業実績', '活動', '活動実績', 'アウトプット'],
  lmShort: ['短期成果', '初期成果', '短期アウトカム'],
  lmMid: ['中期成果', '中間成果', '中期アウトカム'],
  lmFinal: ['最終成果', '最終アウトカム', '長期成果'],
  outcomes: ['成果の推移*'],
  outcomeItem: ['項目', '指標'],
  projectVerification: ['事業の検証*', '検証(課題認識*'],
} as const;

export type LabelId = keyof typeof LABELS;

const compiled = new Map<LabelId, { exact: Set<string>; prefixes: string[] }>();
for (const [id, variants] of Object.entries(LABELS) as [LabelId, readonly string[]][]) {
  const exact = new Set<string>();
  const prefixes: string[] = [];
  for (const v of variants) {
    if (v.endsWith('*')) prefixes.push(labelKey(v.slice(0, -1)));
    else exact.add(labelKey(v));
  }
  compiled.set(id, { exact, prefixes });
}

/** Strips a leading section number: "1 政策分野の進捗状況", "２．施策の評価", "(3)…". */
export function stripNumbering(key: string): string {
  return key.replace(/^(?:[0-9]{1,2}[.、)．]?|[(（][0-9]{1,2}[)）]|[①-⑳]|[IVX]+[.．])(?=\D)/, '');
}

function matches(key: string, id: LabelId): boolean {
  const c = compiled.get(id)!;
  if (c.exact.has(key)) return true;
  for (const p of c.prefixes) if (key.startsWith(p)) return true;
  return false;
}

const ALL_IDS = Object.keys(LABELS) as LabelId[];
/** Label ids per distinct key, computed once: a workbook repeats the same few labels thousands of times. */
const idsByKey = new Map<string, ReadonlySet<LabelId>>();

function idsOf(key: string): ReadonlySet<LabelId> {
  let ids = idsByKey.get(key);
  if (!ids) {
    ids = new Set(ALL_IDS.filter((id) => matches(key, id)));
    if (idsByKey.size > 100_000) idsByKey.clear();
    idsByKey.set(key, ids);
  }
  return ids;
}

const NONE: ReadonlySet<LabelId> = new Set();

/** Every label id a key carries (usually none: most cells are values). */
export function labelIds(key: string): ReadonlySet<LabelId> {
  return key === '' ? NONE : idsOf(key);
}

/** Does a cell's text carry label `id`? `key` is labelKey(text). */
export function isLabel(key: string, id: LabelId): boolean {
  return key !== '' && idsOf(key).has(id);
}

const sectionIdsByKey = new Map<string, ReadonlySet<LabelId>>();

/** Label ids of a key, also after stripping a leading section number ("2 施策の評価"). */
export function sectionLabelIds(key: string): ReadonlySet<LabelId> {
  if (key === '') return NONE;
  let ids = sectionIdsByKey.get(key);
  if (!ids) {
    ids = new Set([...idsOf(key), ...labelIds(stripNumbering(key))]);
    if (sectionIdsByKey.size > 100_000) sectionIdsByKey.clear();
    sectionIdsByKey.set(key, ids);
  }
  return ids;
}

/** Like isLabel, also after stripping a leading section number. */
export function isSectionLabel(key: string, id: LabelId): boolean {
  return sectionLabelIds(key).has(id);
}
