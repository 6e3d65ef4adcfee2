import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ShareRecord } from '../../record/shares.ts';
import { shareState } from '../../record/shares.ts';
import type { ShareStatusResponse } from '../../share/protocol.ts';
import { shareStatus } from '../../share/relay-client.ts';
import { Button } from '../../ui/Button.tsx';
import { Icon } from '../../ui/Icon.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { useNow } from '../shell/useNow.ts';

interface ShareListItemProps {
  share: ShareRecord;
  online: boolean;
  onRevoke: (share: ShareRecord) => Promise<void>;
}

/** One share: its state, what went in, who opened it and when, and revoke. */
export function ShareListItem({ share, online, onRevoke }: ShareListItemProps) {
  const { t, i18n } = useTranslation(['share', 'common', 'errors']);
  const state = shareState(share, useNow());
  const [status, setStatus] = useState<ShareStatusResponse | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const format = (ms: number) =>
    new Intl.DateTimeFormat(i18n.resolvedLanguage, {
      dateStyle: 'medium',
      timeStyle: 'short',
    }).format(ms);

  useEffect(() => {
    if (state !== 'active' || !online) return;
    let live = true;
    shareStatus(share.relayId, share.managementToken).then(
      (s) => live && setStatus(s),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [share, state, online]);

  return (
    <li className={`share-item share-${state}`}>
      <p className="share-head">
        <strong>{t(`who.${share.audience}`)}</strong>
        <span className={`tag tag-${state}`}>{t(`list.state.${state}`)}</span>
      </p>
      <p className="entry-detail">
        {t('list.counts', { entries: share.counts.entries, documents: share.counts.documents })}
        {share.counts.sensitive > 0 &&
          ` · ${t('list.sensitiveCount', { count: share.counts.sensitive })}`}
      </p>
      <p className="entry-detail">
        {state === 'revoked' && share.revokedAt
          ? t('list.revokedAt', { date: format(share.revokedAt) })
          : t(state === 'expired' ? 'list.expiredAt' : 'list.expiresAt', {
              date: format(share.exp * 1000),
            })}
      </p>
      {status && (
        <div className="share-accesses">
          {status.accesses.length === 0 ? (
            <p>{t('list.notOpened')}</p>
          ) : (
            <ul className="plain-list">
              {status.accesses.map((a, i) => (
                <li key={i}>
                  <Icon name="clinician" />{' '}
                  {t('list.openedBy', { name: a.recipient, date: format(a.at) })}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {state === 'active' && (
        <div className="form-actions">
          <Link className="btn btn-secondary btn-small" to={`/shares/${share.id}`}>
            <Icon name="clinician" />
            <span>{t('list.showQr')}</span>
          </Link>
          {!confirming && (
            <Button
              variant="danger"
              icon="trash"
              className="btn-small"
              onClick={() => setConfirming(true)}
            >
              {t('list.revoke')}
            </Button>
          )}
        </div>
      )}
      {confirming && (
        <div className="confirm" role="alertdialog" aria-label={t('list.revokeConfirm')}>
          <p>{t('list.revokeConfirm')}</p>
          {!online && <Notice tone="warning">{t('errors:share.offline')}</Notice>}
          <Button
            variant="danger"
            icon="trash"
            disabled={busy || !online}
            onClick={() => {
              setBusy(true);
              void onRevoke(share).finally(() => {
                setBusy(false);
                setConfirming(false);
              });
            }}
          >
            {t('list.revokeYes')}
          </Button>
          <Button variant="secondary" onClick={() => setConfirming(false)}>
            {t('common:cancel')}
          </Button>
        </div>
      )}
    </li>
  );
}
