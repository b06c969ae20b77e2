/**
 * XML helpers for grafting parts into an OOXML package. Parts are read with a real
 * tokenizer (saxes, streaming and namespace-agnostic here), never with regular expressions;
 * we still never re-serialize a part we do not own: elements come with their exact spans in
 * the original text, so edits are pure insertions and removals.
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';

/** Characters XML 1.0 forbids (C0 controls except TAB/LF/CR, lone surrogates, U+FFFE/FFFF). */
// eslint-disable-next-line no-control-regex
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function stripInvalidXmlChars(s: string): string {
  return s.replace(INVALID_XML_CHARS, '');
}

/** Escape element text. */
export function escText(s: string): string {
  return stripInvalidXmlChars(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escape an attribute value (double-quoted); TAB/LF/CR as references so they survive attribute normalization. */
export function escAttr(s: string): string {
  return stripInvalidXmlChars(s)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

/**
 * Excel decodes "_xHHHH_" in cell text (ST_Xstring) as a character; a literal
 * occurrence must have its underscore escaped as "_x005F_" to survive.
 */
export function escapeXstring(s: string): string {
  return s.replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1');
}

/** A part that is not well-formed XML (or carries a DTD, which OPC forbids). */
export class XmlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XmlError';
  }
}

/** One element of a tokenized part, with its exact span in the source text. */
export interface XmlElement {
  /** Qualified name as written ("sheet", "x:sheet"). */
  name: string;
  prefix: string;
  local: string;
  /** Attributes by qualified name, unescaped. */
  attrs: Record<string, string>;
  /** Offset of "<". */
  start: number;
  /** Offset just after the start tag's ">". */
  openEnd: number;
  /** Offset just after the end tag (or the empty-element tag). */
  end: number;
  selfClosing: boolean;
  children: XmlElement[];
  /** Character data directly inside the element, unescaped. */
  text: string;
}

function splitName(name: string): { prefix: string; local: string } {
  const i = name.indexOf(':');
  return i < 0 ? { prefix: '', local: name } : { prefix: name.slice(0, i), local: name.slice(i + 1) };
}

/**
 * A saxes parser set up for package parts: namespace-agnostic (prefixes stay part of the
 * name, so a fragment needs no declarations), DOCTYPE refused (ECMA-376 Part 2 forbids DTDs
 * in package parts, and refusing them rules out entity expansion), errors thrown as XmlError.
 */
export function partParser(): SaxesParser {
  const p = new SaxesParser({ xmlns: false, position: true });
  p.on('doctype', () => {
    throw new XmlError('a DOCTYPE is not allowed in a package part');
  });
  p.on('error', (e) => {
    throw new XmlError(e.message);
  });
  return p;
}

/** Tokenizes a whole (small) part into a tree of elements with spans. */
export function parseXml(xml: string): XmlElement {
  const p = partParser();
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let tagStart = 0;
  p.on('opentagstart', (t) => {
    // Fired once the name is read, one character (or a CR LF) past it: "<" is just before the name.
    tagStart = xml.lastIndexOf('<', p.position - 1 - t.name.length);
  });
  p.on('opentag', (t: SaxesTagPlain) => {
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries(t.attributes)) attrs[k] = v as string;
    const el: XmlElement = { name: t.name, ...splitName(t.name), attrs, start: tagStart, openEnd: p.position, end: p.position, selfClosing: t.isSelfClosing, children: [], text: '' };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(el);
    else root ??= el;
    stack.push(el);
  });
  p.on('text', (s) => {
    const top = stack[stack.length - 1];
    if (top) top.text += s;
  });
  p.on('cdata', (s) => {
    const top = stack[stack.length - 1];
    if (top) top.text += s;
  });
  p.on('closetag', () => {
    const el = stack.pop()!;
    el.end = p.position;
  });
  try {
    p.write(xml).close();
  } catch (e) {
    throw e instanceof XmlError ? e : new XmlError((e as Error).message);
  }
  if (!root) throw new XmlError('no root element');
  return root;
}

// The same small part is looked at several times in a row (workbook.xml, styles.xml): keep a few trees.
const treeCache = new Map<string, XmlElement>();
function treeOf(xml: string): XmlElement {
  let t = treeCache.get(xml);
  if (!t) {
    t = parseXml(xml);
    if (treeCache.size >= 8) treeCache.delete(treeCache.keys().next().value as string);
    treeCache.set(xml, t);
  }
  return t;
}

/** Every element of the tree, depth first in document order. */
export function* walk(el: XmlElement): Generator<XmlElement> {
  yield el;
  for (const c of el.children) yield* walk(c);
}

/** The children of el with this local name (any prefix). */
export function childrenNamed(el: XmlElement | undefined, local: string): XmlElement[] {
  return el ? el.children.filter((c) => c.local === local) : [];
}

export function childNamed(el: XmlElement | undefined, local: string): XmlElement | undefined {
  return el?.children.find((c) => c.local === local);
}

/** The root element of a part (tokenized, cached). */
export function rootOf(xml: string): XmlElement {
  return treeOf(xml);
}

/** One element occurrence in a text, with its exact span. */
export interface ElementSpan {
  start: number;
  end: number;
  /** The start tag (or the whole empty-element tag). */
  openTag: string;
  /** Full text of the element. */
  text: string;
  selfClosing: boolean;
  attrs: Record<string, string>;
  /** Character data directly inside, unescaped. */
  inner: string;
}

export function spanOf(xml: string, el: XmlElement): ElementSpan {
  return { start: el.start, end: el.end, openTag: xml.slice(el.start, el.openEnd), text: xml.slice(el.start, el.end), selfClosing: el.selfClosing, attrs: el.attrs, inner: el.text };
}

/** Every element with the given qualified name (e.g. "sheet", "x:sheet") starting between from and to. */
export function findElements(xml: string, qname: string, from = 0, to = xml.length): ElementSpan[] {
  const out: ElementSpan[] = [];
  for (const el of walk(treeOf(xml))) if (el.name === qname && el.start >= from && el.start < to) out.push(spanOf(xml, el));
  return out;
}

export function findElement(xml: string, qname: string, from = 0, to = xml.length): ElementSpan | undefined {
  for (const el of walk(treeOf(xml))) if (el.name === qname && el.start >= from && el.start < to) return spanOf(xml, el);
  return undefined;
}

/** Prefix ("" or "x:") that a part uses for the element named local (the root, usually). */
export function prefixOf(xml: string, local: string): string {
  for (const el of walk(treeOf(xml))) if (el.local === local) return el.prefix ? `${el.prefix}:` : '';
  return '';
}

/** Namespace prefix bound to uri on the root element, or undefined. */
export function nsPrefixFor(xml: string, uri: string): string | undefined {
  for (const [k, v] of Object.entries(treeOf(xml).attrs)) if (k.startsWith('xmlns:') && v === uri) return k.slice(6);
  return undefined;
}

/** Namespace URI of the root element (its default namespace or its prefix's). */
export function rootNamespace(xml: string): string {
  const root = treeOf(xml);
  return root.attrs[root.prefix ? `xmlns:${root.prefix}` : 'xmlns'] ?? '';
}

/** Attributes of a start tag, e.g. `<sheet name="a" r:id="rId1"/>` → {name: 'a', 'r:id': 'rId1'} (unescaped). */
export function parseAttrs(tag: string): Record<string, string> {
  const closed = tag.endsWith('/>') ? tag : `${tag.slice(0, -1).replace(/\s+$/, '')}/>`;
  return parseXml(closed).attrs;
}

/** Where each attribute value sits in a start tag: read left to right, so a value can never be mistaken for a name. */
function attrValueSpans(tag: string): { name: string; from: number; to: number }[] {
  const out: { name: string; from: number; to: number }[] = [];
  let i = 1;
  while (i < tag.length && !/[\s/>]/.test(tag[i])) i++;
  for (;;) {
    while (i < tag.length && /\s/.test(tag[i])) i++;
    if (i >= tag.length || tag[i] === '/' || tag[i] === '>') return out;
    const n0 = i;
    while (i < tag.length && !/[\s=]/.test(tag[i])) i++;
    const name = tag.slice(n0, i);
    while (i < tag.length && tag[i] !== '"' && tag[i] !== "'") i++;
    const q = tag[i];
    const end = tag.indexOf(q, i + 1);
    if (end < 0) throw new XmlError(`unterminated attribute ${name}`);
    out.push({ name, from: i + 1, to: end });
    i = end + 1;
  }
}

/** Replace or add an attribute in a start tag. */
export function setAttr(tag: string, name: string, value: string): string {
  const a = attrValueSpans(tag).find((x) => x.name === name);
  if (a) return `${tag.slice(0, a.from - 1)}"${escAttr(value)}"${tag.slice(a.to + 1)}`;
  const close = tag.endsWith('/>') ? tag.length - 2 : tag.length - 1;
  return `${tag.slice(0, close).replace(/\s+$/, '')} ${name}="${escAttr(value)}"${tag.slice(close)}`;
}

/** Insert fragment just before the end tag of the root element (opening a self-closed root). */
export function insertBeforeRootClose(xml: string, fragment: string): string {
  const root = treeOf(xml);
  if (root.selfClosing) {
    const tag = xml.slice(root.start, root.end);
    const open = `${tag.slice(0, -2).replace(/\s+$/, '')}>`;
    return xml.slice(0, root.start) + open + fragment + `</${root.name}>` + xml.slice(root.end);
  }
  const close = xml.lastIndexOf('<', root.end - 1);
  return xml.slice(0, close) + fragment + xml.slice(close);
}

export function removeSpans(xml: string, spans: { start: number; end: number }[]): string {
  const sorted = [...spans].sort((a, b) => b.start - a.start);
  let out = xml;
  for (const s of sorted) out = out.slice(0, s.start) + out.slice(s.end);
  return out;
}
