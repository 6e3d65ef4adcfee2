import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Notice } from '../../ui/Notice.tsx';
import { useReplies } from './useReplies.ts';

/**
 * "Dr Martin added 3 items. See them": one line per sender with replies waiting, linking
 * to the review screen. For the summary screen; nothing when none wait. Mounting it also
 * keeps replies fetched while the summary is open.
 */
export function RepliesNotice() {
  const { t } = useTranslation('replies');
  const { pending } = useReplies();
  if (pending.length === 0) return null;
  const bySender = new Map<string, number>();
  for (const p of pending) {
    const name = p.reply.author.name;
    bySender.set(name, (bySender.get(name) ?? 0) + p.reply.items.length);
  }
  return (
    <Notice>
      {[...bySender].map(([name, count]) => (
        <Link key={name} to="/replies">
          {t('notice', { name, count })}
        </Link>
      ))}
    </Notice>
  );
}
