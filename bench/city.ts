/**
 * The generated city as one workbook and as the workbooks its departments send: the same
 * fields, each field's sheet in one department's workbook (contiguous, in field order), each
 * workbook with a memo sheet of its own. Used by the consolidation test and the benchmark.
 */
import ExcelJS from 'exceljs';
import { fieldRows, makeField, writeRows, type GenField, type Variant } from './generate';

/** Label, era and number variants mixed in: each field's sheet uses one of three. */
export const CITY_VARIANTS: Variant[] = [
  { era: 'reiwa', numbers: 'number', labels: 'seed', rowShift: 0, colShift: 0 },
  { era: 'short', numbers: 'text', labels: 'variant', rowShift: 2, colShift: 1 },
  { era: 'western', numbers: 'fullWidth', labels: 'seed', rowShift: 0, colShift: 0 },
];

export const DEPARTMENTS = ['企画政策部', '総務部', '市民部', '健康福祉部', '子ども未来部', '環境部', '産業振興部', '建設部', '都市整備部', '上下水道部', '教育委員会', '消防本部'];

export function cityFields(n: number, seed = 2026): GenField[] {
  return Array.from({ length: n }, (_, i) => makeField(i + 1, seed));
}

async function workbook(fields: GenField[], all: GenField[], memo: string, memoFirst: boolean): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const addMemo = () => (wb.addWorksheet('メモ').getCell('A1').value = memo);
  if (memoFirst) addMemo();
  for (const f of fields) {
    const v = CITY_VARIANTS[all.indexOf(f) % CITY_VARIANTS.length];
    writeRows(wb.addWorksheet(`政策分野${f.id}`), fieldRows(f, v), v);
  }
  if (!memoFirst) addMemo();
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * The fields on one plan period, as one city's departments report them: every KPI's years
 * from `start`, the money of the same two fiscal years (the generator draws each field's own).
 */
export function onePlanPeriod(fields: GenField[], start = 2021): GenField[] {
  return fields.map((f) => {
    const kpis = f.kpis.map((k) => ({ ...k, years: k.years.map((_, i) => start + i) }));
    return { ...f, kpis, financeYears: [start + 3, start + 4] as [number, number] };
  });
}

/** The whole city in one workbook (the benchmark's workbook). */
export function cityWorkbook(fields: GenField[]): Promise<Buffer> {
  return workbook(fields, fields, '打合せメモ', false);
}

/** Fields split into `count` contiguous groups as even as can be (45 into 12: nine of 4, three of 3). */
export function splitFields<T>(fields: T[], count: number): T[][] {
  const out: T[][] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    const size = Math.floor(fields.length / count) + (i < fields.length % count ? 1 : 0);
    out.push(fields.slice(at, at + size));
    at += size;
  }
  return out.filter((g) => g.length);
}

/** The departments' workbooks: "01-企画政策部.xlsx" … */
export async function departmentWorkbooks(fields: GenField[], count = 12): Promise<{ name: string; bytes: Buffer }[]> {
  const groups = splitFields(fields, count);
  return Promise.all(
    groups.map(async (g, i) => ({
      name: `${String(i + 1).padStart(2, '0')}-${DEPARTMENTS[i % DEPARTMENTS.length]}.xlsx`,
      bytes: await workbook(g, fields, `${DEPARTMENTS[i % DEPARTMENTS.length]}の提出メモ`, true),
    })),
  );
}
