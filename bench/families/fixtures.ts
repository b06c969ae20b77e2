/**
 * The committed family fixtures (test/fixtures/families/): generated cases chosen to cover each
 * family's layouts, written as .xlsx with their truth (NAME.truth.json).
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { measureSheetCase, projectSheetCase, projectTableCase, type FamilyCase } from './cases';

export const FAMILY_FIXTURES: Record<string, () => FamilyCase> = {
  // Three sheets: rows / sub-header / combined indicators, 円 and 千円, every 人件費 form across them.
  'project-sheets': () => {
    const c = projectSheetCase(5);
    const d = projectSheetCase(21);
    return { drafts: [...c.drafts, ...d.drafts.map((x, i) => Object.assign(x, { name: `${x.name}_${i + 10}` }))], projects: [...c.projects, ...d.projects], measures: [], variants: [...c.variants, ...d.variants] };
  },
  // 施策評価シート with some of their projects' own sheets, joined by code and name.
  'measure-sheets': () => measureSheetCase(9, true),
  // The flat export without year labels (years from the 年度 column and block order).
  'flat-export-unlabelled': () => projectTableCase(7, { yearLabels: 'none', filler: true, hierarchy: 'digits' }),
  // The flat export with a group row naming each block's year, codes in one column, grades.
  'flat-export-labelled': () => projectTableCase(8, { yearLabels: 'group', hierarchy: 'code', grades: true, indicatorTargets: true }),
};

export async function writeFamilyFixtures(dir: string): Promise<void> {
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, make] of Object.entries(FAMILY_FIXTURES)) {
    const c = make();
    const wb = new ExcelJS.Workbook();
    for (const d of c.drafts) d.writeTo(wb.addWorksheet(d.name));
    fs.writeFileSync(path.join(dir, `${name}.xlsx`), Buffer.from(await wb.xlsx.writeBuffer()));
    fs.writeFileSync(path.join(dir, `${name}.truth.json`), JSON.stringify({ projects: c.projects, measures: c.measures }, null, 1) + '\n');
  }
}
