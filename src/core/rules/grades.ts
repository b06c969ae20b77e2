/**
 * A grade written in the sheet (一次 / 二次評価, 施策の評価) that the sheet's own indicators
 * contradict: A while every 成果指標 missed its target, or D while every one met it.
 */
import type { Indicator, SheetGrade, SourceRef } from '../model';
import { projects } from './scope';
import type { Draft, Rule } from './types';

const STAGE_ORDER: SheetGrade['stage'][] = ['secondary', 'overall', 'primary'];
const STAGE_JA: Record<SheetGrade['stage'], string> = { primary: '一次評価', secondary: '二次評価', overall: '評価' };
const STAGE_EN: Record<SheetGrade['stage'], string> = { primary: 'first-stage grade', secondary: 'second-stage grade', overall: 'grade' };

/** The grade that counts: the last stage the sheet reached. */
function finalGrade(grades: SheetGrade[]): SheetGrade | null {
  for (const s of STAGE_ORDER) {
    const g = grades.find((x) => x.stage === s && /^[A-ES]$/.test(x.grade));
    if (g) return g;
  }
  return null;
}

/** Met / missed of each indicator at the latest judged year up to the evaluation year. */
function verdicts(indicators: Indicator[]): boolean[] {
  const outcome = indicators.filter((i) => i.kind === 'outcome');
  const list = outcome.length ? outcome : indicators;
  const out: boolean[] = [];
  for (const ind of list) {
    const judged = ind.years.filter((y) => y.status === 'achieved' || y.status === 'notAchieved');
    if (judged.length) out.push(judged[judged.length - 1].status === 'achieved');
  }
  return out;
}

function contradiction(grade: string, met: boolean[]): 'high' | 'low' | null {
  if (!met.length) return null;
  if ((grade === 'S' || grade === 'A') && met.every((m) => !m)) return 'high';
  if ((grade === 'D' || grade === 'E') && met.every((m) => m)) return 'low';
  return null;
}

export const GRADE_RULES: Rule[] = [
  {
    id: 'grade-contradicts-indicators',
    severity: 'warning',
    title: { ja: '記載の評価が指標の達成状況と食い違う', en: 'A written grade the indicators contradict' },
    message: {
      ja: (p) => `${p.who}: ${p.stage}は「${p.grade}」ですが、指標 ${p.count} 件が${p.high === 'high' ? 'すべて目標未達成' : 'すべて目標達成'}です。評価の根拠を確認してください。`,
      en: (p) => `${p.whoEn}: the ${p.stageEn} is "${p.grade}" but ${p.high === 'high' ? 'every one of its' : 'all'} ${p.count} indicators ${p.high === 'high' ? 'missed the target' : 'met the target'}; check the grade's grounds.`,
    },
    check: (ctx) => {
      const out: Draft[] = [];
      const push = (at: SourceRef, g: SheetGrade, met: boolean[], kind: 'high' | 'low', who: string, whoEn: string, fieldId: string | null, project: string | null, measure: string | null) =>
        out.push({ at, params: { who, whoEn, stage: STAGE_JA[g.stage], stageEn: STAGE_EN[g.stage], grade: g.grade, count: met.length, high: kind }, policyField: fieldId, project, measure });
      for (const f of ctx.fields) {
        for (const m of f.measures) {
          const g = finalGrade(m.sheetGrades);
          const met = verdicts(m.indicators);
          const c = g ? contradiction(g.grade, met) : null;
          const mc = m.code ?? String(m.no);
          if (g && c) push(g.source, g, met, c, `施策${mc}「${m.name}」`, `Measure ${mc} "${m.name}"`, f.id, null, mc);
        }
      }
      for (const { f, m, p, key } of projects(ctx)) {
        const g = finalGrade(p.sheetGrades);
        const met = verdicts(p.indicators);
        const c = g ? contradiction(g.grade, met) : null;
        if (g && c) push(g.source, g, met, c, `事業 ${key}「${p.name}」`, `Project ${key} "${p.name}"`, f.id, key, m.code ?? String(m.no));
      }
      return out;
    },
  },
];
