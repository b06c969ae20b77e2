/** Shared formulas: a follower cell's formula is the master's with relative references moved. */
import { colIndex, colName } from '../../core/a1';

const TOKEN = /("(?:[^"]|"")*"|'(?:[^']|'')*')|(?<![A-Za-z0-9_.$])(\$?)([A-Z]{1,3})(\$?)([0-9]{1,7})(?![A-Za-z0-9_(])/g;

/** "A1+$B2" moved by (1, 2) → "C2+$B3"; text in quotes is left alone. */
export function shiftFormula(formula: string, dRow: number, dCol: number): string {
  if (!dRow && !dCol) return formula;
  return formula.replace(TOKEN, (m, quoted: string | undefined, cAbs: string, col: string, rAbs: string, row: string) => {
    if (quoted !== undefined) return m;
    const c = cAbs ? colIndex(col) : colIndex(col) + dCol;
    const r = rAbs ? Number(row) : Number(row) + dRow;
    if (c < 0 || c > 16383 || r < 1 || r > 1048576) return '#REF!';
    return `${cAbs}${colName(c)}${rAbs}${r}`;
  });
}
