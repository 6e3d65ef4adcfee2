/**
 * pdf.js for the viewer, loaded only when a PDF is opened (its own chunk), with its worker
 * served from our origin, so PDFs show inside the page under the CSP (Chrome on Android
 * has no inline PDF viewer).
 */
import type * as PdfJs from 'pdfjs-dist';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

let loading: Promise<typeof PdfJs> | undefined;

/** Opens a PDF from its bytes (pdf.js takes them over). Rejects on corrupt files. */
export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  const lib = await (loading ??= import('pdfjs-dist').then((l) => {
    l.GlobalWorkerOptions.workerSrc = workerUrl;
    return l;
  }));
  // SECURITY: no eval, no XFA forms, no scripting; the CSP forbids the rest anyway.
  return lib.getDocument({ data: bytes, isEvalSupported: false, enableXfa: false }).promise;
}

/** Draws page `number` (from 1) on `canvas`, `cssWidth` CSS pixels wide. */
export async function renderPage(
  pdf: PDFDocumentProxy,
  number: number,
  canvas: HTMLCanvasElement,
  cssWidth: number,
): Promise<void> {
  const page = await pdf.getPage(number);
  const ratio = window.devicePixelRatio || 1;
  const base = page.getViewport({ scale: 1 });
  const viewport = page.getViewport({ scale: (cssWidth / base.width) * ratio });
  canvas.width = Math.floor(viewport.width);
  canvas.height = Math.floor(viewport.height);
  await page.render({ canvas, viewport }).promise;
  page.cleanup();
}
