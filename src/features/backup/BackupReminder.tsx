import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Icon } from '../../ui/Icon.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { useNow } from '../shell/useNow.ts';
import { useStorageInfo } from '../shell/useStorageInfo.ts';
import { useBackup } from './backup-context.ts';
import { backupWarning, daysSince, lastBackup, timeAgo } from './backup-status.ts';
import './backup.css';

const TO_SETTINGS = '/settings#backup';

/**
 * The summary's one backup line: a warning (none yet, none for two weeks, or none while the
 * browser may erase the data) with the way to the settings' backup section; otherwise when
 * the last backup was made. Nothing until both the prefs and the storage state are known.
 */
export function BackupReminder() {
  const { t, i18n } = useTranslation('backup');
  const { prefs } = useBackup();
  const { info } = useStorageInfo();
  const now = useNow();
  if (!prefs || !info) return null;
  const last = lastBackup(prefs);
  const warning = backupWarning(last, info.persisted, now);

  if (warning) {
    return (
      <div className="backup-reminder" data-testid="backup-warning">
        <Notice tone="warning">
          <p className="backup-reminder-text">
            {warning === 'stale' && last
              ? t('warning.stale', { count: daysSince(last.at, now) })
              : t(warning === 'unprotected' ? 'warning.unprotected' : 'warning.none')}
          </p>
          <Link className="btn btn-secondary btn-small" to={TO_SETTINGS}>
            <Icon name="paper" />
            <span>{t('warning.action')}</span>
          </Link>
        </Notice>
      </div>
    );
  }
  if (!last) return null;
  return (
    <Link className="backup-line" to={TO_SETTINGS} data-testid="backup-line">
      <Icon name="check" />
      <span>
        {t(`last.${last.where}`, { when: timeAgo(last.at, now, i18n.resolvedLanguage ?? 'fr') })}
      </span>
    </Link>
  );
}
