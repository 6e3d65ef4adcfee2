import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Icon } from '../../ui/Icon.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { Screen } from '../../ui/Screen.tsx';
import { useUnlocked } from '../session/session-context.ts';
import { BackLink } from '../shell/BackLink.tsx';
import { errorKey } from '../shell/errors.ts';
import { useStoreQuery } from '../shell/useStoreQuery.ts';
import { CardEditor } from './CardEditor.tsx';
import './emergency.css';

/**
 * The emergency card: what a stranger or an emergency room needs first. It is the patient's
 * own (their profile); a child's summary goes on paper through "Print".
 */
export function EmergencyScreen() {
  const { t } = useTranslation(['emergency', 'common', 'errors']);
  const { state, store } = useUnlocked();
  const self = state.profiles.find((p) => p.relation === 'self');
  const saved = useStoreQuery(useCallback(() => store.emergency.card(), [store]));

  return (
    <Screen title={t('title')} start={<BackLink to="/" />}>
      {!self ? (
        <>
          <Notice>{t('noSelf')}</Notice>
          <Link className="btn btn-primary" to="/profile/new?self=1">
            <Icon name="add" />
            <span>{t('addSelf')}</span>
          </Link>
        </>
      ) : saved.status === 'loading' ? (
        <p role="status">{t('common:loading')}</p>
      ) : saved.status === 'failed' ? (
        <Notice tone="error">{t(errorKey(saved.error))}</Notice>
      ) : (
        <CardEditor profile={self} entries={state.entries} saved={saved.data} />
      )}
    </Screen>
  );
}
