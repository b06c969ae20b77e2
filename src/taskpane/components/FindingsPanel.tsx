import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { KeyboardEvent } from "react";
import {
  Button,
  Field,
  Input,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import type { Finding, PolicyField, Severity } from "../../core";
import { ruleInfo } from "../../core/ruleCatalog";
import { fieldRef, findingFieldRef, findingKeys, placeOf } from "../findingKeys";
import { fieldLabel, severityKey } from "../i18n";
import type { Lang, Translate } from "../i18n";
import { TitledSelect } from "./TitledSelect";
import { usePaneStyles } from "./styles";
import { stickyTabsHeight, useWindowRows } from "./useWindowRows";

export interface FindingsPanelProps {
  findings: Finding[];
  /** The model's policy fields: the field filter's choices. */
  fields: PolicyField[];
  lang: Lang;
  /** Key of the finding last opened (findingKeys), shown as selected. */
  selected: string | null;
  onOpen: (finding: Finding, key: string) => void;
  /** The field filter (fieldRef, NO_FIELD or ALL): the overview's counts open the findings filtered. */
  field: string;
  onField: (field: string) => void;
  t: Translate;
}

const SEVERITIES: Severity[] = ["error", "warning", "info"];
export const ALL = "all";
/** The field filter's choice for findings of no policy field (the workbook's, a sheet's). */
export const NO_FIELD = "none";

export function ruleTitle(rule: string, lang: Lang): string {
  return ruleInfo(rule)?.title[lang] ?? rule;
}

function messageOf(f: Finding, lang: Lang): string {
  return (lang === "ja" ? f.messageJa : f.messageEn) || f.message;
}

type Row =
  | { type: "severity"; key: string; label: string }
  | { type: "rule"; key: string; label: string }
  | { type: "finding"; key: string; finding: Finding; n: number };

const ESTIMATE = { severity: 36, rule: 32, finding: 60 };

const useStyles = makeStyles({
  filters: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(140px, 1fr))",
    gap: tokens.spacingHorizontalS,
    // A grid item is as wide as its content by default: the search box's would pass the pane.
    "& > *": { minWidth: 0 },
  },
  search: { width: "100%", minWidth: 0 },
  list: { margin: 0, padding: 0 },
  row: { paddingBottom: tokens.spacingVerticalXXS },
  groupHeading: { paddingTop: tokens.spacingVerticalS },
  finding: { width: "100%", minWidth: 0 },
  text: { overflowWrap: "anywhere" },
});

/**
 * Findings grouped by severity, then rule; filterable by severity, rule, policy field and text.
 * Only the rows on screen are rendered; the list is one tab stop, arrows move within it.
 */
export function FindingsPanel(props: FindingsPanelProps) {
  const { findings, fields, lang, selected, onOpen, field, onField, t } = props;
  const pane = usePaneStyles();
  const styles = useStyles();
  const [severity, setSeverity] = useState<string>(ALL);
  const [rule, setRule] = useState<string>(ALL);
  const [text, setText] = useState("");

  const rules = useMemo(() => [...new Set(findings.map((f) => f.rule))], [findings]);
  const keys = useMemo(() => {
    const list = findingKeys(findings);
    return new Map(findings.map((f, i) => [f, list[i]]));
  }, [findings]);
  const fieldChoices = useMemo(
    () => fields.map((f) => ({ value: fieldRef(f), label: fieldLabel(t, f) })),
    [fields, t]
  );
  const known = useMemo(() => new Set(fieldChoices.map((c) => c.value)), [fieldChoices]);

  const shown = useMemo(() => {
    const needle = text.trim().normalize("NFKC").toLowerCase();
    return findings.filter((f) => {
      if (severity !== ALL && f.severity !== severity) return false;
      if (rule !== ALL && f.rule !== rule) return false;
      if (field !== ALL) {
        const ref = findingFieldRef(f);
        // "No field" also holds findings naming a field the model does not list.
        if (field === NO_FIELD ? ref !== null && known.has(ref) : ref !== field) return false;
      }
      return (
        !needle ||
        `${placeOf(f)} ${messageOf(f, lang)} ${ruleTitle(f.rule, lang)}`
          .normalize("NFKC")
          .toLowerCase()
          .includes(needle)
      );
    });
  }, [findings, severity, rule, field, known, text, lang]);

  const rows = useMemo(() => {
    const out: Row[] = [];
    let n = 0;
    for (const s of SEVERITIES) {
      const ofSeverity = shown.filter((f) => f.severity === s);
      if (!ofSeverity.length) continue;
      out.push({
        type: "severity",
        key: `s:${s}`,
        label: t("findings.group", { label: t(severityKey(s)), count: ofSeverity.length }),
      });
      for (const r of new Set(ofSeverity.map((f) => f.rule))) {
        const ofRule = ofSeverity.filter((f) => f.rule === r);
        out.push({
          type: "rule",
          key: `r:${s}:${r}`,
          label: t("findings.group", { label: ruleTitle(r, lang), count: ofRule.length }),
        });
        for (const f of ofRule)
          out.push({ type: "finding", key: keys.get(f) as string, finding: f, n: n++ });
      }
    }
    return out;
  }, [shown, keys, lang, t]);

  // The one finding in the tab order: the selected one, else the first shown.
  const [active, setActive] = useState<string | null>(null);
  const firstFinding = rows.find((r) => r.type === "finding")?.key ?? null;
  const activeKey =
    active !== null && rows.some((r) => r.key === active)
      ? active
      : selected !== null && rows.some((r) => r.key === selected)
        ? selected
        : firstFinding;
  const activeIndex = rows.findIndex((r) => r.key === activeKey);

  const keyOf = useCallback((i: number) => rows[i].key, [rows]);
  const estimate = useCallback((i: number) => ESTIMATE[rows[i].type], [rows]);
  const win = useWindowRows({ count: rows.length, keyOf, estimate, stickyTop: stickyTabsHeight });
  const rendered = useMemo(() => {
    // The tab stop stays rendered when scrolled away, so Tab still reaches the list.
    if (activeIndex < 0 || win.rows.some((r) => r.index === activeIndex)) return win.rows;
    return [
      ...win.rows,
      { index: activeIndex, key: rows[activeIndex].key, top: win.offsetOf(activeIndex) },
    ];
  }, [win, activeIndex, rows]);

  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const [focusWanted, setFocusWanted] = useState(false);
  useEffect(() => {
    if (!focusWanted || activeKey === null) return;
    const el = buttons.current.get(activeKey);
    if (el) {
      el.focus({ preventScroll: true });
      setFocusWanted(false);
    }
  });

  const findingRows = useMemo(
    () => rows.flatMap((r, i) => (r.type === "finding" ? [i] : [])),
    [rows]
  );
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const at = findingRows.indexOf(activeIndex);
    const page = Math.max(1, Math.floor(window.innerHeight / ESTIMATE.finding) - 1);
    const to: Record<string, number> = {
      ArrowDown: at + 1,
      ArrowUp: at - 1,
      PageDown: at + page,
      PageUp: at - page,
      Home: 0,
      End: findingRows.length - 1,
    };
    if (!(e.key in to) || !findingRows.length) return;
    e.preventDefault();
    const index = findingRows[Math.max(0, Math.min(findingRows.length - 1, to[e.key]))];
    setActive(rows[index].key);
    win.scrollToIndex(index);
    setFocusWanted(true);
  };

  const total = findingRows.length;
  return (
    <section className={pane.section} aria-labelledby="hyoka-findings">
      <h2 id="hyoka-findings" className={pane.heading}>
        {t("findings.heading")}
      </h2>
      {findings.length === 0 ? (
        <Text>{t("findings.none")}</Text>
      ) : (
        <>
          <div role="search" aria-label={t("findings.filters")} className={styles.filters}>
            <Field label={t("findings.severityLabel")}>
              <TitledSelect
                value={severity}
                onChange={setSeverity}
                options={[
                  { value: ALL, label: t("findings.all") },
                  ...SEVERITIES.map((s) => ({ value: s, label: t(severityKey(s)) })),
                ]}
              />
            </Field>
            <Field label={t("findings.ruleLabel")}>
              <TitledSelect
                value={rule}
                onChange={setRule}
                options={[
                  { value: ALL, label: t("findings.all") },
                  ...rules.map((r) => ({ value: r, label: ruleTitle(r, lang) })),
                ]}
              />
            </Field>
            <Field label={t("findings.fieldLabel")}>
              <TitledSelect
                value={field}
                onChange={onField}
                options={[
                  { value: ALL, label: t("findings.all") },
                  ...fieldChoices,
                  { value: NO_FIELD, label: t("findings.noField") },
                ]}
              />
            </Field>
            <Field label={t("findings.textLabel")}>
              <Input
                type="search"
                className={styles.search}
                input={{ className: styles.search }}
                value={text}
                onChange={(_, d) => setText(d.value)}
              />
            </Field>
          </div>
          <Text aria-live="polite">
            {t("findings.shown", { shown: shown.length, count: findings.length })}
          </Text>
          {shown.length === 0 && <Text>{t("findings.noMatch")}</Text>}
          {rows.length > 0 && (
            <div
              ref={win.listRef}
              role="list"
              aria-label={t("findings.listLabel")}
              className={mergeClasses(pane.windowBody, styles.list)}
              style={{ height: win.totalHeight }}
              onKeyDown={onKeyDown}
            >
              {rendered.map(({ index, top }) => {
                const row = rows[index];
                return (
                  <div
                    key={row.key}
                    ref={win.measureRef(row.key)}
                    role="listitem"
                    className={mergeClasses(pane.windowRow, styles.row)}
                    style={{ top }}
                    {...(row.type === "finding"
                      ? { "aria-posinset": row.n + 1, "aria-setsize": total }
                      : {})}
                  >
                    {row.type === "severity" && (
                      <h3 className={mergeClasses(pane.subheading, styles.groupHeading)}>
                        {row.label}
                      </h3>
                    )}
                    {row.type === "rule" && <h4 className={pane.subheading}>{row.label}</h4>}
                    {row.type === "finding" && (
                      <FindingButton
                        finding={row.finding}
                        lang={lang}
                        isSelected={selected === row.key}
                        tabbable={row.key === activeKey}
                        buttonRef={(el) => {
                          if (el) buttons.current.set(row.key, el);
                          else buttons.current.delete(row.key);
                        }}
                        onClick={() => {
                          setActive(row.key);
                          onOpen(row.finding, row.key);
                        }}
                        t={t}
                      />
                    )}
                  </div>
                );
              })}
            </div>
          )}
        </>
      )}
    </section>
  );
}

interface FindingButtonProps {
  finding: Finding;
  lang: Lang;
  isSelected: boolean;
  tabbable: boolean;
  buttonRef: (el: HTMLButtonElement | null) => void;
  onClick: () => void;
  t: Translate;
}

function FindingButton({
  finding,
  lang,
  isSelected,
  tabbable,
  buttonRef,
  onClick,
  t,
}: FindingButtonProps) {
  const pane = usePaneStyles();
  const styles = useStyles();
  return (
    <Button
      ref={buttonRef}
      appearance={isSelected ? "outline" : "subtle"}
      className={mergeClasses(pane.findingButton, styles.finding)}
      aria-current={isSelected ? "true" : undefined}
      tabIndex={tabbable ? 0 : -1}
      onClick={onClick}
    >
      <span className={styles.text}>
        {isSelected && <strong>▶ {t("findings.selected")}: </strong>}
        <strong>{placeOf(finding)}</strong> {messageOf(finding, lang)}
      </span>
    </Button>
  );
}
