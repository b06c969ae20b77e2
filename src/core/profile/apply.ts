/**
 * Profiles in the reader: the entry a sheet is read with (resolved to the absolute layout its
 * family reader takes), and the entry an automatic reading amounts to (so every reading can be
 * saved as a profile and read again, by anyone, from any workbook of the same layout).
 */
import type { Grid } from '../grid';
import type { MeasureSheetLayout } from '../read/measureSheet/layout';
import type { ProjectSheetLayout } from '../read/projectSheet/layout';
import type { TableLayout } from '../read/projectTable/layout';
import { RECOGNIZERS, type FamilyRecognizer } from '../read/recognize';
import { FORM, isFormLabel } from '../read/shared/formLabels';
import { headerYear } from '../read/shared/headerYear';
import { termKey } from '../read/shared/terms';
import { measureSheetFromProfile, measureSheetToProfile, projectSheetFromProfile, projectSheetToProfile } from './form';
import { tableFromProfile, tableToProfile } from './table';
import type { SheetProfile } from './types';

export type ProfileUse =
  | { kind: 'family'; recognizer: FamilyRecognizer; layout: unknown }
  | { kind: 'seed' }
  | { kind: 'custom' }
  | { kind: 'ignore' }
  /** The entry's labels are not on the sheet: read automatically, and say which were missing. */
  | { kind: 'unfit'; missing: string[] };

const recognizer = (family: string) => RECOGNIZERS.find((r) => r.family === family)!;

export function useProfile(g: Grid, entry: SheetProfile): ProfileUse {
  switch (entry.family) {
    case 'policyField':
      return { kind: 'seed' };
    case 'ignore':
      return { kind: 'ignore' };
    case 'custom':
      return { kind: 'custom' };
    case 'projectTable': {
      const r = tableFromProfile(g, entry.layout);
      return r.layout && !r.missing.length ? { kind: 'family', recognizer: recognizer('projectTable'), layout: r.layout } : { kind: 'unfit', missing: r.missing };
    }
    case 'projectSheet': {
      const r = projectSheetFromProfile(g, entry.layout);
      return r.layout ? { kind: 'family', recognizer: recognizer('projectSheet'), layout: r.layout } : { kind: 'unfit', missing: r.missing };
    }
    case 'measureSheet': {
      const r = measureSheetFromProfile(g, entry.layout);
      return r.layout ? { kind: 'family', recognizer: recognizer('measureSheet'), layout: r.layout } : { kind: 'unfit', missing: r.missing };
    }
  }
}

/** A label that names the layout, not this year's or this department's sheet (no titles, no years). */
const layoutLabel = (k: string) => isFormLabel(k) && !FORM.title.test(k) && !FORM.measureTitle.test(k) && !headerYear(k);

/** Labels that identify the layout on any workbook: a few short labels the reading relied on. */
function signature(g: Grid, first: string, filter: (key: string) => boolean, max = 5): string[] {
  const out = [first];
  const seen = new Set([termKey(first)]);
  for (const c of g.cells()) {
    if (out.length >= max) break;
    if (typeof c.value !== 'string' || c.text.length > 24) continue;
    const k = termKey(c.text);
    if (seen.has(k) || !filter(k)) continue;
    seen.add(k);
    out.push(c.text.trim());
  }
  return out;
}

/** The profile entry an automatic reading of a sheet amounts to. */
export function entryOf(g: Grid, family: string, layout: unknown): SheetProfile | null {
  switch (family) {
    case 'projectTable': {
      const t = tableToProfile(g, layout as TableLayout);
      const headers = [t.columns.projectId, t.columns.department, ...t.yearBlocks.flatMap((b) => Object.values(b.finance))].filter(Boolean).map((r) => r!.header.split('|').pop()!);
      return { match: { name: g.name, signature: [t.anchor, ...[...new Set(headers)].slice(0, 4)] }, family: 'projectTable', layout: t };
    }
    case 'projectSheet': {
      const f = projectSheetToProfile(g, layout as ProjectSheetLayout);
      return { match: { name: g.name, signature: signature(g, f.anchor, layoutLabel) }, family: 'projectSheet', layout: f };
    }
    case 'measureSheet': {
      const f = measureSheetToProfile(g, layout as MeasureSheetLayout);
      return { match: { name: g.name, signature: signature(g, f.anchor, layoutLabel) }, family: 'measureSheet', layout: f };
    }
    case 'policyField':
      // The seed family is read by its labels: the entry only says which sheets are of it.
      return { match: { name: g.name }, family: 'policyField', layout: {} };
  }
  return null;
}
