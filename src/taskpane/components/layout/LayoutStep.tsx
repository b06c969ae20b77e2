import { useMemo, useRef, useState } from "react";
import { Button, Text } from "@fluentui/react-components";
import { analyzeWithProfile } from "../../../core/analyze";
import type { EvaluationModel, WorkbookSnapshot } from "../../../core";
import { describeLayouts, editProfile } from "../../../core/profile/describe";
import type { LayoutRow, SheetLayoutView } from "../../../core/profile/describe";
import type { LayoutProfile, SheetProfile } from "../../../core/profile/types";
import type { Lang, Translate } from "../../i18n";
import type { WorkbookPort } from "../../port";
import { analyzeOptions, withEntry } from "../../settings";
import type { PaneSettings } from "../../settings";
import { usePaneStyles } from "../styles";
import { ProfileFile } from "./ProfileFile";
import { roleText } from "./roleText";
import { SheetLayoutCard } from "./SheetLayoutCard";
import { TeachMode } from "./TeachMode";
import { workbookYears } from "./years";

export interface LayoutStepProps {
  snapshot: WorkbookSnapshot;
  /** The model as the pane reads it now (its sheets and years). */
  model: EvaluationModel;
  settings: PaneSettings;
  port: WorkbookPort;
  lang: Lang;
  t: Translate;
  /** Save new settings (the pane reads the workbook again with them) and say what changed. */
  onSettings: (next: PaneSettings, note: string) => void;
  announce: (note: string) => void;
  /** The core's reading with its profile; injectable for tests. */
  read?: typeof analyzeWithProfile;
}

/**
 * The 読み取り設定 / Layout step: per sheet, what was read as what (editable: a change re-reads
 * at once), teach mode for the sheets no layout fits, and the profile saved, exported, imported.
 */
export function LayoutStep(props: LayoutStepProps) {
  const { snapshot, model, settings, port, lang, t, onSettings, announce } = props;
  const read = props.read ?? analyzeWithProfile;
  const styles = usePaneStyles();
  const [teaching, setTeaching] = useState<string | null>(null);
  // Where focus goes back to when teach mode ends: the button that opened it.
  const opener = useRef<string | null>(null);

  // The profile the workbook is read with now: the saved one's entries, or the automatic ones.
  const current = useMemo(
    () => read(snapshot, analyzeOptions(settings, lang)).profile,
    [read, snapshot, settings, lang]
  );
  const kinds = useMemo(() => new Map(model.sheets.map((s) => [s.name, s.kind])), [model]);
  const views = useMemo(
    () =>
      describeLayouts(snapshot, current).filter((v) => {
        const kind = kinds.get(v.sheet);
        return kind !== "hyokaSummary" && kind !== "empty";
      }),
    [snapshot, current, kinds]
  );
  const years = useMemo(() => workbookYears(model), [model]);
  const described = new Set(views.map((v) => v.sheet));
  const unread = model.sheets.filter((s) => s.kind === "unknown" && !described.has(s.name));

  const save = (profile: LayoutProfile, note: string, extra: Partial<PaneSettings> = {}) =>
    onSettings({ ...settings, ...extra, profile, droppedProfile: undefined }, note);

  const edit = (view: SheetLayoutView, row: LayoutRow, value: string, label: string) =>
    save(
      editProfile(current, { entry: view.entry, row: row.id, value }),
      t("layout.changed", { sheet: view.sheet, label, role: roleText(t, value, row.kind) })
    );

  const accept = (sheet: string, entry: SheetProfile, count: number) => {
    // The taught entry goes first, so it wins over any other entry for the sheet; an entry taught
    // for this sheet before is replaced, and a kind override would hide the entry, so it goes.
    const others = current.sheets.filter((e) => !(e.family === "custom" && e.match.name === sheet));
    save({ ...current, sheets: [entry, ...others] }, t("teach.accepted", { sheet, count }), {
      sheetKinds: withEntry(settings.sheetKinds, sheet, undefined),
    });
    leaveTeach();
  };

  const openTeach = (sheet: string, buttonId: string) => {
    opener.current = buttonId;
    setTeaching(sheet);
  };

  // Back to the list, focus where teach mode was opened from (or the step's heading when that
  // button is gone: an accepted sheet is no longer in the unread list).
  const leaveTeach = () => {
    setTeaching(null);
    setTimeout(() => {
      const back = opener.current ? document.getElementById(opener.current) : null;
      (back ?? document.getElementById("hyoka-layout"))?.focus();
    }, 0);
  };

  const closeTeach = () => {
    leaveTeach();
    announce(t("teach.cancelled"));
  };

  if (teaching !== null)
    return (
      <TeachMode
        snapshot={snapshot}
        sheet={teaching}
        lang={lang}
        t={t}
        readSelection={port.readSelection?.bind(port)}
        onAccept={(entry, count) => accept(teaching, entry, count)}
        onCancel={closeTeach}
        announce={announce}
      />
    );

  return (
    <section className={styles.section} aria-labelledby="hyoka-layout">
      <h2 id="hyoka-layout" tabIndex={-1} className={styles.heading}>
        {t("layout.heading")}
      </h2>
      <Text>{t("layout.hint")}</Text>
      {unread.length > 0 && (
        <div className={styles.card} role="group" aria-labelledby="hyoka-layout-unread">
          <h3 id="hyoka-layout-unread" className={styles.subheading}>
            {t("layout.unreadHeading")}
          </h3>
          <Text size={200} className={styles.muted}>
            {t("layout.unreadHint")}
          </Text>
          <ul className={styles.list}>
            {unread.map((s, i) => (
              <li key={s.name}>
                <Button
                  id={`hyoka-teach-open-${i}`}
                  appearance="primary"
                  size="small"
                  onClick={() => openTeach(s.name, `hyoka-teach-open-${i}`)}
                >
                  {t("layout.teach", { sheet: s.name })}
                </Button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {views.length === 0 && <Text>{t("layout.none")}</Text>}
      {views.map((v, i) => (
        <SheetLayoutCard
          key={v.sheet}
          view={v}
          years={years}
          onEdit={(row, value, label) => edit(v, row, value, label)}
          onTeach={
            v.family === "custom" ? () => openTeach(v.sheet, `hyoka-teach-again-${i}`) : undefined
          }
          teachId={`hyoka-teach-again-${i}`}
          t={t}
        />
      ))}
      <ProfileFile
        workbook={port.name}
        saved={settings.profile}
        current={current}
        onImport={(profile, file) =>
          save(profile, t("profile.imported", { file, count: profile.sheets.length }))
        }
        onReset={() =>
          onSettings(
            { ...settings, profile: undefined, droppedProfile: undefined },
            t("profile.resetDone")
          )
        }
        announce={announce}
        lang={lang}
        t={t}
      />
    </section>
  );
}
