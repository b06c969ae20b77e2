/** Small pure helpers of the summary sheets: numbers, years, grades, text. */
import { fieldKey, projectKey } from '../fieldKey';
import type { Direction, Indicator, IndicatorYear, PolicyField, YearStatus } from '../model';
import type { PlanValue } from '../plan';
import { formatSummary, warekiYear, type SummaryDictionary, type SummaryKey } from '../i18n/summary';
import type { Ctx, GradeRule } from './context';

// ───────────────────────────── small pure helpers ─────────────────────────────

export function finite(n: number | null | undefined): number | null {
  return typeof n === 'number' && Number.isFinite(n) ? n : null;
}

export function ratio(num: number | null, den: number | null): number | null {
  if (num === null || den === null || den === 0) return null;
  return finite(num / den);
}

export function uniqueSorted(nums: number[]): number[] {
  return Array.from(new Set(nums)).sort((a, b) => a - b);
}

export function percentText(x: number): string {
  return `${Math.round(x * 1000) / 10}%`;
}

/** Cuts a label for a chart axis; the full text stays on the summary sheets. */
export function shorten(text: string, max: number): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

/** JSON with sorted keys, so the log line does not depend on insertion order. */
export function stableJson(value: unknown): string {
  const norm = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(norm);
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(v as object).sort()) out[k] = norm((v as Record<string, unknown>)[k]);
      return out;
    }
    return v;
  };
  return JSON.stringify(norm(value)) ?? String(value);
}

export function localTime(now: Date, timeZone: string): { text: string; zone: string } {
  const build = (zone: string) => {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(now);
    const p = (type: string) => parts.find((x) => x.type === type)?.value ?? '';
    return `${p('year')}-${p('month')}-${p('day')} ${p('hour')}:${p('minute')}:${p('second')}`;
  };
  try {
    return { text: build(timeZone), zone: timeZone };
  } catch {
    // An unknown zone name: fall back to UTC rather than fail the whole summary.
    return { text: build('UTC'), zone: 'UTC' };
  }
}


export function yearLabel(t: SummaryDictionary, fy: number): string {
  return formatSummary(t.yearLabel, { wareki: warekiYear(fy), year: fy });
}

export function yearShort(t: SummaryDictionary, fy: number): string {
  return formatSummary(t.yearShort, { wareki: warekiYear(fy), year: fy });
}

export function subtitle(ctx: Ctx): string {
  const { t, options, model } = ctx;
  return formatSummary(t.subtitle, {
    source: options.sourceName ?? model.source ?? t.none,
    when: options.now.toISOString(),
    version: options.generatorVersion,
  });
}

export function fieldLabel(f: PolicyField): string {
  return `${fieldKey(f)} ${f.name}`.trim();
}

export function statusText(t: SummaryDictionary, s: YearStatus | null): string | null {
  return s ? t[`status_${s}` as SummaryKey] : null;
}

export function directionText(t: SummaryDictionary, d: Direction | null): string | null {
  return d ? t[`direction_${d}` as SummaryKey] : null;
}

export function gradeSymbol(index: number, count: number): string {
  if (index === 0) return '◎';
  if (index === count - 1) return '×';
  return index === 1 ? '○' : '△';
}

export function gradeText(grades: GradeRule[], grade: string): string {
  const i = grades.findIndex((g) => g.grade === grade);
  return i < 0 ? grade : `${grade} ${gradeSymbol(i, grades.length)}`;
}

export function asOfYear(field: PolicyField, ind: Indicator): IndicatorYear | undefined {
  return field.asOf === null ? undefined : ind.years.find((y) => y.fiscalYear === field.asOf);
}

/** The grade letter: the model's, unless a grade table was passed; computed from the as-of rate otherwise. */
export function indicatorGrade(ctx: Ctx, field: PolicyField, ind: Indicator): string | null {
  if (!ctx.gradesGiven && ind.grade) return ind.grade;
  const rate = finite(asOfYear(field, ind)?.achievementRate);
  if (rate === null) return null;
  const hit = ctx.grades.find((g) => rate >= g.min) ?? ctx.grades[ctx.grades.length - 1];
  return hit ? hit.grade : null;
}

/** Latest numeric actual: from the trajectory when the validator computed one. */
export function latestActual(ind: Indicator): number | null {
  if (ind.trajectory) return finite(ind.trajectory.latestActual);
  const withActual = ind.years
    .filter((y) => y.actualState === 'number' && finite(y.actual) !== null)
    .sort((a, b) => a.fiscalYear - b.fiscalYear);
  return withActual.length ? (withActual[withActual.length - 1].actual as number) : null;
}

/** Progress toward 最終目標: ≥ 1 exactly when the final target is reached (see noteProgress). */
export function progressToFinal(ind: Indicator): number | null {
  const latest = latestActual(ind);
  const final = finite(ind.finalTarget);
  if (latest === null || final === null) return null;
  return ind.direction === 'decrease' ? ratio(final, latest) : ratio(latest, final);
}

export function actualCell(y: IndicatorYear): PlanValue {
  if (y.actualState === 'number' || y.actualState === 'missing') return finite(y.actual);
  // 集計中, #DIV/0!, stray text: shown as the source wrote it, as text.
  return y.actualText ?? finite(y.actual);
}

export { projectKey };
