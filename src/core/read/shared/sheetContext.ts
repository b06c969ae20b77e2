/**
 * The year context of a form-like sheet: the evaluation year its title or a 評価年度 label names
 * ("令和6年度 事務事業評価シート", "（令和5年度実施事業）", 評価対象年度 | R5), and the era it writes
 * (for bare "5年度" headers).
 */
import type { Grid } from '../../grid';
import { FORM } from './formLabels';
import { valueOf } from './form';
import { dominantEra, headerYear } from './headerYear';
import { isFormLabel } from './formLabels';
import { termKey } from './terms';

export interface SheetContext {
  evaluationYear: number | null;
  era: string | null;
  /** Where the evaluation year came from, for inspect. */
  evaluationYearFrom: string | null;
}

const EVALUATED_RE = /[(（]\s*((?:令和|平成|R|H)\s*(?:元|[0-9０-９]{1,2})\s*年度?|(?:19|20)[0-9]{2}\s*年度?)\s*(?:事業|実施|実績|分)/;

export function sheetContext(g: Grid, from: number, to: number): SheetContext {
  const texts: string[] = [];
  let titleYear: number | null = null;
  let evaluated: number | null = null;
  let labelled: number | null = null;
  let from_: string | null = null;
  for (const r of g.nonEmptyRows(from, to)) {
    for (const c of g.row(r)) {
      if (typeof c.value !== 'string' || c.text.length > 80) continue;
      texts.push(c.text);
      // Titles, 評価年度 labels and "(令和5年度実施事業)" all hold 年 or 評.
      if (!/[年評]/.test(c.text)) continue;
      const t = c.text.normalize('NFKC');
      const ev = EVALUATED_RE.exec(t);
      if (ev && evaluated === null) {
        evaluated = headerYear(ev[1])?.fiscalYear ?? null;
        if (evaluated !== null) from_ = `"${c.text.trim()}" at ${g.ref(c.row, c.col).address}`;
      }
      if (titleYear === null && (FORM.title.test(termKey(t)) || FORM.measureTitle.test(termKey(t)))) titleYear = headerYear(t)?.fiscalYear ?? null;
      if (labelled === null && FORM.evaluationYear.test(termKey(t))) {
        const v = valueOf(g, c, isFormLabel);
        const y = v ? headerYear(v.text) : null;
        if (y) {
          labelled = y.fiscalYear;
          if (evaluated === null) from_ = `${c.text.trim()} ${v!.text}`;
        }
      }
    }
  }
  const evaluationYear = evaluated ?? labelled ?? titleYear;
  if (evaluated === null && labelled === null && titleYear !== null) from_ = 'the title';
  return { evaluationYear, era: dominantEra(texts), evaluationYearFrom: evaluationYear === null ? null : from_ };
}
