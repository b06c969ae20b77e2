/**
 * The list of a measure's projects on a 施策評価シート: a header row with a 事務事業名 column (its
 * names below it) and columns such as 担当課, 事業費（R5決算）, 評価, 今後の方向性.
 */
import type { Grid } from '../../grid';
import type { FinanceYear, SheetGrade } from '../../model';
import { parseNumber, plainText } from '../../normalize';
import { emptyProject } from '../shared/factories';
import { FORM } from '../shared/formLabels';
import { headerYear, type YearContext } from '../shared/headerYear';
import { financeItemOf, gradeStageOf, gradeValueOf, termKey } from '../shared/terms';
import type { Project } from '../../model';

/** The header row of the project list at or below `from`, or null. */
export function listHeader(g: Grid, from: number): number | null {
  for (const r of g.nonEmptyRows(from, g.rowCount)) {
    const row = g.row(r);
    if (row.length < 2) continue;
    const nameCell = row.find((c) => typeof c.value === 'string' && c.text.length <= 16 && FORM.projectName.test(termKey(c.text)));
    if (!nameCell) continue;
    const below = g.at(r + 1, nameCell.col) ?? g.at(r + 2, nameCell.col);
    const right = row.find((c) => c.col > nameCell.col);
    // A column header: other headers beside it and names under it.
    if (below && typeof below.value === 'string' && right && right.text.length <= 24) return r;
  }
  return null;
}

export function readProjectList(g: Grid, header: number, context: YearContext): Project[] {
  const cols = g.row(header).map((c) => ({ c, key: termKey(c.text) }));
  const name = cols.find((x) => FORM.projectName.test(x.key))!.c.col;
  const no = cols.find((x) => /^(No\.?|NO\.?|№|番号|事業番号|整理番号)$/i.test(x.key))?.c.col ?? null;
  const dept = cols.find((x) => FORM.department.test(x.key))?.c.col ?? null;
  const next = cols.find((x) => FORM.nextYearPolicy.test(x.key))?.c.col ?? null;
  const grade = cols.filter((x) => gradeStageOf(x.key) || /^評価(区分|結果)?$/.test(x.key)).map((x) => ({ col: x.c.col, stage: gradeStageOf(x.key) ?? ('overall' as const), label: x.c.text.trim() }));
  const money = cols
    .map((x) => ({ col: x.c.col, item: financeItemOf(x.key), year: headerYear(x.c.text, context), label: x.c.text.trim() }))
    .filter((x) => x.item && x.year);
  const out: Project[] = [];
  let blank = 0;
  for (let r = header + 1; r < g.rowCount && blank < 2; r++) {
    const cell = g.at(r, name);
    if (!cell || typeof cell.value !== 'string') {
      blank++;
      continue;
    }
    if (cell.text.length > 60 || FORM.projectName.test(termKey(cell.text))) break;
    blank = 0;
    const n = no === null ? null : parseNumber(g.at(r, no)?.value).value;
    const p = emptyProject(n !== null && Number.isInteger(n) && n > 0 ? n : out.length + 1, plainText(cell.value), g.ref(r, name), '千円');
    if (n === null) p.noInferred = true;
    p.family = 'measureSheet';
    p.inList = true;
    p.listName = p.name;
    p.listSource = p.source;
    p.department = dept === null ? '' : plainText(g.at(r, dept)?.value);
    p.nextYearPolicy = next === null ? '' : plainText(g.at(r, next)?.value);
    const grades: SheetGrade[] = [];
    for (const gc of grade) {
      const v = g.at(r, gc.col);
      const value = v ? gradeValueOf(v.text) : null;
      if (v && value) grades.push({ stage: gc.stage, label: gc.label, grade: value, source: g.ref(r, gc.col) });
    }
    p.sheetGrades = grades;
    const years = new Map<string, FinanceYear>();
    for (const m of money) {
      const v = g.at(r, m.col);
      if (!v) continue;
      const key = `${m.year!.fiscalYear}:${m.year!.basis ?? ''}`;
      const fy = years.get(key) ?? { fiscalYear: m.year!.fiscalYear, label: m.label, basis: m.year!.basis, projectCost: null, generalFund: null, personnelCost: null, source: null, sources: {}, states: {} };
      years.set(key, fy);
      const parsed = parseNumber(v.value);
      fy[m.item!] = parsed.value;
      fy.sources![m.item!] = g.ref(r, m.col);
      fy.source ??= g.ref(r, m.col);
    }
    p.finance = [...years.values()].sort((a, b) => a.fiscalYear - b.fiscalYear);
    out.push(p);
  }
  return out;
}
