import { useCallback, useMemo, useState } from "react";
import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { analyzeWorkbook } from "../core";
import type { AnalyzeOptions, EvaluationModel, WorkbookSnapshot } from "../core";
import { describeError } from "./errors";
import { kindKey, translator } from "./i18n";
import type { Lang, Translate } from "./i18n";
import type { WorkbookPort } from "./port";
import { countField } from "./summary";
import type { FieldCounts } from "./summary";

export type Analyze = (snapshot: WorkbookSnapshot, options?: AnalyzeOptions) => EvaluationModel;

export interface AppProps {
  /** null outside Office until browser mode (open an .xlsx) lands. */
  port: WorkbookPort | null;
  lang: Lang;
  /** The core's analyzeWorkbook; injectable for tests. */
  analyze?: Analyze;
}

type ScanState =
  | { step: "idle" }
  | { step: "reading"; done: number; total: number }
  | { step: "analyzing" }
  | { step: "done"; model: EvaluationModel }
  | { step: "error"; message: string };

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalL,
  },
  header: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  title: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  fieldHeading: {
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    margin: 0,
  },
  caption: {
    captionSide: "top",
    textAlign: "start",
    color: tokens.colorNeutralForeground3,
    paddingBottom: tokens.spacingVerticalXS,
  },
  reason: { color: tokens.colorNeutralForeground2, wordBreak: "break-word" },
  number: { textAlign: "end" },
});

export function App({ port, lang, analyze = analyzeWorkbook }: AppProps) {
  const styles = useStyles();
  const t = useMemo(() => translator(lang), [lang]);
  const [state, setState] = useState<ScanState>({ step: "idle" });

  const scan = useCallback(async () => {
    if (!port) return;
    setState({ step: "reading", done: 0, total: 0 });
    try {
      const snapshot = await port.readSnapshot((done, total) =>
        setState({ step: "reading", done, total })
      );
      setState({ step: "analyzing" });
      const model = analyze(snapshot, { lang });
      setState({ step: "done", model });
    } catch (e) {
      setState({ step: "error", message: describeError(e, t) });
    }
  }, [port, analyze, lang, t]);

  const busy = state.step === "reading" || state.step === "analyzing";

  return (
    <main className={styles.root} lang={lang}>
      <header className={styles.header}>
        <h1 className={styles.title}>{t("app.title")}</h1>
        <Text>{t("app.subtitle")}</Text>
      </header>

      {port === null ? (
        <MessageBar intent="info">
          <MessageBarBody>
            <MessageBarTitle>{t("browser.title")}</MessageBarTitle>
            {t("browser.body")}
          </MessageBarBody>
        </MessageBar>
      ) : (
        <section className={styles.section} aria-busy={busy}>
          <Text>{t("scan.hint")}</Text>
          <Button appearance="primary" onClick={scan} disabled={busy}>
            {state.step === "done" ? t("scan.rescan") : t("scan.button")}
          </Button>
          <ScanStatus state={state} t={t} />
        </section>
      )}

      {state.step === "error" && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{t("error.title")}</MessageBarTitle>
            {state.message} {t("error.retry")}
          </MessageBarBody>
        </MessageBar>
      )}

      {state.step === "done" && <Results model={state.model} t={t} />}
    </main>
  );
}

function ScanStatus({ state, t }: { state: ScanState; t: Translate }) {
  let text = "";
  let progress: number | undefined;
  if (state.step === "reading") {
    text =
      state.total > 0
        ? t("scan.readingProgress", { done: state.done, total: state.total })
        : t("scan.reading");
    progress = state.total > 0 ? state.done / state.total : undefined;
  } else if (state.step === "analyzing") {
    text = t("scan.analyzing");
  } else if (state.step === "done") {
    text = t("scan.done", { sheets: state.model.sheets.length });
  }
  const busy = state.step === "reading" || state.step === "analyzing";
  return (
    <>
      {busy && <ProgressBar value={progress} aria-label={text} />}
      {/* Announced to screen readers as the scan moves on. */}
      <div role="status" aria-live="polite">
        {text && <Text>{text}</Text>}
      </div>
    </>
  );
}

function Results({ model, t }: { model: EvaluationModel; t: Translate }) {
  const styles = useStyles();
  const fields: FieldCounts[] = model.policyFields.map((f) =>
    countField(f, model.findings.filter((x) => x.policyField === f.id).length)
  );
  return (
    <>
      <section className={styles.section} aria-labelledby="hyoka-sheets">
        <h2 id="hyoka-sheets" className={styles.heading}>
          {t("sheets.heading")}
        </h2>
        <Table size="small">
          <caption className={styles.caption}>{t("sheets.caption")}</caption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t("sheets.col.name")}</TableHeaderCell>
              <TableHeaderCell>{t("sheets.col.kind")}</TableHeaderCell>
              <TableHeaderCell>{t("sheets.col.reason")}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {model.sheets.map((s) => (
              <TableRow key={s.name}>
                <TableCell>{s.name}</TableCell>
                <TableCell>{t(kindKey(s.kind))}</TableCell>
                <TableCell className={styles.reason}>{s.reason}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </section>

      <section className={styles.section} aria-labelledby="hyoka-fields">
        <h2 id="hyoka-fields" className={styles.heading}>
          {t("fields.heading")}
        </h2>
        {fields.length === 0 ? (
          <Text>{t("fields.none")}</Text>
        ) : (
          fields.map((f) => <FieldCard key={`${f.sheet}/${f.id}`} field={f} t={t} />)
        )}
      </section>
    </>
  );
}

/** One policy field as a two-column table: narrow enough for the task pane, read row by row. */
function FieldCard({ field, t }: { field: FieldCounts; t: Translate }) {
  const styles = useStyles();
  const dash = t("fields.unknown");
  const rows: [string, string | number][] = [
    [
      t("fields.col.asOf"),
      field.asOf === null ? dash : t("fields.fiscalYear", { year: field.asOf }),
    ],
    [t("fields.col.indicators"), field.indicators],
    [t("fields.col.achieved"), field.statuses?.achieved ?? dash],
    [t("fields.col.notAchieved"), field.statuses?.notAchieved ?? dash],
    [t("fields.col.notReported"), field.statuses?.notReported ?? dash],
    [t("fields.col.pending"), field.statuses?.pending ?? dash],
    [t("fields.col.measures"), field.measures],
    [t("fields.col.projects"), field.projects],
    [t("fields.col.findings"), field.findings],
  ];
  const headingId = `hyoka-field-${field.sheet}-${field.id}`.replace(/\s+/g, "_");
  return (
    <div className={styles.section}>
      <h3 id={headingId} className={styles.fieldHeading}>
        {field.id} {field.name} <Text size={200}>({field.sheet})</Text>
      </h3>
      <Table size="extra-small" aria-labelledby={headingId}>
        <TableBody>
          {rows.map(([label, value]) => (
            <TableRow key={label}>
              <TableCell>{label}</TableCell>
              <TableCell className={styles.number}>{value}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
