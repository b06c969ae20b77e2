import * as fs from 'fs';
import * as path from 'path';
import { rulesMarkdown } from '../../src/core/rulesDoc';
import { RULES } from '../../src/core/rules';

it('docs/rules.md matches the rule catalog (run `npm run docs:rules` after changing rules)', () => {
  const doc = fs.readFileSync(path.join(__dirname, '../../docs/rules.md'), 'utf8');
  expect(doc).toBe(rulesMarkdown());
  for (const r of RULES) expect(doc).toContain(`\`${r.id}\``);
});

it('rule ids are unique and every rule has ja/en titles', () => {
  expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
  for (const r of RULES) {
    expect(r.title.ja).toBeTruthy();
    expect(r.title.en).toBeTruthy();
  }
});
