import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ShareRecord } from '../../record/shares.ts';
import { Icon } from '../../ui/Icon.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { Screen } from '../../ui/Screen.tsx';
import { BackLink } from '../shell/BackLink.tsx';
import { errorKey } from '../shell/errors.ts';
import { ShareListItem } from './ShareListItem.tsx';
import { useShareList } from './useShareList.ts';
import './share.css';

/**
 * "My shares": every link made, newest first, with its state (active, blocked, expired,
 * withdrawn) and who opened it, as last known, online or not; revoke in one tap.
 */
export function SharesScreen() {
  const { t } = useTranslation(['share', 'common', 'errors']);
  const { shares, online, fresh, revoke } = useShareList();
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);

  const onRevoke = async (share: ShareRecord) => {
    try {
      await revoke(share);
      setMessage({ tone: 'success', text: t('list.revoked') });
    } catch (err) {
      setMessage({ tone: 'error', text: t(errorKey(err)) });
    }
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
            <ShareListItem
              key={s.id}
              share={s}
              online={online}
              fresh={fresh.has(s.id)}
              onRevoke={onRevoke}
            />
          ))}
        </ul>
      )}
    </Screen>
  );
}
