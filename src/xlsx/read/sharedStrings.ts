/**
 * xl/sharedStrings.xml, streamed: each <si> is its <t> text, or the <t> texts of its runs
 * joined; phonetic guides (<rPh>) are not the cell's text. A string past the length limit
 * stops the read at once, before the rest of the part inflates.
 */
import { XlsxApplyError } from '../errors';
import { partParser } from '../ooxml/xml';
import type { Package } from '../package';
import { decodeXstring, localName } from './text';

export async function readSharedStrings(pkg: Package, path: string | undefined): Promise<string[]> {
  const out: string[] = [];
  if (!path || !pkg.has(path)) return out;
  const max = pkg.limits.stringChars;
  const p = partParser();
  let inSi = false;
  let inT = false;
  let phonetic = 0;
  let pieces: string[] = [];
  let length = 0;
  p.on('opentag', (t) => {
    const n = localName(t.name);
    if (n === 'si') {
      inSi = true;
      pieces = [];
      length = 0;
    } else if (n === 'rPh') phonetic++;
    else if (n === 't' && inSi && !phonetic && !t.isSelfClosing) inT = true;
  });
  p.on('text', (s) => {
    if (!inT) return;
    length += s.length;
    if (length > max) throw new XlsxApplyError('too-large', `A shared string is longer than ${max.toLocaleString('en-US')} characters (${path}).`);
    pieces.push(s);
  });
  p.on('closetag', (t) => {
    const n = localName(t.name);
    if (n === 't') inT = false;
    else if (n === 'rPh') phonetic--;
    else if (n === 'si') {
      out.push(decodeXstring(pieces.join('')));
      inSi = false;
    }
  });
  await pkg.parse(path, p);
  return out;
}
