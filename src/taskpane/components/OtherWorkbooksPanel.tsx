import { useRef, useState } from "react";
import { Button, MessageBar, MessageBarBody, Text } from "@fluentui/react-components";
import type { WorkbookSnapshot } from "../../core";
import { loadXlsxEngine } from "../browserPort";
import { describeError } from "../errors";
import { translator } from "../i18n";
import type { Lang, Translate } from "../i18n";
import type { OtherWorkbooks, PickedWorkbook } from "../others";
import { usePaneStyles } from "./styles";

export type ReadWorkbook = (name: string, bytes: Uint8Array) => Promise<WorkbookSnapshot>;

/** The lazy .xlsx chunk's reader, also inside Excel: a picked file is read in the pane, never sent anywhere. */
export const readPickedWorkbook: ReadWorkbook = async (name, bytes) => {
  const { readXlsxSnapshot } = await loadXlsxEngine();
  return readXlsxSnapshot(bytes, { source: name });
};

export interface OtherWorkbooksPanelProps {
  others: OtherWorkbooks;
  /** The new set of workbooks, and what to announce. */
  onChange: (next: OtherWorkbooks, note: string) => void;
  t: Translate;
  lang: Lang;
  read?: ReadWorkbook;
  /** The file being read now, or null when done: the pane starts nothing else meanwhile. */
  onReading?: (name: string | null) => void;
  /** Last year's workbook when it read nothing (so it is not compared). */
  lastYearUnread?: string | null;
}

const WORKBOOK = /\.(xlsx|xlsm)$/i;
const ACCEPT =
  ".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel.sheet.macroEnabled.12";

/** Why a file could not be read, in both languages (the run log keeps both). */
function reason(e: unknown): { ja: string; en: string } {
  return { ja: describeError(e, translator("ja")), en: describeError(e, translator("en")) };
}

/**
 * 「他のブックを追加」 and 「前年度と比較」: picks .xlsx files, reads them with the lazy .xlsx
 * chunk and hands the set to the pane, which joins and compares them in its analysis and build.
 */
export function OtherWorkbooksPanel({
  others,
  onChange,
  t,
  lang,
  read = readPickedWorkbook,
  onReading,
  lastYearUnread = null,
}: OtherWorkbooksPanelProps) {
  const styles = usePaneStyles();
  const addInput = useRef<HTMLInputElement>(null);
  const lastInput = useRef<HTMLInputElement>(null);
  const [reading, setReading] = useState<string | null>(null);
  const [lastError, setLastError] = useState<string | null>(null);

  const readOne = async (file: File): Promise<PickedWorkbook> => {
    if (!WORKBOOK.test(file.name)) throw new Error(t("others.notXlsx", { name: file.name }));
    setReading(file.name);
    onReading?.(file.name);
    try {
      return {
        name: file.name,
        snapshot: await read(file.name, new Uint8Array(await file.arrayBuffer())),
      };
    } finally {
      setReading(null);
      onReading?.(null);
    }
  };

  const onAdd = async (files: File[]) => {
    let added = others.added.slice();
    let skipped = others.skipped.slice();
    for (const file of files) {
      // The same name picked again replaces the earlier one.
      added = added.filter((w) => w.name !== file.name);
      skipped = skipped.filter((s) => s.name !== file.name);
      try {
        added.push(await readOne(file));
      } catch (e) {
        skipped.push({ name: file.name, reason: reason(e) });
      }
    }
    onChange({ ...others, added, skipped }, t("others.added", { count: added.length }));
  };

  const onLastYear = async (file: File | undefined) => {
    if (!file) return;
    setLastError(null);
    try {
      const lastYear = await readOne(file);
      onChange({ ...others, lastYear }, t("others.lastYearSet", { name: file.name }));
    } catch (e) {
      setLastError(t("others.skipped", { name: file.name, message: describeError(e, t) }));
    }
  };

  const remove = (name: string) =>
    onChange(
      {
        ...others,
        added: others.added.filter((w) => w.name !== name),
        skipped: others.skipped.filter((s) => s.name !== name),
      },
      t("others.removed", { name })
    );

  const listed = [
    ...others.added.map((w) => ({
      name: w.name,
      text: t("others.read", { name: w.name, sheets: w.snapshot.sheets.length }),
    })),
    ...others.skipped.map((s) => ({
      name: s.name,
      text: `✖ ${t("others.skipped", { name: s.name, message: s.reason[lang] })}`,
    })),
  ];

  return (
    <section className={styles.section} aria-labelledby="hyoka-others">
      <h2 id="hyoka-others" className={styles.heading}>
        {t("others.heading")}
      </h2>
      <Text className={styles.muted}>{t("others.hint")}</Text>
      <input
        ref={addInput}
        type="file"
        multiple
        accept={ACCEPT}
        aria-label={t("others.addLabel")}
        className={styles.visuallyHidden}
        tabIndex={-1}
        onChange={(e) => {
          void onAdd(Array.from(e.target.files ?? []));
          e.target.value = "";
        }}
      />
      <input
        ref={lastInput}
        type="file"
        accept={ACCEPT}
        aria-label={t("others.compareLabel")}
        className={styles.visuallyHidden}
        tabIndex={-1}
        onChange={(e) => {
          void onLastYear(e.target.files?.[0]);
          e.target.value = "";
        }}
      />
      <div className={styles.row}>
        <Button onClick={() => addInput.current?.click()} disabled={reading !== null}>
          {t("others.add")}
        </Button>
        <Button onClick={() => lastInput.current?.click()} disabled={reading !== null}>
          {t("others.compare")}
        </Button>
      </div>
      {reading && <Text role="status">{t("others.reading", { name: reading })}</Text>}
      {listed.length > 0 && (
        <ul className={styles.list} aria-label={t("others.listLabel")}>
          {listed.map((w) => (
            <li key={w.name} className={styles.row}>
              <Text>{w.text}</Text>
              <Button size="small" appearance="subtle" onClick={() => remove(w.name)}>
                {t("others.remove", { name: w.name })}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <div className={styles.row}>
        <Text>
          {others.lastYear
            ? t("others.lastYear", { name: others.lastYear.name })
            : t("others.noLastYear")}
        </Text>
        {others.lastYear && (
          <Button
            size="small"
            appearance="subtle"
            onClick={() =>
              onChange(
                { ...others, lastYear: null },
                t("others.removed", { name: others.lastYear!.name })
              )
            }
          >
            {t("others.remove", { name: others.lastYear.name })}
          </Button>
        )}
      </div>
      {lastYearUnread && (
        <MessageBar intent="warning">
          <MessageBarBody>{t("others.lastYearUnread", { name: lastYearUnread })}</MessageBarBody>
        </MessageBar>
      )}
      {lastError && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{lastError}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
