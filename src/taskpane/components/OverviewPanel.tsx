import { useMemo, useState } from "react";
import { Field, Text } from "@fluentui/react-components";
import type { Direction, EvaluationModel } from "../../core";
import { countFindingsByField, fieldRef } from "../findingKeys";
import { fieldLabel } from "../i18n";
import type { Translate } from "../i18n";
import { sortGrades } from "../settings";
import type { GradeSetting, PaneSettings } from "../settings";
import { countField } from "../summary";
import type { FieldCounts } from "../summary";
import { FieldDetail } from "./overview/FieldDetail";
import { FieldTable, STATUS_COLUMNS } from "./overview/FieldTable";
import { GradeSettings } from "./overview/GradeSettings";
import { TitledSelect } from "./TitledSelect";
import { usePaneStyles } from "./styles";

export interface OverviewPanelProps {
  model: EvaluationModel;
  settings: PaneSettings;
  onAsOf: (fieldId: string, year: number | undefined) => void;
  onDirection: (key: string, direction: Direction | undefined) => void;
  onGrades: (grades: GradeSetting[]) => void;
  /** Opens the findings filtered to one field (its fieldRef). */
  onShowFindings: (ref: string) => void;
  t: Translate;
}

const NONE = "";

/**
 * The overview at city scale: the settings common to every field first, then one compact,
 * sortable table of the policy fields with a jump list; a field opens to its own settings.
 */
export function OverviewPanel(props: OverviewPanelProps) {
  const { model, settings, onAsOf, onDirection, onGrades, onShowFindings, t } = props;
  const styles = usePaneStyles();
  const [expanded, setExpanded] = useState<string | null>(null);
  const [jump, setJump] = useState<{ ref: string } | null>(null);

  const { counts, unassigned, totals } = useMemo(() => {
    const { byField } = countFindingsByField(model.findings);
    const out = new Map<string, FieldCounts>();
    for (const f of model.policyFields)
      out.set(fieldRef(f), countField(f, byField.get(fieldRef(f)) ?? 0));
    const sum = { achieved: 0, notAchieved: 0, notReported: 0, pending: 0, findings: 0 };
    for (const c of out.values()) {
      sum.findings += c.findings;
      for (const col of STATUS_COLUMNS) sum[col.key] += c.statuses?.[col.key] ?? 0;
    }
    // What no listed field holds, so that the fields and this add up to the findings tab.
    return { counts: out, unassigned: model.findings.length - sum.findings, totals: sum };
  }, [model]);
  const grades = useMemo(() => sortGrades(settings.grades).map((g) => g.grade), [settings.grades]);

  return (
    <section className={styles.section} aria-labelledby="hyoka-fields">
      <h2 id="hyoka-fields" className={styles.heading}>
        {t("fields.heading")}
      </h2>
      <GradeSettings grades={settings.grades} onGrades={onGrades} t={t} />
      {model.policyFields.length === 0 ? (
        <Text>{t("fields.none")}</Text>
      ) : (
        <>
          <Text size={200}>
            {t("fields.totals", {
              fields: model.policyFields.length,
              achieved: totals.achieved,
              notAchieved: totals.notAchieved,
              notReported: totals.notReported,
              pending: totals.pending,
            })}
          </Text>
          <Text size={200}>
            {unassigned > 0
              ? t("fields.findingsTotalWithOther", {
                  count: model.findings.length,
                  other: unassigned,
                })
              : t("fields.findingsTotal", { count: model.findings.length })}
          </Text>
          <Field label={t("fields.jump")}>
            <TitledSelect
              value={NONE}
              options={[
                { value: NONE, label: t("fields.jumpPrompt") },
                ...model.policyFields.map((f) => ({ value: fieldRef(f), label: fieldLabel(t, f) })),
              ]}
              onChange={(ref) => {
                if (ref === NONE) return;
                setExpanded(ref);
                setJump({ ref });
              }}
            />
          </Field>
          <Text size={200} className={styles.muted}>
            {t("fields.legend")}
          </Text>
          <FieldTable
            fields={model.policyFields}
            counts={counts}
            grades={grades}
            expanded={expanded}
            onToggle={(ref) => setExpanded(expanded === ref ? null : ref)}
            detail={(f) => (
              <FieldDetail
                field={f}
                counts={counts.get(fieldRef(f)) as FieldCounts}
                settings={settings}
                onAsOf={onAsOf}
                onDirection={onDirection}
                t={t}
              />
            )}
            onShowFindings={onShowFindings}
            jump={jump}
            t={t}
          />
        </>
      )}
    </section>
  );
}
