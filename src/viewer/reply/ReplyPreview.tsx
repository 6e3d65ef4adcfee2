import type { ShareErrorCode } from '../../share/errors.ts';
import type { Reply, ReplyItem } from '../../share/reply-model.ts';
import type { LabelMap } from '../../vocab/types.ts';
import { doseWords, schemeLabel } from './drafts.ts';
import type { ReplyStrings } from './strings.ts';

interface ReplyPreviewProps {
  s: ReplyStrings;
  reply: Reply;
  labels: Readonly<Record<string, LabelMap>>;
  /** Why the last send failed, if it did. */
  error: ShareErrorCode | null;
  sending: boolean;
  onSend: () => void;
  onEdit: () => void;
}

function sizeOf(bytes: number, lng: string): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 1
    ? `${new Intl.NumberFormat(lng, { maximumFractionDigits: 1 }).format(mb)} MB`
    : `${Math.ceil(bytes / 1024)} KB`;
}

/** What the patient will receive, item by item, as the sender reads it; then send. */
export function ReplyPreview(props: ReplyPreviewProps) {
  const { s, error, sending } = props;
  return (
    <section className="v-card v-reply" aria-labelledby="v-reply-preview">
      <h2 id="v-reply-preview">{s.t('preview.heading')}</h2>
      <ReplyLines {...props} />
      {error && (
        <p className="v-warning" role="alert">
          {s.t(`errors.${error as 'offline'}`)}
        </p>
      )}
      <div className="v-actions">
        <button type="button" className="v-button" disabled={sending} onClick={props.onSend}>
          {sending ? s.t('send.sending') : s.t('send.button')}
        </button>
        <button
          type="button"
          className="v-button v-secondary"
          disabled={sending}
          onClick={props.onEdit}
        >
          {s.t('preview.edit')}
        </button>
      </div>
    </section>
  );
}

function ReplyLines({ s, reply, labels }: ReplyPreviewProps) {
  const name = (item: { term?: { key: string; code: string }; text?: string }) =>
    (item.term &&
      (labels[s.lng]?.[item.term.key] ?? labels.fr?.[item.term.key] ?? item.term.code)) ??
    item.text ??
    '';
  const line = (item: ReplyItem): string => {
    switch (item.kind) {
      case 'medication':
        return [name(item), doseWords(s, item.dosage, item.days)].filter(Boolean).join(' — ');
      case 'vaccination':
        return [name(item), item.date, item.lot ? s.t('preview.lot', { lot: item.lot }) : '']
          .filter(Boolean)
          .join(' — ');
      case 'result':
        return `${name(item)} : ${item.value}${item.unit ? ` ${item.unit}` : ''}${item.date ? ` — ${item.date}` : ''}`;
      case 'note':
        return item.date ? `${item.date} — ${item.text}` : item.text;
      case 'right':
        return [
          item.scheme === 'other' ? item.text : schemeLabel(s, item.scheme),
          item.scheme === 'other' ? undefined : item.text,
          item.number ? s.t('preview.number', { number: item.number }) : undefined,
          item.issuer,
          item.validFrom || item.validUntil
            ? `${item.validFrom ?? '…'} → ${item.validUntil ?? '…'}`
            : undefined,
        ]
          .filter(Boolean)
          .join(' — ');
      case 'document':
        return s.t('preview.file', {
          title: item.title || '—',
          size: sizeOf(item.data.length, s.lng),
        });
    }
  };
  return (
    <>
      <p>
        {reply.author.rpps
          ? s.t('preview.fromRpps', { name: reply.author.name, rpps: reply.author.rpps })
          : s.t('preview.from', { name: reply.author.name })}
      </p>
      <ul className="v-items">
        {reply.items.map((item, i) => (
          <li key={i} className="v-item">
            {line(item)}
          </li>
        ))}
      </ul>
    </>
  );
}
