/** Sheet-name rules and Hyōka's ownership mark, shared by the Office.js reader and applier. */
import type { SheetMark } from '../core/ownership';

/** Worksheet custom property (ExcelApi 1.12) that marks a sheet Hyōka wrote; its value is OWNER_VALUE. */
export const OWNER_PROPERTY = 'hyoka.owner';
export const OWNER_VALUE = 'hyoka';
/** Worksheet custom property holding the plan sheet's key ("evaluation", "projects"…). */
export const KEY_PROPERTY = 'hyoka.key';
/**
 * The rest of the mark (src/core/ownership.ts): the run that wrote the sheet, the sheet's own
 * worksheet id and the name Hyōka gave it — a copy has another id, a renamed sheet another name.
 */
export const RUN_PROPERTY = 'hyoka.run';
export const ID_PROPERTY = 'hyoka.id';
export const NAME_PROPERTY = 'hyoka.name';
/** Workbook-scoped hidden name holding the record of the last run (never copied with a sheet). */
export const RECORD_NAME = '_Hyoka.run';
/**
 * Worksheet custom property holding the build's lock token (runLock.ts), undo groups only: the
 * undo after a failure tells this build's sheets, born under their final names, from others.
 */
export const TOKEN_PROPERTY = 'hyoka.token';

/**
 * A sheet's mark from its custom properties (keys compared without case, as Excel does), or
 * undefined when it carries none. Whether the mark makes the sheet Hyōka's is decideOwnership's call.
 */
export function markOf(props: readonly { key: string; value: unknown }[]): SheetMark | undefined {
  const byKey = new Map(props.map((p) => [p.key.toLowerCase(), String(p.value)]));
  if (byKey.get(OWNER_PROPERTY) !== OWNER_VALUE) return undefined;
  const [key, run, id, name] = [KEY_PROPERTY, RUN_PROPERTY, ID_PROPERTY, NAME_PROPERTY].map((k) => byKey.get(k) ?? '');
  return { key, run, id, name };
}

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
