// Writes docs/rules.md from the compiled rule catalog (build/ from `npm run prepare`).
const fs = require('fs');
const path = require('path');
const { rulesMarkdown } = require('../build/src/core/rulesDoc.js');
fs.writeFileSync(path.join(__dirname, '../docs/rules.md'), rulesMarkdown());
console.log('docs/rules.md written');
