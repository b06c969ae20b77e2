/**
 * The README's command costs what the CLI costs (issue 13, item 6): `npm run hyoka` runs the
 * built CLI without compiling, and bin/hyoka.js compiles only when a source is newer than the
 * build — so the command never runs stale code either.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '../..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

it('`npm run hyoka` runs the built CLI, with no compiler in front of it', () => {
  expect(pkg.scripts.hyoka).toBe('node bin/hyoka.js');
  expect(pkg.bin.hyoka).toBe('bin/hyoka.js');
  // npm ci builds it once (prepare).
  expect(pkg.scripts.prepare).toMatch(/tsc -p tsconfig\.cli\.json/);
});

it('a current build is run as it is: no compile step, a fraction of a second of work', () => {
  const run = () => spawnSync(process.execPath, [path.join(ROOT, 'bin/hyoka.js'), '--help'], { cwd: ROOT, encoding: 'utf8' });
  // The first call may find the build stale (sources edited since) and compile; the second must not.
  expect(run().status).toBe(0);
  const t = Date.now();
  const r = run();
  const ms = Date.now() - t;
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/^hyoka /);
  expect(r.stderr).not.toMatch(/compiling/);
  // Generous for a loaded CI machine; the bench reports the real figures.
  expect(ms).toBeLessThan(5000);
});

it('a source newer than the build is compiled before the CLI runs', () => {
  const stamp = path.join(ROOT, 'build/.hyoka-built');
  const info = path.join(ROOT, 'build/.tsbuildinfo');
  const old = new Date(Date.now() - 3600_000 * 24 * 365);
  // Make the build look a year old (both stamps), then run: the CLI must compile first.
  for (const f of [stamp, info]) if (fs.existsSync(f)) fs.utimesSync(f, old, old);
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/hyoka.js'), '--help'], { cwd: ROOT, encoding: 'utf8' });
  expect(r.status).toBe(0);
  expect(r.stderr).toMatch(/compiling \(tsc -p tsconfig\.cli\.json\)/);
  expect(fs.statSync(stamp).mtimeMs).toBeGreaterThan(Date.now() - 600_000);
}, 120000);
