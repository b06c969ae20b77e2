#!/usr/bin/env node
// Renders summary sheets as LibreOffice shows them: docs/summary-*.png — the bundled sample's
// sheets, the city summary of generated department workbooks (全体サマリー) and a generated
// year pair's 前年度比較.
// Needs soffice (libreoffice-calc, fonts-noto-cjk) and pdftoppm/pdftotext (poppler-utils).
//   npm run render:summary
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.join(__dirname, '..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hyoka-render-'));
const hyoka = (...args) => execFileSync(process.execPath, [path.join(root, 'bin/hyoka.js'), ...args], { stdio: 'inherit', cwd: dir });

/** Converts a workbook to PDF and writes the first page of each wanted sheet (found by its title) as a PNG. */
function render(xlsx, wanted) {
  execFileSync('soffice', [`-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, xlsx], { stdio: 'ignore' });
  const pdf = path.join(dir, `${path.basename(xlsx, '.xlsx')}.pdf`);
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))[1]);
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
  return Object.keys(wanted).filter((k) => !found[k]);
}

(async () => {
  const missing = [];
  const sample = path.join(dir, 'sample-summary.xlsx');
  hyoka('summarize', '--out', sample);
  missing.push(...render(sample, { evaluation: '評価サマリー', projects: '事業サマリー', charts: 'グラフ', findings: '検証結果' }));

  // The generators are compiled with the CLI (npm run render:summary runs tsc first).
  const { cityFields, departmentWorkbooks, onePlanPeriod } = require(path.join(root, 'build/bench/city.js'));
  const { yearPair, yearWorkbook } = require(path.join(root, 'build/bench/yearPair.js'));
  const depts = path.join(dir, 'depts');
  fs.mkdirSync(depts);
  for (const d of await departmentWorkbooks(onePlanPeriod(cityFields(12)), 4)) fs.writeFileSync(path.join(depts, d.name), d.bytes);
  const city = path.join(dir, 'city.xlsx');
  hyoka('summarize', 'depts/', '--out', 'city.xlsx');
  missing.push(...render(city, { overview: '全体サマリー' }));

  const pair = yearPair(14, true);
  fs.writeFileSync(path.join(dir, 'R5.xlsx'), await yearWorkbook(pair.last, 'last'));
  fs.writeFileSync(path.join(dir, 'R6.xlsx'), await yearWorkbook(pair.cur, 'this'));
  const compared = path.join(dir, 'R6-compare.xlsx');
  hyoka('compare', 'R5.xlsx', 'R6.xlsx', '--out', 'R6-compare.xlsx');
  missing.push(...render(compared, { compare: '前年度比較' }));

  if (missing.length) {
    console.error(`not found in the PDF: ${missing.join(', ')}`);
    process.exit(1);
  }
})();
