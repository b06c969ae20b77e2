/**
 * What IT must be able to trust: no dynamic code, no HTML from cells, no network calls from
 * the add-in's pages, ReadWriteDocument only. (The E2E test records real requests in a browser.)
 */
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..');
function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    return d.isDirectory() ? files(p) : /\.(ts|tsx)$/.test(d.name) ? [p] : [];
  });
}
const src = files(path.join(ROOT, 'src'));
/** Source text without comments, so a comment that names a banned call does not count. */
const code = (f: string) => fs.readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

it.each([
  ['eval(', /\beval\s*\(/],
  ['new Function', /new\s+Function\s*\(/],
  ['setTimeout with a string', /setTimeout\s*\(\s*['"`]/],
  ['dangerouslySetInnerHTML', /dangerouslySetInnerHTML/],
  ['innerHTML / outerHTML assignment', /\.(inner|outer)HTML\s*=/],
  ['insertAdjacentHTML', /insertAdjacentHTML/],
  ['document.write', /document\.write/],
])('no %s anywhere in src', (_name, re) => {
  const hits = src.filter((f) => re.test(code(f))).map((f) => path.relative(ROOT, f));
  expect(hits).toEqual([]);
});

it('the add-in pages make no network calls of their own', () => {
  const pages = src.filter((f) => /src[\\/](taskpane|commands|excel|core)[\\/]/.test(f));
  const re = /\bfetch\s*\(|XMLHttpRequest|WebSocket|EventSource|navigator\.sendBeacon|new\s+Image\s*\(/;
  expect(pages.filter((f) => re.test(code(f))).map((f) => path.relative(ROOT, f))).toEqual([]);
});

it('the task pane page forbids remote origins by its Content-Security-Policy', () => {
  const html = fs.readFileSync(path.join(ROOT, 'src/taskpane/taskpane.html'), 'utf8');
  const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html)?.[1] ?? '';
  expect(csp).toMatch(/default-src 'self'/);
  expect(csp).toMatch(/connect-src 'self'/);
  expect(csp).not.toMatch(/unsafe-eval/);
  expect(csp).not.toMatch(/https?:\/\//);
});

it('the manifest asks ReadWriteDocument and nothing more', () => {
  const xml = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
  expect([...xml.matchAll(/<Permissions>([^<]+)<\/Permissions>/g)].map((m) => m[1])).toEqual(['ReadWriteDocument']);
});

it('only src/excel calls Excel.run or context.sync()', () => {
  const outside = src.filter((f) => !/src[\\/]excel[\\/]/.test(f));
  const hits = outside.filter((f) => /Excel\.run\s*\(|\bcontext\.sync\s*\(/.test(code(f))).map((f) => path.relative(ROOT, f));
  expect(hits).toEqual([]);
});
