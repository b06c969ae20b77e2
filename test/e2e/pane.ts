/**
 * What every E2E flow checks on the narrow pane: nothing wider than 350 px, and how long the
 * main thread was blocked (long tasks, recorded by a PerformanceObserver injected before the
 * page's own scripts run).
 */
import type { Page } from "playwright-core";

/** A real Excel task pane's width. */
export const PANE_WIDTH = 350;

/**
 * The page does not scroll sideways at this step: document.scrollingElement's scrollWidth is
 * within its clientWidth (a table or grid may scroll inside its own scroller). When it does not
 * fit, the assertion names what sticks out, to say what to fix.
 */
export async function fitsPane(page: Page, step: string): Promise<void> {
  const found = await page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    const width = root.clientWidth;
    const fits = root.scrollWidth <= width;
    const wide = [...(fits ? [] : document.querySelectorAll("body *"))]
      .filter((el) => el.getBoundingClientRect().right > width + 0.5)
      .slice(-5)
      .map(
        (el) =>
          `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}: ${(el.textContent ?? "").slice(0, 40)}`
      );
    return { fits, width, wide };
  });
  expect({ step, ...found }).toEqual({ step, fits: true, width: PANE_WIDTH, wide: [] });
}

/**
 * How many times `text` is on screen: elements holding it in their own text and drawn larger
 * than a pixel (a status line kept for screen readers only is 1 px, clipped).
 */
export function timesShown(page: Page, text: string): Promise<number> {
  return page.evaluate(
    (needle) =>
      [...document.querySelectorAll("body *")].filter((el) => {
        const own = [...el.childNodes].some(
          (n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? "").includes(needle)
        );
        const r = el.getBoundingClientRect();
        return own && r.width > 1 && r.height > 1;
      }).length,
    text
  );
}

/** The step tabs stay on one line (a wrapped second row read as a second list). */
export async function tabsOnOneLine(page: Page): Promise<void> {
  const tops = await page
    .getByRole("tab")
    .evaluateAll((tabs) => [
      ...new Set(tabs.map((t) => Math.round(t.getBoundingClientRect().top))),
    ]);
  expect(tops).toHaveLength(1);
}

/** Installed with page.addInitScript: every long task (> 50 ms) of the page, in window.__longTasks. */
export const LONG_TASK_OBSERVER = `
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: "longtask", buffered: true });
`;

export interface LongTask {
  start: number;
  duration: number;
}

/** The long tasks recorded since the last call (and forgets them). */
export function takeLongTasks(page: Page): Promise<LongTask[]> {
  return page.evaluate(() => {
    const w = window as unknown as { __longTasks: LongTask[] };
    const out = w.__longTasks;
    w.__longTasks = [];
    return out;
  });
}
