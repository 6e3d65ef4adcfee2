import { useTranslation } from 'react-i18next';
import type { BackupPrefs } from '../../record/tables.ts';
import { Icon } from '../../ui/Icon.tsx';
import { useNow } from '../shell/useNow.ts';
import { lastBackup, timeAgo } from './backup-status.ts';

/** "Dernière sauvegarde : il y a 2 jours (fichier)", or that there is none yet. */
export function LastBackupLine({ prefs }: { prefs: BackupPrefs }) {
  const { t, i18n } = useTranslation('backup');
  const now = useNow(30_000);
  const last = lastBackup(prefs);
  return (
    <p className="backup-last" data-testid="last-backup">
      <Icon name={last ? 'check' : 'warning'} />
      <span>
        {last
          ? t(`last.${last.where}`, { when: timeAgo(last.at, now, i18n.resolvedLanguage ?? 'fr') })
          : t('last.never')}
      </span>
    </p>
  );
}
