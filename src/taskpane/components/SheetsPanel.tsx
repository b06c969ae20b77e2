import { useCallback } from "react";
import { Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { SheetInfo, SheetKind } from "../../core";
import { kindKey } from "../i18n";
import type { Translate } from "../i18n";
import { SHEET_KINDS } from "../settings";
import { AutoSelect } from "./AutoSelect";
import { usePaneStyles } from "./styles";
import { stickyTabsHeight, useWindowRows } from "./useWindowRows";

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

const useStyles = makeStyles({
  // Two columns fit the narrow pane: the sheet with the reason, and its kind.
  row: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) minmax(0, 46%)",
    columnGap: tokens.spacingHorizontalS,
    alignItems: "center",
    paddingBlock: tokens.spacingVerticalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  head: { fontWeight: tokens.fontWeightSemibold },
});

/** Each sheet with its kind (changeable) and the classifier's reason; only the rows on screen render. */
export function SheetsPanel({
  sheets,
  detected,
  overrides,
  onOverride,
  t,
  lang,
}: SheetsPanelProps) {
  const pane = usePaneStyles();
  const styles = useStyles();
  const keyOf = useCallback((i: number) => sheets[i].name, [sheets]);
  const estimate = useCallback(() => 72, []);
  const win = useWindowRows({ count: sheets.length, keyOf, estimate, stickyTop: stickyTabsHeight });
  return (
    <section className={pane.section} aria-labelledby="hyoka-sheets">
      <h2 id="hyoka-sheets" className={pane.heading}>
        {t("sheets.heading")}
      </h2>
      <Text size={200} className={pane.muted} id="hyoka-sheets-caption">
        {t("sheets.caption")}
      </Text>
      <div role="table" aria-labelledby="hyoka-sheets-caption" aria-rowcount={sheets.length + 1}>
        <div role="rowgroup">
          <div role="row" aria-rowindex={1} className={mergeClasses(styles.row, styles.head)}>
            <div role="columnheader">
              {t("sheets.col.name")} / {t("sheets.col.reason")}
            </div>
            <div role="columnheader">{t("sheets.col.kind")}</div>
          </div>
        </div>
        <div
          role="rowgroup"
          ref={win.listRef}
          className={pane.windowBody}
          style={{ height: win.totalHeight }}
        >
          {win.rows.map(({ index, top }) => {
            const s = sheets[index];
            const override = overrides[s.name];
            const auto = detected[s.name];
            return (
              <div
                key={s.name}
                ref={win.measureRef(s.name)}
                role="row"
                aria-rowindex={index + 2}
                className={mergeClasses(styles.row, pane.windowRow)}
                style={{ top }}
              >
                <div role="cell" className={pane.wrap}>
                  <strong>{s.name}</strong>
                  <br />
                  <span className={pane.muted}>
                    {override ? (
                      t("sheets.overridden")
                    ) : lang === "ja" && s.reasonJa ? (
                      s.reasonJa
                    ) : (
                      <span lang="en">{s.reason}</span>
                    )}
                  </span>
                </div>
                <div role="cell">
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
                </div>
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
}
