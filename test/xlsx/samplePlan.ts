/** A hand-written SummaryPlan that exercises every plan feature the .xlsx applier supports. */
import type { SummaryPlan } from '../../src/core/plan';

export const TRICKY_TEXTS = ['=SUM(A1)', '+81', '-', '@x', '_x0041_', 'a & <b> "q" \'x\'', 'bell\u0001ring'];

export function samplePlan(): SummaryPlan {
  return {
    owner: 'hyoka',
    generatorVersion: '0.1.0',
    lang: 'ja',
    sheets: [
      {
        key: 'evaluation',
        name: '評価サマリー',
        columnWidths: [12, 24, 8, 10, 10, 10, 10, 10, 30, 16],
        freeze: { rows: 1, columns: 2 },
        headerRows: [0],
        tabColor: '#2F5597',
        blocks: [
          {
            address: 'A1',
            values: [
              ['政策分野', 'KPI', '単位', '目標', '実績', '達成率', '状況', '最終目標進捗', '検証', '元セル'],
              ['政策分野9', '市民満足度', '%', 100, 90, 0.9, '概ね達成', 0.45, TRICKY_TEXTS[0], null],
              ['政策分野9', '参加者数', '人', 80, 40, 0.5, '未達成', 0.2, TRICKY_TEXTS[1], null],
              ['政策分野9', '利用件数', '件', 100, 120, 1.2, '達成', 0.95, TRICKY_TEXTS[2], null],
              ['政策分野9', TRICKY_TEXTS[3], '-', 10, 10, 1, '達成', 1, TRICKY_TEXTS[4], null],
              ['政策分野9', TRICKY_TEXTS[5], '件', null, null, null, '判定不能', null, TRICKY_TEXTS[6], null],
            ],
          },
          { address: 'A8', values: [['凡例: ✔ 達成 / ! 概ね達成 / ✖ 未達成'], [true, false]] },
        ],
        formats: [
          { range: 'D2:E6', numberFormat: '#,##0' },
          { range: 'F2:F6', numberFormat: '0.0%' },
          { range: 'H2:H6', numberFormat: '0%' },
          { range: 'I2:I6', style: { wrap: true, vAlign: 'top' } },
          { range: 'A1:J6', style: { border: true } },
          { range: 'A8', style: { italic: true, fontColor: '#595959', fontSize: 9 } },
        ],
        conditionalFormats: [
          { type: 'iconSet', range: 'F2:F6', iconSet: '3Symbols', thresholds: [0.8, 1] },
          { type: 'dataBar', range: 'H2:H6', color: '#5B9BD5', min: 0, max: 1 },
          { type: 'textEquals', range: 'G2:G6', text: '達成', style: { fill: '#C6EFCE', fontColor: '#006100', bold: true } },
          { type: 'textEquals', range: 'G2:G6', text: '未達成', style: { fill: '#FFC7CE', fontColor: '#9C0006' } },
          { type: 'cellValue', range: 'E2:E6', operator: 'lessThan', value: 50, style: { fontColor: '#9C0006' } },
        ],
        hyperlinks: [
          { cell: 'J2', target: { sheet: '政策分野9', address: 'C2' }, text: '政策分野9!C2', tooltip: '元のセルへ' },
          { cell: 'J3', target: { sheet: '政策分野9', address: 'C3' }, text: '政策分野9!C3' },
          { cell: 'J4', target: { sheet: '政策分野9', address: 'C4' }, text: '政策分野9!C4' },
        ],
        charts: [],
        tables: [],
      },
      {
        key: 'projects',
        name: '事業サマリー',
        columnWidths: [18, 14, 14, 14],
        freeze: { rows: 1, columns: 0 },
        headerRows: [0],
        blocks: [
          {
            address: 'A1',
            values: [
              ['事業', '2022 事業費', '2023 事業費', '前年比'],
              ['子育て支援', 1200000, 1350000, 0.125],
              ['道路維持', 800000, 760000, -0.05],
              ['図書館運営', 450000, 450000, 0],
              ['合計', 2450000, 2560000, 0.0449],
            ],
          },
        ],
        formats: [
          { range: 'B2:C5', numberFormat: '#,##0' },
          { range: 'D2:D5', numberFormat: '0.0%' },
          { range: 'A5:D5', style: { bold: true } },
        ],
        conditionalFormats: [{ type: 'dataBar', range: 'C2:C4', color: '#ED7D31' }],
        hyperlinks: [],
        charts: [
          {
            id: 'cost-by-project',
            kind: 'bar',
            title: '事業費（2023）',
            categories: 'A2:A4',
            series: [{ name: '2023 事業費', values: 'C2:C4', color: '#ED7D31' }],
            anchor: { fromRow: 6, fromCol: 0, toRow: 22, toCol: 6 },
            valueAxis: { title: '円' },
          },
        ],
        tables: [],
      },
      {
        key: 'findings',
        name: '検証結果',
        columnWidths: [8, 14, 40, 16],
        freeze: { rows: 1, columns: 0 },
        headerRows: [0],
        blocks: [
          {
            address: 'A1',
            values: [
              ['重要度', 'ルール', 'メッセージ', 'セル'],
              ['エラー', 'target-missing', '目標値が空欄です', '政策分野9!B3'],
              ['警告', 'rate-mismatch', '達成率が 実績/目標 と一致しません', '政策分野9!D3'],
            ],
          },
        ],
        formats: [],
        conditionalFormats: [],
        hyperlinks: [
          { cell: 'D2', target: { sheet: '政策分野9', address: 'B3' }, text: '政策分野9!B3' },
          { cell: 'D3', target: { sheet: '評価サマリー', address: 'F3' }, text: '評価サマリー!F3' },
        ],
        charts: [],
        tables: [{ name: 'Hyoka Findings', range: 'A1:D3' }],
      },
      {
        key: 'charts',
        name: 'グラフ',
        columnWidths: [14, 10, 10, 10],
        headerRows: [0],
        blocks: [
          {
            address: 'A1',
            values: [
              ['KPI', '達成率', '100%', '目標', '実績'],
              ['市民満足度', 0.9, 1, 100, 90],
              ['参加者数', 0.5, 1, 80, 40],
              ['利用件数', 1.2, 1, 100, 120],
            ],
          },
        ],
        formats: [{ range: 'B2:C4', numberFormat: '0%' }],
        conditionalFormats: [],
        hyperlinks: [],
        charts: [
          {
            id: 'achievement',
            kind: 'column',
            title: '達成率（2023年度）',
            categories: 'A2:A4',
            series: [
              { name: '達成率', values: 'B2:B4', color: '#4472C4' },
              { name: '100%', values: 'C2:C4', asLine: true, color: '#C00000' },
            ],
            anchor: { fromRow: 5, fromCol: 0, toRow: 22, toCol: 6 },
            valueAxis: { title: '達成率', percent: true, min: 0 },
          },
          {
            id: 'target-vs-actual',
            kind: 'line',
            title: '目標と実績',
            categories: 'A2:A4',
            series: [
              { name: '目標', values: 'D2:D4' },
              { name: '実績', values: 'E2:E4' },
            ],
            anchor: { fromRow: 5, fromCol: 7, toRow: 22, toCol: 13 },
          },
        ],
        tables: [],
      },
      {
        key: 'log',
        name: '実行ログ',
        columnWidths: [16, 40],
        headerRows: [0],
        blocks: [
          {
            address: 'A1',
            values: [
              ['項目', '値'],
              ['実行日時', '2024-06-01T09:00:00Z'],
              ['Hyōka', '0.1.0'],
              ['基準年度', 2023],
            ],
          },
        ],
        formats: [],
        conditionalFormats: [],
        hyperlinks: [],
        charts: [],
        tables: [],
      },
    ],
  };
}
