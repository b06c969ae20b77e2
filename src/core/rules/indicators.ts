/**
 * Indicator rules, at every level: a policy field's KPIs, a measure's and a project's
 * indicators (成果 / 活動 / 対象). The ids keep their kpi- prefix (findings stay comparable
 * across versions); the message names the indicator by its level.
 */
import { parseA1 } from '../a1';
import type { Severity, SourceRef, YearStatus } from '../model';
import { fmt, fyEn, fyJa, pct } from './format';
import { allIndicators, fieldKey, type IndicatorScope } from './scope';
import type { Draft, Rule } from './types';

function draft(s: IndicatorScope, at: SourceRef, params: Record<string, string | number>, fiscalYear?: number | null): Draft {
  return {
    at,
    params: { who: s.who, whoEn: s.whoEn, field: fieldKey(s.f), no: s.ind.no, name: s.ind.name, ...params },
    policyField: s.f.id,
    indicator: s.ind.no,
    project: s.project,
    measure: s.measure,
    fiscalYear: fiscalYear ?? null,
  };
}

const yearRule = (id: string, severity: Severity, title: Rule['title'], message: Rule['message'], status: YearStatus): Rule => ({
  id,
  severity,
  title,
  message,
  check: (ctx) => {
    const out: Draft[] = [];
    for (const s of allIndicators(ctx)) {
      for (const y of s.ind.years) {
        if (y.status !== status) continue;
        out.push(
          draft(
            s,
            y.actualSource ?? y.targetSource ?? s.ind.source,
            { year: y.fiscalYear, label: y.label, target: fmt(y.target), actual: fmt(y.actual), text: y.actualText ?? '', rate: pct(y.achievementRate), unit: s.ind.unit },
            y.fiscalYear,
          ),
        );
      }
    }
    return out;
  },
});

/**
 * A pace in words, by its sign: a KPI that must fall needs 「年 26 の減少」, not 「年 -26 の伸び」;
 * the pace so far says whether it rose, fell or stayed.
 */
function paceWords(required: number | null, observed: number | null): Record<string, string> {
  const ja = (v: number) => (v === 0 ? '横ばい' : `年 ${fmt(Math.abs(v))} の${v < 0 ? '減少' : '増加'}`);
  return {
    // None when the final year has passed: the message says so instead.
    requiredJa: required === null ? '' : ja(required),
    requiredEn: required === null ? '' : `${required < 0 ? 'a fall' : 'a rise'} of ${fmt(Math.abs(required))} a year`,
    observedJa: observed === null ? 'ペースが分かりません（実績が 1 年分のみ）' : observed === 0 ? '横ばい' : `${ja(observed)}`,
    observedEn: observed === null ? 'no pace yet (one year of actuals)' : observed === 0 ? 'stayed flat' : `${observed < 0 ? 'fallen' : 'risen'} ${fmt(Math.abs(observed))} a year`,
  };
}

export const INDICATOR_RULES: Rule[] = [
  yearRule(
    'kpi-below-target',
    'warning',
    { ja: '目標未達成の年度', en: 'A year whose target was missed' },
    {
      ja: (p) => `${p.who}: ${fyJa(p.year, p.label)}の実績 ${p.actual}${p.unit} が目標 ${p.target}${p.unit} に届いていません（達成率 ${p.rate}）。`,
      en: (p) => `${p.whoEn}: the ${fyEn(p.year, p.label)} actual ${p.actual} ${p.unit} missed the target ${p.target} (achievement ${p.rate}).`,
    },
    'notAchieved',
  ),
  yearRule(
    'kpi-missing-actual',
    'warning',
    { ja: '評価年度までの実績が未記入', en: 'An actual missing up to the evaluation year' },
    {
      ja: (p) => `${p.who}: ${fyJa(p.year, p.label)}の実績が空欄または「-」です（目標 ${p.target}）。`,
      en: (p) => `${p.whoEn}: the ${fyEn(p.year, p.label)} actual is blank or "-" (target ${p.target}).`,
    },
    'notReported',
  ),
  yearRule(
    'kpi-pending-actual',
    'info',
    { ja: '実績が集計中', en: 'An actual not yet tallied' },
    {
      ja: (p) => `${p.who}: ${fyJa(p.year, p.label)}の実績は「${p.text}」です。確定後に再評価してください。`,
      en: (p) => `${p.whoEn}: the ${fyEn(p.year, p.label)} actual reads "${p.text}" (not yet tallied); re-run once it is final.`,
    },
    'pending',
  ),
  {
    id: 'kpi-non-numeric',
    severity: 'error',
    title: { ja: '目標・実績が数値でない', en: 'A target or actual that is not a number' },
    message: {
      ja: (p) => `${p.who}: ${fyJa(p.year, p.label)}の${p.what}「${p.text}」を数値として読めません。`,
      en: (p) => `${p.whoEn}: the ${fyEn(p.year, p.label)} ${p.whatEn} "${p.text}" is not a number.`,
    },
    check: (ctx) => {
      const out: Draft[] = [];
      for (const s of allIndicators(ctx)) {
        for (const y of s.ind.years) {
          const cases: [string, string, SourceRef | null, boolean][] = [
            ['目標', 'target', y.targetSource, y.targetState === 'invalid'],
            ['実績', 'actual', y.actualSource, y.actualState === 'invalid'],
          ];
          for (const [what, whatEn, at, bad] of cases) {
            if (!bad || !at) continue;
            const grid = ctx.grids.find((g) => g.name === at.sheet && g.file === at.file);
            const { row, col } = parseA1(at.address);
            const text = grid?.at(row, col)?.text ?? '';
            out.push(draft(s, at, { year: y.fiscalYear, label: y.label, what, whatEn, text }, y.fiscalYear));
          }
        }
      }
      return out;
    },
  },
  {
    id: 'kpi-off-track-final',
    severity: 'warning',
    title: { ja: '現在のペースでは最終目標に届かない', en: 'Off track for the final target at the current pace' },
    message: {
      ja: (p) =>
        p.requiredJa
          ? `${p.who}: ${fyJa(p.year)}の実績 ${p.latest} から${fyJa(p.due)}の最終目標 ${p.final} に届くには${p.requiredJa}が必要ですが、これまでは${p.observedJa}です。`
          : `${p.who}: ${fyJa(p.year)}の実績 ${p.latest} は${fyJa(p.due)}の最終目標 ${p.final} に届かないまま目標年度を過ぎています。`,
      en: (p) =>
        p.requiredEn
          ? `${p.whoEn}: from ${p.latest} in ${fyEn(p.year)}, reaching the final target ${p.final} by ${fyEn(p.due)} needs ${p.requiredEn}; so far it has ${p.observedEn}.`
          : `${p.whoEn}: ${p.latest} in ${fyEn(p.year)} is short of the final target ${p.final}, and its year ${fyEn(p.due)} has passed.`,
    },
    check: (ctx) => {
      const out: Draft[] = [];
      for (const s of allIndicators(ctx)) {
        const t = s.ind.trajectory;
        if (!t || t.verdict !== 'offTrack') continue;
        out.push(
          draft(
            s,
            s.ind.finalTargetSource ?? s.ind.source,
            {
              year: t.fromYear,
              latest: fmt(t.latestActual),
              final: fmt(t.finalTarget),
              due: t.finalYear,
              ...paceWords(t.requiredPace, t.observedPace),
            },
            t.fromYear,
          ),
        );
      }
      return out;
    },
  },
  {
    id: 'kpi-missing-verification',
    severity: 'warning',
    title: { ja: '未達成なのに検証（要因分析）が空欄', en: 'A missed target with an empty 検証 (cause analysis)' },
    message: {
      ja: (p) => `${p.who}: 目標未達成の年度がありますが、検証欄が空欄です。未達成の要因分析を記入してください。`,
      en: (p) => `${p.whoEn}: a target was missed but the 検証 (verification) cell is empty; add a cause analysis.`,
    },
    // Only a policy field's KPI table has a 検証 column to fill.
    check: (ctx) => {
      const out: Draft[] = [];
      for (const s of allIndicators(ctx)) {
        if (s.ind.kind !== 'kpi' || s.ind.verification.trim() || !s.ind.years.some((y) => y.status === 'notAchieved')) continue;
        out.push(draft(s, s.ind.verificationSource ?? s.ind.finalTargetSource ?? s.ind.source, {}));
      }
      return out;
    },
  },
  {
    id: 'kpi-duplicate-number',
    severity: 'error',
    title: { ja: '指標番号の重複', en: 'Two KPIs with one number' },
    message: {
      ja: (p) => `政策分野${p.field}: 指標番号 ${p.no} が重複しています（「${p.name}」）。`,
      en: (p) => `Field ${p.field}: KPI number ${p.no} is used twice ("${p.name}").`,
    },
    check: (ctx) => {
      const out: Draft[] = [];
      for (const f of ctx.fields) {
        const seen = new Set<number>();
        for (const ind of f.indicators) {
          if (seen.has(ind.no)) out.push({ at: ind.source, params: { field: fieldKey(f), no: ind.no, name: ind.name }, policyField: f.id, indicator: ind.no });
          seen.add(ind.no);
        }
      }
      return out;
    },
  },
  {
    id: 'kpi-missing-target',
    severity: 'info',
    title: { ja: '目標値が未記入の年度', en: 'A year without a target' },
    message: {
      ja: (p) => `${p.who}: ${fyJa(p.year, p.label)}の目標が空欄です。`,
      en: (p) => `${p.whoEn}: no target for ${fyEn(p.year, p.label)}.`,
    },
    // A KPI's every year; another indicator's years only when it has targets at all (an
    // export with actuals only is one finding of its own, indicator-without-targets).
    check: (ctx) => {
      const out: Draft[] = [];
      for (const s of allIndicators(ctx)) {
        if (s.ind.kind !== 'kpi' && !s.ind.years.some((y) => y.targetState === 'number')) continue;
        for (const y of s.ind.years) {
          if (y.targetState !== 'missing' || (s.ind.kind !== 'kpi' && y.actualState === 'missing')) continue;
          out.push(draft(s, y.targetSource ?? s.ind.source, { year: y.fiscalYear, label: y.label }, y.fiscalYear));
        }
      }
      return out;
    },
  },
];

/** Indicators read with actuals but no target at all: one finding per sheet, not one per cell. */
export const INDICATORS_WITHOUT_TARGETS: Rule = {
  id: 'indicator-without-targets',
  severity: 'info',
  title: { ja: '目標値のない指標', en: 'Indicators without targets' },
  message: {
    ja: (p) => `シート「${p.sheet}」の指標 ${p.count} 件（事業 ${p.projects} 件）には目標値がなく、実績だけでは達成度を評価できません。`,
    en: (p) => `Sheet "${p.sheet}": ${p.count} indicators (of ${p.projects} projects) have actuals but no targets, so their achievement cannot be judged.`,
  },
  check: (ctx) => {
    const bySheet = new Map<string, { at: SourceRef; count: number; projects: Set<string> }>();
    for (const s of allIndicators(ctx)) {
      if (s.ind.kind === 'kpi' || s.ind.years.some((y) => y.targetState !== 'missing') || !s.ind.years.some((y) => y.actualState === 'number')) continue;
      const e = bySheet.get(s.ind.source.sheet) ?? { at: s.ind.source, count: 0, projects: new Set<string>() };
      e.count++;
      if (s.project) e.projects.add(s.project);
      bySheet.set(s.ind.source.sheet, e);
    }
    return [...bySheet].map(([sheet, e]) => ({ at: e.at, params: { sheet, count: e.count, projects: e.projects.size } }));
  },
};
