import { useEffect, useState } from "react";
import { Button, Field, Input, Text } from "@fluentui/react-components";
import type { Translate } from "../../i18n";
import { DEFAULT_GRADE_SETTINGS, sortGrades } from "../../settings";
import type { GradeSetting } from "../../settings";
import { usePaneStyles } from "../styles";

const toPercent = (min: number) => String(Math.round(min * 1000) / 10);

/** Lower bounds in %, highest grade first; null unless every bound is a number ≥ 0, falling strictly. */
export function parseGradeDraft(grades: GradeSetting[], draft: string[]): GradeSetting[] | null {
  const next: GradeSetting[] = [];
  for (let i = 0; i < grades.length; i++) {
    if (i === grades.length - 1) {
      next.push({ grade: grades[i].grade, min: 0 });
      continue;
    }
    const text = draft[i].trim().replace(/[％%]$/, "");
    const n = Number(text.normalize("NFKC"));
    if (text === "" || !Number.isFinite(n) || n < 0) return null;
    if (i > 0 && n >= next[i - 1].min * 100) return null;
    next.push({ grade: grades[i].grade, min: n / 100 });
  }
  if (next.length >= 2 && next[next.length - 2].min <= 0) return null;
  return next;
}

/** "A 100% 以上 ・ B 80% 以上 ・ C 50% 以上 ・ D それ未満": the table in one line. */
export function gradesLine(grades: GradeSetting[], t: Translate): string {
  const sorted = sortGrades(grades);
  return sorted
    .map((g, i) =>
      i === sorted.length - 1
        ? t("grades.last", { grade: g.grade })
        : t("grades.from", { grade: g.grade, min: toPercent(g.min) })
    )
    .join(" ・ ");
}

/** The grade table and what changes it. */
interface GradeProps {
  grades: GradeSetting[];
  onGrades: (g: GradeSetting[]) => void;
  t: Translate;
}

/**
 * The settings that hold for every policy field, in one place at the top of the overview: the
 * grade table, shown as one line until the user opens it to change it.
 */
export function GradeSettings({ grades, onGrades, t }: GradeProps) {
  const styles = usePaneStyles();
  const [open, setOpen] = useState(false);
  return (
    <div className={styles.card} role="group" aria-labelledby="hyoka-common">
      <h3 id="hyoka-common" className={styles.subheading}>
        {t("overview.common")}
      </h3>
      <Text size={200}>
        {t("grades.heading")}: {gradesLine(grades, t)}
      </Text>
      <div>
        <Button
          size="small"
          aria-expanded={open}
          aria-controls="hyoka-grades"
          onClick={() => setOpen(!open)}
        >
          {open ? t("grades.close") : t("grades.open")}
        </Button>
      </div>
      {open && <GradeTable grades={grades} onGrades={onGrades} t={t} />}
    </div>
  );
}

function GradeTable({ grades, onGrades, t }: GradeProps) {
  const styles = usePaneStyles();
  const sorted = sortGrades(grades);
  const [draft, setDraft] = useState(() => sorted.map((g) => toPercent(g.min)));
  const [invalid, setInvalid] = useState(false);
  const signature = sorted.map((g) => `${g.grade}:${g.min}`).join(",");
  // When the table changes from outside (reset, loaded settings), show it.
  useEffect(() => {
    setDraft(sortGrades(grades).map((g) => toPercent(g.min)));
    setInvalid(false);
  }, [signature]);

  const change = (i: number, value: string) => {
    const next = draft.slice();
    next[i] = value;
    setDraft(next);
    const parsed = parseGradeDraft(sorted, next);
    setInvalid(parsed === null);
    if (parsed) onGrades(parsed);
  };

  return (
    <div id="hyoka-grades" className={styles.section}>
      <Text size={200} className={styles.muted}>
        {t("grades.hint")}
      </Text>
      {sorted.map((g, i) =>
        i === sorted.length - 1 ? (
          <Text key={g.grade}>{t("grades.last", { grade: g.grade })}</Text>
        ) : (
          <Field key={g.grade} label={t("grades.minLabel", { grade: g.grade })}>
            <Input
              inputMode="decimal"
              value={draft[i] ?? ""}
              onChange={(_, d) => change(i, d.value)}
              aria-invalid={invalid}
            />
          </Field>
        )
      )}
      {invalid && (
        <Text role="alert" className={styles.muted}>
          ⚠ {t("grades.invalid")}
        </Text>
      )}
      <div>
        <Button onClick={() => onGrades(DEFAULT_GRADE_SETTINGS.map((g) => ({ ...g })))}>
          {t("grades.reset")}
        </Button>
      </div>
    </div>
  );
}
