/** The 政策分野N heading of the policyField family, in a cell or in the sheet name. */
import type { Grid, GridCell } from '../../grid';
import { hasAnyLabel } from '../shared/cells';

export interface Heading {
  row: number;
  col: number;
  id: string;
  name: string;
}

export const HEADING_RE = /^政策分野\s*([0-9]{1,3})\s*[:：.．\-－―]?\s*[「『(（]?\s*([^」』)）]{1,40}?)\s*[」』)）]?$/;
export const GOAL_RE = /政策目標\s*[0-9]+/;
export const POLICY_RE = /(?:^|[/／\s])(政策\s*[0-9]+(?!分野).*)$/;
// "施策1 名称", "施策１：名称", "【施策1】名称" (after NFKC).
export const MEASURE_RE = /^[【[(〈<]?施策\s*([0-9]{1,3})\s*[】\])〉>]?(?:\s*[:.\s]\s*|\s*)(.*)$/;

export function headingOf(c: GridCell): Heading | null {
  if (c.text.length > 80 || !c.text.includes('政策分野')) return null;
  const m = HEADING_RE.exec(c.text.normalize('NFKC').replace(/\s+/g, ' ').trim());
  if (!m) return null;
  return { row: c.row, col: c.col, id: m[1], name: m[2].trim() };
}

export const headingsCache = new WeakMap<Grid, Heading[]>();

/** Heading cells of a sheet (computed once per grid: the classifier and the reader both ask). */
export function findHeadings(g: Grid): Heading[] {
  let found = headingsCache.get(g);
  if (!found) {
    found = scanHeadings(g);
    headingsCache.set(g, found);
  }
  return found;
}

export function scanHeadings(g: Grid): Heading[] {
  const out: Heading[] = [];
  for (const r of g.nonEmptyRows()) {
    const row = g.row(r);
    const first = row[0];
    let h = headingOf(first);
    // "政策分野 | 9 | 社会参画" spread over cells.
    if (!h && first.key === '政策分野' && row.length >= 2 && row.length <= 3) {
      const rest = row.slice(1).map((c) => c.text).join(' ');
      h = headingOf({ ...first, text: `政策分野${rest}` });
    }
    if (h) out.push(h);
  }
  return out;
}

/**
 * When no cell carries the heading, a sheet named like one ("政策分野9", "政策分野9_社会参画")
 * stands in for it — only on a sheet whose structure is a policy field's.
 */
export function headingsOf(g: Grid, structural: () => boolean): Heading[] {
  const found = findHeadings(g);
  if (found.length) return found;
  const m = /政策分野\s*([0-9]{1,3})[\s_\-・:：]*(.{0,40})$/.exec(g.name.normalize('NFKC'));
  // A sheet of project blocks alone ("政策分野11_事業") stays a details sheet: it needs KPIs or a list.
  if (!m || !structural() || !hasAnyLabel(g, ['kpiSection', 'projectList', 'measureEval'])) return [];
  return [{ row: -1, col: 0, id: m[1], name: m[2].replace(/^[「(（]|[」)）]$/g, '').trim() }];
}

/** The goal line ("政策目標1 …/政策2 …") just above a heading belongs to that heading's segment. */
export function segmentStart(g: Grid, h: Heading, floor: number): number {
  for (let r = h.row - 1; r >= Math.max(floor, h.row - 4); r--) {
    if (g.row(r).some((c) => GOAL_RE.test(c.text.normalize('NFKC')))) return r;
  }
  return Math.max(floor, h.row);
}


