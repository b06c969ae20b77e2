import { useId } from "react";
import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from "@fluentui/react-components";
import type { Indicator } from "../../../core";
import type { TeachProblem } from "../../../core/profile/teach";
import { statusKey, yearText } from "../../i18n";
import type { Lang, Translate } from "../../i18n";
import { usePaneStyles } from "../styles";

/** Indicators shown in full; the rest are counted (the preview is a check, not the overview). */
const MAX_SHOWN = 12;

export interface TeachPreviewProps {
  /** Nothing marked yet. */
  empty: boolean;
  problems: TeachProblem[];
  indicators: Indicator[];
  lang: Lang;
  t: Translate;
}

/** What the marks give, before the user accepts: each indicator with its years, targets, actuals. */
export function TeachPreview({ empty, problems, indicators, lang, t }: TeachPreviewProps) {
  const styles = usePaneStyles();
  const headingId = useId();
  const num = (n: number | null, text?: string | null) =>
    n === null ? (text ?? "—") : n.toLocaleString(lang === "ja" ? "ja-JP" : "en-US");
  const summary = empty
    ? t("teach.previewEmpty")
    : problems.length
      ? t("teach.problems")
      : t("teach.previewCount", { count: indicators.length });
  return (
    <section className={styles.card} aria-labelledby={headingId}>
      <h3 id={headingId} className={styles.subheading}>
        {t("teach.previewHeading")}
      </h3>
      <Text role="status">{summary}</Text>
      {problems.length > 0 && (
        <ul className={styles.list}>
          {problems.map((p, i) => (
            <li key={i}>⚠ {p[lang]}</li>
          ))}
        </ul>
      )}
      {indicators.slice(0, MAX_SHOWN).map((ind) => (
        <Table key={ind.no} size="extra-small">
          <caption className={styles.caption}>
            <strong>
              {ind.unit ? t("teach.indicator", { name: ind.name, unit: ind.unit }) : ind.name}
            </strong>
          </caption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t("teach.col.year")}</TableHeaderCell>
              <TableHeaderCell className={styles.number}>{t("teach.col.target")}</TableHeaderCell>
              <TableHeaderCell className={styles.number}>{t("teach.col.actual")}</TableHeaderCell>
              <TableHeaderCell>{t("teach.col.status")}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {ind.years.map((y) => (
              <TableRow key={y.fiscalYear}>
                <TableCell>{yearText(t, y.fiscalYear)}</TableCell>
                <TableCell className={styles.number}>{num(y.target)}</TableCell>
                <TableCell className={styles.number}>{num(y.actual, y.actualText)}</TableCell>
                <TableCell>{t(statusKey(y.status))}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ))}
      {indicators.length > MAX_SHOWN && (
        <Text>{t("teach.previewMore", { count: indicators.length - MAX_SHOWN })}</Text>
      )}
    </section>
  );
}
