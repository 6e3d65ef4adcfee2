// Draws Carnet's app icons (a white notebook with a medical cross on blue) as PNG files,
// so the icons are reproducible without an image editor: node scripts/make-icons.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

type Rgb = readonly [number, number, number];

const BLUE: Rgb = [31, 95, 139];
const WHITE: Rgb = [255, 255, 255];
const RED: Rgb = [196, 43, 43];

function pixel(x: number, y: number): Rgb {
  // Unit coordinates; the maskable safe zone is the central 80 %.
  const inBook = x > 0.3 && x < 0.7 && y > 0.24 && y < 0.76;
  const crossH = Math.abs(y - 0.5) < 0.045 && Math.abs(x - 0.5) < 0.13;
  const crossV = Math.abs(x - 0.5) < 0.045 && Math.abs(y - 0.5) < 0.13;
  if (inBook && (crossH || crossV)) return RED;
  if (inBook) return x < 0.34 ? [220, 228, 236] : WHITE;
  return BLUE;
}

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(size: number): Buffer {
  const raw = Buffer.alloc(size * (size * 3 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 3 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b] = pixel(x / size, y / size);
      const o = y * (size * 3 + 1) + 1 + x * 3;
      raw[o] = r;
      raw[o + 1] = g;
      raw[o + 2] = b;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const size of [192, 512]) writeFileSync(`public/icons/icon-${size}.png`, png(size));
writeFileSync('public/icons/apple-touch-icon.png', png(180));
