/**
 * The labels of the header blocks of 事務事業評価シート and 施策評価シート, as patterns on
 * termKey(text). One place for them, as labels.ts is for the policyField family.
 */
import { financeItemOf, gradeStageOf, indicatorKindOf, indicatorRoleOf } from './terms';

export const FORM = {
  projectName: /^(事務)?事業名(称)?$|^事務事業$|^事業の名称$/,
  projectId: /^(事務事業|事業)(番号|ID|コード|CD|No\.?|NO\.?|№)$|^整理番号$|^(No|NO)\.?$|^№$|^事業コード$/i,
  measureName: /^施策(名|名称)?$|^基本施策(名)?$|^中項目$|^主要施策$|^分野別施策$/,
  measureCode: /^施策(№|No\.?|NO\.?|番号|コード|CD)$|^施策体系(番号)?$|^政策体系(番号)?$|^体系(番号|コード)?$|^総合計画(の)?(体系|位置付け|位置づけ)$|^計画体系$/i,
  policy: /^(政策分野|政策|政策名|基本目標|基本政策|分野|大項目|章|政策の柱)$/,
  basic: /^基本事業(名|名称)?$|^小項目$|^施策の方向(性)?$|^細項目$|^単位施策$/,
  department: /^(所属|担当課|所管課|担当部署|部課名|課等名|課名|担当部課|担当部局|所管部署|所管部課|担当所属)(名)?$|^担当(部|課|部・課)$|^所管$/,
  legalBasis: /根拠法令|根拠法|根拠条例|法令等|根拠$/,
  period: /^(事業)?(実施)?期間$|^(事業)?開始(年度)?$|^(事業)?終了(予定)?(年度)?$|^始期$|^終期$/,
  overview: /^(事業|事務事業)?(の)?概要$|^事業内容$|^(事業の)?目的$|^手段$|^事業の内容$/,
  nextYearPolicy: /今後の方向性|次年度(の)?方針|今後の方針|改革改善の方向性|今後の取組方針|方向性$/,
  evaluationYear: /^(評価|対象|実施)年度$|^評価対象年度$/,
  title: /事務事業評価|事業評価(シート|表|調書|書)|評価(シート|調書|表)|マネジメントシート|事業シート/,
  measureTitle: /施策評価|施策(の)?(シート|評価表|調書)|基本事業評価/,
};

/** Any label of the form, of an indicator or money table: never read as a value. */
export function isFormLabel(key: string): boolean {
  if (key === '' || key.length > 24) return false;
  for (const re of Object.values(FORM)) if (re.test(key)) return true;
  return !!(financeItemOf(key) || gradeStageOf(key) || (indicatorKindOf(key) && key.length <= 8) || indicatorRoleOf(key) === 'target' || indicatorRoleOf(key) === 'actual');
}
