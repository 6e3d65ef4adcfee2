import { useEffect, useMemo, useRef, useState } from 'react';
import type { IpsAttachment } from '../share/ips-read.ts';
import { MAX_TEXT_BYTES, attachmentKind, blobType } from './attachment-kind.ts';
import { useT } from './i18n.ts';

/** Pages of a PDF drawn at most; longer papers are offered as a download. */
const MAX_PDF_PAGES = 30;

/** What kind of file an attachment is, for its label in the documents list. */
export function fileKind(contentType: string | undefined): 'image' | 'pdf' | 'file' {
  const kind = attachmentKind(contentType);
  return kind === 'text' ? 'file' : kind;
}

/** The attachment's bytes, or null when it has none or its base64 is damaged. */
function bytesOf(part: IpsAttachment): Uint8Array<ArrayBuffer> | null {
  try {
    return part.data
      ? Uint8Array.from(atob(part.data.replace(/\s+/g, '')), (c) => c.charCodeAt(0))
      : null;
  } catch {
    return null;
  }
}

/** Draws a PDF's pages into `box` with pdf.js; resolves to a clean-up function. */
async function drawPdf(
  bytes: Uint8Array,
  box: HTMLElement,
  pageLabel: (n: number, total: number) => string,
  onPage: (n: number) => void,
  cancelled: () => boolean,
): Promise<() => void> {
  const { openPdf, renderPage } = await import('../ui/pdf.ts');
  const pdf = await openPdf(bytes.slice());
  const count = Math.min(pdf.numPages, MAX_PDF_PAGES);
  for (let n = 1; n <= count && !cancelled(); n++) {
    const canvas = document.createElement('canvas');
    canvas.setAttribute('aria-label', pageLabel(n, pdf.numPages));
    canvas.setAttribute('role', 'img');
    box.append(canvas);
    await renderPage(pdf, n, canvas, box.clientWidth || 340, window.devicePixelRatio || 1);
    onPage(n);
  }
  return () => void pdf.destroy();
}

interface AttachmentViewProps {
  part: IpsAttachment;
  /** Accessible name of what is shown ("Letter, page 2"). */
  name: string;
}

/**
 * One attachment: a raster image as it is, a PDF drawn page by page with pdf.js, plain text
 * as text; anything else only as a download.
 * SECURITY: the bytes live in a blob: URL of this page only, revoked when the view closes,
 * and that URL never carries an active type (attachment-kind.ts): the share's author
 * chose the declared type, and a page of theirs must never run on Carnet's origin.
 */
export function AttachmentView({ part, name }: AttachmentViewProps) {
  const { t } = useT();
  const kind = attachmentKind(part.contentType);
  const bytes = useMemo(() => bytesOf(part), [part]);
  const [pdfFailed, setPdfFailed] = useState(false);
  const [pages, setPages] = useState(0);
  const image = useRef<HTMLImageElement>(null);
  const link = useRef<HTMLAnchorElement>(null);
  const pdfBox = useRef<HTMLDivElement>(null);
  const failed = !bytes || pdfFailed;
  const text = useMemo(
    () =>
      bytes && kind === 'text' && bytes.length <= MAX_TEXT_BYTES
        ? new TextDecoder('utf-8', { fatal: false }).decode(bytes)
        : null,
    [bytes, kind],
  );

  useEffect(() => {
    if (!bytes) return;
    const blobUrl = URL.createObjectURL(
      new Blob([bytes], { type: blobType(kind, part.contentType) }),
    );
    if (image.current) image.current.src = blobUrl;
    if (link.current) link.current.href = blobUrl;
    let cancelled = false;
    let destroy: (() => void) | undefined;
    if (kind === 'pdf' && pdfBox.current) {
      drawPdf(
        bytes,
        pdfBox.current,
        (n, total) => t('doc.page', { number: n, total }),
        (n) => !cancelled && setPages(n),
        () => cancelled,
      ).then(
        (clean) => (cancelled ? clean() : (destroy = clean)),
        () => !cancelled && setPdfFailed(true),
      );
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
      {text !== null && (
        <pre className="v-doc-text" dir="auto" aria-label={name}>
          {text}
        </pre>
      )}
      {bytes && (kind === 'file' || (kind === 'text' && text === null)) && (
        <p>{t('doc.downloadOnly')}</p>
      )}
      {bytes && (
        <p>
          {kind === 'image' ? (
            <a ref={link} className="v-link" target="_blank" rel="noopener noreferrer">
              {t('doc.openInBrowser')}
            </a>
          ) : (
            <a ref={link} className="v-link" download={downloadName(name, part.contentType)}>
              {t('doc.download')}
            </a>
          )}
        </p>
      )}
    </div>
  );
}

/** A file name for a download: the attachment's name and the extension of its type. */
function downloadName(name: string, contentType: string | undefined): string {
  const ext = { 'application/pdf': 'pdf', 'text/plain': 'txt' }[contentType ?? ''] ?? 'bin';
  const base =
    name
      .replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ')
      .trim()
      .slice(0, 80) || 'document';
  return `${base}.${ext}`;
}
