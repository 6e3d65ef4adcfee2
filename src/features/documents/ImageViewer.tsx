import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentFile } from '../../record/documents.ts';
import { Icon } from '../../ui/Icon.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { useFileUrl } from './useDocuments.ts';
import { usePan } from './usePan.ts';
import { ZOOM_STEPS, ZoomControls } from './ZoomControls.tsx';

/** The photographed pages, one at a time, with zoom and pan. */
export function ImageViewer({ files, title }: { files: readonly DocumentFile[]; title: string }) {
  const { t } = useTranslation(['documents', 'errors']);
  const [index, setIndex] = useState(0);
  const [step, setStep] = useState(0);
  const file = files[Math.min(index, files.length - 1)];
  const shown = useFileUrl(file);
  const pan = usePan();
  const count = files.length;
  return (
    <div className="doc-viewer">
      <ZoomControls step={step} onStep={setStep} />
      <div className="doc-canvas" {...pan}>
        {shown?.url && (
          <img
            src={shown.url}
            alt={t('view.pageAlt', { title, number: index + 1, count })}
            style={{ inlineSize: `${(ZOOM_STEPS[step] ?? 1) * 100}%` }}
            draggable={false}
            data-testid="doc-image"
          />
        )}
        {!shown && <p role="status">{t('view.loading')}</p>}
      </div>
      {shown?.failure && <Notice tone="error">{t(shown.failure)}</Notice>}
      {count > 1 && (
        <nav className="doc-page-nav" aria-label={t('import.pages')}>
          <button
            type="button"
            className="btn btn-secondary btn-small"
            disabled={index === 0}
            onClick={() => setIndex(index - 1)}
          >
            <Icon name="back" />
            <span>{t('view.previous')}</span>
          </button>
          <span>{t('view.page', { number: index + 1, count })}</span>
          <button
            type="button"
            className="btn btn-secondary btn-small"
            disabled={index >= count - 1}
            onClick={() => setIndex(index + 1)}
          >
            <span>{t('view.next')}</span>
            <Icon name="forward" />
          </button>
        </nav>
      )}
    </div>
  );
}
