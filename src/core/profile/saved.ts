/**
 * The layout profile the task pane saved in a workbook's settings (Office.context.document.settings,
 * key "hyoka.settings", stored in the file under xl/webextensions). The value is data: it is
 * parsed as JSON and validated, never evaluated; a broken one is no profile.
 */
import type { LayoutProfile } from './types';
import { validateProfile } from './validate';

export const SETTINGS_KEY = 'hyoka.settings';

export function savedProfile(settings: Record<string, string> | undefined): LayoutProfile | null {
  const raw = settings?.[SETTINGS_KEY];
  if (!raw) return null;
  try {
    // Office serializes each setting as JSON; the pane stores its settings as a JSON string.
    let v: unknown = JSON.parse(raw);
    if (typeof v === 'string') v = JSON.parse(v);
    const p = (v as { profile?: unknown } | null)?.profile;
    return p ? validateProfile(p).profile : null;
  } catch {
    return null;
  }
}

/** The profile a workbook is read with: the one given (a file, the pane's), else the one it saved. */
export function profileFor(given: LayoutProfile | undefined, settings: Record<string, string> | undefined): LayoutProfile | undefined {
  return given ?? savedProfile(settings) ?? undefined;
}
