/**
 * Which sheets are Hyōka's — the one rule both appliers follow (docs/reliability.md §3).
 *
 * Excel's "copy sheet" copies whatever a sheet carries (sheet-scoped names, custom
 * properties), so a mark on the sheet alone cannot tell the original from a copy. Hyōka
 * therefore keeps a record once per workbook — the run id and the sheet keys it wrote — and
 * stamps each sheet with its key, the run id, the sheet's own identity (sheetId in the .xlsx,
 * the worksheet id in Office.js) and the name it gave the sheet. A sheet is Hyōka's only when
 * all of it agrees with the workbook and with the record; anything else is the user's sheet:
 * kept, never deleted, and reported.
 */

/** The workbook-level record: the run that wrote the summary and the sheet keys it wrote. */
export interface OwnershipRecord {
  run: string;
  keys: string[];
}

/** What a sheet's mark says. id and name are empty while a run is still building the sheet. */
export interface SheetMark {
  key: string;
  run: string;
  id: string;
  name: string;
}

export interface MarkedSheet {
  index: number;
  /** The sheet's name now. */
  name: string;
  /** The sheet's own identity now; "" when it cannot be compared with the mark (an .xlsx read for marks Office.js wrote). */
  id: string;
  mark?: SheetMark;
}

/** Why a marked sheet is the user's. */
export type KeptReason = 'copied' | 'renamed' | 'otherRun' | 'duplicate';

export interface OwnershipDecision {
  /** Hyōka's sheets (to replace), by position. */
  owned: { index: number; key: string }[];
  /** Sheets that carry a mark but are the user's: kept and reported. */
  kept: { index: number; name: string; key: string; reason: KeptReason }[];
  /** Sheets a run left under a temporary name before it could finish them (safe to remove). */
  orphans: number[];
}

/** Prefix of the temporary names a run builds under (Office.js applier). */
export const TEMP_SHEET_PREFIX = '~hyoka-';

/**
 * The rule. Where a sheet's identity cannot be compared (id ""), key, run and name must
 * still agree.
 */
export function decideOwnership(record: OwnershipRecord | undefined, sheets: MarkedSheet[]): OwnershipDecision {
  const candidates = new Map<string, MarkedSheet[]>();
  const kept: OwnershipDecision['kept'] = [];
  const orphans: number[] = [];
  for (const s of sheets) {
    const m = s.mark;
    if (!m) continue;
    const keep = (reason: KeptReason) => kept.push({ index: s.index, name: s.name, key: m.key, reason });
    if (!m.id && !m.name && s.name.startsWith(TEMP_SHEET_PREFIX)) orphans.push(s.index);
    else if (!record || m.run !== record.run || !record.keys.includes(m.key)) keep('otherRun');
    else if (s.id !== '' && m.id !== s.id) keep('copied');
    else if (m.name !== s.name) keep('renamed');
    else candidates.set(m.key, [...(candidates.get(m.key) ?? []), s]);
  }
  const owned: OwnershipDecision['owned'] = [];
  for (const [key, list] of candidates) {
    if (list.length === 1) owned.push({ index: list[0].index, key });
    else for (const s of list) kept.push({ index: s.index, name: s.name, key, reason: 'duplicate' });
  }
  owned.sort((a, b) => a.index - b.index);
  kept.sort((a, b) => a.index - b.index);
  return { owned, kept, orphans };
}

/** A run id from the plan's content: the same plan gives the same id (applying twice = once). */
export function runIdOf(content: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < content.length; i++) {
    h ^= content.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** "run:key,key" — the record as text (a defined name's string constant holds it). */
export function formatRecord(r: OwnershipRecord): string {
  return `${r.run}:${r.keys.join(',')}`;
}

export function parseRecord(text: string): OwnershipRecord | undefined {
  const m = /^([0-9a-z]+):([a-z]+(?:,[a-z]+)*)$/.exec(unquote(text));
  return m ? { run: m[1], keys: m[2].split(',') } : undefined;
}

/** "key@id#run:name" — a mark as text (the name last: it may hold any character but ":"). */
export function formatMark(m: SheetMark): string {
  return `${m.key}@${m.id}#${m.run}:${m.name}`;
}

export function parseMark(text: string): SheetMark | undefined {
  const s = unquote(text);
  const m = /^([a-z]+)@([^#]*)#([0-9a-z]+):(.*)$/s.exec(s);
  if (m) return { key: m[1], id: m[2], run: m[3], name: m[4] };
  // A mark from before the record existed ("key@sheetId"): recognised, but never Hyōka's.
  const old = /^([a-z]+)(?:@(\d+))?$/.exec(s);
  return old ? { key: old[1], id: old[2] ?? '', run: '', name: '' } : undefined;
}

/** A formula string constant → its text: ="a""b" or "a""b" → a"b. */
function unquote(text: string): string {
  const t = text.trim().replace(/^=/, '');
  return t.length >= 2 && t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1).replace(/""/g, '"') : t;
}

/** Text → a formula string constant ("a""b"). */
export function quoteFormulaString(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}
