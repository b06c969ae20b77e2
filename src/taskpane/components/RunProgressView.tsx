import { Button, ProgressBar, Text } from "@fluentui/react-components";
import type { MessageKey, Translate } from "../i18n";
import type { RunProgress } from "../worker/protocol";

/** How far along the run is, 0…1: the read per sheet, then each later phase a step further. */
const AFTER_READ: Record<Exclude<RunProgress["phase"], "read">, number> = {
  parse: 0.5,
  validate: 0.65,
  plan: 0.8,
  write: 0.9,
  package: 0.97,
};

const TEXT: Record<Exclude<RunProgress["phase"], "read">, MessageKey> = {
  parse: "run.parse",
  validate: "run.validate",
  plan: "run.plan",
  write: "run.write",
  package: "run.package",
};

export function progressValue(p: RunProgress | null): number {
  if (!p) return 0;
  if (p.phase === "read") return p.total > 0 ? (0.45 * p.done) / p.total : 0;
  return AFTER_READ[p.phase];
}

export function progressText(p: RunProgress | null, t: Translate): string {
  if (!p || (p.phase === "read" && p.total === 0)) return t("scan.reading");
  if (p.phase === "read") return t("scan.readingProgress", { done: p.done, total: p.total });
  return t(TEXT[p.phase]);
}

export interface RunProgressViewProps {
  progress: RunProgress | null;
  /** Absent: the run cannot be cancelled; "cancelling": it was asked to stop and is undoing. */
  onCancel?: () => void;
  cancelling?: boolean;
  t: Translate;
}

/** A run's bar, what it is doing, and 「中止」 / "Cancel". */
export function RunProgressView({ progress, onCancel, cancelling, t }: RunProgressViewProps) {
  const text = cancelling ? t("run.cancelling") : progressText(progress, t);
  return (
    <>
      <ProgressBar value={progressValue(progress)} aria-label={text} />
      <Text>{text}</Text>
      {onCancel && (
        <div>
          <Button appearance="secondary" onClick={onCancel} disabled={cancelling}>
            {t("run.cancel")}
          </Button>
        </div>
      )}
    </>
  );
}
