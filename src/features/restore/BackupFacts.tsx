import { useTranslation } from 'react-i18next';
import { formatBytes, formatDateTime } from '../../i18n/format.ts';
import type { BackupHeader } from '../../record/backup/format.ts';
import { Icon } from '../../ui/Icon.tsx';

/** When the backup was made, as the phone's clock and language say it. */
export function formatMoment(epochMs: number, lng: string): string {
  return formatDateTime(epochMs, lng, { dateStyle: 'long', timeStyle: 'short' });
}

/**
 * What a backup holds, from its header (read before the recovery code is typed): its date,
 * how many people, health items and papers, and its size. Counts, never contents.
 */
export function BackupFacts({ header }: { header: BackupHeader }) {
  const { t, i18n } = useTranslation('restore');
  const lng = i18n.resolvedLanguage ?? 'fr';
  const { counts } = header;
  return (
    <ul className="restore-facts" data-testid="backup-facts">
      <li>
        <Icon name="note" />
        <span>{t('summary.date', { date: formatMoment(header.createdAt, lng) })}</span>
      </li>
      <li>
        <Icon name="person" />
        <span>{t('summary.profiles', { count: counts.profiles })}</span>
      </li>
      <li>
        <Icon name="condition" />
        <span>{t('summary.entries', { count: counts.entries })}</span>
      </li>
      <li>
        <Icon name="paper" />
        <span>{t('summary.documents', { count: counts.documents })}</span>
      </li>
      <li>
        <Icon name="upload" />
        <span>{t('summary.size', { size: formatBytes(header.bytes, lng) })}</span>
      </li>
    </ul>
  );
}
