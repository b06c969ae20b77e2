/**
 * The reader: WorkbookSnapshot → policy fields, measures, projects and indicators.
 * Everything is found by its label and read relative to it; no fixed addresses.
 */
import { Grid } from '../grid';
import type { PolicyField, SheetInfo } from '../model';
import type { WorkbookSnapshot } from '../snapshot';
import { attachProjects, fieldFor, type RepeatedBlock } from './join/attach';
import { classifySheets } from './policyField/classify';
import { parseBlocks } from './policyField/blocks';
import { headingsOf, segmentStart } from './policyField/headings';
import { listHeaderRow, parseList } from './policyField/list';
import { mergeFields, parseField } from './policyField/field';
import { joinReadings } from './join/families';
import { chooseSheet, type SheetChoice } from './choose';
import { readCustom } from '../profile/custom';
import { entryOf } from '../profile/apply';
import { PROFILE_VERSION, type LayoutProfile, type SheetProfile } from '../profile/types';
import { VERSION } from '../version';
import type { ListEntry, Orphan, ParseOptions, ParseResult, ParsedBlock, ProfileNote, SheetReading } from './types';

export type { Orphan, ParseOptions, ParseResult } from './types';
export type { RepeatedBlock } from './join/attach';

/** Reads a whole workbook. */
export function parseWorkbook(snapshot: WorkbookSnapshot, options: ParseOptions = {}): ParseResult {
  const sheetsIn = Array.isArray(snapshot?.sheets) ? snapshot.sheets : [];
  const grids = sheetsIn.map((s) => new Grid(s, options.file));
  const seedInfos = classifySheets({ ...snapshot, sheets: sheetsIn }, grids, options);
  const choices = grids.map((g, i) => chooseSheet(g, seedInfos[i], options.sheetKinds?.[g.name], options.profile));
  const infos = choices.map((c) => c.info);
  const readings: { sheet: string; reading: SheetReading }[] = [];
  const notes: ProfileNote[] = choices.flatMap((c, i) => (c.missing ? [{ sheet: grids[i].name, ...fileOf(options), entry: c.entry, missing: c.missing }] : []));
  const fields: PolicyField[] = [];
  const readSheets: Grid[] = [];
  const orphanBlocks: { grid: Grid; info: SheetInfo; blocks: ParsedBlock[] }[] = [];
  const orphanLists: { grid: Grid; info: SheetInfo; list: ListEntry[] }[] = [];

  grids.forEach((g, i) => {
    const info = infos[i];
    const choice = choices[i];
    if (choice.recognizer) {
      readSheets.push(g);
      const reading = choice.recognizer.read(g, choice.layout);
      readings.push({ sheet: g.name, reading });
      infos[i] = describe(info, reading);
    } else if (choice.custom) {
      readSheets.push(g);
      const { reading, missing } = readCustom(g, choice.custom);
      readings.push({ sheet: g.name, reading });
      infos[i] = describe(info, reading);
      if (missing.length) notes.push({ sheet: g.name, ...fileOf(options), entry: choice.entry, missing });
    } else if (info.kind === 'policyField') {
      readSheets.push(g);
      const headings = headingsOf(g, () => true);
      headings.forEach((h, k) => {
        const start = segmentStart(g, h, k === 0 ? 0 : headings[k - 1].row + 1);
        const end = k + 1 < headings.length ? segmentStart(g, headings[k + 1], h.row + 1) : g.rowCount;
        const existing = fields.find((f) => f.id === h.id);
        const field = parseField(g, h, start, end);
        if (existing) mergeFields(existing, field);
        else fields.push(field);
      });
    } else if (info.kind === 'projectDetails') {
      readSheets.push(g);
      orphanBlocks.push({ grid: g, info, blocks: parseBlocks(g, 0, g.rowCount) });
    } else if (info.kind === 'projectList') {
      readSheets.push(g);
      const lh = listHeaderRow(g, 0, g.rowCount);
      orphanLists.push({ grid: g, info, list: lh === null ? [] : parseList(g, lh, g.rowCount) });
    }
  });

  const unattached = attachOrphans(fields, [...orphanLists.map((o) => ({ grid: o.grid, list: o.list, blocks: [] })), ...orphanBlocks.map((o) => ({ grid: o.grid, list: [], blocks: o.blocks }))]);
  joinReadings(fields, readings);
  for (const f of fields) f.measures.sort((a, b) => a.no - b.no);
  // A profile entry no sheet took is worth saying too (a renamed sheet, a changed layout).
  options.profile?.sheets.forEach((e, k) => {
    if (!choices.some((c) => c.entry === k)) notes.push({ sheet: null, entry: k, missing: [e.match.name ?? e.match.signature?.join(' / ') ?? ''] });
  });
  return { sheets: infos, policyFields: fields, readSheets, notes, profile: derivedProfile(grids, infos, choices, options.profile), unattached };
}

const fileOf = (o: ParseOptions) => (o.file === undefined ? {} : { file: o.file });

/**
 * Places project lists and blocks on sheets of their own into the field they belong to; returns
 * those no field of `fields` claims (a department's workbook of project blocks whose field's
 * sheet another department sent: consolidation attaches them once every workbook is read).
 */
export function attachOrphans(fields: PolicyField[], orphans: Orphan[], repeats?: RepeatedBlock[]): Orphan[] {
  const left: Orphan[] = [];
  // Lists first: a block then finds its project's list entry.
  for (const o of [...orphans.filter((x) => x.list.length), ...orphans.filter((x) => !x.list.length)]) {
    const field = fieldFor(o.grid, fields, [...o.list.map((e) => e.name), ...o.blocks.map((b) => b.name)]);
    if (field) attachProjects(field, o.list, o.blocks, repeats);
    else if (o.list.length || o.blocks.length) left.push(o);
  }
  return left;
}



/** The sheet's info with what its recognizer read: counts and inferences. */
function describe(info: SheetInfo, reading: SheetReading): SheetInfo {
  const projects = reading.projects.length;
  const measures = reading.measures.length;
  const indicators =
    reading.projects.reduce((n, p) => n + p.project.indicators.length, 0) + reading.measures.reduce((n, m) => n + m.measure.indicators.length, 0);
  const ids = [...new Set([...reading.projects, ...reading.measures].map((x) => x.field.id).filter((x): x is string => x !== null))];
  const out: SheetInfo = { ...info, counts: { projects, measures, indicators } };
  if (ids.length) out.policyFields = ids;
  if (reading.inferred.length) out.inferred = reading.inferred;
  return out;
}

/**
 * The profile this reading amounts to: per sheet read, the entry it was read with (a given
 * profile's own entry) or the entry its automatic reading amounts to.
 */
function derivedProfile(grids: Grid[], infos: SheetInfo[], choices: SheetChoice[], given: LayoutProfile | undefined): LayoutProfile {
  const sheets: SheetProfile[] = [];
  grids.forEach((g, i) => {
    const c = choices[i];
    if (c.entry !== null && given && !c.missing) {
      const e = given.sheets[c.entry];
      if (!sheets.includes(e)) sheets.push(e);
      return;
    }
    const family = c.recognizer?.family ?? (infos[i].kind === 'policyField' ? 'policyField' : null);
    const e = family ? entryOf(g, family, c.layout) : null;
    if (e) sheets.push(e);
  });
  return { profileVersion: PROFILE_VERSION, generator: `hyoka ${VERSION}`, sheets };
}
