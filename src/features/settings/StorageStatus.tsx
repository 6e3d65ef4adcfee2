import { useTranslation } from 'react-i18next';
import { formatBytes } from '../../i18n/format.ts';
import { Button } from '../../ui/Button.tsx';
import { Icon } from '../../ui/Icon.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { useSession } from '../session/session-context.ts';
import { useStorageInfo } from '../shell/useStorageInfo.ts';

/** Whether the browser promised to keep Carnet's data, and how much space it uses. */
export function StorageStatus() {
  const { t, i18n } = useTranslation('settings');
  const { store } = useSession();
  const { info, refresh } = useStorageInfo();
  const lng = i18n.resolvedLanguage ?? 'fr';

  const ask = async () => {
    await store.requestPersistence();
    refresh();
  };

  return (
    <section className="settings-section" aria-labelledby="settings-storage">
      <h2 id="settings-storage">
        <Icon name="paper" />
        <span>{t('storage.title')}</span>
      </h2>
      {info && (
        <>
          <Notice tone={info.persisted ? 'success' : 'warning'}>
            <span data-testid="persisted">
              {info.persisted ? t('storage.persisted') : t('storage.notPersisted')}
            </span>
          </Notice>
          {info.usage !== undefined && info.quota !== undefined && (
            <p>
              {t('storage.usage', {
                used: formatBytes(info.usage, lng),
                free: formatBytes(Math.max(0, info.quota - info.usage), lng),
              })}
            </p>
          )}
          {!info.persisted && (
            <Button variant="secondary" icon="lock" onClick={() => void ask()}>
              {t('storage.ask')}
            </Button>
          )}
        </>
      )}
    </section>
  );
}
