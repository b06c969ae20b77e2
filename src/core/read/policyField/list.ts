/** The 事務事業一覧 (project list) of a policy field sheet. */
import { hasLabel, type Grid } from '../../grid';
import type { LabelId } from '../../labels';
import { parseNumber, plainText } from '../../normalize';
import { projectNo } from '../shared/numbers';
import type { ListEntry } from '../types';
import { measureHeading } from './measureHeading';

export function listHeaderRow(g: Grid, from: number, to: number): number | null {
  for (const r of g.nonEmptyRows(from, to)) {
    const row = g.row(r);
    if (row.some((c) => hasLabel(c, 'listName')) && row.some((c) => hasLabel(c, 'listNo') || hasLabel(c, 'listPolicy'))) return r;
  }
  return null;
}


export const FLAG_RE = /^(◎|○|〇|●|◯|✓|✔|レ|1|有|あり|該当|対象|\*)$/;

export function parseList(g: Grid, headerRow: number, end: number): ListEntry[] {
  const header = g.row(headerRow);
  const colOf = (id: LabelId) => header.find((c) => hasLabel(c, id))?.col;
  const cols = {
    no: colOf('listNo'),
    logic: colOf('listLogicModel'),
    priority: colOf('listPriority'),
    population: colOf('listPopulation'),
    sdgs: colOf('listSdgs'),
    name: colOf('listName'),
    policy: colOf('listPolicy'),
    dept: colOf('listDept'),
  };
  const out: ListEntry[] = [];
  let measure: { no: number; name: string } | null = null;
  for (const r of g.nonEmptyRows(headerRow + 1, end)) {
    const row = g.row(r);
    const mh = measureHeading(g, r);
    if (mh) {
      measure = { no: mh.no, name: mh.name };
      continue;
    }
    const at = (col: number | undefined) => (col === undefined ? undefined : row.find((c) => c.col === col));
    const noCell = at(cols.no) ?? row[0];
    const pn = projectNo(noCell.value);
    if (!pn) continue;
    let nameCell = at(cols.name);
    if (!nameCell || parseNumber(nameCell.value).state === 'number') {
      nameCell = row.filter((c) => typeof c.value === 'string' && !FLAG_RE.test(c.text)).sort((a, b) => b.text.length - a.text.length)[0];
    }
    if (!nameCell) continue;
    const flag = (col: number | undefined) => {
      const c = at(col);
      return !!c && FLAG_RE.test(c.text.normalize('NFKC'));
    };
    const sdgCell = at(cols.sdgs);
    out.push({
      measureNo: pn.measure ?? measure?.no ?? null,
      measureName: pn.measure !== null && pn.measure !== measure?.no ? '' : measure?.name ?? '',
      no: pn.no,
      name: plainText(nameCell.value),
      logicModel: flag(cols.logic),
      priority: flag(cols.priority),
      population: at(cols.population)?.text ?? null,
      sdgs: sdgCell ? sdgCell.text.normalize('NFKC').split(/[、,，\s/]+/).filter(Boolean) : [],
      nextYearPolicy: at(cols.policy) ? plainText(at(cols.policy)!.value) : '',
      department: at(cols.dept) ? plainText(at(cols.dept)!.value) : '',
      source: g.ref(r, nameCell.col),
    });
  }
  return out;
}

