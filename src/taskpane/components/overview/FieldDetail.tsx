import {
  Field,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from "@fluentui/react-components";
import type { Direction, PolicyField } from "../../../core";
import { defaultAsOf } from "../../../core/achievement";
import { fieldKey } from "../../../core/fieldKey";
import { directionKey, statusKey, yearText } from "../../i18n";
import type { Translate } from "../../i18n";
import { DIRECTIONS } from "../../settings";
import type { PaneSettings } from "../../settings";
import type { FieldCounts } from "../../summary";
import { AutoSelect } from "../AutoSelect";
import { usePaneStyles } from "../styles";

export interface FieldDetailProps {
  field: PolicyField;
  counts: FieldCounts;
  settings: PaneSettings;
  onAsOf: (fieldId: string, year: number | undefined) => void;
  onDirection: (key: string, direction: Direction | undefined) => void;
  t: Translate;
}

/** One policy field opened in the overview: its evaluation year, and each KPI with its direction. */
export function FieldDetail({ field, counts, settings, onAsOf, onDirection, t }: FieldDetailProps) {
  const styles = usePaneStyles();
  const id = fieldKey(field);
  const years = [
    ...new Set(field.indicators.flatMap((i) => i.years.map((y) => y.fiscalYear))),
  ].sort((a, b) => a - b);
  // The year the field would get without the user's choice.
  const autoYear = defaultAsOf(field);
  return (
    <div className={styles.section}>
      <Text size={200} className={styles.muted}>
        {t("overview.sheet", { sheet: field.sheet })}
        {field.source.file !== undefined ? ` [${field.source.file}]` : ""}
        {" ・ "}
        {t("overview.sizes", {
          indicators: counts.indicators,
          measures: counts.measures,
          projects: counts.projects,
        })}
      </Text>
      <Field label={t("overview.asOfLabel", { id })}>
        <AutoSelect
          value={settings.asOf[id] ?? undefined}
          autoLabel={
            autoYear === null
              ? t("overview.asOfAutoNone")
              : t("overview.asOfAuto", { year: yearText(t, autoYear) })
          }
          options={years.map((y) => ({ value: y, label: yearText(t, y) }))}
          onChange={(year) => onAsOf(id, year)}
        />
      </Field>
      {field.indicators.length > 0 && (
        <Table size="extra-small">
          <caption className={styles.caption}>
            {t("overview.kpiCaption")}
            {field.asOf !== null ? ` — ${yearText(t, field.asOf)}` : ""}
          </caption>
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
              const key = `${id}/${ind.no}`;
              const at = ind.years.find((y) => y.fiscalYear === field.asOf);
              // Without an override, directionInfo is what the core inferred.
              const inferred = ind.directionInfo?.rule === "override" ? null : ind.direction;
              return (
                <TableRow key={ind.no}>
                  {/* Two columns fit the narrow pane: the KPI with its status, and the direction. */}
                  <TableCell className={styles.wrap}>
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
                    {at?.grade ? (
                      <Text size={200}> {t("overview.grade", { grade: at.grade })}</Text>
                    ) : null}
                  </TableCell>
                  <TableCell className={styles.controlColumn}>
                    <AutoSelect
                      size="small"
                      aria-label={t("overview.directionLabel", { no: ind.no, name: ind.name })}
                      value={settings.directions[key]}
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
