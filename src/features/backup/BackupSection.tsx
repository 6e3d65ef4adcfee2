import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { Icon } from '../../ui/Icon.tsx';
import { useBackup } from './backup-context.ts';
import { LastBackupLine } from './LastBackupLine.tsx';
import type { ShowScreen } from './RelayCodeForm.tsx';
import { RelayCopy } from './RelayCopy.tsx';
import { SaveBackup } from './SaveBackup.tsx';
import './backup.css';

/** The id the summary links to (`/settings#backup`). */
const ANCHOR = 'backup';

/**
 * The settings' backup section: the last backup, "save a backup" (a file), the copy on the
 * relay, and the way to restore. `showScreen` lets it show the new recovery sheet whole.
 */
export function BackupSection({ showScreen }: { showScreen: ShowScreen }) {
  const { t } = useTranslation('backup');
  const { prefs } = useBackup();
  const { hash } = useLocation();
  const heading = useRef<HTMLHeadingElement>(null);

  // Arriving from the summary's warning: this section, not the top of the settings.
  useEffect(() => {
    if (hash === `#${ANCHOR}`) heading.current?.focus();
  }, [hash]);

  return (
    <section id={ANCHOR} className="settings-section backup-section" aria-labelledby="backup-title">
      <h2 id="backup-title" ref={heading} tabIndex={-1}>
        <Icon name="lock" />
        <span>{t('title')}</span>
      </h2>
      <p>{t('intro')}</p>
      {prefs && <LastBackupLine prefs={prefs} />}
      <SaveBackup />
      <RelayCopy showScreen={showScreen} />
      <Link className="btn btn-secondary backup-restore" to="/restore">
        <Icon name="forward" />
        <span>{t('restore')}</span>
      </Link>
    </section>
  );
}
