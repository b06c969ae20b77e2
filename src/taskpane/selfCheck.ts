/**
 * The pane's self-check: inside Excel it runs src/excel/selfCheck.ts; outside Excel it can only
 * say so (and whether office.js loaded). Either way the result is the text of selfCheckReport.ts.
 */
import { loadLastBuild } from "../commands/lastBuild";
import { runSelfCheck } from "../excel/selfCheck";
import { formatOutsideExcel, formatSelfCheck } from "./selfCheckReport";

/** The page's office.js script and whether it loaded (the CDN may be out of reach). */
export function officeJsSource(): string | null {
  const src = document.querySelector('script[src$="office.js"]')?.getAttribute("src") ?? null;
  if (src === null) return null;
  return typeof Office === "undefined" ? `${src} (読み込めませんでした / failed to load)` : src;
}

export function makeSelfCheck(inExcel: boolean): () => Promise<string> {
  if (!inExcel) {
    return async () =>
      formatOutsideExcel(
        new Date().toISOString(),
        { officeJs: officeJsSource() },
        navigator.userAgent
      );
  }
  return async () =>
    formatSelfCheck(await runSelfCheck(), {
      officeJs: officeJsSource(),
      lastBuild: loadLastBuild(),
    });
}
