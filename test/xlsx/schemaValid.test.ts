/**
 * Schema-valid output (issue 13, item 7): every summarized fixture passes tools/ooxml-check —
 * each XML part against the ECMA-376 Transitional schemas with xmllint, plus the package
 * checks — with nothing new against its input (`--baseline`). Also a re-run on the output and
 * the prefixed SpreadsheetML variant. Needs xmllint and unzip (CI installs both).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { prefixAll } from '../helpers/xlsxPackage';

const ROOT = path.join(__dirname, '../..');
const CHECK = path.join(ROOT, 'tools/ooxml-check/validate-xlsx.js');
const hasTools = spawnSync('xmllint', ['--version']).status === 0 && spawnSync('unzip', ['-v']).status === 0;
const fixtures = [
  ...fs
    .readdirSync(path.join(ROOT, 'test/fixtures'))
    .filter((f) => f.endsWith('.xlsx') && !f.startsWith('error.'))
    .map((f) => path.join(ROOT, 'test/fixtures', f)),
  // Every layout family (the real flat export too): their summaries carry the indicator and finance sheets.
  ...fs
    .readdirSync(path.join(ROOT, 'test/fixtures/families'))
    .filter((f) => f.endsWith('.xlsx'))
    .map((f) => path.join(ROOT, 'test/fixtures/families', f)),
  path.join(ROOT, 'test/fixtures/real/ofunato-report-r7.xlsx'),
  path.join(ROOT, 'assets/sample/sample-policy-field-9.xlsx'),
];

async function summarize(input: string, out: string): Promise<void> {
  let err = '';
  const code = await main(['summarize', input, '--out', out], { out: () => undefined, err: (s) => (err += s) });
  if (code !== 0) throw new Error(err);
}

function check(out: string, baseline: string): { code: number; report: string } {
  const r = spawnSync(process.execPath, [CHECK, out, '--baseline', baseline, '--max', '5'], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status ?? -1, report: r.stdout + r.stderr };
}

if (!hasTools) {
  it.skip('schema validation needs xmllint and unzip (apt-get install libxml2-utils unzip)', () => undefined);
  // eslint-disable-next-line no-console
  console.warn('test/xlsx/schemaValid.test.ts skipped: no xmllint or unzip on this machine');
} else {
  describe.each(fixtures.map((f) => [path.relative(ROOT, f), f]))('%s', (_name, input) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hyoka-schema-'));
    const once = path.join(dir, 'once.xlsx');

    it('summarized: nothing new against the input', async () => {
      await summarize(input, once);
      const r = check(once, input);
      expect(r.report).toMatch(/0 failing.*0 package errors.* 0 error occurrences not in baseline/s);
      expect(r.code).toBe(0);
    });

    // The real export's 2 MB sheet takes xmllint half a minute: its re-run is covered by the smaller fixtures.
    if (!input.includes('/real/')) it('summarized again (the re-run replaces its own sheets): still nothing new', async () => {
      const twice = path.join(dir, 'twice.xlsx');
      await summarize(once, twice);
      const r = check(twice, input);
      expect(r.code).toBe(0);
    });
  });

  it('a workbook written with a namespace prefix, summarized: nothing new against it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hyoka-schema-'));
    const input = path.join(dir, 'prefixed.xlsx');
    fs.writeFileSync(input, await prefixAll(new Uint8Array(fs.readFileSync(fixtures[0]))));
    await summarize(input, path.join(dir, 'out.xlsx'));
    const r = check(path.join(dir, 'out.xlsx'), input);
    expect(r.code).toBe(0);
  });

  it('the validator is not lenient: a part we broke on purpose fails it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hyoka-schema-'));
    const out = path.join(dir, 'out.xlsx');
    await summarize(fixtures[0], out);
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    const wb = await zip.file('xl/workbook.xml')!.async('string');
    // <definedNames> before <sheets> breaks CT_Workbook's sequence.
    const names = /<definedNames>[\s\S]*<\/definedNames>/.exec(wb)![0];
    zip.file('xl/workbook.xml', wb.replace(names, '').replace('<sheets>', `${names}<sheets>`));
    const broken = path.join(dir, 'broken.xlsx');
    fs.writeFileSync(broken, await zip.generateAsync({ type: 'nodebuffer' }));
    expect(check(broken, fixtures[0]).code).toBe(1);
  });
}
