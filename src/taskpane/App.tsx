import { startTransition, useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Tab,
  TabList,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Direction, EvaluationModel, Finding, SheetKind, WorkbookSnapshot } from "../core";
import type { Analyze } from "./analysis";
import { createBrowserPort } from "./browserPort";
import type { BrowserFile } from "./browserPort";
import { BuildPanel } from "./components/BuildPanel";
import type { BuildState, BuildStepId } from "./components/BuildPanel";
import { ALL, FindingsPanel } from "./components/FindingsPanel";
import { LayoutStep } from "./components/layout/LayoutStep";
import { ProfileProblems } from "./components/layout/ProfileProblems";
import { OtherWorkbooksPanel } from "./components/OtherWorkbooksPanel";
import type { ReadWorkbook } from "./components/OtherWorkbooksPanel";
import { OverviewPanel } from "./components/OverviewPanel";
import { RunProgressView } from "./components/RunProgressView";
import { SelfCheckPanel } from "./components/SelfCheckPanel";
import { SheetsPanel } from "./components/SheetsPanel";
import { usePaneStyles } from "./components/styles";
import { describeError, describeReadError, describeWriteError } from "./errors";
import { placeOf } from "./findingKeys";
import { translator } from "./i18n";
import type { Lang } from "./i18n";
import { NO_OTHERS } from "./others";
import type { OtherWorkbooks } from "./others";
import type { AnalyzeForBuild, BuildPhase, WorkbookPort } from "./port";
import { makeSelfCheck } from "./selfCheck";
import { readsAsEvaluation } from "./summary";
import { defaultSettings, withEntry } from "./settings";
import type { GradeSetting, PaneSettings } from "./settings";
import { createAnalysisClient, isCancelled } from "./worker/client";
import type { AnalysisClient } from "./worker/client";
import type { PaneJob, RunProgress } from "./worker/protocol";
import { spawnAnalysisWorker } from "./worker/spawn";

export type { Analyze };

export interface AppProps {
  /** The workbook in Excel; null outside Office, where the user opens an .xlsx file. */
  port: WorkbookPort | null;
  lang: Lang;
  /** The core's analyzeWorkbook by default (in the worker); a test's runs on the main thread. */
  analyze?: Analyze;
  /** Where parse, validate and plan run: the analysis worker, else the main thread (tests inject). */
  jobs?: AnalysisClient;
  /** Browser mode: the port over an opened file (createBrowserPort; tests pass a fake). */
  openPort?: (file: BrowserFile) => WorkbookPort;
  /** The run's time for the summary's log; injectable for tests. */
  now?: () => Date;
  /** The 動作確認 / Self-check: its report text (outside Excel by default). */
  selfCheck?: () => Promise<string>;
  /** Reads a workbook picked in 「他のブックを追加」 / 「前年度と比較」; injectable for tests. */
  readWorkbook?: ReadWorkbook;
}

type ScanState =
  | { step: "idle" }
  | { step: "running"; progress: RunProgress | null }
  | { step: "done" }
  | { step: "error"; message: string };

/** What the shown analysis was computed from: a change in any of them analyses again. */
interface AnalysisInputs {
  snapshot: WorkbookSnapshot;
  settings: PaneSettings;
  lang: Lang;
  others: OtherWorkbooks;
}

interface Analyzed {
  inputs: AnalysisInputs;
  model: EvaluationModel | null;
  detected: Record<string, SheetKind>;
  lastYearUnread?: string | null;
  error: string | null;
}

const sameInputs = (a: AnalysisInputs, b: AnalysisInputs) =>
  a.snapshot === b.snapshot &&
  a.settings === b.settings &&
  a.lang === b.lang &&
  a.others === b.others;

type TabId = "sheets" | "layout" | "overview" | "findings" | "build";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalL,
  },
  header: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  title: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  // The steps stay in reach however long the page below them: 45 fields, 500 findings.
  steps: {
    position: "sticky",
    top: 0,
    zIndex: 2,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    marginInline: `calc(-1 * ${tokens.spacingHorizontalL})`,
  },
  tabs: { flexWrap: "wrap" },
  // Five steps on one line of a 350 px pane, in either language (a wrapped row reads as two lists).
  // (Fluent's own padding is a shorthand: only a shorthand replaces it.)
  tab: {
    padding: `${tokens.spacingVerticalSNudge} 0`,
    "& .fui-Tab__content, & .fui-Tab__content--reserved-space": {
      fontSize: tokens.fontSizeBase200,
      padding: "0 3px",
    },
  },
  hiddenInput: { display: "none" },
  fieldset: { border: 0, margin: 0, padding: 0, minWidth: 0 },
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
});

const STEP_OF: Record<BuildPhase["phase"], BuildStepId> = {
  read: "read",
  analyze: "analyze",
  parse: "analyze",
  validate: "analyze",
  plan: "analyze",
  write: "write",
  package: "package",
};

export function App({
  port: officePort,
  lang,
  analyze,
  jobs: injectedJobs,
  openPort: injectedOpenPort,
  now = () => new Date(),
  selfCheck = makeSelfCheck(false),
  readWorkbook,
}: AppProps) {
  const styles = useStyles();
  const pane = usePaneStyles();
  const t = useMemo(() => translator(lang), [lang]);
  const mode = officePort ? officePort.kind : "browser";
  const jobs = useMemo(
    () => injectedJobs ?? createAnalysisClient(spawnAnalysisWorker, analyze),
    [injectedJobs, analyze]
  );
  const openPort = useMemo(
    () => injectedOpenPort ?? ((file: BrowserFile) => createBrowserPort(file, { jobs })),
    [injectedOpenPort, jobs]
  );

  const [port, setPort] = useState<WorkbookPort | null>(officePort);
  const [settings, setSettings] = useState<PaneSettings>(defaultSettings);
  const [scan, setScan] = useState<ScanState>({ step: "idle" });
  const [snapshot, setSnapshot] = useState<WorkbookSnapshot | null>(null);
  const [tab, setTab] = useState<TabId>("sheets");
  // What the pane says as it goes; `quiet` when the page shows it already (said once on screen).
  const [announcement, setAnnounced] = useState({ text: "", quiet: false });
  const setAnnouncement = useCallback((text: string) => setAnnounced({ text, quiet: false }), []);
  const [openError, setOpenError] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [findingsField, setFindingsField] = useState<string>(ALL);
  const [build, setBuild] = useState<BuildState>({ step: "idle" });
  const [others, setOthers] = useState<OtherWorkbooks>(NO_OTHERS);
  const [readingOther, setReadingOther] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  // Bumped when another file is opened: a scan or build started before is dropped, never shown.
  const epoch = useRef(0);
  // The running scan or build: its Cancel aborts it (a scan's result is then dropped by `scanRun`).
  const running = useRef<AbortController | null>(null);
  const scanRun = useRef(0);
  // What a cancelled scan goes back to.
  const scanBefore = useRef<ScanState>({ step: "idle" });
  const [cancelling, setCancelling] = useState(false);
  const [analysis, setAnalysis] = useState<Analyzed | null>(null);
  const model = analysis?.model ?? null;

  const analyzed = useCallback(
    async (
      inputs: AnalysisInputs,
      onProgress?: (p: RunProgress) => void,
      signal?: AbortSignal
    ): Promise<Analyzed> => {
      const job: PaneJob = { settings: inputs.settings, lang: inputs.lang, others: inputs.others };
      try {
        const out = await jobs.run(
          { type: "analyze", snapshot: inputs.snapshot, job },
          onProgress,
          signal
        );
        return { inputs, ...out, error: null };
      } catch (e) {
        if (isCancelled(e)) throw e;
        const error = t("error.analyze", { message: describeError(e, t) });
        return { inputs, model: null, detected: {}, error };
      }
    },
    [jobs, t]
  );

  const scanning = scan.step === "running";
  // The analysis follows the snapshot and the user's choices: changing one analyses again (in the
  // worker); the last result stays shown meanwhile, and a result overtaken by a newer change is dropped.
  useEffect(() => {
    if (!snapshot || scanning) return;
    const inputs: AnalysisInputs = { snapshot, settings, lang, others };
    if (analysis && sameInputs(analysis.inputs, inputs)) return;
    const controller = new AbortController();
    analyzed(inputs, undefined, controller.signal).then(
      (next) => !controller.signal.aborted && setAnalysis(next),
      () => undefined
    );
    return () => controller.abort();
  }, [snapshot, settings, lang, others, scanning, analysis, analyzed]);

  const updateSettings = useCallback(
    (next: PaneSettings, note: string) => {
      setSettings(next);
      setAnnouncement(note);
      port?.saveSettings(next).catch((e: unknown) => {
        setAnnouncement(t("error.settings", { message: describeError(e, t) }));
      });
    },
    [port, t]
  );

  const runScan = useCallback(
    async (target: WorkbookPort) => {
      const started = epoch.current;
      const run = ++scanRun.current;
      const current = () => epoch.current === started && scanRun.current === run;
      const controller = new AbortController();
      running.current = controller;
      scanBefore.current = scan;
      const progress = (p: RunProgress) => current() && setScan({ step: "running", progress: p });
      setScan({ step: "running", progress: null });
      setAnnouncement(t("scan.reading"));
      try {
        const saved = await target.loadSettings();
        if (!current()) return;
        const snap = await target.readSnapshot(
          (done, total) => progress({ phase: "read", done, total }),
          controller.signal
        );
        if (!current()) return;
        // Read, parsed and checked as the pane will show it, then shown all at once.
        const inputs = { snapshot: snap, settings: saved ?? settings, lang, others };
        const next = await analyzed(inputs, progress, controller.signal);
        if (!current()) return;
        // A transition: React renders the new views in slices, so the page stays responsive while
        // a city's worth of sheets and findings appears.
        startTransition(() => {
          if (saved) setSettings(saved);
          setSnapshot(snap);
          setAnalysis(next);
          setBuild({ step: "idle" });
          setScan({ step: "done" });
          setAnnouncement(t("scan.done", { sheets: snap.sheets.length }));
        });
      } catch (e) {
        // A cancelled scan was put back by cancelRun.
        if (!current() || isCancelled(e)) return;
        const message = describeReadError(e, target.kind, t);
        setScan({ step: "error", message });
        // The alert below says it; the status line says it no second time.
        setAnnouncement("");
      } finally {
        if (running.current === controller) running.current = null;
      }
    },
    [t, scan, settings, lang, others, analyzed]
  );

  const cancelRun = useCallback(() => {
    const controller = running.current;
    if (!controller) return;
    controller.abort();
    if (scan.step === "running") {
      // A scan stops at once: whatever was shown before it stays; its result, should it come, is dropped.
      scanRun.current++;
      setScan(scanBefore.current);
      setAnnouncement(t("scan.cancelled"));
    } else {
      // A build first undoes what it wrote; it says so when it has.
      setCancelling(true);
    }
  }, [scan.step, t]);

  const onFile = useCallback(
    async (file: File | undefined) => {
      if (!file) return;
      setOpenError(null);
      if (!/\.xlsx$/i.test(file.name)) {
        setOpenError(t("open.notXlsx", { name: file.name }));
        return;
      }
      // Whatever runs for the previous file is dropped when it ends.
      epoch.current++;
      const bytes = new Uint8Array(await file.arrayBuffer());
      const next = openPort({ name: file.name, bytes });
      setPort(next);
      setSnapshot(null);
      setAnalysis(null);
      setSelected(null);
      setFindingsField(ALL);
      setScan({ step: "idle" });
      setBuild({ step: "idle" });
      setSettings(defaultSettings());
      setAnnouncement(t("open.opened", { name: file.name }));
    },
    [openPort, t]
  );

  const openFinding = useCallback(
    async (f: Finding, key: string) => {
      if (!port) return;
      setSelected(key);
      // A cell of another workbook (added, or last year's) cannot be selected here.
      if (f.file !== undefined) {
        setAnnouncement(t("findings.otherFile", { place: placeOf(f), file: f.file }));
        return;
      }
      try {
        const outcome = await port.selectCell(f.sheet, f.address);
        setAnnouncement(
          t(outcome === "selected" ? "findings.selectedCell" : "findings.shownCell", {
            place: placeOf(f),
          })
        );
      } catch (e) {
        setAnnouncement(describeError(e, t));
      }
    },
    [port, t]
  );

  const goTo = useCallback(
    async (sheet: string) => {
      if (!port) return;
      try {
        await port.activateSheet(sheet);
        setAnnouncement(t("findings.selectedCell", { place: sheet }));
      } catch (e) {
        setAnnouncement(describeError(e, t));
      }
    },
    [port, t]
  );

  const runBuild = useCallback(async () => {
    if (!port) return;
    const started = epoch.current;
    const stale = () => epoch.current !== started;
    const controller = new AbortController();
    running.current = controller;
    setCancelling(false);
    let current: BuildStepId = "read";
    setBuild({ step: "running", current, progress: null });
    setAnnouncement(t("build.running", { step: t("build.step.read") }));
    const report = (p: BuildPhase) => {
      if (stale()) return;
      const step = STEP_OF[p.phase];
      // The port says "analyze" as it hands over; the worker's parse / validate / plan say more.
      setBuild({ step: "running", current: step, progress: p.phase === "analyze" ? null : p });
      if (step !== current) {
        current = step;
        setAnnouncement(t("build.running", { step: t(`build.step.${step}`) }));
      }
    };
    const job = { settings, lang, others, now: now(), fallbackSource: port.name };
    const forBuild: AnalyzeForBuild = async (snapshot) => ({
      plan: await jobs.run({ type: "plan", snapshot, job }, report, controller.signal),
    });
    try {
      const outcome = await port.buildSummary(forBuild, report, controller.signal);
      if (stale()) return;
      setBuild({ step: "done", outcome });
      setAnnounced({ text: t("build.done"), quiet: true });
    } catch (e) {
      if (stale()) return;
      if (isCancelled(e)) {
        setBuild({ step: "cancelled" });
        setAnnouncement(t("build.cancelled"));
        return;
      }
      setBuild({ step: "error", at: current, message: describeWriteError(e, port.kind, t) });
      // The alert says it; the status line says it no second time.
      setAnnouncement("");
    } finally {
      if (running.current === controller) running.current = null;
      setCancelling(false);
    }
  }, [port, jobs, settings, lang, now, t, others]);

  const building = build.step === "running";
  // One run at a time: what would start another is disabled, and says why.
  const busyReason = scanning
    ? t("busy.scanning")
    : building
      ? t("busy.building")
      : readingOther
        ? t("busy.readingOther")
        : null;

  return (
    <main className={styles.root} lang={lang}>
      <header className={styles.header}>
        <h1 className={styles.title}>{t("app.title")}</h1>
        <Text>{t("app.subtitle")}</Text>
        {port && <Text size={200}>{t("app.workbook", { name: port.name })}</Text>}
      </header>

      {mode === "browser" && (
        <section className={pane.section} aria-labelledby="hyoka-open">
          <h2 id="hyoka-open" className={pane.heading}>
            {t("open.heading")}
          </h2>
          {/* Once a file is open, the explanation folds away under one line. */}
          {port ? (
            <details>
              <summary className={pane.focusable}>{t("open.about")}</summary>
              <Text>{t("open.hint")}</Text>
            </details>
          ) : (
            <Text>{t("open.hint")}</Text>
          )}
          <input
            ref={fileInput}
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-label={t("open.inputLabel")}
            className={styles.hiddenInput}
            tabIndex={-1}
            onChange={(e) => {
              void onFile(e.target.files?.[0]);
              e.target.value = "";
            }}
          />
          <div>
            <Button
              appearance={port ? "secondary" : "primary"}
              onClick={() => fileInput.current?.click()}
              disabled={busyReason !== null}
              aria-describedby={busyReason ? "hyoka-busy" : undefined}
            >
              {t("open.button")}
            </Button>
          </div>
          {openError && (
            <MessageBar intent="error" role="alert">
              <MessageBarBody>{openError}</MessageBarBody>
            </MessageBar>
          )}
        </section>
      )}

      {port && (
        <section className={pane.section} aria-labelledby="hyoka-scan" aria-busy={scanning}>
          <h2 id="hyoka-scan" className={pane.heading}>
            {t("scan.button")}
          </h2>
          <Text>{t("scan.hint")}</Text>
          <div>
            <Button
              // Once scanned, the next step's action is the primary one.
              appearance={scan.step === "done" ? "secondary" : "primary"}
              onClick={() => void runScan(port)}
              disabled={busyReason !== null}
              aria-describedby={busyReason ? "hyoka-busy" : undefined}
            >
              {scan.step === "done" ? t("scan.rescan") : t("scan.button")}
            </Button>
          </div>
          {scan.step === "running" && (
            <RunProgressView progress={scan.progress} onCancel={cancelRun} t={t} />
          )}
        </section>
      )}
      {busyReason && (
        <Text id="hyoka-busy" size={200} className={pane.muted}>
          {busyReason}
        </Text>
      )}

      {/* Everything the pane says as it goes: progress, selections, re-analysis. */}
      <div role="status" aria-live="polite" aria-atomic="true" data-testid="announcer">
        {announcement.text && (
          <Text className={announcement.quiet ? pane.visuallyHidden : undefined}>
            {announcement.text}
          </Text>
        )}
      </div>

      {scan.step === "error" && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            <MessageBarTitle>
              {port ? t("error.readTitle", { name: port.name }) : t("error.title")}
            </MessageBarTitle>
            {scan.message}
          </MessageBarBody>
        </MessageBar>
      )}
      {settings.droppedProfile && (
        <ProfileProblems
          intent="warning"
          title={t("profile.dropped")}
          problems={settings.droppedProfile}
          lang={lang}
          t={t}
        />
      )}
      {analysis?.error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{analysis.error}</MessageBarBody>
        </MessageBar>
      )}
      {model && scan.step === "done" && !readsAsEvaluation(model) && (
        <MessageBar intent="warning">
          <MessageBarBody>{t("error.notEvaluation")}</MessageBarBody>
        </MessageBar>
      )}

      {port && model && analysis && scan.step === "done" && (
        <>
          <div id="hyoka-steps" className={styles.steps}>
            <TabList
              className={styles.tabs}
              selectedValue={tab}
              onTabSelect={(_, d) => setTab(d.value as TabId)}
              aria-label={t("tabs.label")}
              size="small"
            >
              {(
                [
                  ["sheets", t("tabs.sheets")],
                  ["layout", t("tabs.layout")],
                  ["overview", t("tabs.overview")],
                  ["findings", t("tabs.findings", { count: model.findings.length })],
                  ["build", t("tabs.build")],
                ] as [TabId, string][]
              ).map(([id, label]) => (
                <Tab
                  key={id}
                  id={`hyoka-tab-${id}`}
                  className={styles.tab}
                  value={id}
                  aria-controls={`hyoka-panel-${id}`}
                >
                  {label}
                </Tab>
              ))}
            </TabList>
          </div>
          <div
            role="tabpanel"
            id={`hyoka-panel-${tab}`}
            aria-labelledby={`hyoka-tab-${tab}`}
            className={styles.panel}
          >
            {/* While a summary is built, the choices it was started with stay as they are. */}
            <fieldset
              className={styles.fieldset}
              disabled={building}
              aria-describedby={building ? "hyoka-busy" : undefined}
            >
              {tab === "sheets" && (
                <SheetsPanel
                  sheets={model.sheets}
                  detected={analysis.detected}
                  overrides={settings.sheetKinds}
                  onOverride={(sheet, kind) =>
                    updateSettings(
                      { ...settings, sheetKinds: withEntry(settings.sheetKinds, sheet, kind) },
                      t("sheets.changed", {
                        sheet,
                        kind: kind ? t(`kind.${kind}`) : t("sheets.autoUnknown"),
                      })
                    )
                  }
                  t={t}
                  lang={lang}
                />
              )}
              {tab === "layout" && snapshot && (
                <LayoutStep
                  snapshot={snapshot}
                  model={model}
                  settings={settings}
                  port={port}
                  lang={lang}
                  t={t}
                  onSettings={updateSettings}
                  announce={setAnnouncement}
                />
              )}
              {tab === "overview" && (
                <OverviewPanel
                  model={model}
                  settings={settings}
                  onAsOf={(id, year) =>
                    updateSettings(
                      { ...settings, asOf: withEntry(settings.asOf, id, year) },
                      t("overview.changed")
                    )
                  }
                  onDirection={(key, direction: Direction | undefined) =>
                    updateSettings(
                      { ...settings, directions: withEntry(settings.directions, key, direction) },
                      t("overview.changed")
                    )
                  }
                  onGrades={(grades: GradeSetting[]) =>
                    updateSettings({ ...settings, grades }, t("overview.changed"))
                  }
                  onShowFindings={(ref) => {
                    setFindingsField(ref);
                    setTab("findings");
                  }}
                  t={t}
                />
              )}
              {tab === "findings" && (
                <FindingsPanel
                  findings={model.findings}
                  fields={model.policyFields}
                  field={findingsField}
                  onField={setFindingsField}
                  lang={lang}
                  selected={selected}
                  onOpen={(f, key) => void openFinding(f, key)}
                  t={t}
                />
              )}
              {tab === "build" && (
                <OtherWorkbooksPanel
                  others={others}
                  onChange={(next, note) => {
                    setOthers(next);
                    setAnnouncement(note);
                  }}
                  t={t}
                  lang={lang}
                  read={readWorkbook}
                  onReading={(name) => setReadingOther(name !== null)}
                  lastYearUnread={analysis?.lastYearUnread ?? null}
                />
              )}
            </fieldset>
            {tab === "build" && (
              <BuildPanel
                mode={port.kind}
                state={build}
                onBuild={() => void runBuild()}
                blocked={!building && busyReason !== null}
                onGoTo={(sheet) => void goTo(sheet)}
                onCancel={cancelRun}
                cancelling={cancelling}
                t={t}
              />
            )}
          </div>
        </>
      )}

      <SelfCheckPanel run={selfCheck} t={t} />
    </main>
  );
}
