/**
 * Office.onReady — or, when office.js did not load (the Office CDN unreachable from a machine
 * without internet, outside Excel), browser mode at once instead of a pane that never renders.
 */
export interface ReadyInfo {
  /** "Excel" inside Excel; null outside Office. */
  host: string | null;
}

export function whenOfficeReady(): Promise<ReadyInfo> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") {
    return Promise.resolve({ host: null });
  }
  return new Promise((resolve) => {
    void Office.onReady((info) => resolve({ host: info?.host ? String(info.host) : null }));
  });
}
