/** "施策1 名称" headings. */
import type { Grid, GridCell } from '../../grid';
import { plainText } from '../../normalize';

export const MEASURE_RE = /^[【[(〈<]?施策\s*([0-9]{1,3})\s*[】\])〉>]?(?:\s*[:.\s]\s*|\s*)(.*)$/;

/** "施策1 名称" in one cell, or "施策1" then the name in the next cell. */
export function measureHeading(g: Grid, r: number): { no: number; name: string; cell: GridCell } | null {
  const row = g.row(r);
  const first = row[0];
  if (!first || typeof first.value !== 'string' || !first.text.includes('施策')) return null;
  const m = MEASURE_RE.exec(first.text.normalize('NFKC').replace(/\s+/g, ' ').trim());
  if (!m) return null;
  let name = m[2].trim();
  if (!name && row.length > 1 && typeof row[1].value === 'string') name = row[1].text;
  if (name.length > 60) return null;
  return { no: Number(m[1]), name: plainText(name), cell: first };
}

