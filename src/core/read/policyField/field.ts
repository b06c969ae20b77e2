/** One policy field of the policyField family: its sections read in turn. */
import { hasLabel, type Grid } from '../../grid';
import type { Measure, MeasureEvaluation, PolicyField, RelatedProject } from '../../model';
import { plainText } from '../../normalize';
import { readParagraphs, textRight } from '../shared/cells';
import type { ListEntry, ParsedBlock } from '../types';
import { attachProjects } from '../join/attach';
import { parseBlocks } from './blocks';
import { GOAL_RE, POLICY_RE, type Heading } from './headings';
import { readIndicators } from './kpi';
import { listHeaderRow, parseList } from './list';
import { MEASURE_RE, measureHeading } from './measureHeading';
import { sections, type Section } from './sections';
import { emptyMeasure } from '../shared/factories';

export function mergeFields(into: PolicyField, from: PolicyField): void {
  into.indicators.push(...from.indicators);
  for (const m of from.measures) {
    const same = into.measures.find((x) => x.no === m.no);
    if (same) same.projects.push(...m.projects.filter((p) => !same.projects.some((q) => q.no === p.no)));
    else into.measures.push(m);
  }
  into.relatedProjects.push(...from.relatedProjects);
}

export function parseField(g: Grid, h: Heading, start: number, end: number): PolicyField {
  const field: PolicyField = {
    id: h.id,
    name: h.name,
    sheet: g.name,
    goal: '',
    policy: '',
    vision: '',
    asOf: null,
    moneyUnit: '千円',
    indicators: [],
    measures: [],
    relatedProjects: [],
    finalEvaluation: '',
    source: g.ref(Math.max(0, h.row), h.col),
  };
  // Goal and policy: "政策目標1 未来につなぐひとづくり/政策2 生涯にわたる学びと活躍の推進", in one cell or two.
  for (const r of g.nonEmptyRows(start, h.row + 1)) {
    for (const c of g.row(r)) {
      const t = c.text.normalize('NFKC').replace(/\s+/g, ' ').trim();
      if (GOAL_RE.test(t)) {
        const parts = t.split(/\s*[/／]\s*(?=政策\s*[0-9])/);
        field.goal = parts[0].trim();
        if (parts[1]) field.policy = parts[1].trim();
      } else if (!field.policy && /^政策\s*[0-9]+(?!\s*分野)/.test(t) && !/^政策分野/.test(t)) {
        const pm = POLICY_RE.exec(t);
        if (pm) field.policy = pm[1].trim();
      }
    }
  }
  const secs = sections(g, h.row + 1, end);
  let listEntries: ListEntry[] = [];
  let blocks: ParsedBlock[] = [];
  const evals = new Map<number, MeasureEvaluation>();
  for (const s of secs) {
    switch (s.id) {
      case 'vision':
        field.vision = readVision(g, s);
        break;
      case 'measureList':
        field.measures = readMeasureList(g, s);
        break;
      case 'kpi':
        field.indicators = readIndicators(g, s);
        break;
      case 'measureEval':
        for (const [no, ev] of readMeasureEvaluations(g, s)) evals.set(no, ev);
        break;
      case 'related':
        field.relatedProjects = readRelated(g, s);
        break;
      case 'finalEvaluation':
        field.finalEvaluation = readParagraphs(g, s.start + 1, s.end);
        break;
      case 'projectList': {
        const lh = listHeaderRow(g, s.start, s.end);
        if (lh !== null) listEntries = parseList(g, lh, s.end);
        break;
      }
      case 'blocks':
        blocks = parseBlocks(g, s.start, s.end);
        break;
    }
  }
  for (const [no, ev] of evals) {
    const m = field.measures.find((x) => x.no === no);
    if (m) m.evaluation = ev;
  }
  attachProjects(field, listEntries, blocks);
  if (blocks.some((b) => b.unit && b.unit !== '千円')) field.moneyUnit = blocks.find((b) => b.unit)!.unit;
  return field;
}

export function readVision(g: Grid, s: Section): string {
  const labelRow = g.row(s.start);
  const right = labelRow.length > 1 ? labelRow[1] : undefined;
  if (right) return plainText(right.value);
  for (const r of g.nonEmptyRows(s.start + 1, s.end)) return plainText(g.row(r)[0].value);
  return '';
}

export function readMeasureList(g: Grid, s: Section): Measure[] {
  const out: Measure[] = [];
  let current: Measure | null = null;
  for (const r of g.nonEmptyRows(s.start + 1, s.end)) {
    const row = g.row(r);
    if (row.some((c) => hasLabel(c, 'measureNoHeader'))) continue;
    const mh = measureHeading(g, r);
    if (mh) {
      current = emptyMeasure(mh.no, mh.name, g.ref(r, mh.cell.col));
      const nameCellUsed = !MEASURE_RE.exec(mh.cell.text.normalize('NFKC'))![2].trim();
      const extra = row.slice(nameCellUsed ? 2 : 1);
      if (extra.length) current.content = plainText(extra.map((c) => c.text).join('\n'));
      if (!out.some((m) => m.no === mh.no)) out.push(current);
      continue;
    }
    if (current && !current.content) {
      const t = row.map((c) => plainText(c.value)).join('\n');
      if (!/^[0-9]+\s+\S{1,20}$/.test(t)) current.content = t;
    }
  }
  return out;
}

export function readMeasureEvaluations(g: Grid, s: Section): Map<number, MeasureEvaluation> {
  const out = new Map<number, MeasureEvaluation>();
  let cur: MeasureEvaluation | null = null;
  for (const r of g.nonEmptyRows(s.start + 1, s.end)) {
    const mh = measureHeading(g, r);
    if (mh) {
      cur = { policy: '', status: '', issues: '', source: g.ref(r, mh.cell.col) };
      out.set(mh.no, cur);
      continue;
    }
    if (!cur) continue;
    for (const c of g.row(r)) {
      if (hasLabel(c, 'focus')) cur.policy = textRight(g, r, c.col).text;
      else if (hasLabel(c, 'issues')) cur.issues = textRight(g, r, c.col).text;
      else if (hasLabel(c, 'status')) cur.status = textRight(g, r, c.col).text;
      else continue;
      break;
    }
  }
  return out;
}

export function readRelated(g: Grid, s: Section): RelatedProject[] {
  const out: RelatedProject[] = [];
  let header: { field: number; name: number; dept: number } | null = null;
  for (const r of g.nonEmptyRows(s.start + 1, s.end)) {
    const row = g.row(r);
    if (!header) {
      const f = row.find((c) => hasLabel(c, 'relatedField'));
      const n = row.find((c) => hasLabel(c, 'relatedName'));
      if (f && n) {
        const d = row.find((c) => hasLabel(c, 'relatedDept'));
        header = { field: f.col, name: n.col, dept: d ? d.col : n.col + 1 };
      }
      continue;
    }
    const at = (col: number) => row.find((c) => c.col === col);
    const aligned = at(header.field) && at(header.name);
    const [fc, nc, dc] = aligned ? [at(header.field), at(header.name), at(header.dept)] : [row[0], row[1], row[2]];
    if (!fc || !nc) continue;
    out.push({ policyField: fc.text.normalize('NFKC'), name: plainText(nc.value), department: dc ? plainText(dc.value) : '', source: g.ref(r, nc.col) });
  }
  return out;
}


