/**
 * `hyoka inspect`: how each sheet was read (family, why, what was inferred, the other bids)
 * and what was read from it (fields, measures, projects, indicators, money), in ja or en.
 */
import { fieldKey } from '../core/fieldKey';
import type { EvaluationModel, FinanceYear, Indicator, IndicatorKind, PolicyField, SheetInfo } from '../core/model';

const FAMILY = {
  ja: { policyField: '政策分野評価シート', projectSheet: '事務事業評価シート', measureSheet: '施策評価シート', projectTable: '1行1事業の一覧表', custom: '読み取り設定で定義した表' },
  en: { policyField: 'policy field sheet', projectSheet: 'project evaluation sheet', measureSheet: 'measure evaluation sheet', projectTable: 'one-row-per-project table', custom: 'layout taught in a profile' },
} as const;

const KIND = {
  ja: { kpi: 'KPI', outcome: '成果', activity: '活動', 'target-population': '対象' },
  en: { kpi: 'KPI', outcome: 'outcome', activity: 'activity', 'target-population': 'target' },
} as const;

function sheetLines(s: SheetInfo, ja: boolean): string[] {
  const lang = ja ? 'ja' : 'en';
  const family = s.family ? ` — ${FAMILY[lang][s.family]}` : '';
  const out = [`  ${s.name}\t${s.kind}${family}\t${ja ? s.reasonJa ?? s.reason : s.reason}`];
  if (s.counts) out.push(`    ${ja ? '読み取り' : 'read'}: ${s.counts.projects} ${ja ? '事業' : 'projects'}, ${s.counts.measures} ${ja ? '施策' : 'measures'}, ${s.counts.indicators} ${ja ? '指標' : 'indicators'}`);
  for (const i of s.inferred ?? []) out.push(`    ${ja ? '推定' : 'inferred'}: ${ja ? i.detailJa : i.detail}${i.source ? ` (${i.source.address})` : ''}`);
  const others = (s.candidates ?? []).filter((c) => c.family !== s.family);
  if (others.length) out.push(`    ${ja ? 'ほかの候補' : 'other bids'}: ${others.map((c) => `${FAMILY[lang][c.family]} ${c.score.toFixed(2)}`).join(', ')}`);
  return out;
}

function kinds(list: Indicator[], ja: boolean): string {
  const lang = ja ? 'ja' : 'en';
  const n = new Map<IndicatorKind, number>();
  for (const i of list) n.set(i.kind, (n.get(i.kind) ?? 0) + 1);
  return [...n].map(([k, c]) => `${KIND[lang][k]}${c}`).join(' ');
}

function money(y: FinanceYear): string {
  const basis = y.basis ? { settlement: '決', budget: '予', estimate: '見', plan: '計' }[y.basis] : '';
  return `${y.fiscalYear}${basis}${y.yearInferred ? '*' : ''}:${y.projectCost ?? '—'}/${y.generalFund ?? '—'}/${y.personnelCost ?? '—'}`;
}

function fieldTitle(f: PolicyField, ja: boolean): string {
  if (f.id === null) return ja ? '（政策分野の記載なし）' : '(no policy field given)';
  return `${f.label ?? (ja ? '政策分野' : 'Policy field')} ${f.id} ${f.name}`.trim();
}

function indicatorLine(i: Indicator): string {
  const ys = i.years.map((y) => `${y.fiscalYear}${y.yearInferred ? '*' : ''}:${y.target ?? '—'}/${y.actual ?? '—'}${y.status ? ` ${y.status}` : ''}`).join('  ');
  return `${i.name} [${i.unit}] ${i.direction ?? ''}  ${ys}`;
}

export function inspectTable(model: EvaluationModel, lang: 'ja' | 'en'): string {
  const ja = lang === 'ja';
  const lines: string[] = [ja ? 'シート:' : 'Sheets:'];
  for (const s of model.sheets) lines.push(...sheetLines(s, ja));
  for (const f of model.policyFields) {
    lines.push('');
    lines.push(`${fieldTitle(f, ja)}  (${f.sheet}; ${ja ? '評価年度' : 'as of'} ${f.asOf ?? '—'}; ${ja ? '単位' : 'unit'} ${f.moneyUnit})`);
    for (const i of f.indicators) lines.push(`  KPI ${i.no} ${indicatorLine(i)}  ${ja ? '最終' : 'final'} ${i.finalTarget ?? '—'}`);
    for (const m of f.measures) {
      const code = m.code ? ` [${m.code}]` : '';
      const grade = m.sheetGrades.map((g) => `${g.label}:${g.grade}`).join(' ');
      lines.push(`  ${ja ? '施策' : 'Measure'} ${m.noInferred ? '—' : m.no}${code} ${m.name || (ja ? '（施策の記載なし）' : '(no measure given)')} (${m.projects.length} ${ja ? '事業' : 'projects'})${grade ? `  ${grade}` : ''}`);
      for (const i of m.indicators) lines.push(`    ${KIND[lang][i.kind]} ${indicatorLine(i)}`);
      for (const p of m.projects) {
        const id = p.projectId ? ` #${p.projectId}` : '';
        const code2 = p.code ? ` [${p.code}]` : '';
        const basic = p.basicProject ? ` ${ja ? '基本事業' : 'basic'} ${p.basicProject.no} ${p.basicProject.name}`.trimEnd() : '';
        const grades = p.sheetGrades.map((g) => `${g.label}:${g.grade}`).join(' ');
        const ind = p.indicators.length ? `  ${ja ? '指標' : 'indicators'} ${kinds(p.indicators, ja)}` : '';
        lines.push(`    ${m.noInferred ? '' : `${m.no}-`}${p.no}${code2}${id} ${p.name}${basic}${ind}${grades ? `  ${grades}` : ''}`);
        if (p.finance.length) lines.push(`      ${p.financeUnit}: ${p.finance.map(money).join(' ')}`);
      }
    }
  }
  const count = (sev: string) => model.findings.filter((f) => f.severity === sev).length;
  lines.push('');
  if (model.sheets.some((s) => s.inferred?.length)) lines.push(ja ? '* は見出しでなく順番などから推定した年度です。' : '* marks a year inferred (from block order or the evaluation year), not read from a label.');
  lines.push(`${ja ? '検証結果' : 'Findings'}: ${model.findings.length} (error ${count('error')}, warning ${count('warning')}, info ${count('info')})`);
  const fields = model.policyFields.map(fieldKey).join(', ');
  if (fields) lines.push(`${ja ? '政策分野' : 'Fields'}: ${fields}`);
  return lines.join('\n');
}
