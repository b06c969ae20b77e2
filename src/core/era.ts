/** Japanese eras for fiscal years: 2022 → 令和4, 2019 → 令和元, 2018 → 平成30. */
const ERAS: [string, number][] = [
  ['令和', 2019],
  ['平成', 1989],
  ['昭和', 1926],
];

export function warekiYear(fiscalYear: number): string {
  for (const [name, start] of ERAS) {
    if (fiscalYear >= start) {
      const n = fiscalYear - start + 1;
      return `${name}${n === 1 ? '元' : n}`;
    }
  }
  return String(fiscalYear);
}
