/** styles.xml as the reader needs it: the number format of each cell style index. */
import { childNamed, childrenNamed, parseXml } from '../ooxml/xml';
import { builtinFormat } from './numFmt';

/** cellXfs index → number format code (undefined for General). */
export function cellNumberFormats(stylesXml: string | undefined): (string | undefined)[] {
  if (!stylesXml) return [];
  const root = parseXml(stylesXml);
  const custom = new Map<number, string>();
  for (const nf of childrenNamed(childNamed(root, 'numFmts'), 'numFmt')) {
    const id = Number(nf.attrs.numFmtId);
    if (Number.isInteger(id) && nf.attrs.formatCode !== undefined) custom.set(id, nf.attrs.formatCode);
  }
  return childrenNamed(childNamed(root, 'cellXfs'), 'xf').map((xf) => {
    const id = Number(xf.attrs.numFmtId ?? 0);
    if (!id) return undefined;
    const code = custom.get(id) ?? builtinFormat(id);
    return code === 'General' ? undefined : code;
  });
}
