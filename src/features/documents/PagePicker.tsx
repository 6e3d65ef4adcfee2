import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_MIME_TYPES } from '../../record/documents.ts';
import { Icon } from '../../ui/Icon.tsx';
import type { PreparedPage } from './usePages.ts';

/**
 * Take photos (one per page, as many as needed) or pick images or a PDF, and see the
 * pages so far. The file inputs sit inside their labels, so the big buttons open them.
 */
export function PagePicker({
  pages,
  busy,
  onAdd,
  onRemove,
}: {
  pages: readonly PreparedPage[];
  busy: boolean;
  onAdd: (files: File[]) => void;
  onRemove: (key: number) => void;
}) {
  const { t } = useTranslation('documents');
  const id = useId();
  const pick = (input: HTMLInputElement) => {
    const files = Array.from(input.files ?? []);
    input.value = '';
    if (files.length > 0) onAdd(files);
  };
  const hasPdf = pages.some((p) => p.kind === 'pdf');
  return (
    <section className="doc-pages" aria-labelledby={`${id}-pages`}>
      <h2 id={`${id}-pages`}>
        <Icon name="paper" />
        <span>{t('import.pages')}</span>
      </h2>
      {pages.length > 0 && (
        <ol className="doc-page-list">
          {pages.map((p, i) => (
            <li key={p.key} className="doc-page">
              <span className="doc-thumb">
                {p.previewUrl ? <img src={p.previewUrl} alt="" /> : <Icon name="paper" />}
              </span>
              <span>{p.kind === 'pdf' ? t('pdf') : t('import.page', { number: i + 1 })}</span>
              <button
                type="button"
                className="icon-button"
                onClick={() => onRemove(p.key)}
                aria-label={t('import.removePage', { number: i + 1 })}
              >
                <Icon name="trash" />
              </button>
            </li>
          ))}
        </ol>
      )}
      {busy && <p role="status">{t('import.preparing')}</p>}
      {!hasPdf && (
        <div className="doc-pick">
          <label className={`btn btn-primary${busy ? ' is-disabled' : ''}`}>
            <Icon name="camera" />
            <span>{pages.length > 0 ? t('import.cameraMore') : t('import.camera')}</span>
            <input
              className="visually-hidden"
              type="file"
              accept="image/*"
              capture="environment"
              disabled={busy}
              onChange={(e) => pick(e.currentTarget)}
            />
          </label>
          <label className={`btn btn-secondary${busy ? ' is-disabled' : ''}`}>
            <Icon name="upload" />
            <span>{t('import.pick')}</span>
            <input
              className="visually-hidden"
              type="file"
              accept={DOCUMENT_MIME_TYPES.join(',')}
              multiple
              disabled={busy}
              data-testid="doc-file-input"
              onChange={(e) => pick(e.currentTarget)}
            />
          </label>
        </div>
      )}
    </section>
  );
}
