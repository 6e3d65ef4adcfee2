import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ShareRecord } from '../../record/shares.ts';
import { ShareError } from '../../share/errors.ts';
import { revokeShare } from '../../share/relay-client.ts';
import { Icon } from '../../ui/Icon.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { Screen } from '../../ui/Screen.tsx';
import { BackLink } from '../shell/BackLink.tsx';
import { useUnlocked } from '../session/session-context.ts';
import { errorKey } from '../shell/errors.ts';
import { ShareListItem } from './ShareListItem.tsx';
import { useOnline } from './useOnline.ts';

/** "My shares": every link made, active first, with who opened it; revoke in one tap. */
export function SharesScreen() {
  const { t } = useTranslation(['share', 'common', 'errors']);
  const { store, activeProfileId } = useUnlocked();
  const [shares, setShares] = useState<ShareRecord[] | null>(null);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const online = useOnline();

  const [version, setVersion] = useState(0);

  useEffect(() => {
    let live = true;
    store.shares.list().then(
      (all) => live && setShares(all.filter((s) => s.profileId === activeProfileId)),
      () => live && setShares([]),
    );
    return () => {
      live = false;
    };
  }, [store, activeProfileId, version]);

  const revoke = async (share: ShareRecord) => {
    try {
      await revokeShare(share.relayId, share.managementToken);
    } catch (err) {
      // A link the relay no longer knows is already dead: record it as revoked all the same.
      if (!(err instanceof ShareError && err.code === 'inactive')) {
        setMessage({ tone: 'error', text: t(errorKey(err)) });
        return;
      }
    }
    await store.shares.save({ ...share, revokedAt: Date.now() });
    setMessage({ tone: 'success', text: t('list.revoked') });
    setVersion((v) => v + 1);
  };

  return (
    <Screen title={t('list.title')} start={<BackLink to="/" />}>
      <Link className="btn btn-primary" to="/share">
        <Icon name="add" />
        <span>{t('list.new')}</span>
      </Link>
      {message && <Notice tone={message.tone}>{message.text}</Notice>}
      {shares && shares.length === 0 && <p className="empty">{t('list.none')}</p>}
      {shares && (
        <ul className="plain-list share-list">
          {shares.map((s) => (
            <ShareListItem key={s.id} share={s} online={online} onRevoke={revoke} />
          ))}
        </ul>
      )}
    </Screen>
  );
}
