import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Icon } from '../../ui/Icon.tsx';
import { useSession } from '../session/session-context.ts';
import { useStoreQuery } from '../shell/useStoreQuery.ts';

/** The way to the emergency card, and whether this phone shows it on its lock screen. */
export function EmergencySetting() {
  const { t } = useTranslation('emergency');
  const { store } = useSession();
  const onLock = useStoreQuery(useCallback(() => store.emergency.onLockScreen(), [store]));
  return (
    <section className="settings-section" aria-labelledby="settings-emergency">
      <h2 id="settings-emergency">
        <Icon name="warning" />
        <span>{t('title')}</span>
      </h2>
      {onLock.status === 'done' && <p>{t(onLock.data ? 'lock.on' : 'lock.off')}</p>}
      <Link className="btn btn-secondary" to="/emergency">
        <Icon name="forward" />
        <span>{t('settings.open')}</span>
      </Link>
    </section>
  );
}
