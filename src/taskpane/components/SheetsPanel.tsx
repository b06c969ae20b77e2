import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@fluentui/react-components";
import type { SheetInfo, SheetKind } from "../../core";
import { kindKey } from "../i18n";
import type { Translate } from "../i18n";
import { SHEET_KINDS } from "../settings";
import { AutoSelect } from "./AutoSelect";
import { usePaneStyles } from "./styles";

export interface SheetsPanelProps {
  sheets: SheetInfo[];
  /** What the classifier found on its own, by sheet name (for the "automatic" option). */
  detected: Record<string, SheetKind>;
  overrides: Record<string, SheetKind>;
  onOverride: (sheet: string, kind: SheetKind | undefined) => void;
  t: Translate;
  /** The pane's language: the classifier gives its reasons in both. */
  lang: "ja" | "en";
}

// "custom" is what a taught profile entry reads; as an override it would read nothing (an
// override sets the profile aside), so a sheet is taught in the layout step instead.
const OVERRIDE_KINDS = SHEET_KINDS.filter((k) => k !== "custom");

/** Each sheet with its kind (changeable) and the classifier's reason. */
export function SheetsPanel({
  sheets,
  detected,
  overrides,
  onOverride,
  t,
  lang,
}: SheetsPanelProps) {
  const styles = usePaneStyles();
  return (
    <section className={styles.section} aria-labelledby="hyoka-sheets">
      <h2 id="hyoka-sheets" className={styles.heading}>
        {t("sheets.heading")}
      </h2>
      <Table size="small">
        <caption className={styles.caption}>{t("sheets.caption")}</caption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>
              {t("sheets.col.name")} / {t("sheets.col.reason")}
            </TableHeaderCell>
            <TableHeaderCell className={styles.controlColumn}>
              {t("sheets.col.kind")}
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {sheets.map((s) => {
            const override = overrides[s.name];
            const auto = detected[s.name];
            return (
              <TableRow key={s.name}>
                {/* Two columns fit the narrow pane: the sheet with the reason, and its kind. */}
                <TableCell>
                  <strong>{s.name}</strong>
                  <br />
                  <span className={styles.muted}>
                    {override ? (
                      t("sheets.overridden")
                    ) : lang === "ja" && s.reasonJa ? (
                      s.reasonJa
                    ) : (
                      <span lang="en">{s.reason}</span>
                    )}
                  </span>
                </TableCell>
                <TableCell className={styles.controlColumn}>
                  <AutoSelect
                    size="small"
                    aria-label={t("sheets.kindLabel", { sheet: s.name })}
                    value={override}
                    autoLabel={
                      auto ? t("sheets.auto", { kind: t(kindKey(auto)) }) : t("sheets.autoUnknown")
                    }
                    options={OVERRIDE_KINDS.map((k) => ({ value: k, label: t(kindKey(k)) }))}
                    onChange={(kind: SheetKind | undefined) => onOverride(s.name, kind)}
                  />
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </section>
  );
}
