/**
 * Hierarchy numbers as staff write them: "06" split over 十の位 / 一の位 columns, "6-21-2",
 * "１－２", "第2章", "施策№ 1-1-2". Codes are compared without leading zeros.
 */

/** "06" → "6", "1－02" → "1-2"; '' stays ''. Non-numeric parts are kept as written. */
export function normalizeCode(text: string): string {
  return text
    .normalize('NFKC')
    .trim()
    .replace(/\s+/g, '')
    .replace(/[‐‑‒–—―ー−－_.．・]/g, '-')
    .split('-')
    .filter((p) => p !== '')
    .map((p) => (/^[0-9]+$/.test(p) ? String(Number(p)) : p))
    .join('-');
}

/** A number written over digit columns: places (1 = tens, 0 = units) with their texts. */
export function joinDigits(parts: { place: number | null; text: string }[]): string {
  const withText = parts.filter((p) => p.text.trim() !== '');
  if (!withText.length) return '';
  if (withText.length === 1 && withText[0].place === null) return normalizeCode(withText[0].text);
  const sorted = [...withText].sort((a, b) => (b.place ?? 0) - (a.place ?? 0));
  const digits = sorted.map((p) => p.text.normalize('NFKC').trim()).join('');
  return /^[0-9]+$/.test(digits) ? String(Number(digits)) : normalizeCode(digits);
}

/** A leading number of a name cell: "1 豊かな市民生活…", "第2章 …", "(3)…" → "1" and the rest. */
export function leadingNumber(text: string): { no: string; rest: string } | null {
  const m = /^\s*(?:第)?\s*([0-9０-９]{1,3}(?:\s*[-－ー‐−]\s*[0-9０-９]{1,3}){0,3})\s*(?:章|節|款|項)?\s*[.．、:：)）\s]\s*(.*)$/.exec(text);
  if (!m) return null;
  return { no: normalizeCode(m[1]), rest: m[2].trim() };
}

/** The last number of a code ("6-21" → 21), or null. */
export function lastNumber(code: string): number | null {
  const parts = code.split('-');
  const n = Number(parts[parts.length - 1]);
  return Number.isInteger(n) && n > 0 && n < 100000 ? n : null;
}
