import { useEffect, useRef, useState } from "react";
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { describeError } from "../errors";
import type { Translate } from "../i18n";
import { usePaneStyles } from "./styles";

export interface SelfCheckPanelProps {
  /** Runs the check and returns the report text (src/taskpane/selfCheck.ts). */
  run: () => Promise<string>;
  t: Translate;
}

const useStyles = makeStyles({
  report: {
    width: "100%",
    boxSizing: "border-box",
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    padding: tokens.spacingHorizontalS,
  },
});

/** 「動作確認 / Self-check」: one button, the report as text to copy (docs/self-check.md). */
export function SelfCheckPanel({ run, t }: SelfCheckPanelProps) {
  const styles = usePaneStyles();
  const own = useStyles();
  const [state, setState] = useState<"idle" | "running" | "done">("idle");
  const [report, setReport] = useState("");
  const section = useRef<HTMLElement>(null);

  // support.html links here (taskpane.html#self-check).
  useEffect(() => {
    if (window.location.hash === "#self-check") section.current?.scrollIntoView?.();
  }, []);

  const start = async () => {
    setState("running");
    try {
      setReport(await run());
    } catch (e) {
      setReport(describeError(e, t));
    }
    setState("done");
  };

  return (
    <section
      ref={section}
      id="self-check"
      className={styles.section}
      aria-labelledby="hyoka-selfcheck"
      aria-busy={state === "running"}
    >
      <h2 id="hyoka-selfcheck" className={styles.heading}>
        {t("selfcheck.heading")}
      </h2>
      <Text>{t("selfcheck.hint")}</Text>
      <div>
        <Button onClick={() => void start()} disabled={state === "running"}>
          {t("selfcheck.button")}
        </Button>
      </div>
      <Text role="status">
        {state === "running" ? t("selfcheck.running") : state === "done" ? t("selfcheck.done") : ""}
      </Text>
      {report && (
        <>
          <label htmlFor="hyoka-selfcheck-report">{t("selfcheck.report")}</label>
          {/* A plain text area: the user selects and copies the report for IT. */}
          <textarea
            id="hyoka-selfcheck-report"
            className={own.report}
            readOnly
            value={report}
            rows={12}
          />
        </>
      )}
    </section>
  );
}
