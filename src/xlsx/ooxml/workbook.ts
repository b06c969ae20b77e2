/** Reading and editing xl/workbook.xml by insertion/removal only (tokenized, never by pattern). */
import { REL_NS } from './sheet';
import { childNamed, childrenNamed, escAttr, nsPrefixFor, removeSpans, rootOf, setAttr, spanOf, type ElementSpan, type XmlElement } from './xml';

export interface WbSheet {
  name: string;
  sheetId: number;
  rid: string;
  /** "visible" unless the workbook says hidden / veryHidden. */
  state: string;
  span: ElementSpan;
}

export interface WbName {
  name: string;
  localSheetId?: number;
  /** The name's formula text, unescaped. */
  value: string;
  hidden: boolean;
  span: ElementSpan;
}

export const STRICT_SPREADSHEETML = 'http://purl.oclc.org/ooxml/spreadsheetml/main';

/** A workbook in Strict Open XML: readable by Excel, not by Hyōka (names and namespaces differ). */
export class StrictOoxmlError extends Error {
  constructor() {
    super('Strict Open XML workbooks are not supported');
    this.name = 'StrictOoxmlError';
  }
}

/** The relationship id attribute of an element (r:id under whatever prefix the part binds). */
export function relIdOf(el: { attrs: Record<string, string> }): string {
  const key = Object.keys(el.attrs).find((k) => k.endsWith(':id'));
  return key ? el.attrs[key] : '';
}

export class WorkbookXml {
  readonly p: string;
  /** Prefix bound to the relationships namespace on the root, if any. */
  readonly rPrefix: string | undefined;

  constructor(public xml: string) {
    const root = rootOf(xml);
    if (root.local !== 'workbook') throw new Error(`workbook part has <${root.name}> as its root`);
    if (Object.values(root.attrs).includes(STRICT_SPREADSHEETML)) throw new StrictOoxmlError();
    this.p = root.prefix ? `${root.prefix}:` : '';
    this.rPrefix = nsPrefixFor(xml, REL_NS);
  }

  private get root(): XmlElement {
    return rootOf(this.xml);
  }

  private child(local: string): XmlElement | undefined {
    return childNamed(this.root, local);
  }

  sheets(): WbSheet[] {
    const coll = this.child('sheets');
    if (!coll) throw new Error('workbook.xml has no <sheets>');
    return childrenNamed(coll, 'sheet').map((el) => ({
      name: el.attrs.name ?? '',
      sheetId: Number(el.attrs.sheetId),
      rid: relIdOf(el),
      state: el.attrs.state ?? 'visible',
      span: spanOf(this.xml, el),
    }));
  }

  definedNames(): WbName[] {
    return childrenNamed(this.child('definedNames'), 'definedName').map((el) => {
      const local = el.attrs.localSheetId === undefined ? undefined : Number(el.attrs.localSheetId);
      return { name: el.attrs.name ?? '', localSheetId: local, value: el.text, hidden: el.attrs.hidden === '1' || el.attrs.hidden === 'true', span: spanOf(this.xml, el) };
    });
  }

  /** True when the workbook's structure is protected (Excel refuses new sheets then). */
  structureLocked(): boolean {
    const v = this.child('workbookProtection')?.attrs.lockStructure;
    return v === '1' || v === 'true';
  }

  /** workbookPr date1904: serial dates count from 1904. */
  date1904(): boolean {
    const v = this.child('workbookPr')?.attrs.date1904;
    return v === '1' || v === 'true';
  }

  private closeOf(el: XmlElement): number {
    return this.xml.lastIndexOf('<', el.end - 1);
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
    const coll = this.child('definedNames');
    if (coll && !coll.selfClosing && !childrenNamed(coll, 'definedName').length) this.xml = removeSpans(this.xml, [coll]);
  }

  /** Remove workbook-scoped names (no localSheetId) with this name. */
  removeGlobalNames(name: string): void {
    const spans = this.definedNames().filter((n) => n.name === name && n.localSheetId === undefined).map((n) => n.span);
    if (!spans.length) return;
    this.xml = removeSpans(this.xml, spans);
    const coll = this.child('definedNames');
    if (coll && !coll.selfClosing && !childrenNamed(coll, 'definedName').length) this.xml = removeSpans(this.xml, [coll]);
  }

  addSheet(name: string, sheetId: number, rid: string): void {
    const p = this.p;
    const rAttr = this.rPrefix ? `${this.rPrefix}:id="${escAttr(rid)}"` : `xmlns:hr="${REL_NS}" hr:id="${escAttr(rid)}"`;
    const frag = `<${p}sheet name="${escAttr(name)}" sheetId="${sheetId}" ${rAttr}/>`;
    const close = this.closeOf(this.child('sheets')!);
    this.xml = this.xml.slice(0, close) + frag + this.xml.slice(close);
  }

  /** Add a defined name, local to a sheet when localSheetId is given. */
  addDefinedName(name: string, value: string, localSheetId: number | undefined, hidden: boolean): void {
    const p = this.p;
    const local = localSheetId === undefined ? '' : ` localSheetId="${localSheetId}"`;
    const frag = `<${p}definedName name="${escAttr(name)}"${local}${hidden ? ' hidden="1"' : ''}>${value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</${p}definedName>`;
    const coll = this.child('definedNames');
    if (coll && !coll.selfClosing) {
      const close = this.closeOf(coll);
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
      const e = this.child(el);
      if (e) at = Math.max(at, e.end);
    }
    this.xml = this.xml.slice(0, at) + `<${p}definedNames>${frag}</${p}definedNames>` + this.xml.slice(at);
  }

  /** Keep workbookView's activeTab/firstSheet inside the sheet list. */
  clampViews(sheetCount: number): void {
    const views = childrenNamed(this.child('bookViews'), 'workbookView').map((v) => spanOf(this.xml, v));
    for (const v of views.reverse()) {
      let tag = v.openTag;
      for (const attr of ['activeTab', 'firstSheet']) {
        if (v.attrs[attr] !== undefined && Number(v.attrs[attr]) >= sheetCount) tag = setAttr(tag, attr, String(sheetCount - 1));
      }
      if (tag !== v.openTag) this.xml = this.xml.slice(0, v.start) + tag + this.xml.slice(v.start + v.openTag.length);
    }
  }
}
