/**
 * The outcome of the last ribbon build, kept in the document's settings: the ribbon command
 * completes without waiting for its notice to be closed, so the outcome is saved where the
 * task pane's self-check can report it later.
 */

/** The document setting that holds the last ribbon build's outcome (JSON of LastBuild). */
export const LAST_BUILD_KEY = "hyoka.lastBuild";

export interface LastBuild {
  /** ISO time the build ended. */
  at: string;
  kind: "success" | "error";
  message: string;
}

/** Saves the outcome in the document (Office.Error on failure: the caller decides). */
export function saveLastBuild(outcome: LastBuild): Promise<void> {
  const store = Office.context.document.settings;
  store.set(LAST_BUILD_KEY, JSON.stringify(outcome));
  return new Promise((resolve, reject) =>
    store.saveAsync((result) =>
      result.status === Office.AsyncResultStatus.Succeeded ? resolve() : reject(result.error)
    )
  );
}

/** The last ribbon build's outcome, or null when there is none (or it is unreadable). */
export function loadLastBuild(): LastBuild | null {
  try {
    const raw: unknown = Office.context.document?.settings?.get(LAST_BUILD_KEY);
    if (typeof raw !== "string") return null;
    const v = JSON.parse(raw) as Partial<LastBuild>;
    if (typeof v.at !== "string" || typeof v.message !== "string") return null;
    return { at: v.at, kind: v.kind === "success" ? "success" : "error", message: v.message };
  } catch {
    return null;
  }
}
