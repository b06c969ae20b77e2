/**
 * Finding texts speak one year format, whatever the sheet wrote (令和４年度, R4, 2022年度):
 * 令和4年度（2022） in Japanese, FY2022 in English; and a pace reads by its direction
 * (a KPI that must fall needs 「年 26 の減少」, never 「年 -26 の伸び」).
 */
import { analyzeWorkbook } from '../../../src/core/analyze';
import { warekiYear } from '../../../src/core/era';
import type { CellValue } from '../../../src/core/snapshot';
import { fieldRows, makeField, type GenField, type Variant } from '../../../bench/generate';

const variant = (era: Variant['era']): Variant => ({ era, numbers: 'number', labels: 'seed', rowShift: 0, colShift: 0 });

function analyze(f: GenField, era: Variant['era']) {
  return analyzeWorkbook({ sheets: [{ name: `政策分野${f.id}`, origin: 'A1', values: fieldRows(f, variant(era)) as CellValue[][] }] });
}

/** A field whose first KPI misses its target in its second year. */
function missing(id: number): GenField {
  const f = makeField(id, 7);
  const k = f.kpis[0];
  k.targets = k.years.map(() => 100);
  k.actuals = k.years.map((_, i) => (i === 1 ? 50 : i === 0 ? 100 : null));
  return f;
}

describe('one year format in finding texts', () => {
  it.each(['reiwa', 'reiwaFullWidth', 'short', 'western'] as const)('a year headed %s reads 令和N年度（YYYY） / FYYYYY', (era) => {
    const f = missing(3);
    const fy = f.kpis[0].years[1];
    const m = analyze(f, era);
    const below = m.findings.filter((x) => x.rule === 'kpi-below-target' && x.fiscalYear === fy && x.indicator === f.kpis[0].no);
    expect(below).toHaveLength(1);
    expect(below[0].messageJa).toContain(`${warekiYear(fy)}年度（${fy}）の実績 50`);
    expect(below[0].messageJa).not.toMatch(/[０-９]|R[0-9]|[0-9]{4}年度/);
    expect(below[0].messageEn).toContain(`the FY${fy} actual 50`);
  });

  it('every finding that names a year names it the same way', () => {
    const fields = [missing(1), missing(2)];
    fields[1].measures[0].projects[0].finance.general = [500, 99999];
    for (const era of ['reiwaFullWidth', 'short', 'western'] as const) {
      for (const f of fields) {
        for (const x of analyze(f, era).findings.filter((y) => y.fiscalYear !== null)) {
          expect(x.messageJa).toContain(`${warekiYear(x.fiscalYear!)}年度（${x.fiscalYear}）`);
          expect(x.messageEn).toContain(`FY${x.fiscalYear}`);
        }
      }
    }
  });
});

describe('a pace in words by its direction', () => {
  it('a KPI that must fall needs a decrease, said without a minus sign', () => {
    const f = makeField(5, 11);
    const k = f.kpis[0];
    k.name = '交通事故件数の減少';
    k.targets = k.years.map(() => null);
    // Falling 2 a year, but 20 a year is needed to reach 10 in time.
    k.actuals = k.years.map((_, i) => (i < 2 ? 100 - 2 * i : null));
    k.finalTarget = 10;
    const m = analyze(f, 'reiwa');
    const off = m.findings.find((x) => x.rule === 'kpi-off-track-final' && x.indicator === k.no);
    expect(off).toBeDefined();
    expect(off!.messageJa).toMatch(/年 [0-9,.]+ の減少が必要ですが、これまでは年 2 の減少です。$/);
    expect(off!.messageJa).not.toMatch(/-[0-9]|伸び/);
    expect(off!.messageEn).toMatch(/needs a fall of [0-9,.]+ a year; so far it has fallen 2 a year\.$/);
  });

  it('a KPI that must rise but fell says so', () => {
    const f = makeField(6, 13);
    const k = f.kpis[0];
    k.name = '参加者数';
    k.targets = k.years.map(() => null);
    k.actuals = k.years.map((_, i) => (i < 2 ? 100 - 5 * i : null));
    k.finalTarget = 200;
    const off = analyze(f, 'reiwa').findings.find((x) => x.rule === 'kpi-off-track-final' && x.indicator === k.no);
    expect(off!.messageJa).toMatch(/の増加が必要ですが、これまでは年 5 の減少です。$/);
    expect(off!.messageEn).toMatch(/needs a rise of [0-9,.]+ a year; so far it has fallen 5 a year\.$/);
  });
});
