/**
 * Appends Hyōka's cell formats to the user's xl/styles.xml without touching
 * existing entries: new numFmts/fonts/fills/borders/cellXfs/dxfs go at the end
 * of their collections and count attributes are updated.
 *
 * Re-runs do not grow the file: before appending, an entry is looked up by its
 * exact XML among the existing ones (which include what a previous run appended)
 * and reused. Entries left over after a plan change stay: they are unreferenced
 * styles, harmless, and removing them would renumber indexes other sheets use.
 */
import { childNamed, childrenNamed, escAttr, findElement, rootOf, setAttr } from './xml';
import type { PlanStyle } from '../../core/plan';

/** A cell's format: the plan's style plus its number format (and underline, for link cells). */
export interface CellFormat extends PlanStyle {
  numberFormat?: string;
  underline?: boolean;
}

/** A canonical key for a cell format (every property in a fixed order): called once per cell, so no JSON. */
function formatKey(f: CellFormat): string {
  // One character per flag, unset included: flags keep their places in the key.
  const b = (x: boolean | undefined) => (x === undefined ? '-' : x ? '1' : '0');
  return `${f.numberFormat ?? ''}\u0001${b(f.bold)}${b(f.italic)}${b(f.underline)}${b(f.wrap)}${b(f.border)}\u0001${f.fontColor ?? ''}\u0001${f.fill ?? ''}\u0001${f.fontSize ?? ''}\u0001${f.hAlign ?? ''}\u0001${f.vAlign ?? ''}`;
}

export interface DxfStyle {
  bold?: boolean;
  fontColor?: string;
  fill?: string;
}

/** Built-in number formats (ECMA-376 18.8.30) that need no numFmt entry. */
const BUILTIN_NUMFMTS: Record<string, number> = {
  General: 0,
  '0': 1,
  '0.00': 2,
  '#,##0': 3,
  '#,##0.00': 4,
  '0%': 9,
  '0.00%': 10,
  '0.00E+00': 11,
  '@': 49,
};

const COLLECTIONS = [
  'numFmts',
  'fonts',
  'fills',
  'borders',
  'cellStyleXfs',
  'cellXfs',
  'cellStyles',
  'dxfs',
  'tableStyles',
  'colors',
  'extLst',
] as const;
type Collection = 'numFmts' | 'fonts' | 'fills' | 'borders' | 'cellXfs' | 'dxfs';
const ITEM: Record<Collection, string> = {
  numFmts: 'numFmt',
  fonts: 'font',
  fills: 'fill',
  borders: 'border',
  cellXfs: 'xf',
  dxfs: 'dxf',
};

const DEFAULT_FONT_PARTS = [
  { local: 'sz', text: '<sz val="11"/>' },
  { local: 'name', text: '<name val="Calibri"/>' },
];

export const MINIMAL_STYLES_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '<dxfs count="0"/><tableStyles count="0"/></styleSheet>';

/** "#RRGGBB" → "FFRRGGBB" (ARGB as SpreadsheetML wants it). */
export function argb(color: string): string {
  const m = /^#?([0-9a-fA-F]{6})$/.exec(color.trim());
  if (!m) throw new RangeError(`Not a #RRGGBB colour: "${color}"`);
  return `FF${m[1].toUpperCase()}`;
}

export class StyleBook {
  private readonly p: string;
  private readonly existing: Record<Collection, string[]>;
  private readonly appended: Record<Collection, string[]> = {
    numFmts: [],
    fonts: [],
    fills: [],
    borders: [],
    cellXfs: [],
    dxfs: [],
  };
  private readonly numFmtIds = new Map<string, number>();
  private nextNumFmtId: number;
  private readonly baseFontParts: { local: string; text: string }[];
  private readonly xfCache = new Map<string, number>();

  constructor(private readonly xml: string) {
    const root = rootOf(xml);
    this.p = root.prefix ? `${root.prefix}:` : '';
    this.existing = { numFmts: [], fonts: [], fills: [], borders: [], cellXfs: [], dxfs: [] };
    let maxId = 163;
    for (const c of Object.keys(ITEM) as Collection[]) {
      for (const item of childrenNamed(childNamed(root, c), ITEM[c])) {
        this.existing[c].push(xml.slice(item.start, item.end));
        if (c !== 'numFmts') continue;
        const id = Number(item.attrs.numFmtId);
        const code = item.attrs.formatCode;
        if (!Number.isFinite(id)) continue;
        maxId = Math.max(maxId, id);
        // Keyed as our own fragments write it (escaped), so a re-run finds what it appended.
        if (code !== undefined && !this.numFmtIds.has(escAttr(code))) this.numFmtIds.set(escAttr(code), id);
      }
    }
    this.nextNumFmtId = maxId + 1;
    // The base font's own children (name, family, scheme…), minus what a format of ours sets.
    const font0 = childrenNamed(childNamed(root, 'fonts'), 'font')[0];
    this.baseFontParts = font0 ? font0.children.map((c) => ({ local: c.local, text: xml.slice(c.start, c.end) })) : DEFAULT_FONT_PARTS;
  }

  /** Our fragments are written unprefixed; give them the part's prefix if it uses one. */
  private px(fragment: string): string {
    return this.p ? fragment.replace(/<(\/?)([a-zA-Z])/g, `<$1${this.p}$2`) : fragment;
  }

  private intern(c: Collection, fragment: string): number {
    const item = this.px(fragment);
    const i = this.existing[c].indexOf(item);
    if (i >= 0) return i;
    const j = this.appended[c].indexOf(item);
    if (j >= 0) return this.existing[c].length + j;
    this.appended[c].push(item);
    return this.existing[c].length + this.appended[c].length - 1;
  }

  private numFmtId(code: string | undefined): number {
    if (code === undefined || code === '') return 0;
    if (code in BUILTIN_NUMFMTS) return BUILTIN_NUMFMTS[code];
    const escaped = escAttr(code);
    const known = this.numFmtIds.get(escaped);
    if (known !== undefined) return known;
    const id = this.nextNumFmtId++;
    this.numFmtIds.set(escaped, id);
    this.appended.numFmts.push(this.px(`<numFmt numFmtId="${id}" formatCode="${escaped}"/>`));
    return id;
  }

  private fontId(f: CellFormat): number {
    if (!f.bold && !f.italic && !f.underline && !f.fontColor && !f.fontSize) return 0;
    const removed = ['b', 'i', 'u'];
    if (f.fontSize) removed.push('sz');
    if (f.fontColor) removed.push('color');
    // The base font's own elements keep their prefix; ours are added unprefixed and prefixed by intern().
    const unprefix = (t: string) => (this.p ? t.split(`<${this.p}`).join('<').split(`</${this.p}`).join('</') : t);
    const rest = this.baseFontParts
      .filter((c) => !removed.includes(c.local))
      .map((c) => unprefix(c.text))
      .join('');
    const frag =
      '<font>' +
      (f.bold ? '<b/>' : '') +
      (f.italic ? '<i/>' : '') +
      (f.underline ? '<u/>' : '') +
      (f.fontSize ? `<sz val="${f.fontSize}"/>` : '') +
      (f.fontColor ? `<color rgb="${argb(f.fontColor)}"/>` : '') +
      rest +
      '</font>';
    return this.intern('fonts', frag);
  }

  private fillId(f: CellFormat): number {
    if (!f.fill) return 0;
    const c = argb(f.fill);
    return this.intern('fills', `<fill><patternFill patternType="solid"><fgColor rgb="${c}"/><bgColor indexed="64"/></patternFill></fill>`);
  }

  private borderId(f: CellFormat): number {
    if (!f.border) return 0;
    const side = (n: string) => `<${n} style="thin"><color auto="1"/></${n}>`;
    return this.intern('borders', `<border>${side('left')}${side('right')}${side('top')}${side('bottom')}<diagonal/></border>`);
  }

  /** Index of a cellXfs entry for this format (0 = the workbook's default). */
  xf(f: CellFormat): number {
    const key = formatKey(f);
    const cached = this.xfCache.get(key);
    if (cached !== undefined) return cached;
    const numFmtId = this.numFmtId(f.numberFormat);
    const fontId = this.fontId(f);
    const fillId = this.fillId(f);
    const borderId = this.borderId(f);
    const align = f.wrap || f.hAlign || f.vAlign;
    let idx = 0;
    if (numFmtId || fontId || fillId || borderId || align) {
      let frag = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"`;
      if (numFmtId) frag += ' applyNumberFormat="1"';
      if (fontId) frag += ' applyFont="1"';
      if (fillId) frag += ' applyFill="1"';
      if (borderId) frag += ' applyBorder="1"';
      if (align) {
        frag += ' applyAlignment="1"><alignment';
        if (f.hAlign) frag += ` horizontal="${f.hAlign}"`;
        if (f.vAlign) frag += ` vertical="${f.vAlign}"`;
        if (f.wrap) frag += ' wrapText="1"';
        frag += '/></xf>';
      } else frag += '/>';
      idx = this.intern('cellXfs', frag);
    }
    this.xfCache.set(key, idx);
    return idx;
  }

  /** Index of a dxfs entry (differential format for conditional formatting). */
  dxf(s: DxfStyle): number {
    let frag = '<dxf>';
    if (s.bold || s.fontColor) {
      frag += '<font>' + (s.bold ? '<b/>' : '') + (s.fontColor ? `<color rgb="${argb(s.fontColor)}"/>` : '') + '</font>';
    }
    if (s.fill) {
      // Excel reads bgColor for a dxf's solid fill, others fgColor: give both.
      const c = argb(s.fill);
      frag += `<fill><patternFill patternType="solid"><fgColor rgb="${c}"/><bgColor rgb="${c}"/></patternFill></fill>`;
    }
    frag += '</dxf>';
    return this.intern('dxfs', frag);
  }

  /** True when nothing needs appending (styles.xml stays byte-identical). */
  get unchanged(): boolean {
    return Object.values(this.appended).every((a) => a.length === 0);
  }

  /** The styles part with our entries inserted at the end of each collection. */
  toXml(): string {
    let xml = this.xml;
    for (const c of Object.keys(ITEM) as Collection[]) {
      const items = this.appended[c];
      if (!items.length) continue;
      const qn = this.p + c;
      const total = this.existing[c].length + items.length;
      const coll = findElement(xml, qn);
      if (coll && !coll.selfClosing) {
        const close = coll.end - `</${qn}>`.length;
        const open = setCount(coll.openTag, total);
        xml = xml.slice(0, coll.start) + open + xml.slice(coll.start + coll.openTag.length, close) + items.join('') + xml.slice(close);
      } else if (coll) {
        const open = setCount(coll.openTag.replace(/\s*\/>$/, '>'), total);
        xml = xml.slice(0, coll.start) + open + items.join('') + `</${qn}>` + xml.slice(coll.end);
      } else {
        const frag = `<${qn} count="${total}">${items.join('')}</${qn}>`;
        xml = insertInOrder(xml, this.p, c, frag);
      }
    }
    return xml;
  }
}

function setCount(openTag: string, n: number): string {
  return setAttr(openTag, 'count', String(n));
}

/** Insert a missing collection before the first collection that follows it in CT_Stylesheet order. */
function insertInOrder(xml: string, p: string, c: Collection, frag: string): string {
  const after = COLLECTIONS.slice(COLLECTIONS.indexOf(c) + 1);
  for (const next of after) {
    const el = findElement(xml, p + next);
    if (el) return xml.slice(0, el.start) + frag + xml.slice(el.start);
  }
  const close = xml.lastIndexOf(`</${p}styleSheet>`);
  if (close < 0) throw new Error('styles.xml has no </styleSheet>');
  return xml.slice(0, close) + frag + xml.slice(close);
}
