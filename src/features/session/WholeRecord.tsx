import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { useSession } from './session-context.ts';

/**
 * The record's screens other than the summary: shown only once the whole record is read.
 * SAFETY: just after unlock the session may hold only the summary's first view (the summary
 * snapshot, `partial`); a share, a print, an emergency card or an edit made from that part
 * could leave out an allergy. Until the whole record is there, the loading line shows, and
 * the whole record's read starts at once.
 */
export function WholeRecord() {
  const { t } = useTranslation('common');
  const { state, wholeNeeded } = useSession();
  const partial = state.status === 'unlocked' && Boolean(state.partial);
  useEffect(() => {
    if (partial) wholeNeeded();
  }, [partial, wholeNeeded]);
  if (partial) {
    return (
      <p className="boot" role="status">
        {t('loading')}
      </p>
    );
  }
  return <Outlet />;
}
