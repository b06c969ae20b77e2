/** Money units as sheets write them, and the factor between two of them. */
const YEN: Record<string, number> = { 円: 1, 千円: 1000, 万円: 10_000, 百万円: 1_000_000, 億円: 100_000_000 };

/** The factor that turns an amount in `from` into `to` (1 when either unit is unknown). */
export function moneyFactor(from: string, to: string): number {
  const f = YEN[from];
  const t = YEN[to];
  return f && t ? f / t : 1;
}

/** The unit most projects use: the summary's common unit. */
export function commonUnit(units: Iterable<string>, fallback = '千円'): string {
  const n = new Map<string, number>();
  for (const u of units) if (YEN[u]) n.set(u, (n.get(u) ?? 0) + 1);
  let best = fallback;
  let most = 0;
  for (const [u, c] of n) if (c > most) [best, most] = [u, c];
  return best;
}
