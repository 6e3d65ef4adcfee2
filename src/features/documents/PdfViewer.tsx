import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentFile } from '../../record/documents.ts';
import { Notice } from '../../ui/Notice.tsx';
import { useUnlocked } from '../session/session-context.ts';
import type { ErrorKey } from '../shell/errors.ts';
import { documentErrorKey } from './document-errors.ts';
import { openPdf, renderPage } from '../../ui/pdf.ts';
import { usePan } from './usePan.ts';
import { ZOOM_STEPS, ZoomControls } from './ZoomControls.tsx';

/** Pages rendered at most, so a 500-page file cannot exhaust a cheap phone's memory. */
const MAX_PAGES = 60;

/** A PDF drawn by pdf.js inside the app, every page one canvas, with zoom and pan. */
export function PdfViewer({ file, title }: { file: DocumentFile; title: string }) {
  const { t } = useTranslation(['documents', 'errors']);
  const { store } = useUnlocked();
  const [pdf, setPdf] = useState<PDFDocumentProxy | null>(null);
  const [failure, setFailure] = useState<ErrorKey | undefined>();
  const [step, setStep] = useState(0);
  const box = useRef<HTMLDivElement>(null);
  const rendering = useRef<Promise<void>>(Promise.resolve());
  const pan = usePan();

  useEffect(() => {
    let cancelled = false;
    let opened: PDFDocumentProxy | undefined;
    store.documents
      .readBytes(file)
      .then(async (bytes) => {
        const doc = await openPdf(bytes).catch(() => {
          throw new Error('corrupt');
        });
        opened = doc;
        if (cancelled) void doc.destroy();
        else setPdf(doc);
      })
      .catch((err: unknown) => {
        if (!cancelled) {
          setFailure(
            err instanceof Error && err.message === 'corrupt'
              ? 'errors:corrupt-pdf'
              : documentErrorKey(err),
          );
        }
      });
    return () => {
      cancelled = true;
      void opened?.destroy();
    };
  }, [store, file]);

  useEffect(() => {
    const container = box.current;
    if (!pdf || !container) return;
    let cancelled = false;
    const width = container.clientWidth * (ZOOM_STEPS[step] ?? 1);
    const canvases = Array.from(container.querySelectorAll('canvas'));
    // One drawing at a time: pdf.js refuses two renders on one canvas, so a new zoom waits
    // for the page being drawn, and the older pass stops there.
    rendering.current = rendering.current.then(async () => {
      for (const [i, canvas] of canvases.entries()) {
        if (cancelled) return;
        await renderPage(pdf, i + 1, canvas, width, window.devicePixelRatio || 1).catch(() => {
          if (!cancelled) setFailure('errors:corrupt-pdf');
        });
      }
    });
    return () => {
      cancelled = true;
    };
  }, [pdf, step]);

  const count = pdf ? Math.min(pdf.numPages, MAX_PAGES) : 0;
  return (
    <div className="doc-viewer">
      <ZoomControls step={step} onStep={setStep} />
      {failure && <Notice tone="error">{t(failure)}</Notice>}
      <div className="doc-canvas" ref={box} {...pan}>
        {!pdf && !failure && <p role="status">{t('view.loading')}</p>}
        {Array.from({ length: count }, (_, i) => (
          <canvas
            key={i}
            className="doc-pdf-page"
            role="img"
            aria-label={t('view.pageAlt', { title, number: i + 1, count: pdf?.numPages ?? 0 })}
            style={{ inlineSize: `${(ZOOM_STEPS[step] ?? 1) * 100}%` }}
          />
        ))}
      </div>
      {pdf && pdf.numPages > MAX_PAGES && (
        <Notice tone="info">{t('view.morePages', { count: pdf.numPages - MAX_PAGES })}</Notice>
      )}
    </div>
  );
}
