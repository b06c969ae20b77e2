import type { Translate } from "./i18n";

/** Office.js errors (OfficeExtension.Error) carry a code such as "InvalidArgument" or "AccessDenied". */
interface OfficeLikeError {
  code: string;
  message: string;
}

/** src/excel's ApplyPlanError: the Office error in `cause`, and whether the workbook was restored. */
interface ApplyLikeError {
  cause: unknown;
  rolledBack: boolean;
}

function isOfficeLikeError(e: unknown): e is OfficeLikeError {
  return (
    typeof e === "object" &&
    e !== null &&
    typeof (e as OfficeLikeError).code === "string" &&
    typeof (e as OfficeLikeError).message === "string"
  );
}

function isApplyLikeError(e: unknown): e is ApplyLikeError {
  return (
    e instanceof Error &&
    e.name === "ApplyPlanError" &&
    typeof (e as unknown as ApplyLikeError).rolledBack === "boolean"
  );
}

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

/** An error in plain words for the user, keeping Excel's error code and what to do next. */
export function describeError(e: unknown, t: Translate): string {
  if (isApplyLikeError(e)) {
    const restore = e.rolledBack ? t("error.rolledBack") : t("error.notRolledBack");
    const what = isOfficeLikeError(e.cause)
      ? describeError(e.cause, t)
      : t("error.generic", { message: (e as unknown as Error).message });
    return `${what} ${restore}`;
  }
  if (isXlsxLikeError(e)) return t("error.xlsx", { code: e.code, message: e.message });
  if (isOfficeLikeError(e)) {
    const text = t("error.office", { code: e.code, message: e.message });
    return e.code === "AccessDenied" ? `${text} ${t("error.protected")}` : text;
  }
  const message = e instanceof Error ? e.message : String(e);
  return t("error.generic", { message });
}
