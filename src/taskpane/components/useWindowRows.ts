/**
 * Only the rows on screen (and a margin) are rendered: a list of 45 or 200 policy fields, or 500
 * findings, costs the DOM of one screenful. The pane scrolls as a page, so the window is the
 * viewport; each rendered row is measured (its text wraps at the pane's width) and rows not yet
 * seen count at their estimated height.
 */
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useReducer,
  useRef,
  useState,
} from "react";

export interface WindowRow {
  index: number;
  key: string;
  /** Offset from the list's top, px. */
  top: number;
}

export interface WindowRowsOptions {
  count: number;
  keyOf: (index: number) => string;
  /** Height of a row not yet measured, px. */
  estimate: (index: number) => number;
  /** Rendered beyond the viewport on each side, px. */
  overscan?: number;
  /** Height covered at the top of the viewport by sticky content (the step tabs), px. */
  stickyTop?: () => number;
}

export interface WindowRows {
  /** The list element: positioned relative, as tall as all rows. */
  listRef: (el: HTMLElement | null) => void;
  totalHeight: number;
  rows: WindowRow[];
  /** A rendered row's element, to be measured. */
  measureRef: (key: string) => (el: HTMLElement | null) => void;
  /** Scrolls the page so that row `index` is on screen (below the sticky tabs). */
  scrollToIndex: (index: number) => void;
  /** Where row `index` starts, px from the list's top (measured or estimated). */
  offsetOf: (index: number) => number;
}

const OVERSCAN = 600;

/** The first index whose row ends after `y` (offsets[i + 1] > y). */
function firstEndingAfter(offsets: number[], y: number): number {
  let lo = 0;
  let hi = offsets.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsets[mid + 1] > y) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export function useWindowRows({
  count,
  keyOf,
  estimate,
  overscan = OVERSCAN,
  stickyTop = () => 0,
}: WindowRowsOptions): WindowRows {
  const list = useRef<HTMLElement | null>(null);
  const sizes = useRef(new Map<string, number>());
  const [version, remeasured] = useReducer((n: number) => n + 1, 0);
  // The viewport relative to the list's top.
  const [view, setView] = useState({
    top: 0,
    height: typeof window === "undefined" ? 800 : window.innerHeight,
  });

  const update = useCallback(() => {
    const el = list.current;
    if (!el) return;
    const top = -el.getBoundingClientRect().top;
    const height = window.innerHeight;
    setView((v) => (v.top === top && v.height === height ? v : { top, height }));
  }, []);

  useEffect(() => {
    window.addEventListener("scroll", update, { passive: true });
    window.addEventListener("resize", update);
    return () => {
      window.removeEventListener("scroll", update);
      window.removeEventListener("resize", update);
    };
  }, [update]);

  const offsets = useMemo(() => {
    const out = new Array<number>(count + 1);
    out[0] = 0;
    for (let i = 0; i < count; i++)
      out[i + 1] = out[i] + (sizes.current.get(keyOf(i)) ?? estimate(i));
    return out;
    // `version` changes when a row's measured height does.
  }, [count, keyOf, estimate, version]);

  const rows = useMemo(() => {
    if (count === 0) return [];
    const first = firstEndingAfter(offsets, view.top - overscan);
    const out: WindowRow[] = [];
    for (let i = first; i < count && offsets[i] < view.top + view.height + overscan; i++) {
      out.push({ index: i, key: keyOf(i), top: offsets[i] });
    }
    return out;
  }, [offsets, view, overscan, count, keyOf]);

  // Rows change height when their text wraps differently or a row expands: measured again.
  // Made on first use (rows attach their refs before any effect runs), gone with the list.
  const observer = useRef<ResizeObserver | null>(null);
  const observed = useRef(new Map<Element, string>());
  const observe = useCallback((el: HTMLElement): boolean => {
    if (typeof ResizeObserver === "undefined") return false;
    observer.current ??= new ResizeObserver((entries) => {
      let changed = false;
      for (const e of entries) {
        const key = observed.current.get(e.target);
        if (key === undefined) continue;
        // The border box, as getBoundingClientRect would give it, from the entry (no layout read).
        const box = e.borderBoxSize?.[0];
        const height = box
          ? box.blockSize
          : (e.target as HTMLElement).getBoundingClientRect().height;
        changed = record(sizes.current, key, height) || changed;
      }
      if (changed) remeasured();
    });
    observer.current.observe(el);
    return true;
  }, []);
  useEffect(
    () => () => {
      observer.current?.disconnect();
      observer.current = null;
    },
    []
  );

  const refs = useRef(new Map<string, (el: HTMLElement | null) => void>());
  const elements = useRef(new Map<string, HTMLElement>());
  const measureRef = useCallback(
    (key: string) => {
      let ref = refs.current.get(key);
      if (!ref) {
        ref = (el: HTMLElement | null) => {
          const before = elements.current.get(key);
          if (before && before !== el) {
            observer.current?.unobserve(before);
            observed.current.delete(before);
            elements.current.delete(key);
          }
          if (!el) return;
          elements.current.set(key, el);
          observed.current.set(el, key);
          // Measured by the observer's first report, after the browser's own layout: reading the
          // height here would force a layout of the whole page in the middle of React's commit.
          if (!observe(el) && record(sizes.current, key, el.getBoundingClientRect().height))
            remeasured();
        };
        refs.current.set(key, ref);
      }
      return ref;
    },
    [observe]
  );

  const listRef = useCallback(
    (el: HTMLElement | null) => {
      list.current = el;
      if (el) update();
    },
    [update]
  );

  // A list that grew or shrank (filters) may have moved under the viewport.
  useLayoutEffect(update, [count, update]);

  const scrollToIndex = useCallback(
    (index: number) => {
      const el = list.current;
      if (!el || index < 0 || index >= count) return;
      const listTop = el.getBoundingClientRect().top + window.scrollY;
      const rowTop = listTop + offsets[index];
      const rowBottom = rowTop + (offsets[index + 1] - offsets[index]);
      const visibleTop = window.scrollY + stickyTop();
      const visibleBottom = window.scrollY + window.innerHeight;
      if (rowTop < visibleTop) window.scrollTo({ top: rowTop - stickyTop() });
      else if (rowBottom > visibleBottom) window.scrollTo({ top: rowBottom - window.innerHeight });
      update();
    },
    [count, offsets, stickyTop, update]
  );

  const offsetOf = useCallback((index: number) => offsets[index] ?? 0, [offsets]);
  return { listRef, totalHeight: offsets[count], rows, measureRef, scrollToIndex, offsetOf };
}

/** Keeps a measured height; a zero height (not laid out, as in jsdom) keeps the estimate. */
function record(sizes: Map<string, number>, key: string, height: number): boolean {
  if (!(height > 0) || sizes.get(key) === height) return false;
  sizes.set(key, height);
  return true;
}

/** The height of the sticky step tabs, for scrolling rows below them. */
export function stickyTabsHeight(): number {
  const el = document.getElementById("hyoka-steps");
  return el ? el.getBoundingClientRect().height : 0;
}
