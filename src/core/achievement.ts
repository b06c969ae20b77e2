/**
 * Direction, evaluation year, achievement rate, status, grade and trajectory of KPIs.
 */
import type { Direction, DirectionInfo, Indicator, IndicatorYear, PolicyField, Trajectory, YearStatus } from './model';

export interface GradeBand {
  grade: string;
  /** Lower bound of the achievement rate (1 = 100%). */
  min: number;
}

export const DEFAULT_GRADES: GradeBand[] = [
  { grade: 'A', min: 1 },
  { grade: 'B', min: 0.8 },
  { grade: 'C', min: 0.5 },
  { grade: 'D', min: -Infinity },
];

/** A "maintain" KPI counts as met while the actual stays within this share below its target. */
export const MAINTAIN_TOLERANCE = 0.05;

const DECREASE_WORDS = /減少|削減|抑制|低減|縮減|縮小|以下|未満|ゼロ|撲滅|防止件数|発生件数|事故件数|待機児童|不登校|滞納|ごみ(?:の)?(?:排出)?量|排出量|死亡者数|負傷者数/;
const MAINTAIN_WORDS = /維持|現状値を保|水準を保/;

export function inferDirection(ind: Indicator, override?: Direction): DirectionInfo {
  if (override) return { value: override, rule: 'override', detail: `set by the user (${override})` };
  const text = `${ind.name} ${ind.definition}`;
  const mw = MAINTAIN_WORDS.exec(text);
  if (mw) return { value: 'maintain', rule: 'name', detail: `"${mw[0]}" in the name or definition` };
  const dw = DECREASE_WORDS.exec(text);
  if (dw) return { value: 'decrease', rule: 'name', detail: `"${dw[0]}" in the name or definition` };
  const targets = ind.years.filter((y) => y.target !== null).map((y) => y.target as number);
  if (ind.finalTarget !== null) targets.push(ind.finalTarget);
  if (targets.length >= 2) {
    const first = targets[0];
    const last = targets[targets.length - 1];
    const nonIncreasing = targets.every((t, i) => i === 0 || t <= targets[i - 1]);
    const nonDecreasing = targets.every((t, i) => i === 0 || t >= targets[i - 1]);
    if (last < first && nonIncreasing) return { value: 'decrease', rule: 'trend', detail: `targets fall from ${first} to ${last}` };
    if (last === first && nonIncreasing && nonDecreasing) return { value: 'maintain', rule: 'trend', detail: `targets stay at ${first}` };
    if (last > first) return { value: 'increase', rule: 'trend', detail: `targets rise from ${first} to ${last}` };
  }
  return { value: 'increase', rule: 'default', detail: 'no trend or words to go by: increase assumed' };
}

export const FORMULAS: Record<Direction, { ja: string; en: string }> = {
  increase: { ja: '達成率 = 実績 ÷ 目標（実績が目標以上で達成）', en: 'rate = actual ÷ target (met when actual ≥ target)' },
  decrease: {
    ja: '達成率 = 目標 ÷ 実績（減少目標：実績が目標以下で達成。実績0は達成）',
    en: 'rate = target ÷ actual (decrease target: met when actual ≤ target; an actual of 0 is met)',
  },
  maintain: {
    ja: `達成率 = 実績 ÷ 目標（維持目標：実績が目標の${100 - MAINTAIN_TOLERANCE * 100}%以上で達成）`,
    en: `rate = actual ÷ target (maintain target: met while actual ≥ ${100 - MAINTAIN_TOLERANCE * 100}% of target)`,
  },
};

/** Achievement rate and whether the target was met; null rate when it cannot be computed. */
export function achievement(direction: Direction, target: number, actual: number): { rate: number | null; met: boolean } {
  switch (direction) {
    case 'increase':
      if (target === 0) return { rate: actual >= 0 ? 1 : null, met: actual >= target };
      return { rate: actual / target, met: actual >= target };
    case 'decrease':
      if (actual <= 0) return { rate: target >= actual ? (actual === target ? 1 : null) : 0, met: actual <= target };
      return { rate: target / actual, met: actual <= target };
    case 'maintain': {
      const met = target === 0 ? actual >= 0 : actual >= target * (1 - MAINTAIN_TOLERANCE);
      const rate = target === 0 ? (met ? 1 : null) : actual / target;
      return { rate, met };
    }
  }
}

/**
 * Gap closure, offered where the sheet gives a baseline: how much of the way from the
 * baseline to the target the actual went, in either direction (≥ 1 exactly when met).
 */
export function gapClosure(baseline: number | null, target: number | null, actual: number | null): number | null {
  if (baseline === null || target === null || actual === null || target === baseline) return null;
  return (actual - baseline) / (target - baseline);
}

export function gradeOf(rate: number | null, bands: GradeBand[] = DEFAULT_GRADES): string | null {
  if (rate === null || !Number.isFinite(rate)) return null;
  const sorted = [...bands].sort((a, b) => b.min - a.min);
  return sorted.find((b) => rate >= b.min)?.grade ?? null;
}

/**
 * Latest fiscal year with at least one numeric actual among the field's KPIs; a field without
 * KPIs (read from project or measure sheets) takes its measures' and projects' indicators.
 */
export function defaultAsOf(field: PolicyField): number | null {
  const latest = (list: Indicator[]) => {
    let best: number | null = null;
    for (const ind of list) for (const y of ind.years) if (y.actualState === 'number' && (best === null || y.fiscalYear > best)) best = y.fiscalYear;
    return best;
  };
  return latest(field.indicators) ?? latest(field.measures.flatMap((m) => [...m.indicators, ...m.projects.flatMap((p) => p.indicators)]));
}

export function statusOf(y: IndicatorYear, asOf: number | null, direction: Direction): { status: YearStatus | null; rate: number | null } {
  // A 集計中 mark says more than "future": the year is over and its actual is being tallied.
  if (y.actualState === 'pending') return { status: 'pending', rate: null };
  if (asOf === null || y.fiscalYear > asOf) return { status: 'future', rate: null };
  if (y.actualState === 'invalid' || y.actualState === 'error' || y.targetState === 'invalid' || y.targetState === 'error') return { status: 'invalid', rate: null };
  if (y.actualState === 'missing') return { status: y.target === null ? null : 'notReported', rate: null };
  if (y.target === null || y.actual === null) return { status: null, rate: null };
  const a = achievement(direction, y.target, y.actual);
  return { status: a.met ? 'achieved' : 'notAchieved', rate: a.rate };
}

/**
 * From the latest actual, the annual pace needed to reach the final target against the
 * pace so far. The final target is due in `finalYear` (the year after the last target
 * column unless the sheet says otherwise).
 */
export function trajectoryOf(ind: Indicator, asOf: number | null, direction: Direction, finalYear: number | null): Trajectory | null {
  if (ind.finalTarget === null) return null;
  const actuals = ind.years.filter((y) => y.actualState === 'number' && y.actual !== null && (asOf === null || y.fiscalYear <= asOf));
  if (!actuals.length) return null;
  const latest = actuals[actuals.length - 1];
  const first = actuals[0];
  const lastYear = ind.years.length ? ind.years[ind.years.length - 1].fiscalYear : latest.fiscalYear;
  const due = finalYear ?? lastYear + 1;
  const reached = achievement(direction, ind.finalTarget, latest.actual as number).met;
  const yearsLeft = due - latest.fiscalYear;
  const requiredPace = yearsLeft > 0 ? (ind.finalTarget - (latest.actual as number)) / yearsLeft : null;
  // The pace so far: between the first and the latest actual, or from the baseline when there is one actual.
  let observedPace = latest !== first ? ((latest.actual as number) - (first.actual as number)) / (latest.fiscalYear - first.fiscalYear) : null;
  const b = ind.baseline ?? null;
  const by = ind.baselineYear ?? null;
  if (observedPace === null && b !== null && by !== null && latest.fiscalYear > by) observedPace = ((latest.actual as number) - b) / (latest.fiscalYear - by);
  let onTrack: boolean | null = null;
  if (reached) onTrack = true;
  else if (requiredPace !== null && observedPace !== null) {
    onTrack = direction === 'decrease' ? observedPace <= requiredPace : direction === 'maintain' ? false : observedPace >= requiredPace;
  } else if (requiredPace === null && !reached) onTrack = false;
  return {
    fromYear: latest.fiscalYear,
    latestActual: latest.actual as number,
    finalTarget: ind.finalTarget,
    finalYear: due,
    requiredPace,
    observedPace,
    onTrack,
    verdict: reached ? 'reached' : onTrack === null ? 'unknown' : onTrack ? 'onTrack' : 'offTrack',
  };
}
