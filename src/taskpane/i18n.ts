/**
 * The task pane's and the ribbon command's strings, Japanese first. `en` is typed against
 * `ja`, so a key missing from either catalog fails the type check; test/taskpane/i18n.test.ts
 * checks the same at run time (and that placeholders match).
 */
import type { Direction, Severity, SheetKind, YearStatus } from "../core";
import { warekiYear } from "../core/i18n/summary";

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
  "kind.projectSheet": "事務事業評価シート",
  "kind.measureSheet": "施策評価シート",
  "kind.projectTable": "事務事業の一覧表（1行1事業）",
  "kind.custom": "読み取り設定で定義した表",
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
  "error.cellEdit":
    "セルの編集中は Excel が受け付けません。Enter キーで編集を終えてから、もう一度お試しください。",
  "error.tooLarge":
    "一度に送れる量（5 MB）を超えました。ブックを保存し、不要なシートを閉じてからもう一度お試しください。",
  "error.emptyChart": "数値のない系列だけのグラフは作成できません。",
  "error.undoGroup": "Excel がこの操作をひとつの「元に戻す」にまとめられませんでした。",
  "error.busy":
    "別のサマリー作成（{by}、{time} 開始）が実行中です。終わってから、もう一度お試しください。",
  "origin.pane": "作業ウィンドウ",
  "origin.ribbon": "リボン",
  "origin.unknown": "別の画面",
  "build.chartSkipped": "グラフ「{title}」（{sheet}）は数値がないため作成しませんでした。",
  "selfcheck.heading": "動作確認",
  "selfcheck.hint":
    "この Excel で Hyōka が使う機能を、作業用シートを一時的に作って確かめます。ブックの内容は読み取りも変更もしません。結果をコピーして担当課へ送ってください。",
  "selfcheck.button": "動作確認を実行",
  "selfcheck.running": "動作確認を実行しています…",
  "selfcheck.done": "動作確認が終わりました。結果は下の欄にあります。",
  "selfcheck.report": "動作確認の結果（コピーして担当課へ）",
  "error.notRolledBack":
    "ブックを元に戻せなかった可能性があります。作成途中のシートがないか確認してください。",
  "notice.title": "評価 Hyōka",
  "notice.close": "閉じる",
  "app.workbook": "対象: {name}",
  "open.heading": "ファイルを開く",
  "open.hint":
    "Excel の外で開かれています。評価シートの .xlsx ファイルを選ぶと、Excel と同じ手順で確認とサマリー作成ができます。ファイルはこのブラウザーの中だけで処理され、どこにも送信されません。",
  "open.button": "ファイルを開く（.xlsx）",
  "open.inputLabel": "評価シートの .xlsx ファイル",
  "open.opened": "{name} を開きました。「スキャン」を押してください。",
  "open.notXlsx":
    "{name} は .xlsx ファイルではありません。Excel で .xlsx 形式で保存してから開いてください。",
  "tabs.label": "手順",
  "tabs.sheets": "シート",
  "tabs.overview": "概要",
  "tabs.findings": "指摘 ({count})",
  "tabs.build": "サマリー作成",
  "sheets.kindLabel": "{sheet} の種類",
  "sheets.auto": "自動判定（{kind}）",
  "sheets.autoUnknown": "自動判定",
  "sheets.overridden": "あなたが指定した種類です。",
  "sheets.changed": "{sheet} の種類を「{kind}」にして再解析しました。",
  "status.achieved": "✓ 達成",
  "status.notAchieved": "✗ 未達成",
  "status.notReported": "－ 実績なし",
  "status.pending": "… 集計中",
  "status.future": "・ 今後の年度",
  "status.invalid": "！ 数値でない",
  "status.none": "— 判定なし",
  "overview.field": "政策分野{id} {name}",
  "overview.sheet": "シート: {sheet}",
  "overview.asOfLabel": "評価年度（政策分野{id}。自動は実績のある最新年度）",
  "overview.asOfAuto": "自動: {year}",
  "overview.asOfAutoNone": "自動（実績なし）",
  "overview.year": "{wareki}年度（{year}）",
  "overview.countsCaption": "評価年度の指標の状況",
  "overview.kpiCaption": "指標ごとの状況と目標の方向",
  "overview.col.no": "番号",
  "overview.col.name": "指標",
  "overview.col.status": "状況",
  "overview.col.direction": "方向",
  "overview.rate": "達成率 {rate}",
  "overview.directionLabel": "指標{no}「{name}」の方向",
  "overview.directionAuto": "自動: {direction}",
  "overview.changed": "再解析しました。",
  "direction.increase": "増やす",
  "direction.decrease": "減らす",
  "direction.maintain": "維持する",
  "grades.heading": "評価区分（達成率による）",
  "grades.hint": "各区分の下限の達成率（%）です。上の区分ほど大きい値にしてください。",
  "grades.minLabel": "区分 {grade} の下限（%）",
  "grades.last": "{grade}: それ未満",
  "grades.invalid":
    "下限は上の区分ほど大きく、0 以上の数にしてください。前の表のまま解析しています。",
  "grades.reset": "既定の区分に戻す",
  "findings.heading": "指摘",
  "findings.filters": "絞り込み",
  "findings.severityLabel": "重要度",
  "findings.ruleLabel": "ルール",
  "findings.textLabel": "文字で絞り込み",
  "findings.all": "すべて",
  "findings.shown": "{count} 件中 {shown} 件を表示",
  "findings.none": "指摘はありません。",
  "findings.noMatch": "条件に合う指摘はありません。",
  "findings.group": "{label}（{count} 件）",
  "findings.selected": "選択中",
  "findings.selectedCell": "{place} を選択しました。",
  "findings.shownCell":
    "{place} の位置です（ブラウザーでは Excel のセルを選択できません。ダウンロードしたファイルを Excel で開くと確認できます）。",
  "severity.error": "✖ エラー",
  "severity.warning": "⚠ 注意",
  "severity.info": "ℹ 情報",
  "build.heading": "サマリーを作成",
  "build.hint":
    "評価・事務事業・グラフ・指摘・実行記録のシートをこのブックに追加します。元のシートは変更しません。前回作成したサマリーシートは置き換えます。",
  "build.hintBrowser":
    "評価・事務事業・グラフ・指摘・実行記録のシートを加えたブックを作ります。開いたファイル自体は変更しません。",
  "build.button": "サマリーを作成",
  "build.steps": "進み具合",
  "build.step.read": "ブックを読み取る",
  "build.step.analyze": "内容を解析する",
  "build.step.write": "サマリーシートを書き込む",
  "build.step.package": "ダウンロードの準備",
  "build.stepDone": "✓ 完了",
  "build.stepRunning": "▶ 実行中",
  "build.stepWaiting": "○ 待機",
  "build.stepFailed": "✖ 失敗",
  "build.running": "{step}…",
  "build.done": "サマリーシートを作成しました。",
  "build.sheetsHeading": "作成したシート",
  "build.goTo": "シート「{sheet}」を開く",
  "build.sheetShown": "シート「{sheet}」はダウンロードしたファイルにあります。",
  "build.renamed": "同じ名前のシートがあったため「{wanted}」は「{used}」という名前にしました。",
  "build.download": "サマリー付きのブックをダウンロード（{file}）",
  "build.failed": "サマリーを作成できませんでした。",
  "error.fileUnreadable":
    "{name} を .xlsx として読み取れませんでした。Excel で開いて .xlsx 形式で保存し直してから、もう一度開いてください。（{message}）",
  "error.xlsx": "このブックにはサマリーを書き込めませんでした（コード: {code}）。{message}",
  "error.settings": "設定をブックに保存できませんでした。{message}",
  "error.analyze": "解析中にエラーが起きました。{message}",
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
  "kind.projectSheet": "Project evaluation sheet",
  "kind.measureSheet": "Measure evaluation sheet",
  "kind.projectTable": "Project table (one row each)",
  "kind.custom": "Layout taught in a profile",
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
  "error.title": "Something went wrong",
  "error.office": "Excel returned an error (code: {code}). {message}",
  "error.generic": "An unexpected error occurred: {message}",
  "error.retry": "Save the workbook and try again. If it keeps happening, contact IT.",
  "command.done": "The summary sheets were created: {sheets}",
  "command.failed": "The summary could not be built. {message}",
  "error.protected":
    "A protected sheet or workbook cannot be written to. Unprotect it and try again.",
  "error.rolledBack": "The workbook was put back as it was.",
  "error.cellEdit":
    "Excel does not accept changes while a cell is being edited. Press Enter to finish editing, then try again.",
  "error.tooLarge":
    "The data passed what Excel accepts in one go (5 MB). Save the workbook, close sheets you do not need and try again.",
  "error.emptyChart": "A chart whose series hold no numbers cannot be created.",
  "error.undoGroup": "Excel could not make this change a single undo step.",
  "error.busy":
    "Another summary build ({by}, started {time}) is running. Try again when it has finished.",
  "origin.pane": "task pane",
  "origin.ribbon": "ribbon",
  "origin.unknown": "another window",
  "build.chartSkipped": "The chart “{title}” ({sheet}) was not created: it has no numbers.",
  "selfcheck.heading": "Self-check",
  "selfcheck.hint":
    "Checks every Excel feature Hyōka uses on a scratch sheet it creates and removes; your workbook is neither read nor changed. Copy the result to your IT department.",
  "selfcheck.button": "Run the self-check",
  "selfcheck.running": "Running the self-check…",
  "selfcheck.done": "The self-check has finished. The result is in the box below.",
  "selfcheck.report": "Self-check result (copy it to IT)",
  "error.notRolledBack": "The workbook may not have been put back; check for half-built sheets.",
  "notice.title": "Hyōka",
  "notice.close": "Close",
  "app.workbook": "Workbook: {name}",
  "open.heading": "Open a file",
  "open.hint":
    "This page is open outside Excel. Choose an evaluation workbook (.xlsx) to check it and build the summary, the same way as in Excel. The file is processed inside this browser only and is sent nowhere.",
  "open.button": "Open a file (.xlsx)",
  "open.inputLabel": "Evaluation workbook (.xlsx)",
  "open.opened": "Opened {name}. Press Scan.",
  "open.notXlsx": "{name} is not an .xlsx file. Save it as .xlsx in Excel, then open it.",
  "tabs.label": "Steps",
  "tabs.sheets": "Sheets",
  "tabs.overview": "Overview",
  "tabs.findings": "Findings ({count})",
  "tabs.build": "Build summary",
  "sheets.kindLabel": "Kind of {sheet}",
  "sheets.auto": "Automatic ({kind})",
  "sheets.autoUnknown": "Automatic",
  "sheets.overridden": "Kind set by you.",
  "sheets.changed": 'Set {sheet} to "{kind}" and analyzed again.',
  "status.achieved": "✓ Achieved",
  "status.notAchieved": "✗ Not achieved",
  "status.notReported": "– Not reported",
  "status.pending": "… Pending",
  "status.future": "· Future year",
  "status.invalid": "! Not a number",
  "status.none": "— No verdict",
  "overview.field": "Policy field {id} {name}",
  "overview.sheet": "Sheet: {sheet}",
  "overview.asOfLabel": "Evaluation year (policy field {id}; automatic = latest year with actuals)",
  "overview.asOfAuto": "Automatic: {year}",
  "overview.asOfAutoNone": "Automatic (no actuals)",
  "overview.year": "FY{year} ({wareki})",
  "overview.countsCaption": "KPIs in the evaluation year",
  "overview.kpiCaption": "Each KPI's status and target direction",
  "overview.col.no": "No.",
  "overview.col.name": "KPI",
  "overview.col.status": "Status",
  "overview.col.direction": "Direction",
  "overview.rate": "achievement {rate}",
  "overview.directionLabel": 'Direction of KPI {no} "{name}"',
  "overview.directionAuto": "Auto: {direction}",
  "overview.changed": "Analyzed again.",
  "direction.increase": "Increase",
  "direction.decrease": "Decrease",
  "direction.maintain": "Maintain",
  "grades.heading": "Grades (by achievement rate)",
  "grades.hint": "The lowest achievement rate (%) of each grade. Higher grades need higher values.",
  "grades.minLabel": "Lowest rate for grade {grade} (%)",
  "grades.last": "{grade}: anything below",
  "grades.invalid":
    "Each grade's lowest rate must be a number ≥ 0 and higher grades need higher values. The previous table is still in use.",
  "grades.reset": "Back to the default grades",
  "findings.heading": "Findings",
  "findings.filters": "Filter",
  "findings.severityLabel": "Severity",
  "findings.ruleLabel": "Rule",
  "findings.textLabel": "Filter by text",
  "findings.all": "All",
  "findings.shown": "Showing {shown} of {count}",
  "findings.none": "No findings.",
  "findings.noMatch": "No finding matches the filter.",
  "findings.group": "{label} ({count})",
  "findings.selected": "Selected",
  "findings.selectedCell": "Selected {place}.",
  "findings.shownCell":
    "The finding is at {place} (a browser cannot select Excel cells; open the downloaded file in Excel to see it).",
  "severity.error": "✖ Error",
  "severity.warning": "⚠ Warning",
  "severity.info": "ℹ Info",
  "build.heading": "Build summary",
  "build.hint":
    "Adds evaluation, projects, charts, findings and run-log sheets to this workbook. Source sheets are not changed; summary sheets from an earlier run are replaced.",
  "build.hintBrowser":
    "Makes a copy of the workbook with evaluation, projects, charts, findings and run-log sheets added. The file you opened is not changed.",
  "build.button": "Build summary",
  "build.steps": "Progress",
  "build.step.read": "Read the workbook",
  "build.step.analyze": "Analyze",
  "build.step.write": "Write the summary sheets",
  "build.step.package": "Prepare the download",
  "build.stepDone": "✓ Done",
  "build.stepRunning": "▶ Running",
  "build.stepWaiting": "○ Waiting",
  "build.stepFailed": "✖ Failed",
  "build.running": "{step}…",
  "build.done": "The summary sheets were created.",
  "build.sheetsHeading": "Created sheets",
  "build.goTo": 'Go to sheet "{sheet}"',
  "build.sheetShown": 'Sheet "{sheet}" is in the downloaded file.',
  "build.renamed": 'A sheet named "{wanted}" already existed, so the new one is "{used}".',
  "build.download": "Download the summarized workbook ({file})",
  "build.failed": "The summary could not be built.",
  "error.fileUnreadable":
    "{name} could not be read as an .xlsx file. Open it in Excel, save it as .xlsx and open it again. ({message})",
  "error.xlsx": "The summary could not be written into this workbook (code: {code}). {message}",
  "error.settings": "Your choices could not be saved in the workbook. {message}",
  "error.analyze": "The analysis failed. {message}",
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

export function statusKey(status: YearStatus | null): MessageKey {
  return status === null ? "status.none" : `status.${status}`;
}

export function severityKey(severity: Severity): MessageKey {
  return `severity.${severity}`;
}

export function directionKey(direction: Direction): MessageKey {
  return `direction.${direction}`;
}

/** "令和4年度（2022）" / "FY2022 (令和4)". */
export function yearText(t: Translate, fiscalYear: number): string {
  return t("overview.year", { year: fiscalYear, wareki: warekiYear(fiscalYear) });
}
