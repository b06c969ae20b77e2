/** Item numbers as staff type them. */

/** A KPI, measure or project number: a small positive whole number. */
export function isItemNo(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v > 0 && v < 10000;
}

/** A project number as typed: 3, "3", "No.3", "(3)", or "1-3" (measure 1, project 3). */
export function projectNo(v: unknown): { measure: number | null; no: number } | null {
  if (isItemNo(v)) return { measure: null, no: v };
  if (typeof v !== 'string') return null;
  const t = v.normalize('NFKC').replace(/\s+/g, '');
  let m = /^(?:No\.?|NO\.?|№|番号)?[(]?([0-9]{1,4})[).]?$/.exec(t);
  if (m && isItemNo(Number(m[1]))) return { measure: null, no: Number(m[1]) };
  m = /^([0-9]{1,3})[-ー‐−_]([0-9]{1,4})$/.exec(t);
  if (m && isItemNo(Number(m[1])) && isItemNo(Number(m[2]))) return { measure: Number(m[1]), no: Number(m[2]) };
  return null;
}

