/** OPC package plumbing: relationships, part names, content types. */
import { childrenNamed, escAttr, insertBeforeRootClose, rootOf, spanOf, type ElementSpan } from './xml';

export const RT = {
  officeDocument: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument',
  strictOfficeDocument: 'http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument',
  worksheet: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet',
  styles: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles',
  sharedStrings: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings',
  drawing: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing',
  chart: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart',
  table: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/table',
  hyperlink: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink',
};

export const CT = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
  table: 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml',
};

export interface Rel {
  id: string;
  type: string;
  target: string;
  external: boolean;
  span: ElementSpan;
}

export function parseRels(xml: string): Rel[] {
  return childrenNamed(rootOf(xml), 'Relationship').map((el) => {
    const a = el.attrs;
    return { id: a.Id, type: a.Type, target: a.Target, external: a.TargetMode === 'External', span: spanOf(xml, el) };
  });
}

/** "xl/worksheets/sheet1.xml" → "xl/worksheets/_rels/sheet1.xml.rels"; "" (the package) → "_rels/.rels". */
export function relsPathOf(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/** Inverse of relsPathOf; undefined when path is not a .rels part. */
export function sourceOfRels(relsPath: string): string | undefined {
  const m = /^(.*?)_rels\/([^/]*)\.rels$/.exec(relsPath);
  return m ? m[1] + m[2] : undefined;
}

export function dirOf(part: string): string {
  return part.slice(0, part.lastIndexOf('/') + 1);
}

/** Resolve a relationship target (relative to its source part, or absolute) to a zip path. */
export function resolveTarget(sourcePart: string, target: string): string {
  let t = target;
  try {
    t = decodeURI(target);
  } catch {
    // keep as is
  }
  const raw = t.startsWith('/') ? t.slice(1) : dirOf(sourcePart) + t;
  const out: string[] = [];
  for (const seg of raw.split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.join('/');
}

/** Relative target from one part's folder to another part. */
export function relativeTarget(fromPart: string, toPart: string): string {
  const from = dirOf(fromPart).split('/').filter(Boolean);
  const to = toPart.split('/');
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => '..'), ...to.slice(i)].join('/');
}

export function relXml(id: string, type: string, target: string, external = false): string {
  return `<Relationship Id="${escAttr(id)}" Type="${type}" Target="${escAttr(target)}"${external ? ' TargetMode="External"' : ''}/>`;
}

/** A relative file path ("部/評価 R6.xlsx") as a relationship target: a URI reference, each segment percent-encoded. */
export function fileTarget(path: string): string {
  return path
    .split('/')
    .map((seg) => (seg === '..' || seg === '.' ? seg : encodeURIComponent(seg)))
    .join('/');
}

export function relsPart(rels: string[]): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`
  );
}

export function overrideXml(part: string, contentType: string): string {
  return `<Override PartName="/${escAttr(part)}" ContentType="${contentType}"/>`;
}

/** Insert fragment before the closing tag of the root element named local (any prefix). */
export function insertBeforeClose(xml: string, local: string, fragment: string): string {
  if (rootOf(xml).local !== local) throw new Error(`Malformed part: the root is not <${local}>`);
  return insertBeforeRootClose(xml, fragment);
}
