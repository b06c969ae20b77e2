import * as fs from 'fs';
import * as path from 'path';
import { rulesMarkdown } from '../../src/core/rulesDoc';
import { ALL_RULES } from '../../src/core/ruleCatalog';

it('docs/rules.md matches the rule catalogs (run `npm run docs:rules` after changing rules)', () => {
  const doc = fs.readFileSync(path.join(__dirname, '../../docs/rules.md'), 'utf8');
  expect(doc).toBe(rulesMarkdown());
  for (const r of ALL_RULES) expect(doc).toContain(`\`${r.id}\``);
});

it('rule ids are unique across the three catalogs and every rule has ja/en titles', () => {
  expect(new Set(ALL_RULES.map((r) => r.id)).size).toBe(ALL_RULES.length);
  expect(new Set(ALL_RULES.map((r) => r.group))).toEqual(new Set(['validation', 'consolidation', 'compare']));
  for (const r of ALL_RULES) {
    expect(r.title.ja).toBeTruthy();
    expect(r.title.en).toBeTruthy();
  }
});
