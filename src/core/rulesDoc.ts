/** docs/rules.md, generated from the rule catalogs (scripts/gen-rules-doc.js writes it; a test compares). */
import { FORMULAS, DEFAULT_GRADES, MAINTAIN_TOLERANCE } from './achievement';
import { KEY_NAME_MIN, SIMILAR_NAME_MIN } from './compare/match';
import { ALL_RULES, DEFAULT_COST_THRESHOLD, type RuleGroup } from './ruleCatalog';

const table = (group: RuleGroup) => ALL_RULES.filter((r) => r.group === group).map((r) => `| \`${r.id}\` | ${r.severity} | ${r.title.ja} | ${r.title.en} |`);

export function rulesMarkdown(): string {
  const lines = [
    '# 検証ルール / Validation rules',
    '',
    '<!-- Generated from src/core/rules/ by `npm run docs:rules`. Do not edit by hand: a test compares. -->',
    '',
    '| id | 重要度 / severity | 内容 | What it checks |',
    '| --- | --- | --- | --- |',
    ...table('validation'),
    '',
    '## 達成率 / Achievement rate',
    '',
    ...(['increase', 'decrease', 'maintain'] as const).map((d) => `- **${d}**: ${FORMULAS[d].ja} / ${FORMULAS[d].en}`),
    '- **gap closure** (where the KPI row has a 基準値 / 策定時 column): (実績 − 基準値) ÷ (目標 − 基準値), in the model as `gapClosureRate` next to `achievementRate`; ≥ 100% exactly when the target is met, for increase and decrease targets alike.',
    '',
    `Status per year: \`achieved\`, \`notAchieved\`, \`notReported\` (year ≤ as-of, a target but the actual is blank or "-"), \`pending\` (未集計・集計中・調査中), \`future\` (after the as-of year), \`invalid\` (text that is neither a number nor a known mark, or an error value). A maintain KPI tolerates ${MAINTAIN_TOLERANCE * 100}% below target.`,
    '',
    `Default grades: ${DEFAULT_GRADES.filter((g) => Number.isFinite(g.min)).map((g) => `${g.grade} ≥ ${g.min * 100}%`).join(', ')}, D below.`,
    '',
    'Direction: words in the name or definition (減少, 削減, 抑制, 以下… → decrease; 維持 → maintain), else the trend of the targets across years (falling → decrease, flat → maintain, rising → increase), else increase. The rule used is recorded per KPI (`directionInfo`) and can be overridden.',
    '',
    'Levels: the `kpi-*` rules apply to every indicator — a policy field\'s KPIs (重要業績評価指標), a measure\'s and a project\'s 成果 / 活動 / 対象指標 — and the message names the level. A project\'s or measure\'s indicator without any target is not reported year by year: `indicator-without-targets` says it once per sheet.',
    '',
    'Finance: `finance-breakdown-sum` allows two units or 0.1% of rounding; a 人件費 given as 人工 is converted with the sheet\'s own 平均人件費 (marked `derived`), never with an assumed rate.',
    '',
    'Evaluation year (as-of): the latest fiscal year with at least one numeric actual among the field\'s KPIs (for a field without KPIs, among its measures\' and projects\' indicators), unless overridden (`--as-of`).',
    '',
    'Trajectory: from the latest actual, the annual pace needed to reach 最終目標 by its year (the year in the 最終目標 header, else the year after the last target column) against the pace between the first and latest actuals (with a single actual, the pace from the 基準値 / 策定時 baseline where the sheet gives one). Without either, the pace so far is unknown and the verdict is `unknown` unless the final target is already reached.',
    '',
    '## 複数のブックの統合 / Joining several workbooks',
    '',
    '`hyoka summarize A.xlsx B.xlsx DIR/` and the pane\'s 「他のブックを追加」 join the workbooks into one model: the same policy field in two workbooks is one field (fields by number, measures and projects by ID and code first, names second, as the sheets of one workbook are joined). An indicator or project two workbooks both give is counted once; when their values differ, the first workbook\'s are kept and the finding names both files. The validation rules above then run once over the whole city.',
    '',
    '| id | 重要度 / severity | 内容 | What it checks |',
    '| --- | --- | --- | --- |',
    ...table('consolidation'),
    '',
    '## 前年度比較 / Year over year',
    '',
    `\`hyoka compare LAST.xlsx THIS.xlsx\` and the pane's 「前年度と比較」 match policy fields, indicators and projects across the years: a project's own ID first (across the whole city), then its code or number with a name at least ${KEY_NAME_MIN} alike, then the same name, then the most similar name at least ${SIMILAR_NAME_MIN} alike (Dice coefficient of character bigrams). Each match keeps its reason and a confidence; a renamed item is one item with a note (\`*-renamed\`), not an end and a start. A target is compared for a fiscal year both workbooks show; a past actual is one last year's workbook reported as a number (a 集計中 that became a number is no revision). \`target-revised\` and \`final-target-revised\` are warnings when the target asks less (lower for an increase or maintain target, higher for a decrease target) or was removed, information when it was raised or newly set. \`cost-change\` compares 事業費 and 一般財源 of the same fiscal year (the same basis when both years give it, else last year's 見込 against this year's 予算 or 決算), in this year's unit, and fires past ±${DEFAULT_COST_THRESHOLD * 100}% (\`--cost-threshold\`).`,
    '',
    '| id | 重要度 / severity | 内容 | What it checks |',
    '| --- | --- | --- | --- |',
    ...table('compare'),
    '',
  ];
  return lines.join('\n');
}
