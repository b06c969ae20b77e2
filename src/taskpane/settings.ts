/**
 * What the user chose in the pane and wants next time: sheet-kind overrides, the evaluation
 * year per policy field, direction overrides per KPI, the grade table and the layout profile
 * (読み取り設定). Saved in the document (Office settings) inside Excel; kept in memory in
 * browser mode. The CLI and the ribbon command read the same saved JSON.
 */
import type { AnalyzeOptions, Direction, SheetKind } from "../core";
import type { GradeRule } from "../core/planSummary";
import { validateProfile } from "../core/profile/validate";
import type { ProfileProblem } from "../core/profile/validate";
import type { LayoutProfile } from "../core/profile/types";

/** One grade band: the grade holds from `min` (1 = 100 %) up to the next band. */
export interface GradeSetting {
  grade: string;
  min: number;
}

export interface PaneSettings {
  /** Sheet name → kind, when the user overrode the detected kind. */
  sheetKinds: Record<string, SheetKind>;
  /** Policy field id → evaluation (as-of) fiscal year, when the user chose one. */
  asOf: Record<string, number>;
  /** "<policyFieldId>/<indicatorNo>" → direction, when the user overrode it. */
  directions: Record<string, Direction>;
  /** Highest band first; the last band's min is ignored (it takes everything below). */
  grades: GradeSetting[];
  /** How the sheets are read (読み取り設定), once the user changed, taught or imported one. */
  profile?: LayoutProfile;
  /** Read back only, never saved: why the profile saved in the document was dropped. */
  droppedProfile?: ProfileProblem[];
}

export const DEFAULT_GRADE_SETTINGS: GradeSetting[] = [
  { grade: "A", min: 1 },
  { grade: "B", min: 0.8 },
  { grade: "C", min: 0.5 },
  { grade: "D", min: 0 },
];

export function defaultSettings(): PaneSettings {
  return {
    sheetKinds: {},
    asOf: {},
    directions: {},
    grades: DEFAULT_GRADE_SETTINGS.map((g) => ({ ...g })),
  };
}

export const SHEET_KINDS: SheetKind[] = [
  "policyField",
  "projectSheet",
  "measureSheet",
  "projectTable",
  "custom",
  "projectDetails",
  "projectList",
  "hyokaSummary",
  "empty",
  "unknown",
];
export const DIRECTIONS: Direction[] = ["increase", "decrease", "maintain"];

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

function pick<T>(v: unknown, ok: (x: unknown) => x is T): Record<string, T> {
  const out: Record<string, T> = {};
  if (!isRecord(v)) return out;
  for (const [k, x] of Object.entries(v)) if (ok(x)) out[k] = x;
  return out;
}

/**
 * Settings read back from a document are untrusted (another version, a hand edit): keep what
 * is well-formed, drop the rest, fall back to defaults.
 */
export function parseSettings(raw: unknown): PaneSettings {
  const base = defaultSettings();
  if (typeof raw === "string") {
    try {
      raw = JSON.parse(raw);
    } catch {
      return base;
    }
  }
  if (!isRecord(raw)) return base;
  const grades = Array.isArray(raw.grades)
    ? raw.grades.filter(
        (g): g is GradeSetting =>
          isRecord(g) &&
          typeof g.grade === "string" &&
          g.grade.trim() !== "" &&
          typeof g.min === "number" &&
          Number.isFinite(g.min)
      )
    : [];
  // A saved profile is used only when whole (a hand edit, another version): else dropped, with why.
  const checked =
    raw.profile === undefined || raw.profile === null ? null : validateProfile(raw.profile);
  return {
    ...(checked?.profile ? { profile: checked.profile } : {}),
    ...(checked && !checked.profile ? { droppedProfile: checked.problems } : {}),
    sheetKinds: pick(raw.sheetKinds, (x): x is SheetKind => SHEET_KINDS.includes(x as SheetKind)),
    asOf: pick(
      raw.asOf,
      (x): x is number => typeof x === "number" && Number.isInteger(x) && x > 1900 && x < 2200
    ),
    directions: pick(raw.directions, (x): x is Direction => DIRECTIONS.includes(x as Direction)),
    grades: grades.length >= 2 ? sortGrades(grades) : base.grades,
  };
}

export function sortGrades(grades: GradeSetting[]): GradeSetting[] {
  return grades.map((g) => ({ grade: g.grade.trim(), min: g.min })).sort((a, b) => b.min - a.min);
}

/** The grade table as the core's analysis wants it (the last band takes everything below). */
export function analysisGrades(grades: GradeSetting[]): { grade: string; min: number }[] {
  const sorted = sortGrades(grades);
  return sorted.map((g, i) => ({
    grade: g.grade,
    min: i === sorted.length - 1 ? -Infinity : g.min,
  }));
}

/** The grade table for the summary plan (its lowest band starts at 0). */
export function planGrades(grades: GradeSetting[]): GradeRule[] {
  const sorted = sortGrades(grades);
  return sorted.map((g, i) => ({ grade: g.grade, min: i === sorted.length - 1 ? 0 : g.min }));
}

export function analyzeOptions(settings: PaneSettings, lang: "ja" | "en"): AnalyzeOptions {
  return {
    lang,
    sheetKinds: settings.sheetKinds,
    asOf: settings.asOf,
    directions: settings.directions,
    grades: analysisGrades(settings.grades),
    profile: settings.profile,
  };
}

/** The settings as saved in the document: JSON, without what is only read back. */
export function serializeSettings(settings: PaneSettings): string {
  const { droppedProfile: _dropped, ...saved } = settings;
  return JSON.stringify(saved);
}

/** A new record without `key`, or with key → value. */
export function withEntry<T>(
  record: Record<string, T>,
  key: string,
  value: T | undefined
): Record<string, T> {
  const next = { ...record };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}
