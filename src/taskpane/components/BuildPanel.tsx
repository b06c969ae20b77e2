import { useEffect, useRef } from "react";
import {
  Button,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import type { MessageKey, Translate } from "../i18n";
import type { BuildOutcome } from "../port";
import type { RunProgress } from "../worker/protocol";
import { RunProgressView } from "./RunProgressView";
import { usePaneStyles } from "./styles";

export type BuildStepId = "read" | "analyze" | "write" | "package";

export type BuildState =
  | { step: "idle" }
  | { step: "running"; current: BuildStepId; progress?: RunProgress | null }
  | { step: "done"; outcome: BuildOutcome }
  /** The user cancelled: nothing stays written. */
  | { step: "cancelled" }
  | { step: "error"; at: BuildStepId; message: string };

export interface BuildPanelProps {
  mode: "office" | "browser";
  state: BuildState;
  onBuild: () => void;
  /** Another run (reading an added workbook) holds the pane: the button waits, and says why. */
  blocked?: boolean;
  onGoTo: (sheet: string) => void;
  /** 「中止」 / "Cancel" while running; `cancelling` once asked (a write is being undone). */
  onCancel?: () => void;
  cancelling?: boolean;
  t: Translate;
}

export function buildSteps(mode: "office" | "browser"): BuildStepId[] {
  return mode === "browser"
    ? ["read", "analyze", "write", "package"]
    : ["read", "analyze", "write"];
}

const STEP_KEYS: Record<BuildStepId, MessageKey> = {
  read: "build.step.read",
  analyze: "build.step.analyze",
  write: "build.step.write",
  package: "build.step.package",
};

export function stepLabel(t: Translate, step: BuildStepId): string {
  return t(STEP_KEYS[step]);
}

function stepStatus(state: BuildState, steps: BuildStepId[], step: BuildStepId): MessageKey {
  const i = steps.indexOf(step);
  if (state.step === "done") return "build.stepDone";
  if (state.step === "running") {
    const c = steps.indexOf(state.current);
    return i < c ? "build.stepDone" : i === c ? "build.stepRunning" : "build.stepWaiting";
  }
  if (state.step === "error") {
    const c = steps.indexOf(state.at);
    return i < c ? "build.stepDone" : i === c ? "build.stepFailed" : "build.stepWaiting";
  }
  return "build.stepWaiting";
}

const useStyles = makeStyles({
  // The download is a link (it downloads a file) drawn as the primary button it has become.
  primaryLink: {
    display: "inline-block",
    maxWidth: "100%",
    boxSizing: "border-box",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: "anywhere",
    textDecorationLine: "none",
    ":hover": {
      backgroundColor: tokens.colorBrandBackgroundHover,
      color: tokens.colorNeutralForegroundOnBrand,
      textDecorationLine: "none",
    },
    ":active": {
      backgroundColor: tokens.colorBrandBackgroundPressed,
      color: tokens.colorNeutralForegroundOnBrand,
    },
  },
});

/**
 * One button, the steps as they go, then the result: the download (browser) or the first new
 * sheet (Excel) becomes the primary action and takes focus, the other sheets are links.
 */
export function BuildPanel(props: BuildPanelProps) {
  const { mode, state, onBuild, blocked, onGoTo, onCancel, cancelling, t } = props;
  const styles = usePaneStyles();
  const own = useStyles();
  const steps = buildSteps(mode);
  const running = state.step === "running";
  const outcome = state.step === "done" ? state.outcome : null;
  const next = useRef<HTMLAnchorElement & HTMLButtonElement>(null);
  useEffect(() => {
    if (outcome) next.current?.focus();
  }, [outcome]);
  const sheets = outcome ? Object.values(outcome.sheetNames) : [];
  return (
    <section className={styles.section} aria-labelledby="hyoka-build" aria-busy={running}>
      <h2 id="hyoka-build" className={styles.heading}>
        {t("build.heading")}
      </h2>
      <Text>{mode === "browser" ? t("build.hintBrowser") : t("build.hint")}</Text>
      <div>
        <Button
          appearance={outcome ? "secondary" : "primary"}
          onClick={onBuild}
          disabled={running || blocked}
          aria-describedby={running || blocked ? "hyoka-busy" : undefined}
        >
          {t("build.button")}
        </Button>
      </div>
      {state.step === "cancelled" && (
        <MessageBar intent="info">
          <MessageBarBody>{t("build.cancelled")}</MessageBarBody>
        </MessageBar>
      )}
      {running && (
        <RunProgressView
          progress={state.progress ?? null}
          onCancel={onCancel}
          cancelling={cancelling}
          t={t}
        />
      )}
      {(running || state.step === "error") && (
        <>
          <h3 className={styles.subheading} id="hyoka-build-steps">
            {t("build.steps")}
          </h3>
          <ol aria-labelledby="hyoka-build-steps">
            {steps.map((s) => (
              <li key={s}>
                {stepLabel(t, s)} — {t(stepStatus(state, steps, s))}
              </li>
            ))}
          </ol>
        </>
      )}
      {state.step === "error" && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{t("build.failed")}</MessageBarTitle>
            {state.message}
          </MessageBarBody>
        </MessageBar>
      )}
      {outcome && (
        <>
          <MessageBar intent="success">
            <MessageBarBody>
              <MessageBarTitle>{t("build.done")}</MessageBarTitle>
            </MessageBarBody>
          </MessageBar>
          {outcome.download && (
            <div>
              <Link
                ref={next}
                href={outcome.download.url}
                download={outcome.download.fileName}
                className={mergeClasses(own.primaryLink, styles.focusable)}
              >
                ⬇ {t("build.download", { file: outcome.download.fileName })}
              </Link>
            </div>
          )}
          {mode === "office" && sheets.length > 0 && (
            <div>
              <Button ref={next} appearance="primary" onClick={() => onGoTo(sheets[0])}>
                {t("build.open", { sheet: sheets[0] })}
              </Button>
            </div>
          )}
          <h3 className={styles.subheading} id="hyoka-build-sheets">
            {t("build.sheetsHeading")}
          </h3>
          <ul aria-labelledby="hyoka-build-sheets">
            {sheets.map((sheet) => (
              <li key={sheet}>
                {mode === "office" ? (
                  <Link as="button" onClick={() => onGoTo(sheet)}>
                    {t("build.goTo", { sheet })}
                  </Link>
                ) : (
                  <Text>{t("build.sheetShown", { sheet })}</Text>
                )}
              </li>
            ))}
          </ul>
          {outcome.renamed.map((r) => (
            <Text key={r.key}>{t("build.renamed", { wanted: r.wanted, used: r.used })}</Text>
          ))}
          {outcome.skippedCharts?.map((c) => (
            <Text key={`${c.sheet}/${c.title}`}>
              {t("build.chartSkipped", { title: c.title, sheet: c.sheet })}
            </Text>
          ))}
        </>
      )}
    </section>
  );
}
