/** Project blocks (事業名, 財務内容, 成果の推移…) of the policyField family. */
import { hasLabel, type Grid, type GridCell } from '../../grid';
import { isLabel, type LabelId } from '../../labels';
import type { LogicModel, OutcomeRow } from '../../model';
import { parseNumber, plainText } from '../../normalize';
import { projectNo } from '../shared/numbers';
import { yearCols, type YearCol } from '../shared/years';
import type { ParsedBlock } from '../types';
import { blockRows } from './blockRows';
import { measureHeading } from './measureHeading';
import { readTextTargets } from './textTargets';

export const MONEY_UNIT_RE = /単位\s*[(（:：]?\s*([^)）\s:：]+)/;

export function parseBlocks(g: Grid, start: number, end: number): ParsedBlock[] {
  const starts = blockRows(g, start, end);
  const out: ParsedBlock[] = [];
  let measure: { no: number; name: string } | null = null;
  let cursor = start;
  starts.forEach((b, i) => {
    // The nearest measure heading above the block (between the previous block's start and this one).
    for (let r = b.row - 1; r >= cursor; r--) {
      const mh = measureHeading(g, r);
      if (mh) {
        measure = { no: mh.no, name: mh.name };
        break;
      }
    }
    let blockEnd = i + 1 < starts.length ? starts[i + 1].row : end;
    for (let r = b.row + 1; r < blockEnd; r++) {
      if (measureHeading(g, r) && g.row(r).length <= 2) {
        blockEnd = r;
        break;
      }
    }
    out.push(parseBlock(g, b.row, b.label, blockEnd, measure));
    cursor = b.row + 1;
  });
  return out;
}

export function parseBlock(g: Grid, r0: number, nameLabel: GridCell, end: number, measure: { no: number; name: string } | null): ParsedBlock {
  const first = g.row(r0)[0];
  let no: number | null = null;
  if (first && first.col < nameLabel.col) {
    const pn = projectNo(first.value);
    if (pn) {
      no = pn.no;
      if (pn.measure !== null && pn.measure !== measure?.no) measure = { no: pn.measure, name: '' };
    }
  }
  const nameCell = g.rightOf(r0, nameLabel.col)!;
  const block: ParsedBlock = {
    measureNo: measure?.no ?? null,
    measureName: measure?.name ?? '',
    no,
    name: plainText(nameCell.value),
    legalBasis: '',
    department: '',
    nextYearPolicy: '',
    overview: '',
    unit: '千円',
    finance: [],
    progress: '',
    logicModel: null,
    outcomes: [],
    verification: '',
    textTargets: [],
    source: g.ref(r0, nameCell.col),
  };
  let financeYears: YearCol[] = [];
  const financeRows: { kind: 'projectCost' | 'generalFund' | 'personnelCost'; r: number; label: GridCell }[] = [];
  let outcomeHeader: { r: number; itemCol: number; years: YearCol[] } | null = null;
  let progressCell: GridCell | null = null;

  const consumed = new Set<GridCell>([nameLabel, nameCell]);
  for (let r = r0; r < end; r++) {
    const row = g.row(r);
    for (const c of row) {
      if (consumed.has(c) || c.ids.size === 0) continue;
      const right = () => {
        const x = g.rightOf(r, c.col);
        if (!x || isBlockLabel(x.key)) return undefined;
        consumed.add(x);
        return x;
      };
      if (hasLabel(c, 'legalBasis')) block.legalBasis = plainText(right()?.value);
      else if (hasLabel(c, 'department')) block.department = plainText(right()?.value);
      else if (hasLabel(c, 'nextYearPolicy')) block.nextYearPolicy = plainText(right()?.value);
      else if (hasLabel(c, 'finance')) {
        const um = MONEY_UNIT_RE.exec(c.text.normalize('NFKC'));
        if (um) block.unit = um[1];
        financeYears = yearCols(row.filter((x) => x.col > c.col));
        // Years on the next row under a 財務内容 label that stands alone.
        for (let k = r + 1; !financeYears.length && k < Math.min(end, r + 3); k++) {
          financeYears = yearCols(g.row(k));
        }
        break;
      } else if (hasLabel(c, 'overview') && !block.overview) block.overview = plainText(right()?.value);
      else if (hasLabel(c, 'projectCost')) financeRows.push({ kind: 'projectCost', r, label: c });
      else if (hasLabel(c, 'generalFund')) financeRows.push({ kind: 'generalFund', r, label: c });
      else if (hasLabel(c, 'personnelCost')) financeRows.push({ kind: 'personnelCost', r, label: c });
      else if (hasLabel(c, 'progress') && !progressCell) {
        progressCell = right() ?? null;
        if (progressCell) block.progress = plainText(progressCell.value);
        break;
      } else if (hasLabel(c, 'logicModel') && !block.logicModel) {
        block.logicModel = readLogicModel(g, r, c, end);
        break;
      } else if (hasLabel(c, 'outcomes')) {
        const item = row.find((x) => x.col > c.col && hasLabel(x, 'outcomeItem'));
        outcomeHeader = { r, itemCol: item ? item.col : c.col + 1, years: yearCols(row.filter((x) => x.col > c.col)) };
        break;
      } else if (hasLabel(c, 'projectVerification')) {
        block.verification = plainText(right()?.value);
        break;
      } else continue;
      // Finance rows hold numbers after their label: nothing else to read on the row.
      if (financeRows.length && financeRows[financeRows.length - 1].r === r) break;
    }
  }

  // No 財務内容 label: the year headers are the nearest row above the first finance row that has years.
  if (!financeYears.length && financeRows.length) {
    const first = Math.min(...financeRows.map((f) => f.r));
    for (let r = first - 1; r >= Math.max(r0, first - 3) && !financeYears.length; r--) {
      financeYears = yearCols(g.row(r));
      const unit = financeYears.length ? g.row(r).map((x) => MONEY_UNIT_RE.exec(x.text.normalize('NFKC'))).find(Boolean) : null;
      if (unit) block.unit = unit[1];
    }
  }
  // Finance: column-aligned when every year column holds a value, else in order of appearance.
  if (financeYears.length) {
    block.finance = financeYears.map((y) => ({
      fiscalYear: y.fiscalYear,
      label: y.label,
      basis: y.basis,
      projectCost: null,
      generalFund: null,
      personnelCost: null,
      source: null,
    }));
    for (const fr of financeRows) {
      const cells = g.row(fr.r).filter((x) => x.col > fr.label.col);
      const aligned = financeYears.every((y) => cells.some((x) => x.col === y.col));
      financeYears.forEach((y, i) => {
        const cell = aligned ? cells.find((x) => x.col === y.col) : cells[i];
        const p = parseNumber(cell?.value);
        const fy = block.finance[i];
        fy[fr.kind] = p.value;
        fy[`${fr.kind}State` as 'projectCostState'] = p.state;
        if (fr.kind === 'projectCost' && cell) fy.source = g.ref(cell.row, cell.col);
      });
    }
  }
  if (outcomeHeader) block.outcomes = readOutcomes(g, outcomeHeader, end);
  if (progressCell) block.textTargets = readTextTargets(g, progressCell);
  return block;
}

export const BLOCK_LABELS: LabelId[] = ['legalBasis', 'department', 'nextYearPolicy', 'finance', 'projectCost', 'generalFund', 'personnelCost', 'projectVerification', 'outcomes'];
export function isBlockLabel(key: string): boolean {
  return BLOCK_LABELS.some((id) => isLabel(key, id));
}

export function readLogicModel(g: Grid, r: number, label: GridCell, end: number): LogicModel | null {
  const row = g.row(r).filter((c) => c.col > label.col);
  const find = (id: LabelId) => row.find((c) => hasLabel(c, id));
  const heads = { activities: find('lmActivities'), shortTerm: find('lmShort'), midTerm: find('lmMid'), final: find('lmFinal') };
  if (!heads.activities && !heads.shortTerm && !heads.midTerm && !heads.final) {
    const t = g.rightOf(r, label.col);
    return t ? { activities: plainText(t.value), shortTerm: '', midTerm: '', final: '' } : null;
  }
  let next: number | null = null;
  for (const k of g.nonEmptyRows(r + 1, Math.min(end, r + 3))) {
    next = k;
    break;
  }
  const lm: LogicModel = { activities: '', shortTerm: '', midTerm: '', final: '' };
  if (next === null) return lm;
  const vals = g.row(next);
  const order = (Object.keys(heads) as (keyof LogicModel)[]).filter((k) => heads[k]);
  const aligned = order.every((k) => vals.some((c) => c.col === heads[k]!.col));
  order.forEach((k, i) => {
    const cell = aligned ? vals.find((c) => c.col === heads[k]!.col) : vals.filter((c) => c.col > label.col - 1)[i];
    lm[k] = cell ? plainText(cell.value) : '';
  });
  return lm;
}

export function readOutcomes(g: Grid, h: { r: number; itemCol: number; years: YearCol[] }, end: number): OutcomeRow[] {
  const out: OutcomeRow[] = [];
  for (const r of g.nonEmptyRows(h.r + 1, end)) {
    const row = g.row(r);
    const first = row[0];
    if (isBlockLabel(first.key) || hasLabel(first, 'progress') || hasLabel(first, 'logicModel')) break;
    if (row.length === 1 && first.text.length > 40) break;
    const valueCells = row.slice(1);
    const shift = first.col - h.itemCol;
    const aligned = h.years.every((y) => row.some((c) => c.col === y.col + shift));
    const values = h.years.map((y, i) => {
      const cell = valueCells.length === h.years.length || !aligned ? valueCells[i] : row.find((c) => c.col === y.col + shift);
      const p = parseNumber(cell?.value);
      const col = cell ? cell.col : y.col + shift;
      return { fiscalYear: y.fiscalYear, label: y.label, value: p.value, state: p.state, source: g.ref(r, col) };
    });
    out.push({ name: plainText(first.value), values, source: g.ref(r, first.col) });
  }
  return out;
}


