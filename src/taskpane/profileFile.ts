/**
 * A layout profile as a .json file the city's IT or planning office hands to every department:
 * written as indented JSON, read back as untrusted data — parsed, checked whole against the
 * format (validateProfile) and used only when every part of it is right.
 */
import { validateProfile } from "../core/profile/validate";
import type { ProfileProblem } from "../core/profile/validate";
import type { LayoutProfile } from "../core/profile/types";

/** A profile file is a few KB; anything past this is not one (and must not stall the pane). */
export const MAX_PROFILE_BYTES = 2 * 1024 * 1024;

export const PROFILE_MIME = "application/json";

/** "評価.xlsx" → "評価-layout.json". */
export function profileFileName(workbook: string): string {
  const base = workbook.replace(/\.(xlsx|xlsm|xltx|xltm)$/i, "").trim() || "hyoka";
  return `${base}-layout.json`;
}

export function profileText(profile: LayoutProfile): string {
  return `${JSON.stringify(profile, null, 2)}\n`;
}

/** The file's text → the profile when whole, else every problem (ja / en) and no profile. */
export function readProfileText(text: string): {
  profile: LayoutProfile | null;
  problems: ProfileProblem[];
} {
  let raw: unknown;
  try {
    // A UTF-8 BOM (Windows Notepad writes one) is not part of the JSON.
    raw = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return {
      profile: null,
      problems: [
        {
          path: "$",
          ja: `JSON として読めません（${detail}）`,
          en: `is not valid JSON (${detail})`,
        },
      ],
    };
  }
  return validateProfile(raw);
}

/** A File (from the import input) → the profile or its problems; too large a file is refused unread. */
export async function readProfileFile(
  file: Blob & { name: string }
): Promise<{ profile: LayoutProfile | null; problems: ProfileProblem[] }> {
  if (file.size > MAX_PROFILE_BYTES) {
    const mb = MAX_PROFILE_BYTES / 1024 / 1024;
    return {
      profile: null,
      problems: [
        {
          path: "$",
          ja: `ファイルが大きすぎます（${mb} MB まで）`,
          en: `the file is too large (at most ${mb} MB)`,
        },
      ],
    };
  }
  return readProfileText(await file.text());
}
