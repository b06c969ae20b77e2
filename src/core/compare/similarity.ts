/**
 * How alike two names are, for matching a renamed indicator or project across years: the Dice
 * coefficient of character bigrams of their comparable forms (nameKey: NFKC, no spaces or
 * brackets' width). Japanese names are short and unspaced, so characters, not words, are compared.
 */
import { nameKey } from '../normalize';

function bigrams(s: string): Map<string, number> {
  const chars = Array.from(s);
  const out = new Map<string, number>();
  if (chars.length === 1) out.set(chars[0], 1);
  for (let i = 0; i + 1 < chars.length; i++) {
    const g = chars[i] + chars[i + 1];
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

/** 1 for the same name, 0 for nothing in common. */
export function similarity(a: string, b: string): number {
  const ka = nameKey(a);
  const kb = nameKey(b);
  if (ka === kb) return 1;
  if (!ka || !kb) return 0;
  const ga = bigrams(ka);
  const gb = bigrams(kb);
  let both = 0;
  let total = 0;
  for (const n of ga.values()) total += n;
  for (const [g, n] of gb) {
    total += n;
    both += Math.min(n, ga.get(g) ?? 0);
  }
  return total ? (2 * both) / total : 0;
}
