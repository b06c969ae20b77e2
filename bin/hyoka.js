#!/usr/bin/env node
// The `hyoka` command: runs the compiled CLI (npm's prepare step builds it into build/).
'use strict';
let main;
try {
  ({ main } = require('../build/src/cli/main.js'));
} catch (e) {
  process.stderr.write('hyoka: the CLI is not built yet — run `npm ci` (or `npx tsc -p tsconfig.cli.json`) first.\n');
  process.exit(2);
}
main(process.argv.slice(2)).then((code) => process.exit(code));
