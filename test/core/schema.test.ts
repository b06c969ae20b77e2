/** Model outputs validate against the public JSON Schema (schema/evaluation-model.schema.json). */
import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import { analyzeWorkbook } from '../../src/core/analyze';
import { readXlsxSnapshot } from '../../src/xlsx/readXlsx';
import { makeField, makeWorkbook, SEED_VARIANT } from '../../bench/generate';

const schema = JSON.parse(fs.readFileSync(path.join(__dirname, '../../schema/evaluation-model.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
const roundTrip = (m: unknown) => JSON.parse(JSON.stringify(m));

it('the seed model validates', async () => {
  const model = analyzeWorkbook(await readXlsxSnapshot(fs.readFileSync(path.join(__dirname, '../fixtures/seed.xlsx'))));
  const ok = validate(roundTrip(model));
  expect(validate.errors ?? []).toEqual([]);
  expect(ok).toBe(true);
});

it('generated models validate', async () => {
  const model = analyzeWorkbook(await readXlsxSnapshot(await makeWorkbook([makeField(1, 5), makeField(2, 5)], SEED_VARIANT, { noise: true })));
  expect(validate(roundTrip(model))).toBe(true);
});

it('the schema rejects a model that breaks it (the check can fail)', async () => {
  const model = roundTrip(analyzeWorkbook(await readXlsxSnapshot(fs.readFileSync(path.join(__dirname, '../fixtures/seed.xlsx')))));
  model.policyFields[0].indicators[0].years[0].status = 'done';
  expect(validate(model)).toBe(false);
});
