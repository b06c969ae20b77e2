/** Node's native zlib as the package writer's deflate (jszip's JavaScript deflate is several times slower). */
import * as zlib from 'zlib';
import type { Deflater } from '../xlsx/zipWriter';

const nativeCrc = (zlib as unknown as { crc32?: (d: Uint8Array) => number }).crc32;

export const nodeDeflater: Deflater = {
  deflateRaw: (data) => zlib.deflateRawSync(data, { level: 6 }),
  // zlib.crc32 arrived in Node 20.15; before it the writer's own CRC is used.
  crc32: nativeCrc ? (data) => nativeCrc(data) : undefined,
};
