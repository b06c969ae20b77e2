/**
 * The committed family fixtures, read as a user reads them — `hyoka summarize --json` on the
 * .xlsx — and compared with their truth; `hyoka inspect` names the family, why and what was
 * inferred. (Written by `npm run fixtures`: bench/families/fixtures.ts.)
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { compareMeasures, compareProjects } from '../../../bench/families/compare';
import { main } from '../../../src/cli/main';
import type { EvaluationModel } from '../../../src/core/model';

const DIR = path.join(__dirname, '../../fixtures/families');
const names = fs.readdirSync(DIR).filter((f) => f.endsWith('.truth.json')).map((f) => f.replace('.truth.json', ''));

async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

it('has a fixture for every family', () => {
  expect(names.sort()).toEqual(['flat-export-labelled', 'flat-export-unlabelled', 'measure-sheets', 'project-sheets']);
});

describe.each(names)('%s', (name) => {
  const xlsx = path.join(DIR, `${name}.xlsx`);
  const truth = JSON.parse(fs.readFileSync(path.join(DIR, `${name}.truth.json`), 'utf8'));

  it('summarizes to the model its truth says', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hyoka-fam-'));
    const json = path.join(dir, 'model.json');
    const r = await cli(['summarize', xlsx, '--json', json, '--out', path.join(dir, 'out.xlsx')]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const model = JSON.parse(fs.readFileSync(json, 'utf8')) as EvaluationModel;
    expect(model.schemaVersion).toBe(2);
    expect([...compareMeasures(model, truth.measures), ...compareProjects(model, truth.projects)]).toEqual([]);
    expect(fs.statSync(path.join(dir, 'out.xlsx')).size).toBeGreaterThan(5000);
  });

  it('is named by inspect, with its reason', async () => {
    const r = await cli(['inspect', xlsx, '--lang', 'en']);
    expect(r.code).toBe(0);
    const family = name.startsWith('flat') ? 'one-row-per-project table' : name.startsWith('measure') ? 'measure evaluation sheet' : 'project evaluation sheet';
    expect(r.out).toContain(family);
    if (name === 'flat-export-unlabelled') expect(r.out).toMatch(/inferred: .*year blocks carry no year label/);
  });
});
