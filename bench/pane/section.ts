/** docs/performance.md's task-pane section: written by `npm run bench:pane`, kept by `npm run bench`. */
export const PANE_HEADING = '## Task pane: main thread during scan and build';

/** The section (heading to the next "## " or the end) in a document, or null. */
export function paneSection(doc: string): string | null {
  const start = doc.indexOf(PANE_HEADING);
  if (start < 0) return null;
  const next = doc.indexOf('\n## ', start + PANE_HEADING.length);
  return doc.slice(start, next < 0 ? undefined : next + 1).trimEnd() + '\n';
}

/** The document with its pane section replaced by `section`, or with `section` appended. */
export function withPaneSection(doc: string, section: string): string {
  const old = paneSection(doc);
  if (old === null) return `${doc.trimEnd()}\n\n${section.trimEnd()}\n`;
  return doc.replace(old, `${section.trimEnd()}\n`);
}
