/**
 * Which profile entry is for which sheet: by name (exact, or with * and ? wildcards), or by a signature
 * of labels the sheet must all hold — so a profile made on one department's workbook finds the
 * same layout in another's, whatever the sheet is called.
 */
import type { Grid } from '../grid';
import { termKey } from '../read/shared/terms';
import type { SheetMatch, SheetProfile } from './types';

/**
 * A sheet name, or a wildcard pattern: * for any run of characters, ? for one ("政策分野*").
 * Never a regular expression: a profile is data, and a shared file must not be able to hang
 * the reader. Sheet names are at most 31 characters, so the simple matcher below is cheap.
 */
export function nameMatches(pattern: string, name: string): boolean {
  const p = Array.from(pattern);
  const n = Array.from(name);
  if (p.length > 64 || n.length > 64) return pattern === name;
  // Memoised on (pattern index, name index): at most 65 × 65 steps whatever the pattern.
  const memo = new Map<number, boolean>();
  const go = (i: number, j: number): boolean => {
    const key = i * 65 + j;
    const hit = memo.get(key);
    if (hit !== undefined) return hit;
    let ok: boolean;
    if (i === p.length) ok = j === n.length;
    else if (p[i] === '*') ok = go(i + 1, j) || (j < n.length && go(i, j + 1));
    else ok = j < n.length && (p[i] === '?' || p[i] === n[j]) && go(i + 1, j + 1);
    memo.set(key, ok);
    return ok;
  };
  return go(0, 0);
}

const keysCache = new WeakMap<Grid, Set<string>>();

/** The label keys of a sheet's short text cells (computed once per grid). */
function sheetKeys(g: Grid): Set<string> {
  let keys = keysCache.get(g);
  if (!keys) {
    keys = new Set();
    for (const c of g.cells()) if (typeof c.value === 'string' && c.text.length <= 60) keys.add(termKey(c.text));
    keysCache.set(g, keys);
  }
  return keys;
}

export function signatureMatches(signature: readonly string[], g: Grid): boolean {
  if (!signature.length) return false;
  const keys = sheetKeys(g);
  return signature.every((s) => keys.has(termKey(s)));
}

export function matches(m: SheetMatch, g: Grid): boolean {
  return (m.name !== undefined && nameMatches(m.name, g.name)) || (m.signature !== undefined && signatureMatches(m.signature, g));
}

/** The first entry for the sheet: entries naming it come before entries matching by signature. */
export function entryFor(entries: readonly SheetProfile[], g: Grid): SheetProfile | undefined {
  return entries.find((e) => e.match.name !== undefined && nameMatches(e.match.name, g.name)) ?? entries.find((e) => e.match.signature !== undefined && signatureMatches(e.match.signature, g));
}
