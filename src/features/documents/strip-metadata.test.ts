import { describe, expect, it } from 'vitest';
import { concatBytes } from '../../crypto/encoding.ts';
import {
  jpegOrientation,
  MalformedImageError,
  stripJpegMetadata,
  stripPngMetadata,
} from './strip-metadata.ts';

const SERIAL = 'SN-4417-CAMERA';
const latin1 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

const concat = (...parts: (Uint8Array | number[])[]) => concatBytes(parts);

function segment(marker: number, body: Uint8Array): Uint8Array {
  const length = body.length + 2;
  return concat([0xff, marker, length >> 8, length & 0xff], body);
}

/** A big-endian TIFF block: IFD0 with make, serial, orientation and a GPS IFD with a position. */
function exifTiff(orientation: number): Uint8Array {
  const tiff = new Uint8Array(200);
  const v = new DataView(tiff.buffer);
  tiff.set(latin1('MM\0*'), 0);
  v.setUint32(4, 8);
  const entry = (at: number, tag: number, type: number, count: number, value: number) => {
    v.setUint16(at, tag);
    v.setUint16(at + 2, type);
    v.setUint32(at + 4, count);
    if (type === 3) v.setUint16(at + 8, value);
    else v.setUint32(at + 8, value);
  };
  v.setUint16(8, 4); // IFD0: 4 entries at 10..58, next IFD 0
  entry(10, 0x010f, 2, 6, 120); // Make -> "Canon\0"
  entry(22, 0xa431, 2, SERIAL.length + 1, 130); // BodySerialNumber
  entry(34, 0x0112, 3, 1, orientation);
  entry(46, 0x8825, 4, 1, 64); // GPSInfo IFD at 64
  v.setUint16(64, 2); // GPS IFD: 2 entries
  entry(66, 0x0001, 2, 2, 0x4e000000); // GPSLatitudeRef "N"
  entry(78, 0x0002, 5, 3, 160); // GPSLatitude -> 3 rationals at 160
  tiff.set(latin1('Canon\0'), 120);
  tiff.set(latin1(`${SERIAL}\0`), 130);
  [48, 1, 51, 1, 2400, 100].forEach((n, i) => v.setUint32(160 + i * 4, n));
  return tiff;
}

/** A JPEG as a phone writes it: JFIF, EXIF with GPS, XMP, a comment, tables, a scan with stuffing. */
function phoneJpeg(orientation = 1) {
  const tables = concat(
    segment(0xdb, new Uint8Array(65).fill(1)), // DQT
    segment(0xc0, Uint8Array.from([8, 0, 1, 0, 1, 1, 1, 0x11, 0])), // SOF0 1x1, 1 component
    segment(0xc4, new Uint8Array(20).fill(2)), // DHT
  );
  const scan = concat(
    segment(0xda, Uint8Array.from([1, 1, 0, 0, 63, 0])),
    [0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56], // entropy data, a stuffed 0xff and an RST0
  );
  const jpeg = concat(
    [0xff, 0xd8],
    segment(0xe0, latin1('JFIF\0\x01\x01\0\0\x01\0\x01\0\0')),
    segment(0xe1, concat(latin1('Exif\0\0'), exifTiff(orientation))),
    segment(0xe1, latin1('http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>GPS 48.85</x:xmpmeta>')),
    segment(0xe2, latin1('ICC_PROFILE\0\x01\x01Pixel 7 Pro')),
    segment(0xfe, latin1('Taken at CADA Lyon')),
    tables,
    scan,
    [0xff, 0xd9],
  );
  return { jpeg, tables, scan };
}

function contains(haystack: Uint8Array, needle: string | Uint8Array): boolean {
  const n = typeof needle === 'string' ? latin1(needle) : needle;
  outer: for (let i = 0; i + n.length <= haystack.length; i++) {
    for (let j = 0; j < n.length; j++) if (haystack[i + j] !== n[j]) continue outer;
    return true;
  }
  return false;
}

describe('stripJpegMetadata', () => {
  it('removes EXIF (GPS, serial), XMP, ICC and comments and keeps the pixels byte for byte', () => {
    const { jpeg, tables, scan } = phoneJpeg();
    for (const there of ['Exif', 'GPS', SERIAL, 'Canon', 'xmpmeta', 'Pixel 7', 'CADA']) {
      expect(contains(jpeg, there)).toBe(true);
    }
    const clean = stripJpegMetadata(jpeg);
    for (const gone of ['Exif', 'GPS', SERIAL, 'Canon', 'xmpmeta', 'Pixel 7', 'CADA']) {
      expect(contains(clean, gone)).toBe(false);
    }
    // No APP1..APP15 or COM marker is left anywhere before the scan.
    const markers: number[] = [];
    for (let at = 2; clean[at] === 0xff && clean[at + 1] !== 0xda;) {
      markers.push(clean[at + 1]!);
      at += 2 + ((clean[at + 2]! << 8) | clean[at + 3]!);
    }
    expect(markers).toEqual([0xe0, 0xdb, 0xc0, 0xc4]);
    expect(contains(clean, tables)).toBe(true);
    expect(contains(clean, scan)).toBe(true);
    expect(Array.from(clean.subarray(-2))).toEqual([0xff, 0xd9]);
    expect(stripJpegMetadata(clean)).toEqual(clean);
  });

  it('reads the orientation before it is dropped', () => {
    expect(jpegOrientation(phoneJpeg(6).jpeg)).toBe(6);
    expect(jpegOrientation(phoneJpeg(1).jpeg)).toBe(1);
    expect(jpegOrientation(stripJpegMetadata(phoneJpeg(6).jpeg))).toBe(1);
  });

  it('refuses a truncated or foreign file', () => {
    const { jpeg } = phoneJpeg();
    expect(() => stripJpegMetadata(jpeg.subarray(0, 40))).toThrow(MalformedImageError);
    expect(() => stripJpegMetadata(latin1('%PDF-1.7'))).toThrow(MalformedImageError);
  });
});

function crcTable(): Uint32Array {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
}

function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const v = new DataView(out.buffer);
  v.setUint32(0, data.length);
  out.set(latin1(type), 4);
  out.set(data, 8);
  const table = crcTable();
  let crc = 0xffffffff;
  for (const b of out.subarray(4, 8 + data.length)) crc = table[(crc ^ b) & 0xff]! ^ (crc >>> 8);
  v.setUint32(8 + data.length, (crc ^ 0xffffffff) >>> 0);
  return out;
}

describe('stripPngMetadata', () => {
  it('drops text, time and EXIF chunks and keeps image chunks whole', () => {
    const ihdr = pngChunk('IHDR', Uint8Array.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]));
    const idat = pngChunk('IDAT', Uint8Array.from([0x78, 0x9c, 0x63, 0, 0, 0, 1, 0, 1]));
    const png = concat(
      latin1('\x89PNG\r\n\x1a\n'),
      ihdr,
      pngChunk('tEXt', latin1('Author\0Amina')),
      pngChunk('eXIf', concat(exifTiff(1))),
      pngChunk('tIME', new Uint8Array(7)),
      idat,
      pngChunk('IEND', new Uint8Array(0)),
    );
    const clean = stripPngMetadata(png);
    for (const gone of ['tEXt', 'Amina', 'eXIf', SERIAL, 'tIME']) {
      expect(contains(clean, gone)).toBe(false);
    }
    expect(contains(clean, ihdr) && contains(clean, idat)).toBe(true);
    expect(() => stripPngMetadata(png.subarray(0, 30))).toThrow(MalformedImageError);
  });
});
