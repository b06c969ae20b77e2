import { fieldKey } from "../core/fieldKey";
import type { Finding, PolicyField } from "../core";

/** Where a finding points: the sheet and cell, after the file when it is in another workbook. */
export const placeOf = (f: Pick<Finding, "sheet" | "address" | "file">) =>
  `${f.file !== undefined ? `[${f.file}] ` : ""}${f.sheet}!${f.address}`;

/** Everything that tells two findings apart, except their wording (which follows the language). */
function identity(f: Finding): string {
  return [
    f.rule,
    placeOf(f),
    f.policyField ?? "",
    f.indicator ?? "",
    f.project ?? "",
    f.measure ?? "",
    f.fiscalYear ?? "",
  ].join("|");
}

/**
 * One key per finding, unique in the list and stable across re-analyses: several findings of one
 * rule on one cell (a KPI's name cell for each of its years) differ by year or indicator, and
 * any still alike are numbered in their order.
 */
export function findingKeys(findings: Finding[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const id = identity(f);
    const n = seen.get(id) ?? 0;
    seen.set(id, n + 1);
    return n === 0 ? id : `${id}#${n}`;
  });
}

/** The policy field a finding belongs to, as the overview counts it; null for a workbook-level one. */
export function findingFieldRef(f: Finding): string | null {
  return f.policyField === null ? null : `${f.file ?? ""}|${f.policyField}`;
}

/** The same reference for a field of the model. */
export function fieldRef(field: PolicyField): string {
  return `${field.source.file ?? ""}|${fieldKey(field)}`;
}

/** Findings per field reference, and those of no field: together they are all the findings. */
export function countFindingsByField(findings: Finding[]): {
  byField: Map<string, number>;
  unassigned: number;
} {
  const byField = new Map<string, number>();
  let unassigned = 0;
  for (const f of findings) {
    const ref = findingFieldRef(f);
    if (ref === null) unassigned++;
    else byField.set(ref, (byField.get(ref) ?? 0) + 1);
  }
  return { byField, unassigned };
}
