import { useEffect, useMemo, useRef, useState } from 'react';
import type { IpsDocument } from '../share/ips-read.ts';
import { fileKind } from './Documents.tsx';
import { useT } from './i18n.ts';

/** Pages of a PDF drawn at most; longer papers open in the browser's own viewer. */
const MAX_PDF_PAGES = 30;

/** The attachment's bytes, or null when its base64 is damaged. */
function bytesOf(doc: IpsDocument): Uint8Array | null {
  try {
    return doc.data
      ? Uint8Array.from(atob(doc.data.replace(/\s+/g, '')), (c) => c.charCodeAt(0))
      : null;
  } catch {
    return null;
  }
}

interface DocumentViewProps {
  doc: IpsDocument;
  onClose: () => void;
}

/**
 * One document over the summary: images as they are, PDFs drawn page by page with pdf.js,
 * and a link to open the file in the browser's own viewer.
 * SECURITY: the bytes live in a blob: URL of this page only, revoked when the view closes.
 */
export function DocumentView({ doc, onClose }: DocumentViewProps) {
  const { t } = useT();
  const kind = fileKind(doc.contentType);
  const bytes = useMemo(() => bytesOf(doc), [doc]);
  const [pdfFailed, setPdfFailed] = useState(false);
  const [pages, setPages] = useState(0);
  const image = useRef<HTMLImageElement>(null);
  const link = useRef<HTMLAnchorElement>(null);
  const pdfBox = useRef<HTMLDivElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const failed = !bytes || pdfFailed;

  useEffect(() => {
    closeButton.current?.focus();
    if (!bytes) return;
    const type = doc.contentType ?? 'application/octet-stream';
    const blobUrl = URL.createObjectURL(new Blob([bytes.slice()], { type }));
    if (image.current) image.current.src = blobUrl;
    if (link.current) link.current.href = blobUrl;
    let cancelled = false;
    let destroy: (() => void) | undefined;
    if (kind === 'pdf') {
      void import('./pdf.ts')
        .then(async ({ openPdf, renderPage }) => {
          const pdf = await openPdf(bytes.slice());
          destroy = () => void pdf.destroy();
          if (cancelled) return destroy();
          const box = pdfBox.current;
          const count = Math.min(pdf.numPages, MAX_PDF_PAGES);
          for (let n = 1; n <= count && box && !cancelled; n++) {
            const canvas = document.createElement('canvas');
            canvas.setAttribute('aria-label', t('doc.page', { number: n, total: pdf.numPages }));
            canvas.setAttribute('role', 'img');
            box.append(canvas);
            await renderPage(pdf, n, canvas, box.clientWidth || 340);
            if (!cancelled) setPages(n);
          }
        })
        .catch(() => {
          if (!cancelled) setPdfFailed(true);
        });
    }
    return () => {
      cancelled = true;
      destroy?.();
      URL.revokeObjectURL(blobUrl);
    };
  }, [bytes, doc, kind, t]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const title = doc.title ?? t('doc.untitled');
  return (
    <div className="v-overlay" role="dialog" aria-modal="true" aria-labelledby="v-doc-title">
      <div className="v-overlay-bar">
        <h2 id="v-doc-title" dir="auto">
          {title}
        </h2>
        <button ref={closeButton} type="button" className="v-button" onClick={onClose}>
          {t('doc.close')}
        </button>
      </div>
      <div className="v-overlay-body">
        {failed && <p role="alert">{t('doc.cannotShow')}</p>}
        {bytes && kind === 'image' && <img ref={image} className="v-doc-image" alt={title} />}
        {!failed && kind === 'pdf' && pages === 0 && <p role="status">{t('doc.loading')}</p>}
        {kind === 'pdf' && <div className="v-pdf" ref={pdfBox} />}
        {kind === 'file' && <p>{t('doc.cannotShow')}</p>}
        {bytes && (
          <p>
            <a ref={link} className="v-link" target="_blank" rel="noopener noreferrer">
              {t('doc.openInBrowser')}
            </a>
          </p>
        )}
      </div>
    </div>
  );
}
