import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ShareRecord } from '../../record/shares.ts';
import { shareState } from '../../record/shares.ts';
import { Button } from '../../ui/Button.tsx';
import { Icon } from '../../ui/Icon.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { useNow } from '../shell/useNow.ts';
import { formatDateTime } from '../../i18n/format.ts';

interface ShareListItemProps {
  share: ShareRecord;
  online: boolean;
  /** The relay answered for this share during this visit. */
  fresh: boolean;
  onRevoke: (share: ShareRecord) => Promise<void>;
}

/**
 * One share: its state, what went in, who opened it and when (kept on the phone, so it
 * survives revoke, expiry and being offline), and revoke.
 */
export function ShareListItem({ share, online, fresh, onRevoke }: ShareListItemProps) {
  const { t, i18n } = useTranslation(['share', 'common', 'errors']);
  const state = shareState(share, useNow());
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const format = (ms: number) =>
    formatDateTime(ms, i18n.resolvedLanguage, { dateStyle: 'medium', timeStyle: 'short' });
  const accesses = share.accesses ?? [];
  // Whether anyone opened it is known only once the relay has answered at least once.
  const known = share.lastStatusAt !== undefined;

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
      {state === 'blocked' ? (
        <Notice tone="warning">
          {t('list.blockedReason')} {t('list.blockedNext')}
        </Notice>
      ) : (
        <p className="entry-detail">
          {state === 'revoked' && share.revokedAt
            ? t('list.revokedAt', { date: format(share.revokedAt) })
            : t(state === 'expired' ? 'list.expiredAt' : 'list.expiresAt', {
                date: format(share.exp * 1000),
              })}
        </p>
      )}
      {(accesses.length > 0 || known) && (
        <div className="share-accesses">
          {accesses.length === 0 ? (
            <p>{t(state === 'active' ? 'list.notOpened' : 'list.neverOpened')}</p>
          ) : (
            <ul className="plain-list">
              {accesses.map((a, i) => (
                <li key={i}>
                  <Icon name="clinician" />{' '}
                  {t('list.openedBy', { name: a.recipient, date: format(a.at) })}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {/* Not checked during this visit (offline, relay unreachable, or expired): say since when. */}
      {!fresh && state !== 'revoked' && share.lastStatusAt !== undefined && (
        <p className="entry-detail">{t('list.checkedAt', { date: format(share.lastStatusAt) })}</p>
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
