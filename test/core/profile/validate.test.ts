/**
 * Profiles as data: every derived profile validates against schema/layout-profile.schema.json
 * and the reader's own check agrees; broken profiles are refused by both, each problem with
 * its path in ja and en. Family models validate against the model schema.
 */
import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import { analyzeWithProfile } from '../../../src/core/analyze';
import { validateProfile } from '../../../src/core/profile/validate';
import { readXlsxSnapshot } from '../../../src/xlsx/readXlsx';
import { TWO_TABLE_PROFILE } from './cases';

const ROOT = path.join(__dirname, '../../..');
const ajv = new Ajv({ allErrors: true, strict: false });
const profileSchema = ajv.compile(JSON.parse(fs.readFileSync(path.join(ROOT, 'schema/layout-profile.schema.json'), 'utf8')));
const modelSchema = ajv.compile(JSON.parse(fs.readFileSync(path.join(ROOT, 'schema/evaluation-model.schema.json'), 'utf8')));
const FAMILIES = path.join(ROOT, 'test/fixtures/families');
const files = [...fs.readdirSync(FAMILIES).filter((f) => f.endsWith('.xlsx')).map((f) => path.join(FAMILIES, f)), path.join(ROOT, 'test/fixtures/seed.xlsx')];
const json = (x: unknown) => JSON.parse(JSON.stringify(x));

describe.each(files.map((f) => [path.basename(f), f]))('%s', (_n, file) => {
  it('its derived profile and its model validate', async () => {
    const { model, profile } = analyzeWithProfile(await readXlsxSnapshot(fs.readFileSync(file)));
    const p = json(profile);
    expect(profileSchema(p) ? [] : profileSchema.errors).toEqual([]);
    expect(validateProfile(p).problems).toEqual([]);
    expect(modelSchema(json(model)) ? [] : modelSchema.errors?.slice(0, 3)).toEqual([]);
  });
});

it('a hand-written custom profile validates', () => {
  expect(profileSchema(json(TWO_TABLE_PROFILE))).toBe(true);
  expect(validateProfile(json(TWO_TABLE_PROFILE)).profile).not.toBeNull();
});

const broken: [string, (p: Record<string, any>) => unknown, string][] = [
  ['another version', (p) => ({ ...p, profileVersion: 2 }), '$.profileVersion'],
  ['not an object', () => 'profile', '$'],
  ['an unknown family', (p) => ({ ...p, sheets: [{ ...p.sheets[0], family: 'macro' }] }), '$.sheets[0].family'],
  ['an entry matching nothing', (p) => ({ ...p, sheets: [{ ...p.sheets[0], match: {} }] }), '$.sheets[0].match'],
  ['a range that is not A1', (p) => ({ ...p, sheets: [{ ...p.sheets[0], layout: { ...p.sheets[0].layout, tables: [{ ...p.sheets[0].layout.tables[0], values: { address: 'javascript:1' } }] } }] }), '$.sheets[0].layout.tables[0].values.address'],
  ['a role that does not exist', (p) => ({ ...p, sheets: [{ ...p.sheets[0], layout: { ...p.sheets[0].layout, tables: [{ ...p.sheets[0].layout.tables[0], role: 'guess' }] } }] }), '$.sheets[0].layout.tables[0].role'],
  ['an absurd offset', (p) => ({ ...p, sheets: [{ ...p.sheets[0], layout: { ...p.sheets[0].layout, tables: [{ ...p.sheets[0].layout.tables[0], years: { anchor: 'x', dr: 1.5, dc: 0, rows: 1, cols: 1 } }] } }] }), '$.sheets[0].layout.tables[0].years.dr'],
];

describe.each(broken)('a profile with %s', (_name, breakIt, where) => {
  it('is refused by the schema and by the reader, which names the place', () => {
    const p = breakIt(json(TWO_TABLE_PROFILE));
    expect(profileSchema(p)).toBe(false);
    const r = validateProfile(p);
    expect(r.profile).toBeNull();
    expect(r.problems.map((x) => x.path)).toContain(where);
    for (const x of r.problems) {
      expect(x.ja).not.toBe('');
      expect(x.en).not.toBe('');
    }
  });
});

it('a money row mapped to an item that does not exist is refused', () => {
  const p = { profileVersion: 1, sheets: [{ match: { name: 'S' }, family: 'projectSheet', layout: { anchor: '事務事業名', evaluationYear: null, era: null, moneyRows: { 県補助金: 'grant' } } }] };
  expect(validateProfile(p).problems.map((x) => x.path)).toEqual(['$.sheets[0].layout.moneyRows["県補助金"]']);
  expect(profileSchema(p)).toBe(false);
});
