/**
 * Teach mode by keyboard only, as data: the keys that mark the six ranges of
 * test/core/profile/teach.test.ts (MARKS) on the two-table sheet's grid, starting at A1 —
 * 1–6 choose the role, arrows move, Shift+arrows extend, Enter assigns. The component test and
 * the browser test press the same keys.
 */
const times = (key: string, n: number): string[] => Array<string>(n).fill(key);

export const TEACH_KEYS: { range: string; keys: string[] }[] = [
  { range: "A5:A7", keys: [...times("ArrowDown", 4), ...times("Shift+ArrowDown", 2)] },
  {
    range: "B4:D4",
    keys: ["2", ...times("ArrowUp", 3), "ArrowRight", ...times("Shift+ArrowRight", 2)],
  },
  {
    range: "B5:D7",
    keys: [
      "4",
      "ArrowDown",
      ...times("ArrowLeft", 2),
      ...times("Shift+ArrowDown", 2),
      ...times("Shift+ArrowRight", 2),
    ],
  },
  {
    range: "A12:A14",
    keys: ["1", ...times("ArrowDown", 5), ...times("ArrowLeft", 3), ...times("Shift+ArrowDown", 2)],
  },
  {
    range: "B11:D11",
    keys: ["2", ...times("ArrowUp", 3), "ArrowRight", ...times("Shift+ArrowRight", 2)],
  },
  {
    range: "B12:D14",
    keys: [
      "5",
      "ArrowDown",
      ...times("ArrowLeft", 2),
      ...times("Shift+ArrowDown", 2),
      ...times("Shift+ArrowRight", 2),
    ],
  },
];
