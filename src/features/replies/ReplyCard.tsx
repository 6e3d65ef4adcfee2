import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatIsoDate } from '../../i18n/format.ts';
import { Button } from '../../ui/Button.tsx';
import { Notice } from '../../ui/Notice.tsx';
import type { PendingReply } from './reply-sync.ts';
import { ReplyItemLine, replyKindKey } from './ReplyItemLine.tsx';

interface ReplyCardProps {
  pending: PendingReply;
  /** Saves the items the patient kept; resolves to how many were written. */
  onSave: (kept: readonly number[]) => Promise<number>;
}

type Choice = 'keep' | 'drop';

/**
 * One reply: who sent it (as they named themselves, said to be unverified), when, and each
 * item with "keep" / "don't keep". Nothing is saved before every item has a choice.
 */
export function ReplyCard({ pending, onSave }: ReplyCardProps) {
  const { t, i18n } = useTranslation('replies');
  const { reply } = pending;
  const [choices, setChoices] = useState<(Choice | undefined)[]>(() =>
    reply.items.map(() => undefined),
  );
  const [state, setState] = useState<'idle' | 'saving' | 'failed' | 'incomplete'>('idle');
  const choose = (i: number, c: Choice) =>
    setChoices((list) => list.map((x, j) => (j === i ? c : x)));
  const save = async () => {
    if (choices.some((c) => c === undefined)) return setState('incomplete');
    setState('saving');
    try {
      await onSave(choices.flatMap((c, i) => (c === 'keep' ? [i] : [])));
    } catch {
      setState('failed');
    }
  };
  const author = reply.author.rpps
    ? t('fromRpps', { name: reply.author.name, rpps: reply.author.rpps })
    : t('from', { name: reply.author.name });
  return (
    <section className="card reply-card" aria-label={author}>
      <h2>{author}</h2>
      <p className="muted">{t('selfDeclared')}</p>
      <p className="muted">{t('sentOn', { date: formatIsoDate(reply.date, i18n.language) })}</p>
      <ul className="reply-items">
        {reply.items.map((item, i) => (
          <li key={i} className="reply-item">
            <ReplyItemLine item={item} lang={reply.lang} />
            <span className="reply-choice" role="group" aria-label={t(replyKindKey(item))}>
              <button
                type="button"
                className="btn btn-secondary"
                aria-pressed={choices[i] === 'keep'}
                onClick={() => choose(i, 'keep')}
              >
                <span aria-hidden="true">✓ </span>
                {t('accept')}
              </button>
              <button
                type="button"
                className="btn btn-secondary"
                aria-pressed={choices[i] === 'drop'}
                onClick={() => choose(i, 'drop')}
              >
                <span aria-hidden="true">✗ </span>
                {t('reject')}
              </button>
            </span>
          </li>
        ))}
      </ul>
      {state === 'incomplete' && <Notice tone="warning">{t('chooseAll')}</Notice>}
      {state === 'failed' && <Notice tone="error">{t('saveFailed')}</Notice>}
      <Button icon="check" disabled={state === 'saving'} onClick={() => void save()}>
        {state === 'saving' ? t('saving') : t('save')}
      </Button>
    </section>
  );
}
