/**
 * Small, dependency-free XML helpers for grafting parts into an OOXML package.
 * We never parse-and-reserialize a part we do not own: the helpers here find
 * element boundaries in the original text so edits are pure insertions/removals.
 */

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

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function unescXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (m, ent: string) => {
    if (ent[0] === '#') {
      const code = ent[1] === 'x' ? parseInt(ent.slice(2), 16) : parseInt(ent.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : m;
    }
    return NAMED_ENTITIES[ent] ?? m;
  });
}

/** Attributes of a start tag, e.g. `<sheet name="a" r:id="rId1"/>` → {name: 'a', 'r:id': 'rId1'} (unescaped). */
export function parseAttrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
  const start = tag.replace(/^<[\w:.-]+/, '');
  let m: RegExpExecArray | null;
  while ((m = re.exec(start))) out[m[1]] = unescXml(m[3] ?? m[4] ?? '');
  return out;
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
}

function reEsc(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Every element with the given qualified name (e.g. "sheet", "x:sheet") between
 * from and to. Elements of that name must not nest (true for the OOXML parts we edit).
 */
export function findElements(xml: string, qname: string, from = 0, to = xml.length): ElementSpan[] {
  const out: ElementSpan[] = [];
  const open = new RegExp(`<${reEsc(qname)}(?=[\\s/>])[^>]*>`, 'g');
  open.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = open.exec(xml)) && m.index < to) {
    const openTag = m[0];
    const selfClosing = openTag.endsWith('/>');
    let end = m.index + openTag.length;
    if (!selfClosing) {
      const close = xml.indexOf(`</${qname}>`, end);
      if (close < 0) throw new Error(`Malformed XML: <${qname}> is not closed`);
      end = close + qname.length + 3;
    }
    out.push({ start: m.index, end, openTag, text: xml.slice(m.index, end), selfClosing });
    open.lastIndex = end;
  }
  return out;
}

export function findElement(xml: string, qname: string, from = 0, to = xml.length): ElementSpan | undefined {
  return findElements(xml, qname, from, to)[0];
}

/** Prefix ("" or "x:") that a part uses for the element named local (the root, usually). */
export function prefixOf(xml: string, local: string): string {
  const m = new RegExp(`<([\\w.-]+:)?${local}(?=[\\s/>])`).exec(xml);
  return m?.[1] ?? '';
}

/** Namespace prefix bound to uri on the root element, or undefined. */
export function nsPrefixFor(xml: string, uri: string): string | undefined {
  const re = /xmlns:([\w.-]+)\s*=\s*"([^"]*)"/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) if (m[2] === uri) return m[1];
  return undefined;
}

/** Replace or add an attribute in a start tag. */
export function setAttr(tag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${reEsc(name)}\\s*=\\s*)("[^"]*"|'[^']*')`);
  if (re.test(tag)) return tag.replace(re, `$1"${escAttr(value)}"`);
  return tag.replace(/\s*(\/?>)$/, ` ${name}="${escAttr(value)}"$1`);
}

export function removeSpans(xml: string, spans: { start: number; end: number }[]): string {
  const sorted = [...spans].sort((a, b) => b.start - a.start);
  let out = xml;
  for (const s of sorted) out = out.slice(0, s.start) + out.slice(s.end);
  return out;
}
