import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { useOnline } from '../share/useOnline.ts';
import { useNow } from '../shell/useNow.ts';
import { useBackup } from './backup-context.ts';
import { relayFailureKey } from './backup-errors.ts';
import { timeAgo } from './backup-status.ts';
import { formatDateTime } from '../../i18n/format.ts';

/**
 * Where the relay copy stands while it is on: sending (with progress), saved and when,
 * waiting for the network, or the last attempt's failure, said quietly with a retry.
 */
export function RelayStatus() {
  const { t, i18n } = useTranslation(['backup', 'errors']);
  const { prefs, relay, sync } = useBackup();
  const online = useOnline();
  const now = useNow(30_000);
  const lng = i18n.resolvedLanguage ?? 'fr';
  if (!prefs?.relay) return null;
  const since = formatDateTime(prefs.relay.since, lng, { dateStyle: 'long' });

  return (
    <div className="relay-status">
      <p className="field-hint">{t('relay.since', { date: since })}</p>
      {relay.phase === 'uploading' ? (
        <div className="backup-progress">
          <p role="status">{t('relay.uploading')}</p>
          <progress max={1} value={relay.fraction} aria-label={t('relay.progress')} />
        </div>
      ) : relay.phase === 'failed' ? (
        <Notice tone="warning">
          <span data-testid="relay-state">
            {t('relay.failed', { reason: t(relayFailureKey(relay.error)) })}
          </span>
          <Button
            variant="secondary"
            icon="upload"
            className="btn-small"
            disabled={!online}
            onClick={() => void sync.upload()}
          >
            {t('relay.retry')}
          </Button>
        </Notice>
      ) : !online ? (
        <Notice>{t('relay.offline')}</Notice>
      ) : prefs.lastRelayAt !== undefined ? (
        <Notice tone="success">
          <span data-testid="relay-state">
            {t('relay.saved', { when: timeAgo(prefs.lastRelayAt, now, lng) })}
          </span>
        </Notice>
      ) : (
        <p role="status">{t('relay.waiting')}</p>
      )}
      <p className="field-hint">{t('relay.auto')}</p>
    </div>
  );
}
