/** Reading and editing xl/workbook.xml by insertion/removal only. */
import { REL_NS } from './sheet';
import { escAttr, findElement, findElements, nsPrefixFor, parseAttrs, prefixOf, removeSpans, setAttr, type ElementSpan } from './xml';

export interface WbSheet {
  name: string;
  sheetId: number;
  rid: string;
  span: ElementSpan;
}

export interface WbName {
  name: string;
  localSheetId?: number;
  value: string;
  span: ElementSpan;
}

/** Name of Hyōka's sheet-local hidden marker; its value is "<key>@<sheetId>". */
export const OWNED_NAME = '_Hyoka.owned';

export class WorkbookXml {
  readonly p: string;
  /** Prefix bound to the relationships namespace on the root, if any. */
  readonly rPrefix: string | undefined;

  constructor(public xml: string) {
    this.p = prefixOf(xml, 'workbook');
    if (/http:\/\/purl\.oclc\.org\/ooxml\/spreadsheetml\/main/.test(xml)) {
      throw new Error('Strict Open XML workbooks are not supported');
    }
    this.rPrefix = nsPrefixFor(xml, REL_NS);
  }

  sheets(): WbSheet[] {
    const coll = findElement(this.xml, `${this.p}sheets`);
    if (!coll) throw new Error('workbook.xml has no <sheets>');
    return findElements(this.xml, `${this.p}sheet`, coll.start, coll.end).map((span) => {
      const a = parseAttrs(span.openTag);
      const ridKey = Object.keys(a).find((k) => /(^|:)id$/.test(k) && k !== 'sheetId');
      return { name: a.name, sheetId: Number(a.sheetId), rid: ridKey ? a[ridKey] : '', span };
    });
  }

  definedNames(): WbName[] {
    const coll = findElement(this.xml, `${this.p}definedNames`);
    if (!coll || coll.selfClosing) return [];
    return findElements(this.xml, `${this.p}definedName`, coll.start, coll.end).map((span) => {
      const a = parseAttrs(span.openTag);
      const inner = span.selfClosing ? '' : span.text.slice(span.openTag.length, span.text.lastIndexOf('</'));
      const local = a.localSheetId === undefined ? undefined : Number(a.localSheetId);
      return { name: a.name, localSheetId: local, value: inner, span };
    });
  }

  /**
   * Remove the sheets at the given positions, their workbook-rels ids being
   * removed separately, with every defined name local to them; shift the
   * localSheetId of the names of the sheets that follow.
   */
  removeSheets(indexes: number[]): void {
    if (!indexes.length) return;
    const gone = new Set(indexes);
    const sheets = this.sheets();
    const edits: { start: number; end: number; text: string }[] = [];
    for (const i of gone) edits.push({ start: sheets[i].span.start, end: sheets[i].span.end, text: '' });
    for (const n of this.definedNames()) {
      if (n.localSheetId === undefined) continue;
      if (gone.has(n.localSheetId)) edits.push({ start: n.span.start, end: n.span.end, text: '' });
      else {
        const shift = indexes.filter((i) => i < n.localSheetId!).length;
        if (shift) {
          const tag = setAttr(n.span.openTag, 'localSheetId', String(n.localSheetId - shift));
          edits.push({ start: n.span.start, end: n.span.start + n.span.openTag.length, text: tag });
        }
      }
    }
    edits.sort((a, b) => b.start - a.start);
    for (const e of edits) this.xml = this.xml.slice(0, e.start) + e.text + this.xml.slice(e.end);
    // An emptied <definedNames> is dropped (it was ours, or would be invalid).
    const coll = findElement(this.xml, `${this.p}definedNames`);
    if (coll && !coll.selfClosing && !findElement(this.xml, `${this.p}definedName`, coll.start, coll.end)) {
      this.xml = removeSpans(this.xml, [coll]);
    }
  }

  addSheet(name: string, sheetId: number, rid: string): void {
    const p = this.p;
    const rAttr = this.rPrefix ? `${this.rPrefix}:id="${escAttr(rid)}"` : `xmlns:hr="${REL_NS}" hr:id="${escAttr(rid)}"`;
    const frag = `<${p}sheet name="${escAttr(name)}" sheetId="${sheetId}" ${rAttr}/>`;
    const coll = findElement(this.xml, `${p}sheets`)!;
    const close = coll.end - `</${p}sheets>`.length;
    this.xml = this.xml.slice(0, close) + frag + this.xml.slice(close);
  }

  addDefinedName(name: string, value: string, localSheetId: number, hidden: boolean): void {
    const p = this.p;
    const frag =
      `<${p}definedName name="${escAttr(name)}" localSheetId="${localSheetId}"${hidden ? ' hidden="1"' : ''}>` +
      `${value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</${p}definedName>`;
    const coll = findElement(this.xml, `${p}definedNames`);
    if (coll && !coll.selfClosing) {
      const close = coll.end - `</${p}definedNames>`.length;
      this.xml = this.xml.slice(0, close) + frag + this.xml.slice(close);
      return;
    }
    if (coll) {
      this.xml = this.xml.slice(0, coll.start) + `<${p}definedNames>${frag}</${p}definedNames>` + this.xml.slice(coll.end);
      return;
    }
    // CT_Workbook order: … sheets, functionGroups, externalReferences, definedNames …
    let at = -1;
    for (const el of ['sheets', 'functionGroups', 'externalReferences']) {
      const e = findElement(this.xml, p + el);
      if (e) at = Math.max(at, e.end);
    }
    this.xml = this.xml.slice(0, at) + `<${p}definedNames>${frag}</${p}definedNames>` + this.xml.slice(at);
  }

  /** Keep workbookView's activeTab/firstSheet inside the sheet list. */
  clampViews(sheetCount: number): void {
    for (const v of findElements(this.xml, `${this.p}workbookView`).reverse()) {
      let tag = v.openTag;
      const a = parseAttrs(tag);
      for (const attr of ['activeTab', 'firstSheet']) {
        if (a[attr] !== undefined && Number(a[attr]) >= sheetCount) tag = setAttr(tag, attr, String(sheetCount - 1));
      }
      if (tag !== v.openTag) this.xml = this.xml.slice(0, v.start) + tag + this.xml.slice(v.start + v.openTag.length);
    }
  }
}
