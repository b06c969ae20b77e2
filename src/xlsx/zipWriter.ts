/**
 * Writes the output package when the caller brings a native deflate (the CLI: Node's zlib):
 * the user's untouched parts are copied as they were compressed, byte for byte; only the parts
 * Hyōka wrote are compressed. Without one (the browser), jszip's own writer is used instead.
 */

/** Raw deflate and CRC-32, e.g. from Node's zlib. */
export interface Deflater {
  deflateRaw(data: Uint8Array): Uint8Array;
  crc32?(data: Uint8Array): number;
}

export interface ZipOutEntry {
  name: string;
  /** 0 = stored, 8 = deflated. */
  method: number;
  crc: number;
  size: number;
  packed: Uint8Array;
  /** DOS date and time words. */
  dosDate: number;
  dosTime: number;
}

let table: Uint32Array | undefined;

/** CRC-32 (IEEE), for a Deflater without one. */
export function crc32(data: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = table[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A Date → the two DOS words a zip header holds (1980 at the earliest). */
export function dosDateTime(d: Date): { dosDate: number; dosTime: number } {
  const y = Math.max(1980, d.getFullYear());
  return {
    dosDate: ((y - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
    dosTime: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
  };
}

/** The entries as a zip file (no zip64: Hyōka's limits keep a package far below 4 GB). */
export function writeZip(entries: ZipOutEntry[]): Uint8Array {
  const enc = new TextEncoder();
  const names = entries.map((e) => enc.encode(e.name));
  let total = 22;
  entries.forEach((e, i) => (total += 30 + names[i].length + e.packed.length + 46 + names[i].length));
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  let at = 0;
  const offsets: number[] = [];
  const header = (sig: number, e: ZipOutEntry, name: Uint8Array, central: boolean, offset: number) => {
    view.setUint32(at, sig, true);
    let p = at + 4;
    if (central) {
      view.setUint16(p, 20, true); // made by
      p += 2;
    }
    view.setUint16(p, 20, true); // version needed
    view.setUint16(p + 2, 0x0800, true); // UTF-8 names
    view.setUint16(p + 4, e.method, true);
    view.setUint16(p + 6, e.dosTime, true);
    view.setUint16(p + 8, e.dosDate, true);
    view.setUint32(p + 10, e.crc, true);
    view.setUint32(p + 14, e.packed.length, true);
    view.setUint32(p + 18, e.size, true);
    view.setUint16(p + 22, name.length, true);
    view.setUint16(p + 24, 0, true); // extra
    p += 26;
    if (central) {
      // comment length, disk, internal and external attributes: zero; then the local header's offset
      view.setUint32(p + 10, offset, true);
      p += 14;
    }
    out.set(name, p);
    at = p + name.length;
  };
  entries.forEach((e, i) => {
    offsets.push(at);
    header(0x04034b50, e, names[i], false, 0);
    out.set(e.packed, at);
    at += e.packed.length;
  });
  const cdStart = at;
  entries.forEach((e, i) => header(0x02014b50, e, names[i], true, offsets[i]));
  view.setUint32(at, 0x06054b50, true);
  view.setUint16(at + 8, entries.length, true);
  view.setUint16(at + 10, entries.length, true);
  view.setUint32(at + 12, at - cdStart, true);
  view.setUint32(at + 16, cdStart, true);
  return out;
}
