/**
 * Turns what the patient picked or photographed into the bytes Carnet keeps: photos are
 * downscaled and re-encoded (no metadata survives), PDFs are checked by opening them, and
 * every document gets a small thumbnail. Nothing here stores anything.
 */
import { MAX_DOCUMENT_FILE_BYTES } from '../../record/documents.ts';
import type { NewDocumentFile } from '../../record/document-store.ts';
import { ImportError } from './import-error.ts';
import { openPdf, renderPage } from '../../ui/pdf.ts';
import {
  isJpeg,
  isPng,
  jpegOrientation,
  stripJpegMetadata,
  stripPngMetadata,
} from './strip-metadata.ts';

/** Long edge of a stored photo, in pixels: small print stays readable, a page stays ~0.5 MB. */
const PHOTO_LONG_EDGE = 2400;
/** JPEG quality of a stored photo (0–1). */
const PHOTO_QUALITY = 0.85;
/** Long edge of a thumbnail, in pixels (about 80 CSS px at a 3x screen). */
const THUMB_LONG_EDGE = 240;

/** What a picked file turned out to be, by its first bytes. */
export type PickedKind = 'image' | 'pdf';

/**
 * The file's real type from its first bytes. SECURITY: the name and the browser's guess
 * are not trusted, and the name is never stored.
 */
export async function sniff(file: Blob): Promise<PickedKind> {
  if (file.size > MAX_DOCUMENT_FILE_BYTES) throw new ImportError('too-large');
  const head = new Uint8Array(await file.slice(0, 16).arrayBuffer());
  const ascii = String.fromCharCode(...head);
  if (ascii.startsWith('%PDF-')) return 'pdf';
  if (isJpeg(head) || isPng(head) || (ascii.startsWith('RIFF') && ascii.slice(8, 12) === 'WEBP')) {
    return 'image';
  }
  throw new ImportError('unsupported-type');
}

async function decode(blob: Blob): Promise<ImageBitmap> {
  try {
    return await createImageBitmap(blob, { imageOrientation: 'from-image' });
  } catch {
    throw new ImportError('corrupt-image');
  }
}

/** Draws `image` at most `longEdge` px on its long side and encodes it; no metadata is written. */
async function encode(
  image: ImageBitmap,
  longEdge: number,
  type: string,
  quality: number,
): Promise<Blob> {
  const scale = Math.min(1, longEdge / Math.max(image.width, image.height));
  const width = Math.max(1, Math.round(image.width * scale));
  const height = Math.max(1, Math.round(image.height * scale));
  const resized =
    scale < 1
      ? await createImageBitmap(image, {
          resizeWidth: width,
          resizeHeight: height,
          resizeQuality: 'high',
        })
      : image;
  try {
    if (typeof OffscreenCanvas !== 'undefined') {
      const canvas = new OffscreenCanvas(width, height);
      paint(canvas.getContext('2d'), resized, width, height);
      return await canvas.convertToBlob({ type, quality });
    }
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    paint(canvas.getContext('2d'), resized, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (b) => (b ? resolve(b) : reject(new ImportError('corrupt-image'))),
        type,
        quality,
      ),
    );
  } finally {
    if (resized !== image) resized.close();
  }
}

type Context2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null;

function paint(ctx: Context2D, image: CanvasImageSource, width: number, height: number): void {
  if (!ctx) throw new ImportError('corrupt-image');
  // Transparent areas (PNG) become white paper rather than black in JPEG.
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.drawImage(image, 0, 0, width, height);
}

/** Drops any metadata the encoder may have written, and checks the result is well formed. */
async function stripped(blob: Blob, mime: string): Promise<NewDocumentFile> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  try {
    if (isJpeg(bytes))
      return { blob: new Blob([toBuffer(stripJpegMetadata(bytes))]), mime: 'image/jpeg' };
    if (isPng(bytes))
      return { blob: new Blob([toBuffer(stripPngMetadata(bytes))]), mime: 'image/png' };
  } catch {
    throw new ImportError('corrupt-image');
  }
  return { blob, mime };
}

function toBuffer(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes as Uint8Array<ArrayBuffer>;
}

/** A thumbnail: WebP where the browser encodes it, JPEG otherwise. */
async function thumbnailOf(image: ImageBitmap): Promise<NewDocumentFile> {
  const blob = await encode(image, THUMB_LONG_EDGE, 'image/webp', 0.7);
  if (blob.type === 'image/webp') return { blob, mime: 'image/webp' };
  return stripped(await encode(image, THUMB_LONG_EDGE, 'image/jpeg', 0.7), 'image/jpeg');
}

/**
 * One photographed or picked image, ready to store, and its thumbnail. By default the
 * photo is downscaled and re-encoded as JPEG; `keepOriginal` keeps every pixel (a JPEG or
 * PNG has its metadata cut out losslessly; anything else is re-encoded at full size).
 */
export async function prepareImage(
  file: Blob,
  keepOriginal: boolean,
): Promise<{ page: NewDocumentFile; thumbnail: NewDocumentFile }> {
  const image = await decode(file);
  // SECURITY: pixels only cross the canvas; EXIF (GPS, time, camera serial), XMP and
  // everything else the camera wrote stay behind, and `stripped` checks the output too.
  try {
    const thumbnail = await thumbnailOf(image);
    if (keepOriginal) {
      const head = new Uint8Array(await file.slice(0, 65536 + 4).arrayBuffer());
      const upright = !isJpeg(head) || jpegOrientation(head) === 1;
      if ((isJpeg(head) || isPng(head)) && upright) {
        return { page: await stripped(file, isJpeg(head) ? 'image/jpeg' : 'image/png'), thumbnail };
      }
      const full = await encode(image, Number.MAX_SAFE_INTEGER, 'image/jpeg', 0.95);
      return { page: await stripped(full, 'image/jpeg'), thumbnail };
    }
    const photo = await encode(image, PHOTO_LONG_EDGE, 'image/jpeg', PHOTO_QUALITY);
    return { page: await stripped(photo, 'image/jpeg'), thumbnail };
  } finally {
    image.close();
  }
}

/**
 * A picked PDF, checked by opening it with pdf.js, and a thumbnail of its first page.
 * The file is kept as it is (encrypted), so nothing of it is lost.
 */
export async function preparePdf(
  file: Blob,
): Promise<{ page: NewDocumentFile; thumbnail?: NewDocumentFile; pages: number }> {
  let pdf;
  try {
    pdf = await openPdf(new Uint8Array(await file.arrayBuffer()));
  } catch {
    throw new ImportError('corrupt-pdf');
  }
  try {
    const pages = pdf.numPages;
    const canvas = document.createElement('canvas');
    let thumbnail: NewDocumentFile | undefined;
    try {
      await renderPage(pdf, 1, canvas, THUMB_LONG_EDGE);
      const drawn = await createImageBitmap(canvas);
      thumbnail = await thumbnailOf(drawn).finally(() => drawn.close());
    } catch {
      // A first page pdf.js cannot draw still leaves a readable document: no thumbnail.
      thumbnail = undefined;
    }
    return {
      page: { blob: file, mime: 'application/pdf' },
      pages,
      ...(thumbnail ? { thumbnail } : {}),
    };
  } finally {
    await pdf.destroy();
  }
}
