/**
 * The add-in's document settings as the file keeps them: Office.context.document.settings are
 * saved in xl/webextensions/webextension*.xml as <we:property name value/> pairs, each value
 * JSON-serialized. The CLI reads them so that choices saved in the pane (a layout profile)
 * apply to `hyoka summarize` too. Read only; a damaged part is skipped, never fatal.
 */
import { parseXml, walk } from '../ooxml/xml';
import type { Package } from '../package';

export async function readDocumentSettings(pkg: Package): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of pkg.names()) {
    if (!/^xl\/webextensions\/webextension[0-9]*\.xml$/i.test(name)) continue;
    try {
      const xml = await pkg.text(name);
      if (!xml) continue;
      for (const el of walk(parseXml(xml))) {
        if (el.local !== 'property' || typeof el.attrs.name !== 'string' || typeof el.attrs.value !== 'string') continue;
        out[el.attrs.name] = el.attrs.value;
      }
    } catch {
      // A settings part Hyōka cannot read changes nothing in what it reads from the cells.
    }
  }
  return out;
}
