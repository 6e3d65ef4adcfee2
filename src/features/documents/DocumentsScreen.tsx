import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DocumentType } from '../../record/documents.ts';
import { Icon } from '../../ui/Icon.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { Screen } from '../../ui/Screen.tsx';
import { ImportLink } from '../import/ImportLink.tsx';
import { useUnlocked } from '../session/session-context.ts';
import { DocumentListItem } from './DocumentListItem.tsx';
import { StorageLine } from './StorageLine.tsx';
import { TypeSelect } from './TypeSelect.tsx';
import { useDocumentList, useThumbnailLoader } from './useDocuments.ts';
import './documents.css';

/** Every paper, newest first, with thumbnails; filter by type and person, search by title. */
export function DocumentsScreen() {
  const { t } = useTranslation(['documents', 'common', 'errors']);
  const { state } = useUnlocked();
  const { list, failure } = useDocumentList();
  const thumbnails = useThumbnailLoader();
  const [query, setQuery] = useState('');
  const [type, setType] = useState<DocumentType | ''>('');
  const [profileId, setProfileId] = useState('');

  const shown = useMemo(() => {
    const needle = query.trim().toLocaleLowerCase();
    return (list?.documents ?? []).filter(
      (d) =>
        (!type || d.type === type) &&
        (!profileId || d.profileId === profileId) &&
        (!needle || d.title.toLocaleLowerCase().includes(needle)),
    );
  }, [list, query, type, profileId]);

  const back = (
    <Link className="icon-button" to="/" aria-label={t('common:back')}>
      <Icon name="back" />
    </Link>
  );
  return (
    <Screen title={t('title')} start={back}>
      <Link className="btn btn-primary doc-add" to="/documents/new">
        <Icon name="camera" />
        <span>{t('add')}</span>
      </Link>
      <ImportLink />
      {failure && <Notice tone="error">{t(failure)}</Notice>}
      {list && list.unreadable > 0 && (
        <Notice tone="error">{t('unreadable', { count: list.unreadable })}</Notice>
      )}
      {list && list.documents.length > 0 && (
        <div className="doc-filters" role="search">
          <div className="field">
            <label htmlFor="doc-search">{t('search')}</label>
            <input
              id="doc-search"
              type="search"
              dir="auto"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
            />
          </div>
          <TypeSelect
            id="doc-filter-type"
            label={t('filter.type')}
            value={type}
            allLabel={t('filter.allTypes')}
            onChange={setType}
          />
          {state.profiles.length > 1 && (
            <div className="field">
              <label htmlFor="doc-filter-profile">{t('filter.profile')}</label>
              <select
                id="doc-filter-profile"
                value={profileId}
                onChange={(e) => setProfileId(e.target.value)}
              >
                <option value="">{t('filter.allProfiles')}</option>
                {state.profiles.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            </div>
          )}
        </div>
      )}
      {!list && !failure && <p role="status">{t('common:loading')}</p>}
      {list && list.documents.length === 0 && <p className="empty">{t('empty')}</p>}
      {list && list.documents.length > 0 && shown.length === 0 && (
        <p className="empty">{t('noMatch')}</p>
      )}
      {shown.length > 0 && (
        <ul className="doc-list" aria-label={t('title')}>
          {shown.map((d) => (
            <DocumentListItem
              key={d.id}
              doc={d}
              thumbnails={thumbnails}
              profileName={
                state.profiles.length > 1
                  ? state.profiles.find((p) => p.id === d.profileId)?.name
                  : undefined
              }
            />
          ))}
        </ul>
      )}
      <StorageLine />
    </Screen>
  );
}
