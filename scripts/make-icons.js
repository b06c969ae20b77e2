#!/usr/bin/env node
/**
 * Draws Hyōka's add-in icons (a green check over a bar chart) and writes them as PNG
 * files to assets/. No image tools: shapes are sampled 4×4 per pixel and the PNG is
 * encoded with zlib. The output is deterministic, so the committed PNGs can be checked
 * against this script (test/manifest/icons.test.ts).
 *
 *   node scripts/make-icons.js            # writes assets/icon-{16,32,64,80,128}.png
 */
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80, 128];

// Shapes in a unit square (0,0 top-left). Colours are Office-like blue bars and Excel green.
const BAR_COLOR = [0x2f, 0x6d, 0xb5];
const CHECK_COLOR = [0x10, 0x7c, 0x10];
const HALO_COLOR = [0xff, 0xff, 0xff];
const BARS = [
  { x0: 0.08, x1: 0.3, y0: 0.56 },
  { x0: 0.39, x1: 0.61, y0: 0.38 },
  { x0: 0.7, x1: 0.92, y0: 0.18 },
];
const BAR_BOTTOM = 0.94;
const CHECK = [
  [0.16, 0.5],
  [0.4, 0.74],
  [0.86, 0.2],
];
const CHECK_HALF_WIDTH = 0.075;
const HALO_HALF_WIDTH = 0.135;

function distToSegment(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Colour at a point of the unit square, or null where the icon is transparent. */
function sample(x, y) {
  const d = Math.min(
    distToSegment(x, y, CHECK[0], CHECK[1]),
    distToSegment(x, y, CHECK[1], CHECK[2])
  );
  if (d <= CHECK_HALF_WIDTH) return CHECK_COLOR;
  if (d <= HALO_HALF_WIDTH) return HALO_COLOR;
  for (const b of BARS) {
    if (x >= b.x0 && x <= b.x1 && y >= b.y0 && y <= BAR_BOTTOM) return BAR_COLOR;
  }
  return null;
}

/** RGBA pixels (row-major, 4 bytes each) of the icon at `size` px. */
function renderIcon(size) {
  const SS = 4;
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const c = sample((px + (sx + 0.5) / SS) / size, (py + (sy + 0.5) / SS) / size);
          if (c) {
            r += c[0];
            g += c[1];
            b += c[2];
            covered++;
          }
        }
      }
      const o = (py * size + px) * 4;
      if (covered > 0) {
        rgba[o] = Math.round(r / covered);
        rgba[o + 1] = Math.round(g / covered);
        rgba[o + 2] = Math.round(b / covered);
        rgba[o + 3] = Math.round((255 * covered) / (SS * SS));
      }
    }
  }
  return rgba;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A truecolour-with-alpha PNG of `width`×`height` RGBA pixels. */
function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  // bytes 10–12: compression, filter, interlace = 0
  const raw = Buffer.alloc(height * (width * 4 + 1));
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function iconPng(size) {
  return encodePng(size, size, renderIcon(size));
}

module.exports = { SIZES, renderIcon, encodePng, iconPng };

if (require.main === module) {
  const outDir = path.resolve(__dirname, "..", "assets");
  fs.mkdirSync(outDir, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(outDir, `icon-${size}.png`);
    fs.writeFileSync(file, iconPng(size));
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
}
