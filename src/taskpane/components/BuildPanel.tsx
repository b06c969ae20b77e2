import {
  Button,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
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

/** One button, the steps as they go, then links to the new sheets (or the download). */
export function BuildPanel(props: BuildPanelProps) {
  const { mode, state, onBuild, blocked, onGoTo, onCancel, cancelling, t } = props;
  const styles = usePaneStyles();
  const steps = buildSteps(mode);
  const running = state.step === "running";
  const outcome = state.step === "done" ? state.outcome : null;
  return (
    <section className={styles.section} aria-labelledby="hyoka-build" aria-busy={running}>
      <h2 id="hyoka-build" className={styles.heading}>
        {t("build.heading")}
      </h2>
      <Text>{mode === "browser" ? t("build.hintBrowser") : t("build.hint")}</Text>
      <div>
        <Button
          appearance="primary"
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
      {state.step !== "idle" && state.step !== "cancelled" && (
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
            {state.message} {t("error.retry")}
          </MessageBarBody>
        </MessageBar>
      )}
      {outcome && (
        <>
          <MessageBar intent="success">
            <MessageBarBody>
              <MessageBarTitle>✓ {t("build.done")}</MessageBarTitle>
            </MessageBarBody>
          </MessageBar>
          {outcome.download && (
            <div>
              <Link
                href={outcome.download.url}
                download={outcome.download.fileName}
                className={styles.focusable}
              >
                ⬇ {t("build.download", { file: outcome.download.fileName })}
              </Link>
            </div>
          )}
          <h3 className={styles.subheading} id="hyoka-build-sheets">
            {t("build.sheetsHeading")}
          </h3>
          <ul aria-labelledby="hyoka-build-sheets">
            {Object.values(outcome.sheetNames).map((sheet) => (
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
