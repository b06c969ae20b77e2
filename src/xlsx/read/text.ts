/** Text of cells as SpreadsheetML stores it. */
import { XlsxApplyError } from '../errors';

/** "_x000D_" → CR: ST_Xstring escapes, decoded as exceljs decoded them (upper-case hex). */
export function decodeXstring(s: string): string {
  return s.indexOf('_x') < 0 ? s : s.replace(/_x([0-9A-F]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Local name of a tag ("x:c" → "c"). */
export function localName(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

/**
 * Wraps a part's text stream so that a text run longer than max characters (measured raw,
 * between two "<") stops the read as soon as it inflates — before the XML tokenizer would
 * gather it into one string.
 */
export function guardTextRuns(max: number, what: string, onText: (s: string) => void): (s: string) => void {
  let run = 0;
  const tooLong = () => new XlsxApplyError('too-large', `A string is longer than ${max.toLocaleString('en-US')} characters (${what}).`);
  return (chunk) => {
    // Most chunks are shorter than the limit: then only the run across the chunk boundary can pass it.
    if (run + chunk.length <= max) {
      const last = chunk.lastIndexOf('<');
      run = last < 0 ? run + chunk.length : chunk.length - last - 1;
      onText(chunk);
      return;
    }
    let i = chunk.indexOf('<');
    if (i < 0) run += chunk.length;
    else {
      if (run + i > max) throw tooLong();
      for (let j = chunk.indexOf('<', i + 1); j >= 0; i = j, j = chunk.indexOf('<', i + 1)) if (j - i - 1 > max) throw tooLong();
      run = chunk.length - i - 1;
    }
    if (run > max) throw tooLong();
    onText(chunk);
  };
}
