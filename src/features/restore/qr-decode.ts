/**
 * Reading a QR code from the camera: the browser's own BarcodeDetector where it has one for
 * QR codes (Chrome on Android), else jsQR, a small pure-JavaScript decoder that needs no
 * network, no WebAssembly and no worker (so it runs under our CSP). jsQR is fetched only
 * when the camera is opened on such a browser; the service worker precaches it for offline.
 */

/** Reads the text of a QR code in one video frame; null when none is seen in it. */
export type FrameReader = (video: HTMLVideoElement) => Promise<string | null>;

/** The part of the Barcode Detection API used here (not in TypeScript's DOM library yet). */
interface BarcodeDetectorLike {
  detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]>;
}
interface BarcodeDetectorClass {
  new (options: { formats: string[] }): BarcodeDetectorLike;
  getSupportedFormats(): Promise<string[]>;
}

/** Frames are scaled down to this width before jsQR looks at them: enough for a sheet's QR. */
const SCAN_WIDTH = 640;

/** Reads a QR code's text from RGBA pixels with jsQR (loaded on first use); null when none. */
export async function readQrPixels(
  pixels: Uint8ClampedArray,
  width: number,
  height: number,
): Promise<string | null> {
  const { default: jsQR } = await import('jsqr');
  // Both: a sheet photographed in dim light can come out lighter on darker.
  return jsQR(pixels, width, height, { inversionAttempts: 'attemptBoth' })?.data ?? null;
}

async function nativeDetector(): Promise<BarcodeDetectorLike | null> {
  const Detector = (globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;
  if (!Detector) return null;
  try {
    const formats = await Detector.getSupportedFormats();
    return formats.includes('qr_code') ? new Detector({ formats: ['qr_code'] }) : null;
  } catch {
    return null;
  }
}

/** The frame reader this browser offers: its own detector first, else jsQR on a canvas. */
export async function createFrameReader(): Promise<FrameReader> {
  const detector = await nativeDetector();
  if (detector) {
    return async (video) => (await detector.detect(video))[0]?.rawValue ?? null;
  }
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });
  return async (video) => {
    if (!context || video.videoWidth === 0) return null;
    const scale = Math.min(1, SCAN_WIDTH / video.videoWidth);
    canvas.width = Math.round(video.videoWidth * scale);
    canvas.height = Math.round(video.videoHeight * scale);
    context.drawImage(video, 0, 0, canvas.width, canvas.height);
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    return readQrPixels(data, canvas.width, canvas.height);
  };
}
