/**
 * Every workbook fixture with an expected model is read exactly (the acceptance checker, all
 * checks); every fixture named error.* must fail with one clear line. Fixtures are written
 * by `npm run fixtures` (bench/makeFixtures.ts) except seed.*, the shared seed workbook.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../src/cli/main';

const DIR = path.join(__dirname, 'fixtures');
const expected = fs.readdirSync(DIR).filter((f) => f.endsWith('.expected.json'));
const errors = fs.readdirSync(DIR).filter((f) => f.startsWith('error.'));

async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

it('has the fixtures it promises', () => {
  expect(expected.sort()).toEqual(['layout-shifted.expected.json', 'multi-field.expected.json', 'seed.expected.json']);
  expect(errors.length).toBeGreaterThanOrEqual(3);
});

describe.each(expected)('%s', (exp) => {
  it('is read exactly: every acceptance check passes', async () => {
    const xlsx = path.join(DIR, exp.replace('.expected.json', '.xlsx'));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hyoka-fx-'));
    const model = path.join(dir, 'model.json');
    const r = await cli(['summarize', xlsx, '--json', model, '--out', path.join(dir, 'out.xlsx')]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    let out: string;
    try {
      out = execFileSync(process.execPath, [path.join(DIR, 'check-model.js'), path.join(DIR, exp), model], { encoding: 'utf8' });
    } catch (e) {
      throw new Error(`check-model failed:\n${(e as { stdout: string }).stdout}`);
    }
    const m = /(\d+)\/(\d+) checks passed/.exec(out)!;
    expect(m[1]).toBe(m[2]);
    expect(Number(m[2])).toBeGreaterThan(100);
  });
});

describe.each(errors)('%s', (file) => {
  it('fails with one line and exit code 1', async () => {
    const r = await cli(['summarize', path.join(DIR, file), '--no-summary']);
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/^hyoka: /);
  });
});
