import { useMemo, useState } from "react";
import { Button, Field, Input, Select, Text } from "@fluentui/react-components";
import type { Finding, Severity } from "../../core";
import { ruleInfo } from "../../core/ruleCatalog";
import { severityKey } from "../i18n";
import type { Lang, Translate } from "../i18n";
import { findingKeys, placeOf } from "../findingKeys";
import { usePaneStyles } from "./styles";

export interface FindingsPanelProps {
  findings: Finding[];
  lang: Lang;
  /** Key of the finding last opened (findingKeys), shown as selected. */
  selected: string | null;
  onOpen: (finding: Finding, key: string) => void;
  t: Translate;
}

const SEVERITIES: Severity[] = ["error", "warning", "info"];
const ALL = "all";

export function ruleTitle(rule: string, lang: Lang): string {
  return ruleInfo(rule)?.title[lang] ?? rule;
}

function messageOf(f: Finding, lang: Lang): string {
  return (lang === "ja" ? f.messageJa : f.messageEn) || f.message;
}

/** Findings grouped by severity, then rule; filterable by severity, rule and text. */
export function FindingsPanel({ findings, lang, selected, onOpen, t }: FindingsPanelProps) {
  const styles = usePaneStyles();
  const [severity, setSeverity] = useState<string>(ALL);
  const [rule, setRule] = useState<string>(ALL);
  const [text, setText] = useState("");

  const rules = useMemo(() => [...new Set(findings.map((f) => f.rule))], [findings]);
  const keys = useMemo(() => {
    const list = findingKeys(findings);
    return new Map(findings.map((f, i) => [f, list[i]]));
  }, [findings]);
  const shown = useMemo(() => {
    const needle = text.trim().normalize("NFKC").toLowerCase();
    return findings.filter(
      (f) =>
        (severity === ALL || f.severity === severity) &&
        (rule === ALL || f.rule === rule) &&
        (!needle ||
          `${placeOf(f)} ${messageOf(f, lang)} ${ruleTitle(f.rule, lang)}`
            .normalize("NFKC")
            .toLowerCase()
            .includes(needle))
    );
  }, [findings, severity, rule, text, lang]);

  return (
    <section className={styles.section} aria-labelledby="hyoka-findings">
      <h2 id="hyoka-findings" className={styles.heading}>
        {t("findings.heading")}
      </h2>
      {findings.length === 0 ? (
        <Text>{t("findings.none")}</Text>
      ) : (
        <>
          <div role="search" aria-label={t("findings.filters")} className={styles.row}>
            <Field label={t("findings.severityLabel")}>
              <Select value={severity} onChange={(_, d) => setSeverity(d.value)}>
                <option value={ALL}>{t("findings.all")}</option>
                {SEVERITIES.map((s) => (
                  <option key={s} value={s}>
                    {t(severityKey(s))}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={t("findings.ruleLabel")}>
              <Select value={rule} onChange={(_, d) => setRule(d.value)}>
                <option value={ALL}>{t("findings.all")}</option>
                {rules.map((r) => (
                  <option key={r} value={r}>
                    {ruleTitle(r, lang)}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={t("findings.textLabel")}>
              <Input type="search" value={text} onChange={(_, d) => setText(d.value)} />
            </Field>
          </div>
          <Text aria-live="polite">
            {t("findings.shown", { shown: shown.length, count: findings.length })}
          </Text>
          {shown.length === 0 && <Text>{t("findings.noMatch")}</Text>}
          {SEVERITIES.map((s) => {
            const ofSeverity = shown.filter((f) => f.severity === s);
            if (!ofSeverity.length) return null;
            const groupId = `hyoka-sev-${s}`;
            return (
              <div key={s} className={styles.section} role="group" aria-labelledby={groupId}>
                <h3 id={groupId} className={styles.subheading}>
                  {t("findings.group", { label: t(severityKey(s)), count: ofSeverity.length })}
                </h3>
                {[...new Set(ofSeverity.map((f) => f.rule))].map((r) => {
                  const ofRule = ofSeverity.filter((f) => f.rule === r);
                  return (
                    <div key={r} className={styles.section}>
                      <h4 className={styles.subheading}>
                        {t("findings.group", { label: ruleTitle(r, lang), count: ofRule.length })}
                      </h4>
                      <ul className={styles.list}>
                        {ofRule.map((f) => {
                          const key = keys.get(f) as string;
                          const isSelected = selected === key;
                          return (
                            <li key={key}>
                              <Button
                                appearance={isSelected ? "outline" : "subtle"}
                                className={styles.findingButton}
                                aria-current={isSelected ? "true" : undefined}
                                onClick={() => onOpen(f, key)}
                              >
                                <span>
                                  {isSelected && <strong>▶ {t("findings.selected")}: </strong>}
                                  <strong>{placeOf(f)}</strong> {messageOf(f, lang)}
                                </span>
                              </Button>
                            </li>
                          );
                        })}
                      </ul>
                    </div>
                  );
                })}
              </div>
            );
          })}
        </>
      )}
    </section>
  );
}
