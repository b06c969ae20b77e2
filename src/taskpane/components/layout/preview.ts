import { analyzeWorkbook } from "../../../core";
import type { Indicator, WorkbookSnapshot } from "../../../core";
import { PROFILE_VERSION } from "../../../core/profile/types";
import type { SheetProfile } from "../../../core/profile/types";

/**
 * The indicators a taught entry gives on its sheet, read and evaluated as the workbook will be
 * (the same core call, on that sheet alone): what the preview shows before the user accepts.
 */
export function previewIndicators(
  snapshot: WorkbookSnapshot,
  sheet: string,
  entry: SheetProfile,
  lang: "ja" | "en"
): Indicator[] {
  const s = snapshot.sheets.find((x) => x.name === sheet);
  if (!s) return [];
  const model = analyzeWorkbook(
    { sheets: [s] },
    { lang, profile: { profileVersion: PROFILE_VERSION, sheets: [entry] } }
  );
  return model.policyFields.flatMap((f) => [
    ...f.indicators,
    ...f.measures.flatMap((m) => [...m.indicators, ...m.projects.flatMap((p) => p.indicators)]),
  ]);
}
