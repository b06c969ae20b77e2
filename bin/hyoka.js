#!/usr/bin/env node
// The `hyoka` command: runs the compiled CLI in build/ (npm's prepare step builds it). In a
// checkout, it first compares the sources' times with the last build and recompiles only when
// a source is newer — so `npm run hyoka` costs what the CLI costs, and never runs stale code.
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const built = path.join(root, 'build/src/cli/main.js');
const stamp = path.join(root, 'build/.hyoka-built');
const SOURCES = ['src/core', 'src/xlsx', 'src/cli', 'tsconfig.json', 'tsconfig.cli.json', 'package.json'];

/** Newest modification time among the CLI's sources (a few dozen stat calls). */
function newestSource() {
  let newest = 0;
  const visit = (p) => {
    let st;
    try {
      st = fs.statSync(p);
    } catch {
      return;
    }
    if (st.isDirectory()) for (const name of fs.readdirSync(p)) visit(path.join(p, name));
    else if (st.mtimeMs > newest) newest = st.mtimeMs;
  };
  for (const s of SOURCES) visit(path.join(root, s));
  return newest;
}

function builtAt() {
  let t = 0;
  for (const f of [stamp, path.join(root, 'build/.tsbuildinfo')]) {
    try {
      t = Math.max(t, fs.statSync(f).mtimeMs);
    } catch {
      // not built by this route
    }
  }
  return fs.existsSync(built) ? t : 0;
}

function rebuildIfStale() {
  // An installed package has no sources to compare: its build is what it ships.
  if (!fs.existsSync(path.join(root, 'tsconfig.cli.json')) || !fs.existsSync(path.join(root, 'src/cli'))) return;
  if (builtAt() >= newestSource()) return;
  let tsc;
  try {
    tsc = require.resolve('typescript/bin/tsc', { paths: [root] });
  } catch {
    return;
  }
  process.stderr.write('hyoka: the sources changed since the last build; compiling (tsc -p tsconfig.cli.json)…\n');
  const r = require('child_process').spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.cli.json')], { stdio: ['ignore', 2, 2] });
  // Type errors still emit JavaScript; the stamp keeps the next run from compiling again.
  if (r.status === 0 || fs.existsSync(built)) {
    fs.mkdirSync(path.dirname(stamp), { recursive: true });
    fs.writeFileSync(stamp, new Date().toISOString() + '\n');
  }
}

rebuildIfStale();
let main;
try {
  ({ main } = require(built));
} catch (e) {
  process.stderr.write('hyoka: the CLI is not built yet — run `npm ci` (or `npx tsc -p tsconfig.cli.json`) first.\n');
  process.exit(2);
}
main(process.argv.slice(2)).then((code) => process.exit(code));
