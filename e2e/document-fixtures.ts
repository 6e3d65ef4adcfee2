import type { Page } from '@playwright/test';

/**
 * Test files made on the fly: a one-page PDF with a text marker drawn on it (and, on
 * request, a large unused stream to make it big), and photographed pages as JPEGs, bare or
 * phone-like, carrying EXIF with a GPS position and a camera serial number.
 */

/** A valid PDF whose page shows `marker`; `padBytes` adds an unused binary stream. */
export function makePdf(marker: string, padBytes = 0): Buffer {
  const content = `BT /F1 24 Tf 40 700 Td (${marker}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let length = parts[0]!.length;
  const push = (b: Buffer) => {
    parts.push(b);
    length += b.length;
  };
  objects.forEach((body, i) => {
    offsets.push(length);
    push(Buffer.from(`${i + 1} 0 obj\n${body}\nendobj\n`, 'latin1'));
  });
  if (padBytes > 0) {
    offsets.push(length);
    push(Buffer.from(`6 0 obj\n<< /Length ${padBytes} >>\nstream\n`, 'latin1'));
    const pad = Buffer.alloc(padBytes);
    for (let i = 0; i < padBytes; i += 4) pad.writeUInt32LE((i * 2654435761) >>> 0, i);
    push(pad);
    push(Buffer.from('\nendstream\nendobj\n', 'latin1'));
  }
  const xrefAt = length;
  const rows = offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  push(
    Buffer.from(
      `xref\n0 ${offsets.length + 1}\n0000000000 65535 f \n${rows}trailer\n<< /Size ${offsets.length + 1} /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`,
      'latin1',
    ),
  );
  return Buffer.concat(parts);
}

/** An APP1 EXIF segment: camera make, serial number and a GPS position (48°51'24"N). */
function exifSegment(serial: string): Buffer {
  const tiff = Buffer.alloc(160);
  tiff.write('MM\0*', 0, 'latin1');
  tiff.writeUInt32BE(8, 4);
  const entry = (at: number, tag: number, type: number, count: number, value: number) => {
    tiff.writeUInt16BE(tag, at);
    tiff.writeUInt16BE(type, at + 2);
    tiff.writeUInt32BE(count, at + 4);
    tiff.writeUInt32BE(value, at + 8);
  };
  tiff.writeUInt16BE(2, 8);
  entry(10, 0xa431, 2, serial.length + 1, 100); // BodySerialNumber
  entry(22, 0x8825, 4, 1, 40); // GPS IFD
  tiff.writeUInt16BE(2, 40);
  entry(42, 0x0001, 2, 2, 0x4e000000); // GPSLatitudeRef "N"
  entry(54, 0x0002, 5, 3, 130); // GPSLatitude
  tiff.write(`${serial}\0`, 100, 'latin1');
  [48, 1, 51, 1, 24, 1].forEach((n, i) => tiff.writeUInt32BE(n, 130 + i * 4));
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const head = Buffer.from([0xff, 0xe1, (body.length + 2) >> 8, (body.length + 2) & 0xff]);
  return Buffer.concat([head, body]);
}

/**
 * A JPEG drawn by the browser on `page`: `text` written down a white page of `width` x
 * `height` pixels, as a camera would give a photographed letter (no EXIF).
 */
export async function drawnJpeg(
  page: Page,
  text: string,
  { width, height, quality }: { width: number; height: number; quality: number },
): Promise<Buffer> {
  const base64 = await page.evaluate(
    async ({ label, width, height, quality }) => {
      const canvas = new OffscreenCanvas(width, height);
      const ctx = canvas.getContext('2d')!;
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, width, height);
      ctx.fillStyle = '#000';
      const font = Math.round(height / 50);
      ctx.font = `${font}px sans-serif`;
      for (let y = font * 2; y < height; y += font * 2.5) ctx.fillText(`${label} ${y}`, font, y);
      const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality });
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000) {
        binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      }
      return btoa(binary);
    },
    { label: text, width, height, quality },
  );
  return Buffer.from(base64, 'base64');
}

/** A 2,400 x 3,200 JPEG drawn by the browser with `text` on it, plus an EXIF segment. */
export async function photoWithExif(page: Page, text: string, serial: string): Promise<Buffer> {
  const jpeg = await drawnJpeg(page, text, { width: 2400, height: 3200, quality: 0.9 });
  return Buffer.concat([jpeg.subarray(0, 2), exifSegment(serial), jpeg.subarray(2)]);
}
