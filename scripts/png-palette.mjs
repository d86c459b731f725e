// Makes a screenshot PNG smaller for the README: an 8-bit RGB(A) PNG from Chromium becomes an
// indexed PNG of at most 256 colours (median cut over the distinct colours, each mapped to its
// nearest palette entry, no dithering). A screenshot of VS Code holds a few thousand colours,
// nearly all of them shades of anti-aliased text between a dozen text colours and the background;
// 256 keep the text crisp and cut the file to about half. Node's zlib only, no dependency.
//
//   node scripts/png-palette.mjs FILE.png…      (rewrites each file)
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import zlib from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Decodes an 8-bit, non-interlaced RGB, RGBA or indexed PNG into { width, height, rgb } (alpha dropped). */
export function decodePng(data) {
  if (!data.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG');
  let width = 0;
  let height = 0;
  let channels = 0;
  let palette = null;
  const idat = [];
  for (let at = 8; at < data.length;) {
    const length = data.readUInt32BE(at);
    const type = data.toString('latin1', at + 4, at + 8);
    const body = data.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const [depth, colourType, , , interlace] = body.subarray(8, 13);
      channels = { 2: 3, 3: 1, 6: 4 }[colourType] ?? 0;
      if (depth !== 8 || !channels || interlace) throw new Error(`unsupported PNG (depth ${depth}, colour type ${colourType}, interlace ${interlace})`);
    } else if (type === 'PLTE') palette = body;
    else if (type === 'IDAT') idat.push(body);
    at += 12 + length;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = y * stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? pixels[out + x - channels] : 0;
      const b = y > 0 ? pixels[out - stride + x] : 0;
      const c = x >= channels && y > 0 ? pixels[out - stride + x - channels] : 0;
      let predicted = 0;
      if (filter === 1) predicted = a;
      else if (filter === 2) predicted = b;
      else if (filter === 3) predicted = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        predicted = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      pixels[out + x] = (line[x] + predicted) & 0xff;
    }
  }
  const rgb = Buffer.alloc(width * height * 3);
  if (channels === 1) {
    if (!palette) throw new Error('an indexed PNG without a palette');
    for (let i = 0; i < pixels.length; i++) palette.copy(rgb, i * 3, pixels[i] * 3, pixels[i] * 3 + 3);
  } else for (let i = 0, j = 0; i < pixels.length; i += channels, j += 3) pixels.copy(rgb, j, i, i + 3);
  return { width, height, rgb };
}

/**
 * At most `size` colours for the distinct colours of `rgb` (median cut: split the box with the
 * widest channel range at its median until there are `size` boxes; each box gives its mean).
 */
export function medianCut(colours, size = 256) {
  let boxes = [colours];
  const range = (box, ch) => {
    let lo = 255;
    let hi = 0;
    for (const c of box) {
      const v = (c >> (16 - 8 * ch)) & 0xff;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    return hi - lo;
  };
  while (boxes.length < size) {
    let best = null;
    for (const box of boxes) {
      if (box.length < 2) continue;
      for (let ch = 0; ch < 3; ch++) {
        const r = range(box, ch);
        if (!best || r > best.r) best = { box, ch, r };
      }
    }
    if (!best || best.r === 0) break;
    const shift = 16 - 8 * best.ch;
    const sorted = [...best.box].sort((p, q) => ((p >> shift) & 0xff) - ((q >> shift) & 0xff));
    const half = sorted.length >> 1;
    boxes = boxes.filter((b) => b !== best.box).concat([sorted.slice(0, half), sorted.slice(half)]);
  }
  return boxes.map((box) => {
    const sum = [0, 0, 0];
    for (const c of box) for (let ch = 0; ch < 3; ch++) sum[ch] += (c >> (16 - 8 * ch)) & 0xff;
    return sum.map((s) => Math.round(s / box.length));
  });
}

function chunk(type, body) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])), 0);
  return Buffer.concat([head, body, crc]);
}

/** Encodes `rgb` (width × height × 3 bytes) as an indexed PNG of at most 256 colours. */
export function encodeIndexedPng({ width, height, rgb }) {
  const counts = new Map();
  for (let i = 0; i < rgb.length; i += 3) {
    const key = (rgb[i] << 16) | (rgb[i + 1] << 8) | rgb[i + 2];
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const distinct = [...counts.keys()];
  const palette = distinct.length <= 256 ? distinct.map((c) => [(c >> 16) & 0xff, (c >> 8) & 0xff, c & 0xff]) : medianCut(distinct);
  const index = new Map();
  for (const c of distinct) {
    const r = (c >> 16) & 0xff;
    const g = (c >> 8) & 0xff;
    const b = c & 0xff;
    let best = 0;
    let bestDistance = Infinity;
    palette.forEach(([pr, pg, pb], i) => {
      // Weighted as the eye sees brightness: green most, blue least.
      const d = 3 * (r - pr) ** 2 + 4 * (g - pg) ** 2 + 2 * (b - pb) ** 2;
      if (d < bestDistance) [best, bestDistance] = [i, d];
    });
    index.set(c, best);
  }
  const raw = Buffer.alloc((width + 1) * height); // filter 0 (none) on every line: best for indexed images
  for (let y = 0, i = 0; y < height; y++) {
    for (let x = 0; x < width; x++, i += 3) raw[y * (width + 1) + 1 + x] = index.get((rgb[i] << 16) | (rgb[i + 1] << 8) | rgb[i + 2]);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 3, 0, 0, 0], 8);
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', ihdr),
    chunk('PLTE', Buffer.from(palette.flat())),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9, memLevel: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Rewrites the PNG `file` as an indexed PNG of at most 256 colours. */
export function toPalettePng(file) {
  writeFileSync(file, encodeIndexedPng(decodePng(readFileSync(file))));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const file of process.argv.slice(2)) toPalettePng(file);
}
