import { useEffect, useRef } from 'react';
import type { IpsDocument } from '../share/ips-read.ts';
import { AttachmentView } from './AttachmentView.tsx';
import { useT } from './i18n.ts';

interface DocumentViewProps {
  doc: IpsDocument;
  onClose: () => void;
}

/** One document over the summary, every page or file of it in order; Escape closes it. */
export function DocumentView({ doc, onClose }: DocumentViewProps) {
  const { t } = useT();
  const closeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    closeButton.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const title = doc.title ?? t('doc.untitled');
  const parts = doc.parts.filter((p) => p.data);
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
        {parts.map((part, i) => (
          <AttachmentView
            // Parts never move: their order is the paper's.
            key={i}
            part={part}
            name={parts.length > 1 ? t('doc.partName', { title, number: i + 1 }) : title}
          />
        ))}
      </div>
    </div>
  );
}
