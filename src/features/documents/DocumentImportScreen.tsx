import type { FormEvent } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { DocumentDetails } from '../../record/documents.ts';
import { validateDocument } from '../../record/documents.ts';
import { RecordError } from '../../record/errors.ts';
import type { FieldErrors } from '../../record/validate.ts';
import { hasErrors } from '../../record/validate.ts';
import { Button } from '../../ui/Button.tsx';
import { Icon } from '../../ui/Icon.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { Screen } from '../../ui/Screen.tsx';
import { useUnlocked } from '../session/session-context.ts';
import type { ErrorKey } from '../shell/errors.ts';
import { documentErrorKey } from './document-errors.ts';
import { DocumentFields } from './DocumentFields.tsx';
import { PagePicker } from './PagePicker.tsx';
import { usePages } from './usePages.ts';
import './documents.css';

/** Photograph or pick the pages of one paper, describe it, and store it encrypted. */
export function DocumentImportScreen() {
  const { t, i18n } = useTranslation(['documents', 'common', 'errors']);
  const navigate = useNavigate();
  const { store, activeProfileId } = useUnlocked();
  const pages = usePages();
  const [details, setDetails] = useState<DocumentDetails>(() => ({
    profileId: activeProfileId ?? '',
    title: '',
    type: 'lab-result',
    lang: i18n.resolvedLanguage === 'en' ? 'en' : 'fr',
    entryIds: [],
    sensitive: false,
  }));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<ErrorKey | 'documents:import.needPages' | undefined>();
  const [progress, setProgress] = useState<number | null>(null);

  async function save(event: FormEvent) {
    event.preventDefault();
    // Typing is hard for some: an untitled paper is named after its type.
    const titled = details.title.trim()
      ? details
      : { ...details, title: t(`types.${details.type}`) };
    const found = validateDocument(titled);
    setErrors(found);
    if (pages.pages.length === 0) return setFailure('documents:import.needPages');
    if (hasErrors(found)) return setFailure('errors:form-invalid');
    setFailure(undefined);
    setProgress(0);
    try {
      const doc = await store.documents.add(
        {
          ...titled,
          files: pages.pages.map((p) => p.page),
          ...(pages.pages[0]?.thumbnail ? { thumbnail: pages.pages[0].thumbnail } : {}),
        },
        (done, total) => setProgress(total > 0 ? Math.round((done / total) * 100) : 100),
      );
      await navigate(`/documents/${doc.id}`, { replace: true });
    } catch (err) {
      if (err instanceof RecordError && err.details.fields) setErrors(err.details.fields);
      setFailure(documentErrorKey(err));
      setProgress(null);
    }
  }

  const saving = progress !== null;
  const back = (
    <Link className="icon-button" to="/documents" aria-label={t('common:back')}>
      <Icon name="back" />
    </Link>
  );
  return (
    <Screen title={t('import.title')} start={back}>
      <form onSubmit={(e) => void save(e)} noValidate>
        <PagePicker
          pages={pages.pages}
          busy={pages.busy || saving}
          onAdd={(files) => void pages.add(files)}
          onRemove={pages.remove}
        />
        {pages.failure && <Notice tone="error">{t(pages.failure)}</Notice>}
        <label className="check-row">
          <input
            type="checkbox"
            checked={pages.keepOriginal}
            disabled={pages.busy || saving}
            onChange={(e) => void pages.setKeepOriginal(e.target.checked)}
          />
          <Icon name="camera" />
          <span>
            {t('import.keepOriginal')}
            <small>{t('import.keepOriginalHint')}</small>
          </span>
        </label>
        <DocumentFields value={details} errors={errors} onChange={setDetails} />
        {failure && <Notice tone="error">{t(failure)}</Notice>}
        {saving && (
          <div role="status" className="doc-progress">
            <span>{t('import.saving', { percent: progress })}</span>
            <progress max={100} value={progress} />
          </div>
        )}
        <Button type="submit" icon="check" disabled={pages.busy || saving}>
          {t('import.save')}
        </Button>
      </form>
    </Screen>
  );
}
