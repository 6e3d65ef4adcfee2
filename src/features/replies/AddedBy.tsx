import { useTranslation } from 'react-i18next';
import { formatIsoDate } from '../../i18n/format.ts';
import type { Entry } from '../../record/types.ts';

/**
 * "Added by Dr Martin (name as given by the sender), 23 Nov 2026" under an entry a
 * clinician sent back; nothing for any other entry.
 */
export function AddedBy({ entry }: { entry: Pick<Entry, 'addedBy'> }) {
  const { t, i18n } = useTranslation('replies');
  if (!entry.addedBy) return null;
  return (
    <span className="added-by">
      {t('addedBy', {
        name: entry.addedBy.name,
        date: formatIsoDate(entry.addedBy.date, i18n.language),
      })}
    </span>
  );
}
