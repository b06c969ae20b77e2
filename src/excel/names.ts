/** Sheet-name rules and Hyōka's ownership mark, shared by the Office.js reader and applier. */

/** Worksheet custom property (ExcelApi 1.12) that marks a sheet Hyōka wrote; its value is OWNER_VALUE. */
export const OWNER_PROPERTY = 'hyoka.owner';
export const OWNER_VALUE = 'hyoka';
/** Does a sheet's ownership mark (its OWNER_PROPERTY value, null when absent) make it Hyōka's? */
export function isOwnerMark(value: string | null | undefined): boolean {
  return value === OWNER_VALUE;
}
/** Worksheet custom property holding the token of the run that created the sheet (undo groups only). */
export const RUN_PROPERTY = 'hyoka.run';
/** Worksheet custom property holding the plan sheet's key ("evaluation", "projects"…). */
export const KEY_PROPERTY = 'hyoka.key';

const MAX_SHEET_NAME = 31;

/** A name Excel accepts: no : \ / ? * [ ], not blank, no leading/trailing apostrophe, ≤ 31 characters. */
export function sanitizeSheetName(name: string): string {
  let s = name.replace(/[:\\/?*[\]]/g, '_').replace(/^'+|'+$/g, '').trim();
  if (s === '') s = 'Sheet';
  return Array.from(s).slice(0, MAX_SHEET_NAME).join('');
}

/** Excel compares sheet names without regard to case. */
export function nameKey(name: string): string {
  return name.toLocaleUpperCase('en-US');
}

/**
 * `wanted` if no name in `taken` (compared by nameKey) has it, else "wanted (2)", "wanted (3)"…,
 * shortening the base so the result stays within 31 characters.
 */
export function pickFreeName(wanted: string, taken: ReadonlySet<string>): string {
  const base = sanitizeSheetName(wanted);
  if (!taken.has(nameKey(base))) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = Array.from(base).slice(0, MAX_SHEET_NAME - suffix.length).join('') + suffix;
    if (!taken.has(nameKey(candidate))) return candidate;
  }
}

/** A sheet reference for a hyperlink's documentReference, always quoted ('A1' is a legal sheet name). */
export function documentReference(sheet: string, address: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${address}`;
}
