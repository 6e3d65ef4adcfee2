import type { ShareContent } from './content.ts';
import { useT } from './i18n.ts';

interface ShareNotesProps {
  content: ShareContent;
  onRefresh: () => void;
}

/**
 * What the share's server says of it (its manifest's `status`), and what of it cannot be
 * shown: said, never dropped silently.
 */
export function ShareNotes({ content, onRefresh }: ShareNotesProps) {
  const { t } = useT();
  return (
    <>
      {content.status === 'no-longer-valid' && (
        <p className="v-chosen v-warning" role="note">
          {t('status.noLongerValid')}
        </p>
      )}
      {content.status === 'can-change' && (
        <p className="v-chosen v-can-change" role="note">
          {t('status.canChange')}{' '}
          <button type="button" className="v-button v-secondary" onClick={onRefresh}>
            {t('status.refresh')}
          </button>
        </p>
      )}
      {content.notShown > 0 && (
        <p className="v-chosen" role="note">
          {t('summary.notShown', { count: content.notShown })}
        </p>
      )}
    </>
  );
}
