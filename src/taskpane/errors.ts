// A type only (erased): the pane's initial chunk takes no .xlsx code from it.
import type { XlsxErrorCode } from "../xlsx/errors";
import type { MessageKey, Translate } from "./i18n";

/** Excel's errors (OfficeExtension.Error) carry a code such as "InvalidArgument" or "AccessDenied". */
interface OfficeLikeError {
  code: string;
  message: string;
}

/**
 * Office.Error, from the Common API (document settings, dialogs): a plain object with a numeric
 * code, a name and a message — not an Error, so String(e) would read "[object Object]".
 */
interface CommonOfficeError {
  code: number;
  name?: string;
  message: string;
}

/** src/excel's ApplyPlanError: the Office error in `cause`, and whether the workbook was restored. */
interface ApplyLikeError {
  cause: unknown;
  rolledBack: boolean;
}

/** src/excel's BuildLockedError: another build holds the workbook. */
interface BuildLockedLike {
  since: Date;
  by: "pane" | "ribbon" | "unknown";
}

/** An object with a `code` of the given type and a string `message`. */
function hasCode(e: unknown, type: "string" | "number"): boolean {
  const o = e as { code?: unknown; message?: unknown } | null;
  return (
    typeof o === "object" && o !== null && typeof o.code === type && typeof o.message === "string"
  );
}

const isOfficeLikeError = (e: unknown): e is OfficeLikeError => hasCode(e, "string");
const isCommonOfficeError = (e: unknown): e is CommonOfficeError => hasCode(e, "number");

function isApplyLikeError(e: unknown): e is ApplyLikeError {
  return (
    e instanceof Error &&
    e.name === "ApplyPlanError" &&
    typeof (e as unknown as ApplyLikeError).rolledBack === "boolean"
  );
}

function isBuildLocked(e: unknown): e is BuildLockedLike & Error {
  return (
    e instanceof Error &&
    e.name === "BuildLockedError" &&
    (e as unknown as BuildLockedLike).since instanceof Date
  );
}

/**
 * What each package error means to the user, and what to do: the file cannot be opened, it is
 * damaged, it is in a form Hyōka does not read, or the summary could not be written into it.
 * (src/xlsx's own message is developer English; it is not shown.)
 */
const XLSX_ADVICE: Record<XlsxErrorCode, MessageKey> = {
  "not-xlsx": "xlsx.notXlsx",
  binary: "xlsx.notXlsx",
  corrupt: "xlsx.damaged",
  "damaged-part": "xlsx.damaged",
  strict: "xlsx.strict",
  "too-large": "xlsx.tooLarge",
  "unsupported-package": "xlsx.unsupported",
  "invalid-plan": "xlsx.invalidPlan",
  protected: "xlsx.protected",
};

/** src/xlsx's XlsxApplyError (browser mode): a code such as "not-xlsx" and what went wrong. */
interface XlsxLikeError {
  code: string;
  detail: string;
}

function isXlsxLikeError(e: unknown): e is XlsxLikeError & Error {
  return (
    e instanceof Error &&
    e.name === "XlsxApplyError" &&
    typeof (e as unknown as XlsxLikeError).code === "string"
  );
}

/** Excel error codes a user can act on, and the plain words that say how. */
const ADVICE: Record<string, MessageKey> = {
  AccessDenied: "error.protected",
  InvalidOperationInCellEditMode: "error.cellEdit",
  RequestPayloadSizeLimitExceeded: "error.tooLarge",
  ResponsePayloadSizeLimitExceeded: "error.tooLarge",
  EmptyChartSeries: "error.emptyChart",
  UndoNotSupported: "error.undoGroup",
};

const hhmm = (d: Date) =>
  `${String(d.getHours()).padStart(2, "0")}:${String(d.getMinutes()).padStart(2, "0")}`;

/** An error in plain words for the user, keeping Excel's error code and what to do next. */
export function describeError(e: unknown, t: Translate): string {
  if (isApplyLikeError(e)) {
    const restore = e.rolledBack ? t("error.rolledBack") : t("error.notRolledBack");
    const what =
      isOfficeLikeError(e.cause) || isCommonOfficeError(e.cause) || isBuildLocked(e.cause)
        ? describeError(e.cause, t)
        : t("error.generic", { message: (e as unknown as Error).message });
    return `${what} ${restore}`;
  }
  if (isBuildLocked(e)) {
    return t("error.busy", { by: t(`origin.${e.by}`), time: hhmm(e.since) });
  }
  if (isXlsxLikeError(e)) {
    const advice = XLSX_ADVICE[e.code as XlsxErrorCode];
    return advice ? t(advice, { code: e.code }) : t("xlsx.other", { code: e.code });
  }
  if (isOfficeLikeError(e)) {
    const text = t("error.office", { code: e.code, message: e.message });
    const advice = ADVICE[e.code];
    return advice ? `${text} ${t(advice)}` : text;
  }
  if (isCommonOfficeError(e)) {
    const code = e.name ? `${e.code} ${e.name}` : String(e.code);
    return t("error.office", { code, message: e.message });
  }
  const message = e instanceof Error ? e.message : String(e);
  return t("error.generic", { message });
}

/**
 * A scan that failed: what went wrong and what to do (reading changes nothing, so: try again).
 * In the browser, anything else the reader throws (zip or XML text) means the file cannot be read.
 */
export function describeReadError(e: unknown, mode: "office" | "browser", t: Translate): string {
  if (isXlsxLikeError(e)) return describeError(e, t);
  if (mode === "browser" && !isOfficeLikeError(e) && !isCommonOfficeError(e))
    return t("error.readFile");
  return `${describeError(e, t)} ${t("error.retryRead")}`;
}

/**
 * A build that failed: what went wrong and what to do. In Excel the workbook may need saving
 * first; in the browser the opened file is never changed.
 */
export function describeWriteError(e: unknown, mode: "office" | "browser", t: Translate): string {
  const text = describeError(e, t);
  if (isXlsxLikeError(e)) return text;
  return `${text} ${t(mode === "office" ? "error.retry" : "error.retryBrowser")}`;
}
