/**
 * Several workbooks → one city model (`hyoka summarize A.xlsx B.xlsx DIR/`, the pane's
 * 「他のブックを追加」). Each workbook is read as on its own, with every SourceRef naming its
 * file; the fields are joined (join.ts); then the whole city is evaluated and validated at once,
 * so a field split over two workbooks is judged as one, exactly as if one workbook held it all.
 * Pure: the caller reads the files and says which it could not read.
 */
import { evaluateField, type AnalyzeOptions } from '../analyze';
import type { Grid } from '../grid';
import type { EvaluationModel, Finding, PolicyField, SheetInfo, SourceWorkbook } from '../model';
import { fieldKey } from '../fieldKey';
import { attachOrphans, parseWorkbook, type Orphan, type RepeatedBlock } from '../read';
import type { ProfileNote } from '../read/types';
import { profileFor } from '../profile/saved';
import type { LayoutProfile } from '../profile/types';
import { runRules, sheetOrderKey, toFinding } from '../rules';
import type { WorkbookSnapshot } from '../snapshot';
import { VERSION } from '../version';
import { joinField, repeatCollision } from './join';
import { CONSOLIDATION_RULES, type ConsolidationContext } from './rules';
import type { Collision } from './types';

export { CONSOLIDATION_RULES, fileWords } from './rules';

export interface WorkbookInput {
  /** Relative to the output's folder ("/" separators); null for the workbook the summary is written into. */
  file: string | null;
  snapshot: WorkbookSnapshot;
  /** The layout profile to read it with; when absent, options.profile, else the one the workbook saved. */
  profile?: LayoutProfile | null;
}

export interface SkippedWorkbook {
  file: string;
  /** What the user was told, in both languages. */
  reason: { ja: string; en: string };
}

export interface ConsolidateOptions extends AnalyzeOptions {
  /** Inputs that could not be read: listed in the model's sources and the run log. */
  skipped?: SkippedWorkbook[];
}

export function consolidateWorkbooks(inputs: WorkbookInput[], options: ConsolidateOptions = {}): EvaluationModel {
  const fields: PolicyField[] = [];
  const sheets: SheetInfo[] = [];
  const grids: Grid[] = [];
  const snapshots: { file: string | null; sheets: WorkbookSnapshot['sheets'] }[] = [];
  const orphans: Orphan[] = [];
  const collisions: Collision[] = [];
  const sources: SourceWorkbook[] = [];
  const notes: ProfileNote[] = [];
  // A profile entry is unused when no workbook used it (one profile reads a city of workbooks).
  const unused = new Map<number, ProfileNote[]>();
  for (const { file, snapshot, profile } of inputs) {
    const at = file ?? undefined;
    const parsed = parseWorkbook(snapshot, { sheetKinds: options.sheetKinds, file: at, profile: profile === undefined ? profileFor(options.profile, snapshot?.settings) : profile ?? undefined });
    notes.push(...parsed.notes.filter((n) => n.sheet !== null));
    for (const n of parsed.notes) if (n.sheet === null && n.entry !== null) unused.set(n.entry, [...(unused.get(n.entry) ?? []), n]);
    for (const s of parsed.sheets) sheets.push(at === undefined ? s : { ...s, file: at });
    grids.push(...parsed.readSheets);
    snapshots.push({ file, sheets: Array.isArray(snapshot?.sheets) ? snapshot.sheets : [] });
    orphans.push(...parsed.unattached);
    sources.push({ file, status: 'read', policyFields: parsed.policyFields.map(fieldKey), sheets: parsed.sheets.length });
    for (const f of parsed.policyFields) joinField(fields, f, collisions);
  }
  // A department's project blocks whose field another department's workbook gave.
  const repeats: RepeatedBlock[] = [];
  const unattached = attachOrphans(fields, orphans, repeats);
  for (const r of repeats) collisions.push(repeatCollision(r));
  for (const s of options.skipped ?? []) sources.push({ file: s.file, status: 'skipped', reason: s.reason });

  for (const f of fields) {
    f.measures.sort((a, b) => a.no - b.no);
    evaluateField(f, options);
  }
  const lang = options.lang ?? 'ja';
  const withFile = snapshots.flatMap(({ file, sheets: ss }) => ss.map((s) => (file === null ? s : { ...s, file })));
  for (const list of unused.values()) if (list.length === inputs.length) notes.push(list[0]);
  const findings = runRules({ fields, grids, sheets: withFile, notes }, lang, sheets.map((s) => sheetOrderKey({ sheet: s.name, file: s.file })));
  const ctx: ConsolidationContext = { collisions, unattached: unattached.map((o) => ({ grid: o.grid, projects: o.list.length + o.blocks.length })) };
  const joined: Finding[] = CONSOLIDATION_RULES.flatMap((rule) => rule.check(ctx).map((d) => toFinding(rule, d, lang)));
  return {
    schemaVersion: 2,
    generator: { name: 'hyoka', version: VERSION },
    source: null,
    sheets,
    policyFields: fields,
    // What joining found comes first: it is about the workbooks, before what is in them.
    findings: [...joined, ...findings],
    sources,
  };
}
