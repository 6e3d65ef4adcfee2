/**
 * pdf.js, loaded on demand (its own chunk) with its worker served from Carnet's origin, so
 * PDFs render inside the page under the CSP (Chrome on Android shows no PDF inline). The
 * one loader for the patient app and the doctor's viewer, so both draw a file the same way.
 */
import type * as PdfJsModule from 'pdfjs-dist';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

type PdfJs = typeof PdfJsModule;

let loading: Promise<PdfJs> | undefined;

function pdfjs(): Promise<PdfJs> {
  return (loading ??= import('pdfjs-dist').then((lib) => {
    lib.GlobalWorkerOptions.workerSrc = workerUrl;
    return lib;
  }));
}

/**
 * Opens a PDF from its bytes (which pdf.js takes over). Rejects on a corrupt or
 * password-protected file. Destroy the result when done.
 */
export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  const lib = await pdfjs();
  // SECURITY: no eval of PDF content (the CSP forbids it anyway), no XFA forms; no font
  // or cMap URL is given, so pdf.js fetches nothing beyond its own worker.
  return lib.getDocument({
    data: bytes,
    isEvalSupported: false,
    enableXfa: false,
    stopAtErrors: true,
  }).promise;
}

/**
 * Draws page `number` (from 1) on `canvas`, `cssWidth` CSS pixels wide, at `pixelRatio`
 * device pixels per CSS pixel so it is sharp on the screen.
 */
export async function renderPage(
  pdf: PDFDocumentProxy,
  number: number,
  canvas: HTMLCanvasElement | OffscreenCanvas,
  cssWidth: number,
  pixelRatio = 1,
): Promise<void> {
  // A page is a picture, laid out left to right whatever the interface language: pdf.js
  // draws glyph by glyph, and a canvas inheriting `dir="rtl"` from an Arabic or Dari
  // page anchors each glyph at its right edge, which scatters the letters.
  if ('setAttribute' in canvas) canvas.setAttribute('dir', 'ltr');
  const page = await pdf.getPage(number);
  const base = page.getViewport({ scale: 1 });
  const viewport = page.getViewport({ scale: (cssWidth / base.width) * pixelRatio });
  canvas.width = Math.floor(viewport.width);
  canvas.height = Math.floor(viewport.height);
  await page.render({ canvas: canvas as HTMLCanvasElement, viewport }).promise;
  page.cleanup();
}
