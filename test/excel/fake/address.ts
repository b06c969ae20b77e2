/** A1 addresses for the fake: boxes of 0-based rows and columns, as Excel states them. */
import { FakeOfficeError } from './base';

export const MAX_ROW = 1048575;
export const MAX_COL = 16383;

export interface Box {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export function colIdx(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n - 1;
}

export function colLetters(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** "B3", "B3:D5", "B:B", "3:3", optionally with $ and a sheet prefix. */
export function parseBox(address: string): Box {
  const a = address.slice(address.lastIndexOf('!') + 1).replace(/\$/g, '').toUpperCase();
  const parts = a.split(':');
  if (parts.length > 2) throw new FakeOfficeError('InvalidArgument', `bad address ${address}`);
  const one = (p: string) => {
    let m = /^([A-Z]{1,3})(\d+)$/.exec(p);
    if (m) return { r: Number(m[2]) - 1, c: colIdx(m[1]), kind: 'cell' };
    m = /^([A-Z]{1,3})$/.exec(p);
    if (m) return { r: -1, c: colIdx(m[1]), kind: 'col' };
    m = /^(\d+)$/.exec(p);
    if (m) return { r: Number(m[1]) - 1, c: -1, kind: 'row' };
    throw new FakeOfficeError('InvalidArgument', `bad address ${address}`);
  };
  const s = one(parts[0]);
  const e = one(parts[1] ?? parts[0]);
  if (s.kind !== e.kind || (s.kind !== 'cell' && parts.length === 1)) throw new FakeOfficeError('InvalidArgument', `bad address ${address}`);
  const box =
    s.kind === 'col'
      ? { r0: 0, c0: s.c, r1: MAX_ROW, c1: e.c }
      : s.kind === 'row'
        ? { r0: s.r, c0: 0, r1: e.r, c1: MAX_COL }
        : { r0: s.r, c0: s.c, r1: e.r, c1: e.c };
  if (box.r0 > box.r1 || box.c0 > box.c1 || box.r0 < 0 || box.c0 < 0 || box.r1 > MAX_ROW || box.c1 > MAX_COL) {
    throw new FakeOfficeError('InvalidArgument', `bad address ${address}`);
  }
  return box;
}

export function boxAddress(b: Box): string {
  const s = `${colLetters(b.c0)}${b.r0 + 1}`;
  return b.r0 === b.r1 && b.c0 === b.c1 ? s : `${s}:${colLetters(b.c1)}${b.r1 + 1}`;
}

/** "Sheet1!A1:B2", the sheet name quoted when Excel would quote it. */
export function qualified(sheet: string, b: Box): string {
  const q = /^[A-Za-z_\u3000-\u9fff][\w.\u3000-\u9fff]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${q}!${boxAddress(b)}`;
}

export function intersects(a: Box, b: Box): boolean {
  return a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
}

export function contains(outer: Box, r: number, c: number): boolean {
  return r >= outer.r0 && r <= outer.r1 && c >= outer.c0 && c <= outer.c1;
}

export function cellCount(b: Box): number {
  return (b.r1 - b.r0 + 1) * (b.c1 - b.c0 + 1);
}

export function cellKey(r: number, c: number): string {
  return `${r},${c}`;
}

/** Strings Excel would not keep as text in a General cell. */
export function coerce(s: string): { v: string | number | boolean; t: 'String' | 'Double' | 'Boolean'; f?: string } {
  if (/^[=+\-@]/.test(s)) return { v: 0, t: 'Double', f: s };
  const num = s.replace(/,/g, '');
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(s) || /^\d+(\.\d+)?(e[+-]?\d+)?$/i.test(num)) return { v: Number(num), t: 'Double' };
  if (/^\d+(\.\d+)?%$/.test(s)) return { v: Number(s.slice(0, -1)) / 100, t: 'Double' };
  if (/^(true|false)$/i.test(s)) return { v: /^true$/i.test(s), t: 'Boolean' };
  if (/^\d{1,4}[/-]\d{1,2}([/-]\d{1,4})?$/.test(s)) return { v: 45000, t: 'Double' };
  return { v: s, t: 'String' };
}
