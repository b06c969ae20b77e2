/** Fiscal years written the ways sheets write them. */
export type YearStyle = 'reiwa' | 'short' | 'western' | 'fullWidth' | 'heisei';

const FULL = '０１２３４５６７８９';

export function yearText(fy: number, style: YearStyle): string {
  const r = fy - 2018;
  switch (style) {
    case 'reiwa':
      return r === 1 ? '令和元年度' : r > 0 ? `令和${r}年度` : `平成${fy - 1988}年度`;
    case 'short':
      return r > 0 ? `R${r}` : `H${fy - 1988}`;
    case 'western':
      return `${fy}年度`;
    case 'fullWidth':
      return r > 0 ? `令和${String(r).replace(/[0-9]/g, (d) => FULL[Number(d)])}年度` : `平成${fy - 1988}年度`;
    case 'heisei':
      return fy <= 2018 ? `平成${fy - 1988}年度` : r === 1 ? '令和元年度' : `令和${r}年度`;
  }
}

const BASIS_WORD = { settlement: '決算', budget: '予算', estimate: '見込', plan: '計画' } as const;

export function basisWord(b: keyof typeof BASIS_WORD): string {
  return BASIS_WORD[b];
}
