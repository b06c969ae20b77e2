import { useId, useRef, useState } from "react";
import { Button, Text } from "@fluentui/react-components";
import type { LayoutProfile } from "../../../core/profile/types";
import type { ProfileProblem } from "../../../core/profile/validate";
import { downloadText } from "../../download";
import type { Lang, Translate } from "../../i18n";
import { PROFILE_MIME, profileFileName, profileText, readProfileFile } from "../../profileFile";
import { usePaneStyles } from "../styles";
import { ProfileProblems } from "./ProfileProblems";

export interface ProfileFileProps {
  /** The workbook's name, for the exported file's name. */
  workbook: string;
  /** The profile saved in the document, if any. */
  saved: LayoutProfile | undefined;
  /** How the workbook is read now (what export writes). */
  current: LayoutProfile;
  onImport: (profile: LayoutProfile, fileName: string) => void;
  onReset: () => void;
  announce: (note: string) => void;
  lang: Lang;
  t: Translate;
  /** Saves the exported file; injectable for tests. */
  download?: typeof downloadText;
}

/** Export the reading as a .json file, import one (used only when whole), or go back to automatic. */
export function ProfileFile(props: ProfileFileProps) {
  const { workbook, saved, current, onImport, onReset, announce, lang, t } = props;
  const download = props.download ?? downloadText;
  const styles = usePaneStyles();
  const headingId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [failed, setFailed] = useState<{ file: string; problems: ProfileProblem[] } | null>(null);

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setFailed(null);
    const { profile, problems } = await readProfileFile(file);
    if (profile) onImport(profile, file.name);
    else {
      setFailed({ file: file.name, problems });
      announce(t("profile.importFailed", { file: file.name, count: problems.length }));
    }
  };

  const exportFile = () => {
    const file = profileFileName(workbook);
    download(file, profileText(current), PROFILE_MIME);
    announce(t("profile.exported", { file }));
  };

  return (
    <div className={styles.card} role="group" aria-labelledby={headingId}>
      <h3 id={headingId} className={styles.subheading}>
        {t("profile.heading")}
      </h3>
      <Text>{saved ? t("profile.saved", { count: saved.sheets.length }) : t("profile.auto")}</Text>
      <Text size={200} className={styles.muted}>
        {t("profile.share")}
      </Text>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        aria-label={t("profile.inputLabel")}
        hidden
        tabIndex={-1}
        onChange={(e) => {
          void onFile(e.target.files?.[0]);
          e.target.value = "";
        }}
      />
      <div className={styles.row}>
        <Button size="small" onClick={exportFile}>
          {t("profile.export")}
        </Button>
        <Button size="small" onClick={() => input.current?.click()}>
          {t("profile.import")}
        </Button>
        {saved && (
          <Button size="small" onClick={onReset}>
            {t("profile.reset")}
          </Button>
        )}
      </div>
      {failed && (
        <ProfileProblems
          intent="error"
          title={t("profile.importFailed", { file: failed.file, count: failed.problems.length })}
          problems={failed.problems}
          lang={lang}
          t={t}
        />
      )}
    </div>
  );
}
