#!/usr/bin/env node
// Renders the bundled sample's summary sheets as LibreOffice shows them: docs/summary-*.png.
// Needs soffice (libreoffice-calc, fonts-noto-cjk) and pdftoppm/pdftotext (poppler-utils).
//   npm run render:summary
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.join(__dirname, '..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hyoka-render-'));
const xlsx = path.join(dir, 'sample-summary.xlsx');
execFileSync(process.execPath, [path.join(root, 'bin/hyoka.js'), 'summarize', '--out', xlsx], { stdio: 'inherit' });
execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, xlsx], { stdio: 'ignore' });
const pdf = path.join(dir, 'sample-summary.pdf');
const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))[1]);
// The first page of each summary sheet, found by its title (source sheets print first).
const wanted = { evaluation: '評価サマリー', projects: '事業サマリー', charts: 'グラフ', findings: '検証結果' };
const found = {};
for (let p = 1; p <= pages; p++) {
  const first = execFileSync('pdftotext', ['-f', String(p), '-l', String(p), '-layout', pdf, '-'], { encoding: 'utf8' }).trim().split('\n')[0] || '';
  for (const [key, title] of Object.entries(wanted)) if (!found[key] && first.trim().startsWith(title)) found[key] = p;
}
for (const [key, p] of Object.entries(found)) {
  const out = path.join(root, 'docs', `summary-${key}`);
  execFileSync('pdftoppm', ['-f', String(p), '-l', String(p), '-r', '110', '-png', '-singlefile', pdf, out]);
  console.log(`docs/summary-${key}.png ← page ${p}`);
}
const missing = Object.keys(wanted).filter((k) => !found[k]);
if (missing.length) {
  console.error(`not found in the PDF: ${missing.join(', ')}`);
  process.exit(1);
}
