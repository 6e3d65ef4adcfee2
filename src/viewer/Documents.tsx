import { useState } from 'react';
import { formatIsoDate } from '../i18n/format.ts';
import type { IpsDocument } from '../share/ips-read.ts';
import { DocumentView } from './DocumentView.tsx';
import { useT } from './i18n.ts';

/** What kind of file a document is, for its label and for how it is opened. */
export function fileKind(contentType: string | undefined): 'image' | 'pdf' | 'file' {
  if (contentType?.startsWith('image/')) return 'image';
  if (contentType === 'application/pdf') return 'pdf';
  return 'file';
}

/** A safe link target for a document kept outside the share: https (or http on this machine). */
function externalUrl(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url, window.location.href);
    return u.protocol === 'https:' || u.origin === window.location.origin ? u.href : null;
  } catch {
    return null;
  }
}

interface DocumentsProps {
  documents: readonly IpsDocument[];
}

/** The shared papers, each one tap away; the open one is shown over the summary. */
export function Documents({ documents }: DocumentsProps) {
  const { t, lng } = useT();
  const [open, setOpen] = useState<IpsDocument | null>(null);
  return (
    <section className="v-section v-documents" aria-labelledby="v-documents">
      <h3 id="v-documents">{t('section.documents')}</h3>
      {documents.length === 0 ? (
        <p className="v-empty">{t('doc.none')}</p>
      ) : (
        <ul className="v-items">
          {documents.map((doc) => {
            const kind = fileKind(doc.contentType);
            const link = doc.data ? null : externalUrl(doc.url);
            const meta = [
              t(`doc.${kind}`),
              doc.type?.text,
              doc.date && formatIsoDate(doc.date, lng),
            ]
              .filter(Boolean)
              .join(' · ');
            return (
              <li key={doc.key} className="v-item v-doc">
                <span className="v-item-title" dir="auto">
                  {doc.title ?? t('doc.untitled')}
                </span>
                <span className="v-item-details">{meta}</span>
                {doc.data ? (
                  <button
                    type="button"
                    className="v-button v-secondary"
                    onClick={() => setOpen(doc)}
                  >
                    {t('doc.open')}
                  </button>
                ) : link ? (
                  <a className="v-link" href={link} target="_blank" rel="noopener noreferrer">
                    {t('doc.external')}
                  </a>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      {open && <DocumentView doc={open} onClose={() => setOpen(null)} />}
    </section>
  );
}
