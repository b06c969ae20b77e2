import { fieldKey } from "../core/fieldKey";
import type { EvaluationModel, PolicyField, YearStatus } from "../core";

export interface FieldCounts {
  id: string;
  name: string;
  sheet: string;
  asOf: number | null;
  indicators: number;
  /** Per status of each indicator's evaluation-year (asOf) entry; null when there is no asOf. */
  statuses: Record<"achieved" | "notAchieved" | "notReported" | "pending", number> | null;
  measures: number;
  projects: number;
  findings: number;
  /** KPIs per grade in the evaluation year (a KPI without a grade is not counted). */
  grades: Record<string, number>;
}

const COUNTED: YearStatus[] = ["achieved", "notAchieved", "notReported", "pending"];

/** What the pane shows per policy field, counted from the model. */
export function countField(field: PolicyField, findingsOfField: number): FieldCounts {
  let statuses: FieldCounts["statuses"] = null;
  const grades: Record<string, number> = {};
  for (const indicator of field.indicators) {
    if (indicator.grade) grades[indicator.grade] = (grades[indicator.grade] ?? 0) + 1;
  }
  if (field.asOf !== null) {
    statuses = { achieved: 0, notAchieved: 0, notReported: 0, pending: 0 };
    for (const indicator of field.indicators) {
      const status = indicator.years.find((y) => y.fiscalYear === field.asOf)?.status;
      if (status && COUNTED.includes(status)) statuses[status as keyof typeof statuses]++;
    }
  }
  return {
    id: fieldKey(field),
    name: field.name,
    sheet: field.sheet,
    asOf: field.asOf,
    indicators: field.indicators.length,
    statuses,
    measures: field.measures.length,
    projects: field.measures.reduce((n, m) => n + m.projects.length, 0),
    findings: findingsOfField,
    grades,
  };
}

/** Sheet kinds that say nothing about the evaluation: with only these, the workbook is not one. */
const NOT_EVALUATION = new Set(["unknown", "empty", "hyokaSummary"]);

/** Whether any sheet of the workbook was read as part of an evaluation workbook. */
export function readsAsEvaluation(model: Pick<EvaluationModel, "sheets">): boolean {
  return model.sheets.some((s) => !NOT_EVALUATION.has(s.kind));
}
