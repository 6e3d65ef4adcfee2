import { useTranslation } from 'react-i18next';
import { formatBytes } from '../../i18n/format.ts';
import { Icon } from '../../ui/Icon.tsx';
import { useStorageInfo } from '../shell/useStorageInfo.ts';

/** How much space the record uses and has left, and whether the browser promised to keep it. */
export function StorageLine() {
  const { t, i18n } = useTranslation('documents');
  const { info } = useStorageInfo();
  const lng = i18n.resolvedLanguage ?? 'fr';
  if (!info) return null;
  return (
    <section className="doc-storage" aria-label={t('storage.label')}>
      {info.usage !== undefined && info.quota !== undefined && (
        <p>
          {t('storage.usage', {
            used: formatBytes(info.usage, lng),
            free: formatBytes(Math.max(0, info.quota - info.usage), lng),
          })}
        </p>
      )}
      <p>
        <Icon name={info.persisted ? 'lock' : 'warning'} />
        <span>{info.persisted ? t('storage.persisted') : t('storage.notPersisted')}</span>
      </p>
    </section>
  );
}
