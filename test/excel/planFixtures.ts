import type { PlanSheet, PlanValue, SummaryPlan } from '../../src/core/plan';
import { formatRecord, quoteFormulaString } from '../../src/core/ownership';
import type { FakeExcel, FakeWorkbookState, SheetInit } from './fakeExcel';

/** A plan with every kind of content; `rows` KPI rows on the evaluation sheet. */
export function makePlan(rows = 3, names: Partial<Record<PlanSheet['key'], string>> = {}): SummaryPlan {
  const last = rows + 1;
  const evaluation: PlanValue[][] = [
    ['政策分野', '指標名', '達成率', '進捗', '状態', '出典'],
    ...Array.from({ length: rows }, (_, i) => [`9 社会参画`, `地域活動に参加した市民の割合 ${i + 1}`, ((i % 10) + 1) / 8, (i % 7) / 6, i % 2 ? '達成' : '未達成', `政策9!B${i + 3}`]),
  ];
  const sheets: PlanSheet[] = [
    {
      key: 'evaluation',
      name: names.evaluation ?? '評価サマリー',
      columnWidths: [14, 36, 10, 10, 10, 14],
      freeze: { rows: 1, columns: 2 },
      headerRows: [0],
      blocks: [{ address: 'A1', values: evaluation }],
      formats: [
        { range: `C2:C${last}`, numberFormat: '0.0%' },
        { range: `D2:D${last}`, numberFormat: '0%' },
        { range: 'A1:F1', style: { bold: true, fill: '#1F4E78', fontColor: '#FFFFFF', border: true, hAlign: 'center', vAlign: 'center', wrap: true } },
      ],
      conditionalFormats: [
        { type: 'iconSet', range: `C2:C${last}`, iconSet: '3Symbols', thresholds: [0.8, 1] },
        { type: 'dataBar', range: `D2:D${last}`, color: '#5B9BD5', min: 0, max: 1 },
        { type: 'textEquals', range: `E2:E${last}`, text: '未達成', style: { fontColor: '#C00000', bold: true } },
        { type: 'cellValue', range: `C2:C${last}`, operator: 'lessThan', value: 0.8, style: { fill: '#FCE4D6' } },
      ],
      hyperlinks: [{ cell: 'F2', target: { sheet: '政策9', address: 'B3' }, text: '政策9!B3', tooltip: '出典のセルへ' }],
      charts: [
        {
          id: 'achievement-9',
          kind: 'column',
          title: '達成率（令和5年度）',
          categories: `B2:B${last}`,
          series: [
            { name: '達成率', values: `C2:C${last}`, color: '#5B9BD5' },
            { name: '100%', values: `D2:D${last}`, asLine: true, color: '#C00000' },
          ],
          anchor: { fromRow: 1, fromCol: 7, toRow: 16, toCol: 14 },
          valueAxis: { title: '達成率', percent: true, min: 0 },
        },
      ],
      tables: [],
      tabColor: '#2E75B6',
    },
    {
      key: 'findings',
      name: names.findings ?? '検証結果',
      columnWidths: [8, 16, 60],
      freeze: { rows: 1, columns: 0 },
      headerRows: [0],
      blocks: [
        {
          address: 'A1',
          values: [
            ['重大度', 'ルール', 'メッセージ'],
            ['error', 'target-missing', '目標値がありません'],
            ['warning', 'actual-text', '実績が文字列です: =1+1'],
          ],
        },
      ],
      formats: [],
      conditionalFormats: [],
      hyperlinks: [{ cell: 'C2', target: { sheet: '政策9', address: 'C4' }, text: '目標値がありません' }],
      charts: [],
      tables: [{ name: 'HyokaFindings', range: 'A1:C3' }],
    },
    {
      key: 'log',
      name: names.log ?? '実行ログ',
      columnWidths: [20, 40],
      headerRows: [],
      blocks: [
        {
          address: 'A1',
          values: [
            ['formula-like', '=1+1'],
            ['phone', '+81'],
            ['negative text', '-5'],
            ['at', '@x'],
            ['thousands', '1,566'],
            ['boolean text', 'TRUE'],
            ['date text', '2024/4/1'],
            ['number', 1566],
            ['bool', false],
            ['empty', null],
          ],
        },
      ],
      formats: [],
      conditionalFormats: [],
      hyperlinks: [],
      charts: [],
      tables: [],
    },
  ];
  return { owner: 'hyoka', generatorVersion: '0.1.0', lang: 'ja', sheets };
}

export const SOURCE_SHEETS: SheetInit[] = [
  { name: '政策9', values: [['政策9'], ['指標'], [null, '参加率', 0.5]], merges: ['A1:C1'], tables: [{ name: 'UserTable', range: 'E1:F3' }] },
  { name: 'Memo', values: [['自分のメモ']] },
];

/** Ids differ from run to run: compare by names. */
export function normalize(state: FakeWorkbookState): unknown {
  const byId = new Map(state.sheets.map((s) => [s.id, s.name]));
  return {
    // Ids differ run to run; a mark holding the sheet's own id is what matters.
    sheets: state.sheets.map(({ id, ...rest }) => ({ ...rest, props: Object.fromEntries(Object.entries(rest.props).map(([k, v]) => [k, v === id ? '(its own id)' : v])) })),
    names: state.names,
    tables: state.tables.map((t) => ({ name: t.name, sheet: byId.get(t.sheetId), range: t.range })),
    active: byId.get(state.activeId),
  };
}

/**
 * Makes existing sheets of the fake Hyōka's as a finished run leaves them (src/core/ownership.ts):
 * a full mark (key, run, the sheet's own id, its name) and the workbook's hidden record. For
 * tests that need a previous summary without writing one first.
 */
export function markAsHyoka(fx: FakeExcel, keys: Record<string, string>, run = '0a1b2c3d'): void {
  for (const [name, key] of Object.entries(keys)) {
    const s = fx.state.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    s.props = { ...s.props, 'hyoka.owner': 'hyoka', 'hyoka.key': key, 'hyoka.run': run, 'hyoka.id': s.id, 'hyoka.name': s.name };
  }
  fx.state.names = fx.state.names.filter((n) => !(n.sheetId === null && n.name === '_Hyoka.run'));
  fx.state.names.push({ name: '_Hyoka.run', sheetId: null, formula: `=${quoteFormulaString(formatRecord({ run, keys: Object.values(keys) }))}`, visible: false });
}
