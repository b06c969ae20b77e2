/**
 * A tiny zip writer on Node's zlib, for packages a library would refuse to make: a part whose
 * central directory states a size it does not have, or one huge part built fast.
 */
import * as zlib from 'zlib';

export interface ZipEntry {
  name: string;
  data: Buffer | string | Deflated;
  /** The uncompressed size to state in the headers (a lie, when it differs from data's). */
  declaredSize?: number;
}

/** A part already compressed: its deflate stream, CRC-32 and size. */
export interface Deflated {
  packed: Buffer;
  crc: number;
  size: number;
}

function deflated(data: Buffer | string, level: number): Deflated {
  const b = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  return { packed: zlib.deflateRawSync(b, { level }), crc: zlib.crc32(b), size: b.length };
}

/**
 * head + unit × times + tail, compressed without holding it in memory: each piece is its own
 * raw deflate run ending in a sync flush (so runs concatenate), the unit compressed once.
 */
export function deflateRepeated(head: string, unit: Buffer, times: number, tail: string): Deflated {
  const run = (b: Buffer) => zlib.deflateRawSync(b, { level: 9, finishFlush: zlib.constants.Z_SYNC_FLUSH });
  const h = Buffer.from(head);
  const t = Buffer.from(tail);
  const u = run(unit);
  let crc = zlib.crc32(h);
  for (let i = 0; i < times; i++) crc = zlib.crc32(unit, crc);
  crc = zlib.crc32(t, crc);
  const packed = Buffer.concat([run(h), ...Array.from({ length: times }, () => u), run(t), zlib.deflateRawSync(Buffer.alloc(0))]);
  return { packed, crc, size: h.length + unit.length * times + t.length };
}

export function zipBuffer(entries: ZipEntry[], level = 9): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const d: Deflated = Buffer.isBuffer(e.data) || typeof e.data === 'string' ? deflated(e.data, level) : (e.data as Deflated);
    const { packed, crc } = d;
    const name = Buffer.from(e.name, 'utf8');
    const size = e.declaredSize ?? d.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}
