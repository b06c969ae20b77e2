import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { ReactNode } from "react";
import { Button, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { PolicyField } from "../../../core";
import { fieldRef } from "../../findingKeys";
import { fieldLabel, statusKey, yearText } from "../../i18n";
import type { Translate } from "../../i18n";
import type { FieldCounts } from "../../summary";
import { usePaneStyles } from "../styles";
import { stickyTabsHeight, useWindowRows } from "../useWindowRows";

export type SortKey = "order" | "achieved" | "notAchieved" | "notReported" | "pending" | "findings";
type Status = Exclude<SortKey, "order" | "findings">;

/** The status columns: the status's symbol on screen, its word for screen readers and as a tooltip. */
export const STATUS_COLUMNS: { key: Status }[] = [
  { key: "achieved" },
  { key: "notAchieved" },
  { key: "notReported" },
  { key: "pending" },
];

/** "✓ 達成" → ["✓", "達成"]. */
function symbolAndWord(t: Translate, status: Status): [string, string] {
  const [symbol, ...word] = t(statusKey(status)).split(" ");
  return [symbol, word.join(" ")];
}

export interface FieldTableProps {
  fields: PolicyField[];
  /** By fieldRef. */
  counts: Map<string, FieldCounts>;
  /** Grade names, highest first (the grade table's). */
  grades: string[];
  /** The one field shown open (fieldRef), or null. */
  expanded: string | null;
  onToggle: (ref: string) => void;
  detail: (field: PolicyField) => ReactNode;
  onShowFindings: (ref: string) => void;
  /** Scroll to this field and focus it (a new object each time the jump list is used). */
  jump: { ref: string } | null;
  t: Translate;
}

const useStyles = makeStyles({
  table: { display: "flex", flexDirection: "column", minWidth: 0 },
  // Name, four statuses, findings: fits 318 px (a 350 px pane less its padding).
  row: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) repeat(4, 2.2em) 2.9em",
    alignItems: "center",
    columnGap: "2px",
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  head: { fontWeight: tokens.fontWeightSemibold },
  sort: { minWidth: 0, paddingInline: "2px", fontWeight: tokens.fontWeightSemibold },
  number: { textAlign: "center", fontVariantNumeric: "tabular-nums" },
  name: {
    justifyContent: "flex-start",
    textAlign: "start",
    minWidth: 0,
    width: "100%",
    fontWeight: tokens.fontWeightRegular,
    paddingInline: "2px",
  },
  nameText: { display: "flex", flexDirection: "column", minWidth: 0, overflowWrap: "anywhere" },
  small: { fontSize: tokens.fontSizeBase100, color: tokens.colorNeutralForeground2 },
  detail: {
    gridColumn: "1 / -1",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  findings: { minWidth: 0, paddingInline: "2px" },
});

type Row =
  | { type: "field"; key: string; field: PolicyField }
  | { type: "detail"; key: string; field: PolicyField };

function compare(sort: SortKey, counts: Map<string, FieldCounts>) {
  const value = (f: PolicyField): number => {
    const c = counts.get(fieldRef(f));
    if (!c) return -1;
    if (sort === "findings") return c.findings;
    return c.statuses?.[sort as Status] ?? -1;
  };
  return (a: PolicyField, b: PolicyField) => value(a) - value(b);
}

/**
 * The policy fields as one compact table: the evaluation year's KPI statuses and findings per
 * field, sortable by each; one field opens at a time to its settings. Only the rows on screen
 * are rendered.
 */
export function FieldTable(props: FieldTableProps) {
  const { fields, counts, grades, expanded, onToggle, detail, onShowFindings, jump, t } = props;
  const styles = useStyles();
  const pane = usePaneStyles();
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({
    key: "order",
    descending: false,
  });

  const sorted = useMemo(() => {
    if (sort.key === "order") return sort.descending ? [...fields].reverse() : fields;
    const by = compare(sort.key, counts);
    // Ties keep the workbook's order.
    const withIndex = fields.map((f, i) => ({ f, i }));
    withIndex.sort((a, b) => (sort.descending ? by(b.f, a.f) : by(a.f, b.f)) || a.i - b.i);
    return withIndex.map((x) => x.f);
  }, [fields, counts, sort]);

  const rows = useMemo(() => {
    const out: Row[] = [];
    for (const field of sorted) {
      const ref = fieldRef(field);
      out.push({ type: "field", key: ref, field });
      if (ref === expanded) out.push({ type: "detail", key: `${ref}#detail`, field });
    }
    return out;
  }, [sorted, expanded]);

  const keyOf = useCallback((i: number) => rows[i].key, [rows]);
  const estimate = useCallback((i: number) => (rows[i].type === "field" ? 48 : 320), [rows]);
  const win = useWindowRows({ count: rows.length, keyOf, estimate, stickyTop: stickyTabsHeight });

  const toggles = useRef(new Map<string, HTMLButtonElement>());
  const [focusWanted, setFocusWanted] = useState<string | null>(null);
  useEffect(() => {
    if (!jump) return;
    const index = rows.findIndex((r) => r.key === jump.ref);
    if (index < 0) return;
    win.scrollToIndex(index);
    setFocusWanted(jump.ref);
    // Only a new jump scrolls; the rows changing under it (the field opening) must not.
  }, [jump]);
  useEffect(() => {
    if (focusWanted === null) return;
    const el = toggles.current.get(focusWanted);
    if (el) {
      el.focus({ preventScroll: true });
      setFocusWanted(null);
    }
  });

  // The sortable-table pattern: a button in each column header, the order in aria-sort.
  const sortButton = (key: SortKey, symbol: string | null, label: string) => {
    const active = sort.key === key;
    return (
      <div
        key={key}
        role="columnheader"
        className={key === "order" ? undefined : styles.number}
        aria-sort={active ? (sort.descending ? "descending" : "ascending") : "none"}
      >
        <Button
          appearance="transparent"
          size="small"
          className={styles.sort}
          title={t("fields.sortBy", { column: label })}
          onClick={() =>
            setSort(
              active
                ? { key, descending: !sort.descending }
                : // Counts sort most first; the workbook's order from its start.
                  { key, descending: key !== "order" }
            )
          }
        >
          {symbol === null || symbol === label ? (
            label
          ) : (
            <>
              <span aria-hidden="true">{symbol}</span>
              <span className={pane.visuallyHidden}>{label}</span>
            </>
          )}
          <span aria-hidden="true">{active ? (sort.descending ? " ▼" : " ▲") : ""}</span>
        </Button>
      </div>
    );
  };

  return (
    <div
      role="table"
      aria-label={t("fields.tableLabel")}
      aria-rowcount={fields.length + 1}
      className={styles.table}
    >
      <div role="rowgroup">
        <div role="row" aria-rowindex={1} className={mergeClasses(styles.row, styles.head)}>
          {sortButton("order", null, t("fields.col.field"))}
          {STATUS_COLUMNS.map((c) => sortButton(c.key, ...symbolAndWord(t, c.key)))}
          {sortButton("findings", t("fields.col.findingsShort"), t("fields.col.findings"))}
        </div>
      </div>
      <div
        role="rowgroup"
        ref={win.listRef}
        className={pane.windowBody}
        style={{ height: win.totalHeight }}
      >
        {win.rows.map(({ index, top }) => {
          const row = rows[index];
          const ref = fieldRef(row.field);
          const c = counts.get(ref);
          const label = fieldLabel(t, row.field);
          if (row.type === "detail") {
            return (
              <div
                key={row.key}
                ref={win.measureRef(row.key)}
                role="row"
                className={mergeClasses(styles.row, pane.windowRow)}
                style={{ top }}
              >
                <div
                  role="cell"
                  aria-colspan={6}
                  id={`hyoka-detail-${index}`}
                  className={styles.detail}
                >
                  {detail(row.field)}
                </div>
              </div>
            );
          }
          const open = ref === expanded;
          const gradeText = grades.map((g) => `${g}${c?.grades[g] ?? 0}`).join(" ");
          return (
            <div
              key={row.key}
              ref={win.measureRef(row.key)}
              role="row"
              aria-rowindex={sorted.indexOf(row.field) + 2}
              className={mergeClasses(styles.row, pane.windowRow)}
              style={{ top }}
            >
              <div role="rowheader">
                <Button
                  ref={(el: HTMLButtonElement | null) => {
                    if (el) toggles.current.set(ref, el);
                    else toggles.current.delete(ref);
                  }}
                  appearance="subtle"
                  size="small"
                  className={styles.name}
                  aria-expanded={open}
                  onClick={() => onToggle(ref)}
                >
                  <span className={styles.nameText}>
                    <span>
                      <span aria-hidden="true">{open ? "▾ " : "▸ "}</span>
                      {label}
                    </span>
                    <span className={styles.small}>
                      {row.field.asOf !== null ? yearText(t, row.field.asOf) : t("fields.noYear")}
                      {gradeText && ` ・ ${gradeText}`}
                    </span>
                  </span>
                </Button>
              </div>
              {STATUS_COLUMNS.map((col) => (
                <div key={col.key} role="cell" className={styles.number}>
                  {c?.statuses ? c.statuses[col.key] : t("fields.unknown")}
                </div>
              ))}
              <div role="cell" className={styles.number}>
                {c && c.findings > 0 ? (
                  <Button
                    appearance="transparent"
                    size="small"
                    className={styles.findings}
                    aria-label={t("fields.showFindings", { field: label, count: c.findings })}
                    title={t("fields.showFindings", { field: label, count: c.findings })}
                    onClick={() => onShowFindings(ref)}
                  >
                    {c.findings}
                  </Button>
                ) : (
                  <span className={pane.muted}>0</span>
                )}
              </div>
            </div>
          );
        })}
      </div>
    </div>
  );
}
