import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { ShareRecord } from '../../record/shares.ts';
import { shareState } from '../../record/shares.ts';
import { Button } from '../../ui/Button.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { Screen } from '../../ui/Screen.tsx';
import { BackLink } from '../shell/BackLink.tsx';
import { useSession } from '../session/session-context.ts';
import { QrCode } from '../../ui/QrCode.tsx';
import { useWakeLock } from './useWakeLock.ts';
import { useNow } from '../shell/useNow.ts';
import { useStoreQuery } from '../shell/useStoreQuery.ts';
import './share.css';
import { formatDateTime } from '../../i18n/format.ts';

const DOCTOR_WORDS = { title: 'qr.title', scan: 'qr.scan', pin: 'qr.pin' } as const;
const SOCIAL_WORDS = {
  title: 'qr.titleSocial',
  scan: 'qr.scanSocial',
  pin: 'qr.pinSocial',
} as const;

/**
 * The QR code full screen for the doctor's camera, the PIN to say aloud (never in the
 * code), the expiry, and ways to send the link instead.
 */
export function ShareQrScreen() {
  const { t, i18n } = useTranslation(['share', 'common']);
  const { id } = useParams();
  const { store } = useSession();
  const [copied, setCopied] = useState(false);
  const now = useNow();
  useWakeLock();

  const query = useStoreQuery(
    useCallback(
      async () => (await store.shares.list()).find((s) => s.id === id) ?? null,
      [store, id],
    ),
  );
  // undefined while reading; null when there is no such share or it cannot be read.
  const share: ShareRecord | null | undefined =
    query.status === 'loading' ? undefined : query.status === 'done' ? query.data : null;

  const back = <BackLink to="/shares" />;
  // A social worker's share is shown to a social worker, in words for them.
  const words = share?.audience === 'social' ? SOCIAL_WORDS : DOCTOR_WORDS;
  if (share === undefined)
    return (
      <Screen title={t(words.title)} start={back}>
        {null}
      </Screen>
    );
  if (share === null || shareState(share, now) !== 'active') {
    return (
      <Screen title={t(words.title)} start={back}>
        <Notice tone="error">{t('qr.inactive')}</Notice>
      </Screen>
    );
  }
  const expires = formatDateTime(share.exp * 1000, i18n.resolvedLanguage, {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  return (
    <Screen title={t(words.title)} start={back}>
      <div className="qr-screen">
        <p className="lead">{t(words.scan)}</p>
        <QrCode text={share.link} label={t('qr.alt')} />
        {share.passcode && (
          <p className="share-pin">
            {t(words.pin)}{' '}
            <strong dir="ltr" data-testid="share-pin">
              {share.passcode}
            </strong>
          </p>
        )}
        <p>{t('qr.expires', { date: expires })}</p>
        <div className="form-actions">
          <Button
            variant="secondary"
            icon="paper"
            onClick={() => {
              void navigator.clipboard?.writeText(share.link).then(
                () => setCopied(true),
                () => setCopied(false),
              );
            }}
          >
            {copied ? t('qr.copied') : t('qr.copy')}
          </Button>
          {'share' in navigator && (
            <Button
              variant="secondary"
              icon="forward"
              onClick={() => void navigator.share({ url: share.link }).catch(() => undefined)}
            >
              {t('qr.send')}
            </Button>
          )}
        </div>
      </div>
    </Screen>
  );
}
