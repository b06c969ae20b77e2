/**
 * Snapshot → EvaluationModel: read (parse.ts), evaluate KPIs (achievement.ts), then
 * run the rule catalog (rules.ts). Pure and deterministic.
 */
import type { WorkbookSnapshot } from './snapshot';
import type { Direction, EvaluationModel, Indicator, PolicyField, SheetKind } from './model';
import { parseWorkbook } from './read';
import { DEFAULT_GRADES, defaultAsOf, FORMULAS, gapClosure, GradeBand, gradeOf, inferDirection, statusOf, trajectoryOf } from './achievement';
import { runRules, sheetOrderKey } from './rules';
import { fieldKey } from './fieldKey';
import { VERSION } from './version';
import type { LayoutProfile } from './profile/types';

export interface AnalyzeOptions {
  /** Evaluation year: one for every field, or per policy field id. */
  asOf?: number | Record<string, number>;
  lang?: 'ja' | 'en';
  /** Sheet kind overrides by sheet name. */
  sheetKinds?: Record<string, SheetKind>;
  /** Direction overrides, keyed "<policyFieldId>/<indicatorNo>". */
  directions?: Record<string, Direction>;
  /** Grade table; default A ≥ 100%, B ≥ 80%, C ≥ 50%, D below. */
  grades?: GradeBand[];
  /** A layout profile to read with (src/core/profile/): entries by sheet name or label signature. */
  profile?: LayoutProfile;
  /** The workbook's file when the model is read beside another (last year's in a comparison): every cell names it. */
  file?: string;
  /** Told when the sheets are parsed and the checks begin (the pane's progress); never changes the result. */
  onValidate?: () => void;
}

/** Every indicator of a field with its direction-override key: KPIs "9/1", a measure's "9/m2/1", a project's "9/p2-3/1". */
function* fieldIndicators(field: PolicyField): Generator<{ ind: Indicator; key: string }> {
  const f = fieldKey(field);
  for (const ind of field.indicators) yield { ind, key: `${f}/${ind.no}` };
  for (const m of field.measures) {
    for (const ind of m.indicators) yield { ind, key: `${f}/m${m.no}/${ind.no}` };
    for (const p of m.projects) for (const ind of p.indicators) yield { ind, key: `${f}/p${m.no}-${p.no}/${ind.no}` };
  }
}

export function evaluateField(field: PolicyField, options: AnalyzeOptions): void {
  const override = typeof options.asOf === 'number' ? options.asOf : options.asOf?.[fieldKey(field)];
  field.asOf = override ?? defaultAsOf(field);
  field.asOfRule = override !== undefined ? 'override' : field.asOf === null ? 'none' : 'latestActual';
  const bands = options.grades ?? DEFAULT_GRADES;
  for (const { ind, key } of fieldIndicators(field)) {
    const info = inferDirection(ind, options.directions?.[key]);
    ind.direction = info.value;
    ind.directionInfo = info;
    ind.formula = FORMULAS[info.value];
    for (const y of ind.years) {
      const s = statusOf(y, field.asOf, info.value);
      y.status = s.status;
      y.achievementRate = s.rate;
      y.grade = gradeOf(s.rate, bands);
      y.gapClosureRate = gapClosure(ind.baseline ?? null, y.target, s.rate === null && s.status !== 'achieved' && s.status !== 'notAchieved' ? null : y.actual);
    }
    const atAsOf = ind.years.find((y) => y.fiscalYear === field.asOf);
    ind.grade = atAsOf?.grade ?? null;
    ind.trajectory = trajectoryOf(ind, field.asOf, info.value, ind.finalTargetYear ?? null);
  }
}

export function analyzeWorkbook(snapshot: WorkbookSnapshot, options: AnalyzeOptions = {}): EvaluationModel {
  return analyzeWithProfile(snapshot, options).model;
}

/** The model, and the layout profile its reading amounts to (`hyoka inspect --profile-out`). */
export function analyzeWithProfile(snapshot: WorkbookSnapshot, options: AnalyzeOptions = {}): { model: EvaluationModel; profile: LayoutProfile } {
  const parsed = parseWorkbook(snapshot, { sheetKinds: options.sheetKinds, profile: options.profile, file: options.file });
  options.onValidate?.();
  for (const f of parsed.policyFields) evaluateField(f, options);
  const file = options.file;
  const sheets = Array.isArray(snapshot?.sheets) ? snapshot.sheets : [];
  const findings = runRules(
    { fields: parsed.policyFields, grids: parsed.readSheets, sheets: file === undefined ? sheets : sheets.map((s) => ({ ...s, file })), notes: parsed.notes },
    options.lang ?? 'ja',
    parsed.sheets.map((s) => sheetOrderKey({ sheet: s.name, file })),
  );
  const model: EvaluationModel = {
    schemaVersion: 2,
    generator: { name: 'hyoka', version: VERSION },
    source: snapshot.source ?? null,
    sheets: file === undefined ? parsed.sheets : parsed.sheets.map((s) => ({ ...s, file })),
    policyFields: parsed.policyFields,
    findings,
  };
  return { model, profile: parsed.profile };
}
