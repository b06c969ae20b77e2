import { fieldKey } from "../../core/fieldKey";
import { useEffect, useState } from "react";
import {
  Button,
  Field,
  Input,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from "@fluentui/react-components";
import type { Direction, EvaluationModel, PolicyField } from "../../core";
import { defaultAsOf } from "../../core/achievement";
import { directionKey, statusKey, yearText } from "../i18n";
import type { Translate } from "../i18n";
import { DEFAULT_GRADE_SETTINGS, DIRECTIONS, sortGrades } from "../settings";
import type { GradeSetting, PaneSettings } from "../settings";
import { countField } from "../summary";
import { AutoSelect } from "./AutoSelect";
import { usePaneStyles } from "./styles";

export interface OverviewPanelProps {
  model: EvaluationModel;
  settings: PaneSettings;
  onAsOf: (fieldId: string, year: number | undefined) => void;
  onDirection: (key: string, direction: Direction | undefined) => void;
  onGrades: (grades: GradeSetting[]) => void;
  t: Translate;
}

export function OverviewPanel({
  model,
  settings,
  onAsOf,
  onDirection,
  onGrades,
  t,
}: OverviewPanelProps) {
  const styles = usePaneStyles();
  return (
    <section className={styles.section} aria-labelledby="hyoka-fields">
      <h2 id="hyoka-fields" className={styles.heading}>
        {t("fields.heading")}
      </h2>
      {model.policyFields.length === 0 ? (
        <Text>{t("fields.none")}</Text>
      ) : (
        model.policyFields.map((f) => (
          <FieldCard
            key={`${f.sheet}/${f.id}`}
            field={f}
            findings={model.findings.filter((x) => x.policyField === f.id).length}
            settings={settings}
            onAsOf={onAsOf}
            onDirection={onDirection}
            t={t}
          />
        ))
      )}
      <GradeTable grades={settings.grades} onGrades={onGrades} t={t} />
    </section>
  );
}

interface FieldCardProps {
  field: PolicyField;
  findings: number;
  settings: PaneSettings;
  onAsOf: OverviewPanelProps["onAsOf"];
  onDirection: OverviewPanelProps["onDirection"];
  t: Translate;
}

function FieldCard({ field, findings, settings, onAsOf, onDirection, t }: FieldCardProps) {
  const styles = usePaneStyles();
  const counts = countField(field, findings);
  const headingId = `hyoka-field-${fieldKey(field)}-${field.sheet}`.replace(/[^\w-]/g, "_");
  const years = [
    ...new Set(field.indicators.flatMap((i) => i.years.map((y) => y.fiscalYear))),
  ].sort((a, b) => a - b);
  // The year the field would get without the user's choice.
  const autoYear = defaultAsOf(field);
  const chosen = settings.asOf[fieldKey(field)];
  const dash = t("fields.unknown");
  const rows: [string, string | number][] = [
    [t("status.achieved"), counts.statuses?.achieved ?? dash],
    [t("status.notAchieved"), counts.statuses?.notAchieved ?? dash],
    [t("status.notReported"), counts.statuses?.notReported ?? dash],
    [t("status.pending"), counts.statuses?.pending ?? dash],
    [t("fields.col.indicators"), counts.indicators],
    [t("fields.col.measures"), counts.measures],
    [t("fields.col.projects"), counts.projects],
    [t("fields.col.findings"), counts.findings],
  ];
  return (
    <div className={styles.card} role="group" aria-labelledby={headingId}>
      <h3 id={headingId} className={styles.subheading}>
        {t("overview.field", { id: fieldKey(field), name: field.name })}
      </h3>
      <Text size={200} className={styles.muted}>
        {t("overview.sheet", { sheet: field.sheet })}
      </Text>
      <Field label={t("overview.asOfLabel", { id: fieldKey(field) })}>
        <AutoSelect
          value={chosen ?? undefined}
          autoLabel={
            autoYear === null
              ? t("overview.asOfAutoNone")
              : t("overview.asOfAuto", { year: yearText(t, autoYear) })
          }
          options={years.map((y) => ({ value: y, label: yearText(t, y) }))}
          onChange={(year) => onAsOf(fieldKey(field), year)}
        />
      </Field>
      <Table size="extra-small">
        <caption className={styles.caption}>
          {t("overview.countsCaption")}
          {field.asOf !== null ? ` — ${yearText(t, field.asOf)}` : ""}
        </caption>
        <TableBody>
          {rows.map(([label, value]) => (
            <TableRow key={label}>
              <TableCell>{label}</TableCell>
              <TableCell className={styles.number}>{value}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {field.indicators.length > 0 && (
        <Table size="extra-small">
          <caption className={styles.caption}>{t("overview.kpiCaption")}</caption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>
                {t("overview.col.name")} / {t("overview.col.status")}
              </TableHeaderCell>
              <TableHeaderCell className={styles.controlColumn}>
                {t("overview.col.direction")}
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {field.indicators.map((ind) => {
              const key = `${fieldKey(field)}/${ind.no}`;
              const at = ind.years.find((y) => y.fiscalYear === field.asOf);
              const override = settings.directions[key];
              // Without an override, directionInfo is what the core inferred.
              const inferred = ind.directionInfo?.rule === "override" ? null : ind.direction;
              return (
                <TableRow key={ind.no}>
                  {/* Two columns fit the narrow pane: the KPI with its status, and the direction. */}
                  <TableCell>
                    <strong>
                      {ind.no}. {ind.name}
                    </strong>
                    <br />
                    {t(statusKey(at?.status ?? null))}
                    {typeof at?.achievementRate === "number" && (
                      <>
                        {" "}
                        <Text size={200}>
                          {t("overview.rate", {
                            rate: `${(at.achievementRate * 100).toFixed(1)}%`,
                          })}
                        </Text>
                      </>
                    )}
                  </TableCell>
                  <TableCell className={styles.controlColumn}>
                    <AutoSelect
                      size="small"
                      aria-label={t("overview.directionLabel", { no: ind.no, name: ind.name })}
                      value={override}
                      autoLabel={
                        inferred
                          ? t("overview.directionAuto", { direction: t(directionKey(inferred)) })
                          : t("sheets.autoUnknown")
                      }
                      options={DIRECTIONS.map((d) => ({ value: d, label: t(directionKey(d)) }))}
                      onChange={(d: Direction | undefined) => onDirection(key, d)}
                    />
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
    </div>
  );
}

const toPercent = (min: number) => String(Math.round(min * 1000) / 10);

/** Lower bounds in %, highest grade first; null unless every bound is a number ≥ 0, falling strictly. */
export function parseGradeDraft(grades: GradeSetting[], draft: string[]): GradeSetting[] | null {
  const next: GradeSetting[] = [];
  for (let i = 0; i < grades.length; i++) {
    if (i === grades.length - 1) {
      next.push({ grade: grades[i].grade, min: 0 });
      continue;
    }
    const text = draft[i].trim().replace(/[％%]$/, "");
    const n = Number(text.normalize("NFKC"));
    if (text === "" || !Number.isFinite(n) || n < 0) return null;
    if (i > 0 && n >= next[i - 1].min * 100) return null;
    next.push({ grade: grades[i].grade, min: n / 100 });
  }
  if (next.length >= 2 && next[next.length - 2].min <= 0) return null;
  return next;
}

function GradeTable({
  grades,
  onGrades,
  t,
}: {
  grades: GradeSetting[];
  onGrades: (g: GradeSetting[]) => void;
  t: Translate;
}) {
  const styles = usePaneStyles();
  const sorted = sortGrades(grades);
  const [draft, setDraft] = useState(() => sorted.map((g) => toPercent(g.min)));
  const [invalid, setInvalid] = useState(false);
  const signature = sorted.map((g) => `${g.grade}:${g.min}`).join(",");
  // When the table changes from outside (reset, loaded settings), show it.
  useEffect(() => {
    setDraft(sortGrades(grades).map((g) => toPercent(g.min)));
    setInvalid(false);
  }, [signature]);

  const change = (i: number, value: string) => {
    const next = draft.slice();
    next[i] = value;
    setDraft(next);
    const parsed = parseGradeDraft(sorted, next);
    setInvalid(parsed === null);
    if (parsed) onGrades(parsed);
  };

  return (
    <div className={styles.card} role="group" aria-labelledby="hyoka-grades">
      <h3 id="hyoka-grades" className={styles.subheading}>
        {t("grades.heading")}
      </h3>
      <Text size={200} className={styles.muted}>
        {t("grades.hint")}
      </Text>
      {sorted.map((g, i) =>
        i === sorted.length - 1 ? (
          <Text key={g.grade}>{t("grades.last", { grade: g.grade })}</Text>
        ) : (
          <Field
            key={g.grade}
            label={t("grades.minLabel", { grade: g.grade })}
            orientation="horizontal"
          >
            <Input
              inputMode="decimal"
              value={draft[i] ?? ""}
              onChange={(_, d) => change(i, d.value)}
              aria-invalid={invalid}
            />
          </Field>
        )
      )}
      {invalid && (
        <Text role="alert" className={styles.muted}>
          ⚠ {t("grades.invalid")}
        </Text>
      )}
      <div>
        <Button onClick={() => onGrades(DEFAULT_GRADE_SETTINGS.map((g) => ({ ...g })))}>
          {t("grades.reset")}
        </Button>
      </div>
    </div>
  );
}
