import { useId } from "react";
import { Field, Input, Select } from "@fluentui/react-components";
import type { IndicatorKind } from "../../../core";
import type { TeachOptions as CoreTeachOptions } from "../../../core/profile/teach";
import type { MessageKey, Translate } from "../../i18n";
import { usePaneStyles } from "../styles";

export type TeachLevel = CoreTeachOptions["level"];

/** What the user says about the taught table: whose indicators these are. */
export interface TeachChoices {
  level: TeachLevel;
  kind: IndicatorKind;
  ownerName: string;
  ownerId: string;
  fieldId: string;
  measureCode: string;
}

export const DEFAULT_CHOICES: TeachChoices = {
  level: "field",
  kind: "kpi",
  ownerName: "",
  ownerId: "",
  fieldId: "",
  measureCode: "",
};

const LEVELS: TeachLevel[] = ["field", "measure", "project"];
const KINDS: IndicatorKind[] = ["kpi", "outcome", "activity", "target-population"];

/** The choices as teachEntry takes them (blank optional fields left out). */
export function teachOptions(c: TeachChoices): CoreTeachOptions {
  const text = (s: string) => s.trim() || undefined;
  return {
    level: c.level,
    kind: c.kind,
    ownerName: c.ownerName.trim(),
    ownerId: text(c.ownerId),
    ...(c.level !== "field" && text(c.fieldId) ? { fieldId: text(c.fieldId) } : {}),
    ...(c.level === "project" && text(c.measureCode) ? { measureCode: text(c.measureCode) } : {}),
  };
}

export interface TeachOptionsProps {
  choices: TeachChoices;
  onChange: (next: TeachChoices) => void;
  t: Translate;
}

export function TeachOptions({ choices, onChange, t }: TeachOptionsProps) {
  const styles = usePaneStyles();
  const headingId = useId();
  const set = (patch: Partial<TeachChoices>) => onChange({ ...choices, ...patch });
  const missingName = choices.ownerName.trim() === "";
  return (
    <div className={styles.card} role="group" aria-labelledby={headingId}>
      <h3 id={headingId} className={styles.subheading}>
        {t("teach.optionsHeading")}
      </h3>
      <Field label={t("teach.level")}>
        <Select
          className={styles.select}
          value={choices.level}
          onChange={(_, d) => set({ level: d.value as TeachLevel })}
        >
          {LEVELS.map((l) => (
            <option key={l} value={l}>
              {t(`teach.level.${l}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("teach.kind")}>
        <Select
          className={styles.select}
          value={choices.kind}
          onChange={(_, d) => set({ kind: d.value as IndicatorKind })}
        >
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`role.${k}` as MessageKey)}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        label={t("teach.ownerName")}
        required
        validationState={missingName ? "warning" : "none"}
        validationMessage={missingName ? t("teach.ownerNameMissing") : undefined}
      >
        <Input value={choices.ownerName} onChange={(_, d) => set({ ownerName: d.value })} />
      </Field>
      <Field label={t(`teach.ownerId.${choices.level}`)}>
        <Input value={choices.ownerId} onChange={(_, d) => set({ ownerId: d.value })} />
      </Field>
      {choices.level !== "field" && (
        <Field label={t("teach.fieldId")}>
          <Input value={choices.fieldId} onChange={(_, d) => set({ fieldId: d.value })} />
        </Field>
      )}
      {choices.level === "project" && (
        <Field label={t("teach.measureCode")}>
          <Input value={choices.measureCode} onChange={(_, d) => set({ measureCode: d.value })} />
        </Field>
      )}
    </div>
  );
}
