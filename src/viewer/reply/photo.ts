/**
 * A photo as the reply carries it: drawn once onto a canvas and encoded again as JPEG, at
 * most MAX_SIDE pixels on its longer side. SECURITY: re-encoding keeps only the pixels, so
 * EXIF, GPS, maker notes and any other metadata of the original are gone. (The app's own
 * image pipeline lives in features/, which the viewer may not import.)
 */

const MAX_SIDE = 2400;
const QUALITY = 0.85;

/** The photo's pixels as a fresh JPEG; throws when the browser cannot decode it. */
export async function cleanPhoto(file: Blob): Promise<Uint8Array> {
  const bitmap = await createImageBitmap(file);
  const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(bitmap.width * scale));
  canvas.height = Math.max(1, Math.round(bitmap.height * scale));
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no canvas');
  ctx.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  const blob = await new Promise<Blob | null>((resolve) =>
    canvas.toBlob(resolve, 'image/jpeg', QUALITY),
  );
  if (!blob) throw new Error('no JPEG');
  return new Uint8Array(await blob.arrayBuffer());
}
