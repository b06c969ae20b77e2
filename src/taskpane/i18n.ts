/**
 * The task pane's and the ribbon command's strings, Japanese first. `en` is typed against
 * `ja`, so a key missing from either catalog fails the type check; test/taskpane/i18n.test.ts
 * checks the same at run time (and that placeholders match).
 */
import type { SheetKind } from "../core";

export type Lang = "ja" | "en";

const ja = {
  "app.title": "評価 Hyōka",
  "app.subtitle": "行政評価シートの読み取りと確認",
  "scan.button": "スキャン",
  "scan.rescan": "もう一度スキャン",
  "scan.hint": "ブックのシートを読み取り、政策分野・指標・事務事業を確認します。",
  "scan.reading": "ブックを読み取っています…",
  "scan.readingProgress": "ブックを読み取っています… ({done}/{total})",
  "scan.analyzing": "内容を解析しています…",
  "scan.done": "{sheets} 枚のシートを読み取りました。",
  "sheets.heading": "シートの対応",
  "sheets.caption": "各シートの種類と、そう判断した理由",
  "sheets.col.name": "シート名",
  "sheets.col.kind": "種類",
  "sheets.col.reason": "理由",
  "kind.policyField": "政策分野",
  "kind.projectDetails": "事務事業（詳細）",
  "kind.projectList": "事務事業一覧",
  "kind.hyokaSummary": "評価サマリー（Hyōka 作成）",
  "kind.empty": "空のシート",
  "kind.unknown": "対象外",
  "fields.heading": "政策分野ごとの件数",
  "fields.none": "政策分野は見つかりませんでした。シートの種類と理由を確認してください。",
  "fields.col.asOf": "評価年度",
  "fields.col.indicators": "指標",
  "fields.col.achieved": "達成",
  "fields.col.notAchieved": "未達成",
  "fields.col.notReported": "実績なし",
  "fields.col.pending": "集計中",
  "fields.col.measures": "施策",
  "fields.col.projects": "事務事業",
  "fields.col.findings": "指摘",
  "fields.fiscalYear": "{year}年度",
  "fields.unknown": "—",
  "browser.title": "Excel の外で開かれています",
  "browser.body":
    "このページは Excel のアドインとして動作します。ブラウザーで .xlsx ファイルを開いて確認する機能は今後追加します。",
  "error.title": "うまくいきませんでした",
  "error.office": "Excel がエラーを返しました（コード: {code}）。{message}",
  "error.generic": "予期しないエラーが起きました: {message}",
  "error.retry":
    "ブックを保存してから、もう一度お試しください。続く場合は担当課へ連絡してください。",
  "command.done": "サマリーを作成しました: {sheets}",
  "command.failed": "サマリーを作成できませんでした。{message}",
  "error.protected":
    "シートまたはブックが保護されていると書き込めません。保護を解除してからやり直してください。",
  "error.rolledBack": "ブックは元の状態に戻しました。",
  "error.notRolledBack":
    "ブックを元に戻せなかった可能性があります。作成途中のシートがないか確認してください。",
  "notice.title": "評価 Hyōka",
  "notice.close": "閉じる",
} as const;

export type MessageKey = keyof typeof ja;

const en: Record<MessageKey, string> = {
  "app.title": "Hyōka (評価)",
  "app.subtitle": "Read and check the evaluation workbook",
  "scan.button": "Scan",
  "scan.rescan": "Scan again",
  "scan.hint": "Reads the workbook's sheets and lists the policy fields, indicators and projects.",
  "scan.reading": "Reading the workbook…",
  "scan.readingProgress": "Reading the workbook… ({done}/{total})",
  "scan.analyzing": "Analyzing…",
  "scan.done": "Read {sheets} sheets.",
  "sheets.heading": "Sheet mapping",
  "sheets.caption": "Each sheet's kind and why it was chosen",
  "sheets.col.name": "Sheet",
  "sheets.col.kind": "Kind",
  "sheets.col.reason": "Reason",
  "kind.policyField": "Policy field",
  "kind.projectDetails": "Project details",
  "kind.projectList": "Project list",
  "kind.hyokaSummary": "Hyōka summary",
  "kind.empty": "Empty",
  "kind.unknown": "Not recognised",
  "fields.heading": "Counts per policy field",
  "fields.none": "No policy field was found. Check the sheet kinds and reasons.",
  "fields.col.asOf": "Evaluation year",
  "fields.col.indicators": "KPIs",
  "fields.col.achieved": "Achieved",
  "fields.col.notAchieved": "Not achieved",
  "fields.col.notReported": "Not reported",
  "fields.col.pending": "Pending",
  "fields.col.measures": "Measures",
  "fields.col.projects": "Projects",
  "fields.col.findings": "Findings",
  "fields.fiscalYear": "FY{year}",
  "fields.unknown": "—",
  "browser.title": "Opened outside Excel",
  "browser.body":
    "This page runs as an Excel add-in. Opening an .xlsx file in the browser is coming later.",
  "error.title": "Something went wrong",
  "error.office": "Excel returned an error (code: {code}). {message}",
  "error.generic": "An unexpected error occurred: {message}",
  "error.retry": "Save the workbook and try again. If it keeps happening, contact IT.",
  "command.done": "The summary sheets were created: {sheets}",
  "command.failed": "The summary could not be built. {message}",
  "error.protected":
    "A protected sheet or workbook cannot be written to. Unprotect it and try again.",
  "error.rolledBack": "The workbook was put back as it was.",
  "error.notRolledBack": "The workbook may not have been put back; check for half-built sheets.",
  "notice.title": "Hyōka",
  "notice.close": "Close",
};

export const catalogs: Record<Lang, Record<MessageKey, string>> = { ja, en };

/** ja unless Office's display language is English ("en-US", "en-GB", …). */
export function languageFrom(displayLanguage: string | null | undefined): Lang {
  return /^en\b/i.test(displayLanguage ?? "") ? "en" : "ja";
}

export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

/** A translator for `lang`; `{name}` placeholders are replaced by params (left as is when absent). */
export function translator(lang: Lang): Translate {
  const catalog = catalogs[lang];
  return (key, params) =>
    catalog[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
      params && name in params ? String(params[name]) : whole
    );
}

export function kindKey(kind: SheetKind): MessageKey {
  return `kind.${kind}`;
}
