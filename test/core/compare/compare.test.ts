/**
 * Year over year (issue 15): the generated year pair reports exactly the changes planted in it
 * and a pair without changes reports none; every change rule fires on its trigger and stays
 * silent on its near miss and on the clean pair; the matcher's passes and confidences.
 */
import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import { analyzeWorkbook } from '../../../src/core/analyze';
import { COMPARE_RULES, compareModels, diffFindings } from '../../../src/core/compare';
import { matchItems } from '../../../src/core/compare/match';
import { similarity } from '../../../src/core/compare/similarity';
import { emptyField, emptyMeasure, emptyProject } from '../../../src/core/read/shared/factories';
import { readXlsxSnapshot } from '../../../src/xlsx/readXlsx';
import { yearPair, yearWorkbook } from '../../../bench/yearPair';
import { CASES, diffOf, pair } from './cases';

const schema = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../schema/year-diff.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

describe('the generated year pair (16 fields, read from .xlsx)', () => {
  const key = (c: { rule: string; severity: string; policyField: string | null; indicator: number | null; project: string | null; fiscalYear: number | null }) =>
    [c.rule, c.severity, c.policyField, c.indicator, c.project, c.fiscalYear].join('|');

  it.each([true, false])('with changes planted = %s: reports exactly what was planted', async (plant) => {
    const p = yearPair(16, plant);
    const last = analyzeWorkbook(await readXlsxSnapshot(await yearWorkbook(p.last, 'last')), { file: 'R5.xlsx' });
    const cur = analyzeWorkbook(await readXlsxSnapshot(await yearWorkbook(p.cur, 'this')));
    const diff = compareModels(last, cur, { lastFile: 'R5.xlsx', thisFile: 'R6.xlsx' });
    expect(diff.changes.map(key).sort()).toEqual(p.planted.map(key).sort());
    if (plant) {
      // Every kind of change the issue names is among them.
      expect(new Set(p.planted.map((x) => x.rule))).toEqual(new Set(COMPARE_RULES.map((r) => r.id)));
      expect(validate(JSON.parse(JSON.stringify(diff)))).toBe(true);
      expect(validate.errors ?? []).toEqual([]);
    }
    // Every field, KPI and project of this year is matched to last year's (the planted ones aside).
    expect(diff.matches.filter((m) => m.level === 'field')).toHaveLength(16);
  }, 60000);
});

it('the clean pair reports nothing (other variants, one actual fewer, the finance window a year back)', () => {
  const diff = diffOf(pair());
  expect(diff.changes).toEqual([]);
  expect(diff.matches.every((m) => m.confidence === 1 && !m.renamed)).toBe(true);
});

it('every change rule has its trigger and near miss here, and every rule id is in the diff schema', () => {
  expect(Object.keys(CASES).sort()).toEqual(COMPARE_RULES.map((r) => r.id).sort());
  expect([...schema.definitions.change.properties.rule.enum].sort()).toEqual(COMPARE_RULES.map((r) => r.id).sort());
});

describe.each(Object.keys(CASES))('%s', (id) => {
  it('fires on its trigger, with both cells and messages in both languages', () => {
    const p = pair();
    CASES[id].trigger(p);
    const found = diffOf(p).changes.filter((c) => c.rule === id);
    expect(found).toHaveLength(1);
    const [c] = found;
    expect(c.messageJa).not.toMatch(/undefined|NaN|\{/);
    expect(c.messageEn).not.toMatch(/undefined|NaN|\{/);
    if (c.last) expect(c.last.file).toBe('R5.xlsx');
    if (c.this) expect(c.this.file).toBeUndefined();
    expect(c.last ?? c.this).not.toBeNull();
  });
  it('stays silent on its near miss', () => {
    const p = pair();
    CASES[id].nearMiss(p);
    expect(diffOf(p).changes.filter((c) => c.rule === id)).toEqual([]);
  });
});

describe('what the changes say', () => {
  it('a lowered target is a warning, a raised one information', () => {
    const p = pair();
    const k = p.last[0].kpis.find((x) => !/減少/.test(x.name))!;
    k.targets[1] = (k.targets[1] as number) + 7;
    k.targets[2] = (k.targets[2] as number) - 7;
    const [eased, raised] = diffOf(p).changes;
    expect(eased).toMatchObject({ rule: 'target-revised', severity: 'warning', fiscalYear: k.years[1], old: k.targets[1] });
    expect(eased.messageJa).toMatch(/目標の緩和/);
    expect(raised).toMatchObject({ rule: 'target-revised', severity: 'info', fiscalYear: k.years[2] });
    expect(raised.messageEn).toMatch(/\(raised\)/);
  });

  it('for a decrease target, a higher number is the eased one', () => {
    const p = pair(6);
    const i = p.cur.findIndex((f) => f.kpis.some((x) => /減少/.test(x.name)));
    const k = p.last[i].kpis.find((x) => /減少/.test(x.name))!;
    k.targets[1] = (k.targets[1] as number) - 2;
    const [c] = diffOf(p).changes;
    expect(c).toMatchObject({ rule: 'target-revised', severity: 'warning' });
  });

  it('cost-change names both bases, and --cost-threshold moves the line', () => {
    const p = pair();
    CASES['cost-change'].nearMiss(p);
    expect(diffOf(p).changes).toEqual([]);
    const [c] = diffOf(p, { costThreshold: 0.05 }).changes;
    expect(c).toMatchObject({ rule: 'cost-change', item: 'projectCost', severity: 'warning' });
    expect(c.messageJa).toMatch(/（見込）から .*（予算）千円に変わりました（-9\.\d%）/);
    expect(c.ratio!).toBeCloseTo(-1 / 11, 3);
  });

  it('the changes as findings point to this year’s cell, or last year’s for what is gone', () => {
    const p = pair();
    CASES['project-ended'].trigger(p);
    CASES['target-revised'].trigger(p);
    const findings = diffFindings(diffOf(p));
    expect(findings.find((f) => f.rule === 'project-ended')!.file).toBe('R5.xlsx');
    expect(findings.find((f) => f.rule === 'target-revised')!.file).toBeUndefined();
  });
});

describe('matching', () => {
  const item = (name: string, no: string | null = null, id: string | null = null) => ({ name, no, id });
  const keyOf = (x: ReturnType<typeof item>) => x;

  it('an ID decides alone, and two IDs that differ never match, whatever the names', () => {
    const r = matchItems([item('A事業', null, '101'), item('B事業', null, '102')], [item('まったく別の名前', null, '101'), item('B事業', null, '999')], keyOf);
    expect(r.pairs.map((p) => [p.last.id, p.this.id, p.reason, p.confidence])).toEqual([['101', '101', 'id', 1]]);
    expect(r.removed.map((x) => x.id)).toEqual(['102']);
  });

  it('a number needs a name at least somewhat alike; a similar name matches without one', () => {
    const r = matchItems([item('市民活動の参加者数', '1'), item('図書館の貸出冊数', '2')], [item('図書館の貸出冊数（延べ）', '3'), item('道路の補修延長', '1')], keyOf);
    expect(r.pairs.map((p) => [p.last.name, p.this.name, p.reason])).toEqual([['図書館の貸出冊数', '図書館の貸出冊数（延べ）', 'similar-name']]);
    expect(r.pairs[0].confidence).toBeGreaterThan(0.6);
    expect(r.pairs[0].confidence).toBeLessThan(0.9);
    expect(r.removed.map((x) => x.name)).toEqual(['市民活動の参加者数']);
    expect(r.added.map((x) => x.name)).toEqual(['道路の補修延長']);
  });

  it('similarity: 1 for the same name (width and spaces aside), 0 for nothing shared', () => {
    expect(similarity('市民活動 支援事業１', '市民活動支援事業1')).toBe(1);
    expect(similarity('道路', '図書館')).toBe(0);
    expect(similarity('防災環境推進事業3', '防災環境振興事業3')).toBeGreaterThan(0.6);
  });

  it('a project keeps its ID across fields: moved, not ended and started', () => {
    const at = { sheet: 's', address: 'A1' };
    const withProject = (fieldId: string) => {
      const f = emptyField(fieldId, `分野${fieldId}`, 's', at);
      const m = emptyMeasure(1, 'm', at);
      m.projects.push({ ...emptyProject(1, '移動した事業', at, '千円'), projectId: '0086' });
      f.measures.push(m);
      return { ...analyzeWorkbook({ sheets: [] }), policyFields: [f] };
    };
    const diff = compareModels(withProject('3'), withProject('4'));
    expect(diff.changes.filter((c) => c.rule === 'project-added' || c.rule === 'project-ended')).toEqual([]);
    expect(diff.matches.find((m) => m.level === 'project')).toMatchObject({ reason: 'id', confidence: 1 });
  });
});
