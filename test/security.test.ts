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

// eslint-disable-next-line @typescript-eslint/no-require-imports
const webpackConfig = require('../webpack.config.js') as {
  PAGES: { name: string; template: string }[];
  OFFICE_JS_CDN: string;
  renderPage(html: string, mode: 'cdn' | 'local'): string;
};
const cspOf = (html: string) => /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html)?.[1] ?? '';
const directive = (csp: string, name: string) => csp.split(';').map((d) => d.trim()).find((d) => d.startsWith(`${name} `)) ?? '';

describe.each(webpackConfig.PAGES.map((p) => [p.name, p.template]))('%s page Content-Security-Policy', (_name, template) => {
  const html = fs.readFileSync(path.join(ROOT, template), 'utf8');
  test.each(['cdn', 'local'] as const)('%s build: nothing from elsewhere but office.js from the Office CDN', (mode) => {
    const csp = cspOf(webpackConfig.renderPage(html, mode));
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/connect-src 'self'/);
    expect(csp).not.toMatch(/unsafe-eval/);
    const cdn = new URL(webpackConfig.OFFICE_JS_CDN).origin;
    // Exactly one remote origin, only for scripts, only when office.js comes from the CDN.
    expect(csp.replace(directive(csp, 'script-src'), '')).not.toMatch(/https?:\/\//);
    expect(directive(csp, 'script-src')).toBe(mode === 'cdn' ? `script-src 'self' ${cdn}` : "script-src 'self'");
  });
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
