import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatIsoDate } from '../../i18n/format.ts';
import { deleteReply } from '../../share/reply-inbox.ts';
import { Button } from '../../ui/Button.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { Screen } from '../../ui/Screen.tsx';
import { useUnlocked } from '../session/session-context.ts';
import { CardGrewNotice } from '../emergency/CardGrewNotice.tsx';
import { keepAndSeeCard } from '../emergency/card-news.ts';
import { BackLink } from '../shell/BackLink.tsx';
import { importReply, type ImportWords } from './reply-import.ts';
import { settleReply, type PendingReply } from './reply-sync.ts';
import { ReplyCard } from './ReplyCard.tsx';
import { useReplies } from './useReplies.ts';
import './replies.css';

/**
 * What clinicians sent back through the patient's shares, to accept or reject item by
 * item. Accepted items enter the record with who sent them; once saved, the reply is
 * deleted from the relay. A reply that could not be read is refused and only counted.
 */
export function RepliesScreen() {
  const { t, i18n } = useTranslation('replies');
  const { store, refresh, activeProfileId, state } = useUnlocked();
  const { pending, refused, checking, failed, online, check } = useReplies();
  const [saved, setSaved] = useState<number | null>(null);
  const [cardGrew, setCardGrew] = useState(false);

  const save = async (p: PendingReply, kept: readonly number[]): Promise<number> => {
    const fr = i18n.getFixedT(p.reply.lang, 'replies');
    const words: ImportWords = {
      days: (count) => fr('dose.days', { count }),
      lot: (lot) => fr('lot', { lot }),
      untitled: fr('untitled', { name: p.reply.author.name }),
      appointment: (date, text) =>
        fr('appointment', { date: formatIsoDate(date, p.reply.lang), text }),
    };
    const profileId = p.share.profileId || activeProfileId || state.profiles[0]?.id;
    if (!profileId) throw new Error('no profile');
    const accepted = kept.flatMap((i) => (p.reply.items[i] ? [p.reply.items[i]] : []));
    const { result: count, cardGrew } = await keepAndSeeCard(store, () =>
      importReply(store, p.reply, accepted, profileId, words),
    );
    if (cardGrew) setCardGrew(true);
    // Saved: the relay's copy goes. If that fails the items are kept all the same; the
    // reply is taken off the list and deleted at the next successful check's end.
    await deleteReply(p.box, p.info.id).catch(() => undefined);
    settleReply(p.key);
    await refresh();
    setSaved(count);
    return count;
  };

  return (
    <Screen title={t('title')} start={<BackLink to="/" />}>
      <p>{t('intro')}</p>
      {!online && <Notice tone="warning">{t('offline')}</Notice>}
      {failed && online && <Notice tone="warning">{t('failed')}</Notice>}
      {refused > 0 && <Notice tone="error">{t('refused', { count: refused })}</Notice>}
      {saved !== null && (
        <Notice tone="success">{saved > 0 ? t('saved', { count: saved }) : t('savedNone')}</Notice>
      )}
      {cardGrew && <CardGrewNotice />}
      {checking && pending.length === 0 && <p role="status">{t('checking')}</p>}
      {!checking && pending.length === 0 && <p>{t('none')}</p>}
      {pending.map((p) => (
        <ReplyCard key={p.key} pending={p} onSave={(kept) => save(p, kept)} />
      ))}
      <Button variant="secondary" disabled={!online || checking} onClick={() => void check()}>
        {t('refresh')}
      </Button>
    </Screen>
  );
}
