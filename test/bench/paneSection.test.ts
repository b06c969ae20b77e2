/** docs/performance.md's task-pane section survives `npm run bench` rewriting the rest (bench/pane/section.ts). */
import { PANE_HEADING, paneSection, withPaneSection } from '../../bench/pane/section';

const section = `${PANE_HEADING}\n\n| a |\n`;

test('appended when missing, replaced when present, found between other sections', () => {
  const doc = '# Performance\n\n## Targets\n\n- x\n';
  const once = withPaneSection(doc, section);
  expect(once).toBe(`${doc}\n${section}`);
  expect(paneSection(once)).toBe(section);
  const twice = withPaneSection(once, `${PANE_HEADING}\n\n| b |\n`);
  expect(twice).toBe(`${doc}\n${PANE_HEADING}\n\n| b |\n`);
  const middle = `${once}\n## Later\n\ny\n`;
  expect(paneSection(middle)).toBe(section);
  expect(paneSection(doc)).toBeNull();
});
