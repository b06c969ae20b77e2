import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { ProfileProblem } from "../../../core/profile/validate";
import type { Lang, Translate } from "../../i18n";
import { usePaneStyles } from "../styles";

/** Problems listed in full up to this many; the rest are counted. */
const MAX_LISTED = 20;

export interface ProfileProblemsProps {
  title: string;
  problems: ProfileProblem[];
  intent: "error" | "warning";
  lang: Lang;
  t: Translate;
}

/** Why a profile (imported, or saved in the workbook) is not used: each problem with its place. */
export function ProfileProblems({ title, problems, intent, lang, t }: ProfileProblemsProps) {
  const styles = usePaneStyles();
  return (
    <MessageBar intent={intent} role="alert" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        <ul className={styles.list}>
          {problems.slice(0, MAX_LISTED).map((p, i) => (
            <li key={i} className={styles.muted}>
              {t("profile.problem", { path: p.path, message: p[lang] })}
            </li>
          ))}
          {problems.length > MAX_LISTED && (
            <li>{t("profile.moreProblems", { count: problems.length - MAX_LISTED })}</li>
          )}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
