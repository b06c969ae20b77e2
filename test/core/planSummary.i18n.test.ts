import { SUMMARY_STRINGS, formatSummary, warekiYear } from '../../src/core/i18n/summary';

const placeholders = (s: string) => Array.from(s.matchAll(/\{(\w+)\}/g)).map((m) => m[1]).sort();

describe('summary dictionary', () => {
  const { ja, en } = SUMMARY_STRINGS;

  test('ja and en have exactly the same keys, none empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(ja).sort());
    for (const dict of [ja, en]) for (const [k, v] of Object.entries(dict)) expect([k, v.trim().length > 0]).toEqual([k, true]);
  });

  test('both languages use the same placeholders for every key', () => {
    // Year labels differ by design: ja names the era year ({wareki}), en the fiscal year.
    for (const k of (Object.keys(ja) as (keyof typeof ja)[]).filter((x) => x !== 'yearLabel' && x !== 'yearShort')) {
      const jaP = placeholders(ja[k]).filter((p) => p !== 'wareki');
      const enP = placeholders(en[k]).filter((p) => p !== 'wareki');
      expect([k, enP]).toEqual([k, jaP]);
    }
  });

  test('English strings contain no Japanese script', () => {
    const offenders = Object.entries(en).filter(([, v]) => /[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]/.test(v));
    expect(offenders).toEqual([]);
  });

  test('sheet names are valid and distinct in each language', () => {
    for (const d of [ja, en]) {
      const names = [d.sheetEvaluation, d.sheetProjects, d.sheetCharts, d.sheetFindings, d.sheetLog];
      for (const n of names) {
        expect(Array.from(n).length).toBeLessThanOrEqual(31);
        expect(n).not.toMatch(/[[\]:*?/\\]/);
      }
      expect(new Set(names).size).toBe(5);
    }
  });

  test('formatSummary fills placeholders and leaves unknown ones visible', () => {
    expect(formatSummary('施策{no} 小計', { no: 3 })).toBe('施策3 小計');
    expect(formatSummary('{a}{b}', { a: 'x' })).toBe('x{b}');
  });

  test.each([
    [2022, '令和4'],
    [2019, '令和元'],
    [2018, '平成30'],
    [1989, '平成元'],
  ])('warekiYear(%i) = %s', (fy, w) => expect(warekiYear(fy)).toBe(w));
});
