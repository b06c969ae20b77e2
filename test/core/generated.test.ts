/**
 * The reader against workbooks whose truth we wrote: generated fields in the city's layout,
 * across era, number, label and position variants, several fields per workbook, noise sheets.
 */
import { analyzeWorkbook } from '../../src/core/analyze';
import { readXlsxSnapshot } from '../../src/xlsx/readXlsx';
import { GenField, makeField, makeWorkbook, Variant } from '../../bench/generate';

const VARIANTS: [string, Variant][] = [
  ['seed layout', { era: 'reiwa', numbers: 'number', labels: 'seed', rowShift: 0, colShift: 0 }],
  ['shifted, numbers as text, R-years, label variants', { era: 'short', numbers: 'text', labels: 'variant', rowShift: 4, colShift: 2 }],
  ['full-width numbers and years', { era: 'reiwaFullWidth', numbers: 'fullWidth', labels: 'variant', rowShift: 1, colShift: 0 }],
  ['western years', { era: 'western', numbers: 'text', labels: 'seed', rowShift: 0, colShift: 5 }],
];

function expectFieldRead(model: ReturnType<typeof analyzeWorkbook>, truth: GenField): void {
  const pf = model.policyFields.find((p) => p.id === truth.id);
  expect(pf).toBeDefined();
  if (!pf) return;
  expect(pf.name).toBe(truth.name);
  expect(pf.indicators.map((i) => i.no)).toEqual(truth.kpis.map((k) => k.no));
  for (const k of truth.kpis) {
    const ind = pf.indicators.find((i) => i.no === k.no)!;
    expect(ind.name).toBe(k.name);
    expect(ind.unit).toBe(k.unit);
    expect(ind.finalTarget).toBe(k.finalTarget);
    expect(ind.verification).toBe(k.verification);
    expect(ind.years.map((y) => y.fiscalYear)).toEqual(k.years);
    expect(ind.years.map((y) => y.target)).toEqual(k.targets);
    expect(ind.years.map((y) => (y.actualState === 'pending' ? '集計中' : y.actual))).toEqual(k.actuals);
  }
  expect(pf.measures.map((m) => [m.no, m.name])).toEqual(truth.measures.map((m) => [m.no, m.name]));
  for (const m of truth.measures) {
    const mm = pf.measures.find((x) => x.no === m.no)!;
    expect(mm.projects.map((p) => p.no)).toEqual(m.projects.map((p) => p.no));
    for (const p of m.projects) {
      const pp = mm.projects.find((x) => x.no === p.no)!;
      expect(pp.listName).toBe(p.listName);
      expect(pp.hasDetail).toBe(p.detail);
      if (!p.detail) continue;
      expect(pp.name).toBe(p.name);
      expect(pp.department).toBe(p.dept);
      expect(pp.legalBasis).toBe(p.legal);
      expect(pp.finance.map((y) => y.fiscalYear)).toEqual(truth.financeYears);
      expect(pp.finance.map((y) => [y.projectCost, y.generalFund, y.personnelCost])).toEqual([
        [p.finance.cost[0], p.finance.general[0], p.finance.personnel[0]],
        [p.finance.cost[1], p.finance.general[1], p.finance.personnel[1]],
      ]);
      const key = `${m.no}-${p.no}`;
      const mismatch = model.findings.some((f) => f.rule === 'project-name-mismatch' && f.project === key && f.policyField === truth.id);
      expect(mismatch).toBe(p.listName !== p.name);
    }
  }
}

describe.each(VARIANTS)('generated workbook: %s', (_label, variant) => {
  it('reads three fields, one sheet each, past noise sheets', async () => {
    const fields = [makeField(3, 11), makeField(17, 11), makeField(42, 11)];
    const snap = await readXlsxSnapshot(await makeWorkbook(fields, variant, { noise: true }));
    const model = analyzeWorkbook(snap);
    expect(model.sheets.map((s) => [s.name, s.kind])).toEqual([
      ['メモ', 'unknown'],
      ['Sheet1', 'empty'],
      ['政策分野3', 'policyField'],
      ['政策分野17', 'policyField'],
      ['政策分野42', 'policyField'],
    ]);
    for (const f of fields) expectFieldRead(model, f);
  });
});

it('reads many random fields exactly (seeded)', async () => {
  for (let seed = 1; seed <= 6; seed++) {
    const fields = [makeField(seed, seed), makeField(seed + 20, seed)];
    const v: Variant = { era: (['reiwa', 'short', 'western', 'reiwaFullWidth'] as const)[seed % 4], numbers: (['number', 'text', 'fullWidth'] as const)[seed % 3], labels: seed % 2 ? 'variant' : 'seed', rowShift: seed % 3, colShift: seed % 4 };
    const model = analyzeWorkbook(await readXlsxSnapshot(await makeWorkbook(fields, v)));
    for (const f of fields) expectFieldRead(model, f);
  }
});
