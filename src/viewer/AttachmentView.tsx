import { useEffect, useMemo, useRef, useState } from 'react';
import type { IpsAttachment } from '../share/ips-read.ts';
import { useT } from './i18n.ts';

/** Pages of a PDF drawn at most; longer papers open in the browser's own viewer. */
const MAX_PDF_PAGES = 30;

/** What kind of file an attachment is, for its label and for how it is shown. */
export function fileKind(contentType: string | undefined): 'image' | 'pdf' | 'file' {
  if (contentType?.startsWith('image/')) return 'image';
  if (contentType === 'application/pdf') return 'pdf';
  return 'file';
}

/** The attachment's bytes, or null when it has none or its base64 is damaged. */
function bytesOf(part: IpsAttachment): Uint8Array | null {
  try {
    return part.data
      ? Uint8Array.from(atob(part.data.replace(/\s+/g, '')), (c) => c.charCodeAt(0))
      : null;
  } catch {
    return null;
  }
}

interface AttachmentViewProps {
  part: IpsAttachment;
  /** Accessible name of what is shown ("Letter, page 2"). */
  name: string;
}

/**
 * One attachment: an image as it is, a PDF drawn page by page with pdf.js, and a link to
 * open the file in the browser's own viewer.
 * SECURITY: the bytes live in a blob: URL of this page only, revoked when the view closes.
 */
export function AttachmentView({ part, name }: AttachmentViewProps) {
  const { t } = useT();
  const kind = fileKind(part.contentType);
  const bytes = useMemo(() => bytesOf(part), [part]);
  const [pdfFailed, setPdfFailed] = useState(false);
  const [pages, setPages] = useState(0);
  const image = useRef<HTMLImageElement>(null);
  const link = useRef<HTMLAnchorElement>(null);
  const pdfBox = useRef<HTMLDivElement>(null);
  const failed = !bytes || pdfFailed;

  useEffect(() => {
    if (!bytes) return;
    const type = part.contentType ?? 'application/octet-stream';
    const blobUrl = URL.createObjectURL(new Blob([bytes.slice()], { type }));
    if (image.current) image.current.src = blobUrl;
    if (link.current) link.current.href = blobUrl;
    let cancelled = false;
    let destroy: (() => void) | undefined;
    if (kind === 'pdf') {
      void import('../ui/pdf.ts')
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
            await renderPage(pdf, n, canvas, box.clientWidth || 340, window.devicePixelRatio || 1);
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
  }, [bytes, part, kind, t]);

  return (
    <div className="v-attachment">
      {failed && <p role="alert">{t('doc.cannotShow')}</p>}
      {bytes && kind === 'image' && <img ref={image} className="v-doc-image" alt={name} />}
      {!failed && kind === 'pdf' && pages === 0 && <p role="status">{t('doc.loading')}</p>}
      {kind === 'pdf' && <div className="v-pdf" ref={pdfBox} />}
      {bytes && kind === 'file' && <p>{t('doc.cannotShow')}</p>}
      {bytes && (
        <p>
          <a ref={link} className="v-link" target="_blank" rel="noopener noreferrer">
            {t('doc.openInBrowser')}
          </a>
        </p>
      )}
    </div>
  );
}
