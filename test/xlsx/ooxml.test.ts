import { colIndex, colLetters, parseRange, quoteSheet, rangeA1 } from '../../src/xlsx/ooxml/a1';
import { escapeXstring, escAttr, escText, findElements, parseAttrs, parseXml, setAttr, XmlError } from '../../src/xlsx/ooxml/xml';
import { StyleBook } from '../../src/xlsx/ooxml/styles';

describe('XML escaping', () => {
  it.each([
    ['a & b', 'a &amp; b'],
    ['<tag>', '&lt;tag&gt;'],
    ['bell\u0001\u0008\u000B\u001F!', 'bell!'],
    ['tab\tnew\nline', 'tab\tnew\nline'],
    ['\uFFFE\uD800x', 'x'],
    ['絵文字😀', '絵文字😀'],
  ])('text %j', (input, out) => expect(escText(input)).toBe(out));

  it('escapes attributes, quotes and whitespace that attribute normalization would lose', () => {
    expect(escAttr(`'a' "b" <c> & d\n`)).toBe('&apos;a&apos; &quot;b&quot; &lt;c&gt; &amp; d&#10;');
    expect(parseAttrs(`<x v="${escAttr(`'a' "b" <c> & d\t`)}"/>`).v).toBe(`'a' "b" <c> & d\t`);
  });

  it('protects literal _xHHHH_ sequences that Excel would decode', () => {
    expect(escapeXstring('_x0041_ and _x00')).toBe('_x005F_x0041_ and _x00');
  });

  it('finds elements without confusing <sheet> and <sheets>', () => {
    const xml = '<sheets><sheet name="a"/><sheet name="b"></sheet></sheets>';
    expect(findElements(xml, 'sheet').map((e) => e.text)).toEqual(['<sheet name="a"/>', '<sheet name="b"></sheet>']);
    expect(findElements(xml, 'sheets')).toHaveLength(1);
  });

  it('tokenizes: a raw ">" in an attribute value, quotes of the other kind, comments and CDATA are not markup', () => {
    const xml = `<sheets><!-- <sheet name="no"/> --><sheet name="a>b" id='x"y'/><![CDATA[<sheet name="no"/>]]><sheet name="c"/></sheets>`;
    const found = findElements(xml, 'sheet');
    expect(found.map((e) => e.attrs.name)).toEqual(['a>b', 'c']);
    expect(found[0].attrs.id).toBe('x"y');
    expect(xml.slice(found[0].start, found[0].end)).toBe(`<sheet name="a>b" id='x"y'/>`);
  });

  it('gives exact spans across CR LF and astral characters, and refuses DTDs and broken markup', () => {
    const xml = '<r>\r\n<a\r\n b="😀">t</a ><b/></r>';
    const root = parseXml(xml);
    expect(root.children.map((c) => xml.slice(c.start, c.end))).toEqual(['<a\r\n b="😀">t</a >', '<b/>']);
    expect(() => parseXml('<!DOCTYPE r [<!ENTITY e "x">]><r>&e;</r>')).toThrow(XmlError);
    expect(() => parseXml('<r><a></r>')).toThrow(XmlError);
    expect(() => parseXml('<r a="1" a="2"/>')).toThrow(XmlError);
  });

  it('sets an attribute by reading the tag left to right, never inside another value', () => {
    const tag = `<definedName comment=' localSheetId="9"' localSheetId="3">`;
    expect(setAttr(tag, 'localSheetId', '2')).toBe(`<definedName comment=' localSheetId="9"' localSheetId="2">`);
    expect(setAttr('<x:v a="1"/>', 'b', '<&>')).toBe('<x:v a="1" b="&lt;&amp;&gt;"/>');
  });
});

describe('A1 references', () => {
  it.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [16383, 'XFD'],
  ])('column %i is %s', (i, s) => {
    expect(colLetters(i)).toBe(s);
    expect(colIndex(s)).toBe(i);
  });

  it('quotes sheet names, doubling apostrophes', () => {
    expect(quoteSheet("政策分野9")).toBe("'政策分野9'");
    expect(quoteSheet("it's")).toBe("'it''s'");
  });

  it('parses and normalises ranges; rejects garbage', () => {
    expect(rangeA1(parseRange('$D$9:B2'))).toBe('B2:D9');
    expect(rangeA1(parseRange('C:C', 9, 5))).toBe('C1:C10');
    expect(rangeA1(parseRange('B2:D9'), true)).toBe('$B$2:$D$9');
    expect(() => parseRange('=SUM(A1)')).toThrow(RangeError);
    expect(() => parseRange("'Other'!A1")).toThrow(RangeError);
  });
});

describe('StyleBook', () => {
  const base =
    '<styleSheet xmlns="x"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts>' +
    '<fonts count="1"><font><sz val="11"/><name val="游ゴシック"/><charset val="128"/></font></fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border/></borders><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>';

  it('reuses an existing numFmt, appends after existing entries and inherits the workbook font', () => {
    const book = new StyleBook(base);
    expect(book.xf({})).toBe(0);
    expect(book.xf({ numberFormat: '0.0%' })).toBe(1);
    expect(book.xf({ bold: true, fill: '#DDEBF7' })).toBe(2);
    expect(book.xf({ bold: true, fill: '#DDEBF7' })).toBe(2);
    expect(book.dxf({ fill: '#C6EFCE' })).toBe(0);
    const xml = book.toXml();
    expect(xml).toContain('<cellXfs count="3">');
    expect(xml).toContain('<font><b/><sz val="11"/><name val="游ゴシック"/><charset val="128"/></font>');
    expect(xml).toContain('<numFmts count="1">');
    expect(xml).toMatch(/<\/cellXfs><dxfs count="1"><dxf>/);
    // A second book over the result appends nothing.
    const again = new StyleBook(xml);
    expect(again.xf({ numberFormat: '0.0%' })).toBe(1);
    expect(again.xf({ bold: true, fill: '#DDEBF7' })).toBe(2);
    expect(again.dxf({ fill: '#C6EFCE' })).toBe(0);
    expect(again.unchanged).toBe(true);
  });

  // Regression: the cache key wrote each flag without its place, so {wrap} and {border} (and
  // {bold}) shared one key and a wrapped cell got the first of them — a border, no wrap.
  it('gives wrap, border and bold alone three different styles', () => {
    const book = new StyleBook(base);
    const border = book.xf({ border: true });
    const wrap = book.xf({ wrap: true });
    const bold = book.xf({ bold: true });
    expect(new Set([border, wrap, bold]).size).toBe(3);
    const xfs = /<cellXfs[^>]*>(.*)<\/cellXfs>/.exec(book.toXml())![1];
    expect(xfs.split('<xf ')[wrap + 1]).toContain('wrapText="1"');
    expect(xfs.split('<xf ')[wrap + 1]).not.toContain('applyBorder');
  });

  it('keeps a prefixed styles part prefixed', () => {
    const prefixed = base.replace(/<(\/?)(?=[a-zA-Z])/g, '<$1x:').replace('xmlns="x"', 'xmlns:x="x"');
    const book = new StyleBook(prefixed);
    book.xf({ italic: true, numberFormat: '#,##0;[Red]-#,##0' });
    const xml = book.toXml();
    expect(xml).toContain('<x:font><x:i/><x:sz val="11"/><x:name val="游ゴシック"/><x:charset val="128"/></x:font>');
    expect(xml).toContain('<x:numFmt numFmtId="165" formatCode="#,##0;[Red]-#,##0"/>');
    expect(xml).not.toMatch(/<(?!\/?x:|\/?\?)/);
  });
});
