/** Comparing values two readings give (two workbooks, two years). */

/** A finite number (a value read as a number, not blank, text or an error). */
export const isNum = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/** Equal within rounding: values typed as text and as numbers, money converted between units. */
export function sameValue(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}
