/**
 * The family recognizers behind one interface (as camelot's lattice / stream flavors): each
 * looks at a sheet and bids with a score and its reasons, and reads the sheet with the layout
 * it found. The policyField family (the seed's) is classified first, as before; a family
 * recognizer takes a sheet it did not claim, or a project sheet it mistook for seed blocks.
 */
import type { Grid } from '../grid';
import type { LayoutCandidate, LayoutFamily, SheetInfo, SheetKind } from '../model';
import { readMeasureSheet } from './measureSheet/read';
import { recognizeMeasureSheet } from './measureSheet/recognize';
import { readProjectSheet } from './projectSheet/read';
import { recognizeProjectSheet } from './projectSheet/recognize';
import { readProjectTable } from './projectTable/read';
import { recognizeProjectTable } from './projectTable/recognize';
import type { Recognition, SheetReading } from './types';
import { blockRows } from './policyField/blockRows';
import { hasAnyLabel } from './shared/cells';

export interface FamilyRecognizer {
  family: Exclude<LayoutFamily, 'policyField'>;
  kind: SheetKind;
  recognize(g: Grid): Recognition | null;
  read(g: Grid, layout: unknown): SheetReading;
}

export const RECOGNIZERS: readonly FamilyRecognizer[] = [
  { family: 'projectTable', kind: 'projectTable', recognize: recognizeProjectTable, read: (g, l) => readProjectTable(g, l as any) },
  { family: 'projectSheet', kind: 'projectSheet', recognize: recognizeProjectSheet, read: (g, l) => readProjectSheet(g, l as any) },
  { family: 'measureSheet', kind: 'measureSheet', recognize: recognizeMeasureSheet, read: (g, l) => readMeasureSheet(g, l as any) },
];

/** A family bid beats the seed family's weaker kinds only when it is this sure. */
const OVER_SEED_BLOCKS = 0.75;
const OVER_UNKNOWN = 0.5;
const OVER_WEAK_POLICY_FIELD = 0.7;

function hasSeedStructure(g: Grid): boolean {
  return hasAnyLabel(g, ['kpiSection', 'projectList']) || blockRows(g).length > 0;
}

export interface Choice {
  info: SheetInfo;
  recognizer: FamilyRecognizer | null;
  layout: unknown;
}

/** Runs every recognizer on a sheet the policyField classifier has seen, and picks the reading. */
export function chooseReading(g: Grid, info: SheetInfo, override: SheetKind | undefined): Choice {
  if (info.kind === 'hyokaSummary' || info.kind === 'empty') return { info, recognizer: null, layout: null };
  // A policy field sheet with its KPI table, list or blocks is the seed family's beyond doubt: the
  // other recognizers are not asked (they would double the reading time of a city's workbook).
  if (info.kind === 'policyField' && !override && hasSeedStructure(g)) {
    return { info: { ...info, family: 'policyField', candidates: [{ family: 'policyField', score: 1, reason: info.reason, reasonJa: info.reasonJa ?? info.reason }] }, recognizer: null, layout: null };
  }
  const bids: { r: FamilyRecognizer; rec: Recognition }[] = [];
  for (const r of RECOGNIZERS) {
    const rec = r.recognize(g);
    if (rec) bids.push({ r, rec });
  }
  bids.sort((a, b) => b.rec.candidate.score - a.rec.candidate.score);
  const candidates: LayoutCandidate[] = bids.map((b) => b.rec.candidate);
  if (info.kind === 'policyField') candidates.unshift({ family: 'policyField', score: hasSeedStructure(g) ? 1 : 0.8, reason: info.reason, reasonJa: info.reasonJa ?? info.reason });
  const withCandidates = (i: SheetInfo): SheetInfo => (candidates.length ? { ...i, candidates } : i);

  const forced = override ? bids.find((b) => b.r.kind === override) : undefined;
  if (override && RECOGNIZERS.some((r) => r.kind === override)) {
    if (!forced) {
      return {
        info: withCandidates({ ...info, reason: `${info.reason}; no ${override} layout was found on the sheet`, reasonJa: `${info.reasonJa ?? ''}（この種類の表が見つかりません）` }),
        recognizer: null,
        layout: null,
      };
    }
    return { info: withCandidates({ ...info, family: forced.r.family }), recognizer: forced.r, layout: forced.rec.layout };
  }
  if (override) return { info: withCandidates(info), recognizer: null, layout: null };

  const best = bids[0];
  const wins =
    best &&
    ((info.kind === 'unknown' && best.rec.candidate.score >= OVER_UNKNOWN) ||
      ((info.kind === 'projectDetails' || info.kind === 'projectList') && best.rec.candidate.score >= OVER_SEED_BLOCKS) ||
      // A 政策分野 word in a form ("政策分野 | 1 …") is not a policy field sheet without its KPI table, list or blocks.
      (info.kind === 'policyField' && best.rec.candidate.score >= OVER_WEAK_POLICY_FIELD && !hasSeedStructure(g)));
  if (!wins) return { info: withCandidates(info.kind === 'policyField' ? { ...info, family: 'policyField' } : info), recognizer: null, layout: null };
  const c = best.rec.candidate;
  return {
    info: withCandidates({ name: info.name, kind: best.r.kind, family: best.r.family, reason: c.reason, reasonJa: c.reasonJa }),
    recognizer: best.r,
    layout: best.rec.layout,
  };
}
