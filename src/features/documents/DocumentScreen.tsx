import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { findLanguage } from '../../i18n/languages.ts';
import { formatIsoDate } from '../../i18n/format.ts';
import { Button } from '../../ui/Button.tsx';
import { Icon } from '../../ui/Icon.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { Screen } from '../../ui/Screen.tsx';
import { useUnlocked } from '../session/session-context.ts';
import type { ErrorKey } from '../shell/errors.ts';
import { entryTitle } from '../entries/entry-text.ts';
import { documentErrorKey } from './document-errors.ts';
import { DocumentEditForm } from './DocumentEditForm.tsx';
import { DocumentViewer } from './DocumentViewer.tsx';
import { useDocumentList } from './useDocuments.ts';
import './documents.css';

/** One paper: its pages, what it is, what it is linked to; edit or delete it. */
export function DocumentScreen() {
  const { t, i18n } = useTranslation(['documents', 'common', 'errors', 'entry', 'vocab']);
  const { id } = useParams();
  const navigate = useNavigate();
  const { state, store } = useUnlocked();
  const { list, failure: loadFailure, reload } = useDocumentList();
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [failure, setFailure] = useState<ErrorKey | undefined>();
  const doc = list?.documents.find((d) => d.id === id);
  const lng = i18n.resolvedLanguage ?? 'fr';

  const back = (
    <Link className="icon-button" to="/documents" aria-label={t('common:back')}>
      <Icon name="back" />
    </Link>
  );
  if (!list || !doc) {
    return (
      <Screen title={list ? t('common:notFound') : t('title')} start={back}>
        {loadFailure && <Notice tone="error">{t(loadFailure)}</Notice>}
        {!list && !loadFailure && <p role="status">{t('common:loading')}</p>}
        {list && <Notice tone="error">{t('errors:not-found')}</Notice>}
      </Screen>
    );
  }

  async function remove() {
    try {
      await store.documents.remove(doc!.id);
      await navigate('/documents', { replace: true });
    } catch (err) {
      setFailure(documentErrorKey(err));
    }
  }

  const linked = state.entries.filter((e) => doc.entryIds.includes(e.id));
  const language = doc.lang ? findLanguage(doc.lang)?.nativeName : undefined;
  return (
    <Screen title={doc.title} start={back}>
      <DocumentViewer doc={doc} />
      {editing ? (
        <DocumentEditForm
          doc={doc}
          onDone={async (saved) => {
            setEditing(false);
            if (saved) await reload();
          }}
        />
      ) : (
        <section className="doc-about">
          <p className="doc-detail">
            {t(`types.${doc.type}`)}
            {doc.date && ` · ${formatIsoDate(doc.date, lng)}`}
            {language && ` · ${t('view.lang', { lang: language })}`}
          </p>
          {doc.sensitive && (
            <p className="tag tag-sensitive">
              <Icon name="sensitive" />
              {t('sensitive')}
            </p>
          )}
          {linked.length > 0 && (
            <>
              <h2>{t('field.links')}</h2>
              <ul className="doc-links">
                {linked.map((e) => (
                  <li key={e.id}>
                    <Link to={`/entry/${e.id}`}>{entryTitle(e, t)}</Link>
                  </li>
                ))}
              </ul>
            </>
          )}
          <div className="form-actions">
            <Button variant="secondary" icon="edit" onClick={() => setEditing(true)}>
              {t('view.edit')}
            </Button>
            <Button variant="danger" icon="trash" onClick={() => setConfirmDelete(true)}>
              {t('view.delete')}
            </Button>
          </div>
          {confirmDelete && (
            <div className="confirm" role="alertdialog" aria-labelledby="doc-confirm">
              <p id="doc-confirm">{t('view.confirmDelete')}</p>
              <div className="form-actions">
                <Button variant="danger" icon="trash" onClick={() => void remove()}>
                  {t('view.deleteYes')}
                </Button>
                <Button variant="ghost" onClick={() => setConfirmDelete(false)}>
                  {t('common:cancel')}
                </Button>
              </div>
            </div>
          )}
          {failure && <Notice tone="error">{t(failure)}</Notice>}
        </section>
      )}
    </Screen>
  );
}
