/**
 * The self-check's report as text a user copies to IT: the same for both languages (every
 * label is Japanese / English), one probe a line, status words fixed so IT can search them.
 * The format is documented in docs/self-check.md.
 */
import { VERSION } from "../core/version";
import type { ProbeId, ProbeResult, SelfCheckResult } from "../excel/selfCheck";
import type { LastBuild } from "../commands/lastBuild";

/** What each probe tried, in both languages. */
export const PROBE_LABELS: Record<ProbeId, string> = {
  sheet: "作業用シートの作成と削除 / create and delete a scratch sheet",
  "write-text": "文字列書式での書き込み / write with the text format",
  read: "使用範囲とセルの読み取り / read the used range and cells",
  "merged-areas": "結合セルの読み取り / read merged areas",
  "special-cells": "値のあるセルの検索 / find cells with values",
  formats: "書式・列幅・見出しの固定 / formats, column widths, freeze panes",
  "conditional-formats": "条件付き書式 / conditional formats",
  chart: "グラフ / chart",
  table: "テーブル / table",
  hyperlink: "ハイパーリンク / hyperlink",
  "sheet-properties": "シートのカスタム プロパティ / worksheet custom properties",
  "workbook-properties":
    "ブックのカスタム プロパティ（実行ロック） / workbook custom properties (build lock)",
  names: "名前の定義の読み取り / defined names",
  record: "非表示の名前（作成の記録） / hidden workbook name (the build record)",
  visibility: "シートの表示・非表示 / sheet visibility",
  activate: "シートとセルの選択 / activate a sheet, select a cell",
  "undo-group": "1 回の「元に戻す」にまとめる / one undo step",
  settings: "ブックへの設定の保存 / document settings",
  dialog: "通知ダイアログ / notice dialog",
};

export interface ReportContext {
  /** Where office.js was loaded from (the page's script). */
  officeJs: string | null;
  lastBuild?: LastBuild | null;
}

function line(p: ProbeResult): string {
  const label = `${p.id.padEnd(20)} ${PROBE_LABELS[p.id]} (${p.requirement})`;
  switch (p.outcome.status) {
    case "ok":
      return `OK              ${label}`;
    case "unsupported":
      return `NOT SUPPORTED   ${label}`;
    case "failed":
      return `FAILED          ${label}: [${p.outcome.code}] ${p.outcome.message}`;
  }
}

function header(at: string, ctx: ReportContext): string[] {
  return [
    "Hyōka 動作確認 / Self-check",
    `日時 / Time: ${at}`,
    `Hyōka: ${VERSION}`,
    `office.js: ${ctx.officeJs ?? "読み込まれていません / not loaded"}`,
  ];
}

/** The report of a check run in Excel. */
export function formatSelfCheck(result: SelfCheckResult, ctx: ReportContext): string {
  const env = result.environment;
  const count = (s: string) => result.probes.filter((p) => p.outcome.status === s).length;
  const last = ctx.lastBuild;
  return [
    ...header(result.at, ctx),
    `Excel: ${env.version ?? "?"} · ${env.platform ?? "?"} (${env.host ?? "?"})`,
    `ExcelApi: ${env.excelApi ?? "?"}`,
    ...(last
      ? [
          `最後のリボン実行 / Last ribbon build: ${last.at} ${last.kind === "success" ? "OK" : "FAILED"} ${last.message.replace(/\n/g, " ")}`,
        ]
      : []),
    "",
    ...result.probes.map(line),
    "",
    `合計 / Total: ${count("ok")} OK, ${count("failed")} FAILED, ${count("unsupported")} NOT SUPPORTED`,
  ].join("\n");
}

/** The report outside Excel: nothing of Excel can be checked from a plain browser. */
export function formatOutsideExcel(at: string, ctx: ReportContext, userAgent: string): string {
  return [
    ...header(at, ctx),
    "Excel: Excel の外で開かれています / not in Excel",
    `ブラウザー / Browser: ${userAgent}`,
    "",
    "Excel の API は Excel の中でだけ確認できます。Excel の［評価パネル］から実行してください。",
    "Excel's APIs can be checked only inside Excel: run this from the Hyōka pane in Excel.",
  ].join("\n");
}
