import { useState } from 'react';
import { formatIsoDate } from '../i18n/format.ts';
import type { IpsDocument } from '../share/ips-read.ts';
import { fileKind } from './AttachmentView.tsx';
import { DocumentView } from './DocumentView.tsx';
import { useT } from './i18n.ts';

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
            const kind = fileKind(doc.parts[0]?.contentType);
            const openable = doc.parts.some((p) => p.data);
            const link = openable ? null : externalUrl(doc.parts.find((p) => p.url)?.url);
            const meta = [
              t(`doc.${kind}`),
              doc.parts.length > 1 ? t('doc.pages', { count: doc.parts.length }) : null,
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
                {openable ? (
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
