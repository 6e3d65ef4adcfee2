/**
 * Lossless metadata removal for JPEG and PNG bytes: pixels are copied as they are, every
 * segment or chunk that can carry who, where or with what a photo was taken is dropped.
 * Pure functions over bytes, so they run (and are tested) anywhere.
 *
 * SECURITY: a phone photo's EXIF holds the GPS position, the time, the camera's make,
 * model and serial number. A patient's papers photographed at a reception centre must not
 * tell anyone where they live. Canvas re-encoding already drops EXIF; these run on every
 * stored image as well, and are the only step when the patient keeps the original.
 */
import { concatBytes } from '../../crypto/encoding.ts';

/** Thrown when the bytes are not a well-formed JPEG or PNG. */
export class MalformedImageError extends Error {
  override readonly name = 'MalformedImageError';
  constructor() {
    super('malformed image');
  }
}

const SOI = 0xd8;
const EOI = 0xd9;
const SOS = 0xda;
const APP0 = 0xe0;
const APP14 = 0xee;
const COM = 0xfe;

function startsWith(bytes: Uint8Array, at: number, text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (bytes[at + i] !== text.charCodeAt(i)) return false;
  }
  return true;
}

/** True for bytes that start like a JPEG. */
export function isJpeg(bytes: Uint8Array): boolean {
  return bytes[0] === 0xff && bytes[1] === SOI;
}

/** True for bytes that start with the PNG signature. */
export function isPng(bytes: Uint8Array): boolean {
  return startsWith(bytes, 0, '\x89PNG\r\n\x1a\n');
}

/** True when a marker segment may stay: what decoding needs, nothing that describes. */
function keepJpegSegment(marker: number, bytes: Uint8Array, body: number): boolean {
  // JFIF (APP0) holds only pixel density; Adobe (APP14) tells a decoder the colour transform.
  if (marker === APP0) return startsWith(bytes, body, 'JFIF\0');
  if (marker === APP14) return startsWith(bytes, body, 'Adobe');
  // Every other APPn (EXIF, XMP, ICC, maker notes, IPTC) and comments go.
  return !(marker > APP0 && marker <= 0xef) && marker !== COM;
}

/** Index just past a scan's entropy-coded data: the next marker that is not RST or stuffing. */
function endOfScan(bytes: Uint8Array, from: number): number {
  for (let i = from; i < bytes.length - 1; i++) {
    if (bytes[i] !== 0xff) continue;
    const next = bytes[i + 1]!;
    if (next !== 0 && !(next >= 0xd0 && next <= 0xd7) && next !== 0xff) return i;
  }
  throw new MalformedImageError();
}

/**
 * The JPEG without APP1–APP15 (EXIF, XMP, ICC profile, IPTC...) and comment segments,
 * scans copied byte for byte. Throws MalformedImageError on a truncated or foreign file.
 */
export function stripJpegMetadata(bytes: Uint8Array): Uint8Array {
  if (!isJpeg(bytes)) throw new MalformedImageError();
  const parts: Uint8Array[] = [bytes.subarray(0, 2)];
  let at = 2;
  for (;;) {
    if (at + 1 >= bytes.length || bytes[at] !== 0xff) throw new MalformedImageError();
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at++; // fill byte
      continue;
    }
    if (marker === EOI) {
      parts.push(bytes.subarray(at, at + 2));
      break;
    }
    if (at + 3 >= bytes.length) throw new MalformedImageError();
    const length = (bytes[at + 2]! << 8) | bytes[at + 3]!;
    const end = at + 2 + length;
    if (length < 2 || end > bytes.length) throw new MalformedImageError();
    if (marker === SOS) {
      const scanEnd = endOfScan(bytes, end);
      parts.push(bytes.subarray(at, scanEnd));
      at = scanEnd;
      continue;
    }
    if (keepJpegSegment(marker, bytes, at + 4)) parts.push(bytes.subarray(at, end));
    at = end;
  }
  return concatBytes(parts);
}

/** PNG chunks a decoder needs or that change how pixels look; text, time and EXIF are not. */
const PNG_KEEP = new Set([
  'IHDR',
  'PLTE',
  'IDAT',
  'IEND',
  'tRNS',
  'gAMA',
  'cHRM',
  'sRGB',
  'sBIT',
  'pHYs',
  'bKGD',
]);

/**
 * The PNG without its tEXt, zTXt, iTXt, eXIf, tIME, iCCP and unknown chunks. Kept chunks
 * are copied whole, with their CRCs. Throws MalformedImageError on a malformed file.
 */
export function stripPngMetadata(bytes: Uint8Array): Uint8Array {
  if (!isPng(bytes)) throw new MalformedImageError();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: Uint8Array[] = [bytes.subarray(0, 8)];
  let at = 8;
  let ended = false;
  while (!ended) {
    if (at + 12 > bytes.length) throw new MalformedImageError();
    const length = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    const end = at + 12 + length;
    if (end > bytes.length) throw new MalformedImageError();
    if (PNG_KEEP.has(type)) parts.push(bytes.subarray(at, end));
    ended = type === 'IEND';
    at = end;
  }
  return concatBytes(parts);
}

/**
 * The EXIF orientation (1–8) of a JPEG, or 1 when it has none. Stripping EXIF drops this
 * tag, so an original with another orientation must be re-encoded upright instead.
 */
export function jpegOrientation(bytes: Uint8Array): number {
  if (!isJpeg(bytes)) return 1;
  let at = 2;
  while (at + 4 <= bytes.length && bytes[at] === 0xff) {
    const marker = bytes[at + 1]!;
    const length = (bytes[at + 2]! << 8) | bytes[at + 3]!;
    if (marker === SOS || marker === EOI) return 1;
    if (marker === 0xe1 && startsWith(bytes, at + 4, 'Exif\0\0')) {
      return tiffOrientation(bytes.subarray(at + 10, at + 2 + length));
    }
    at += 2 + length;
  }
  return 1;
}

function tiffOrientation(tiff: Uint8Array): number {
  if (tiff.length < 8) return 1;
  const view = new DataView(tiff.buffer, tiff.byteOffset, tiff.byteLength);
  const little = tiff[0] === 0x49; // "II" little-endian, "MM" big-endian
  const ifd = view.getUint32(4, little);
  if (ifd + 2 > tiff.length) return 1;
  const count = view.getUint16(ifd, little);
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > tiff.length) return 1;
    if (view.getUint16(entry, little) === 0x0112) {
      const value = view.getUint16(entry + 8, little);
      return value >= 1 && value <= 8 ? value : 1;
    }
  }
  return 1;
}
