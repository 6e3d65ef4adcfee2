import { useEffect, useState } from 'react';
import { ShareError, type ShareErrorCode } from '../../share/errors.ts';
import type { ReplyTarget } from '../../share/ips-build-reply.ts';
import { buildReplyBundle } from '../../share/reply-fhir.ts';
import type { Reply, ReplyItem } from '../../share/reply-model.ts';
import { sendReply } from '../../share/reply-send.ts';
import { toLabelMap } from '../../vocab/labels.ts';
import type { LabelMap } from '../../vocab/types.ts';
import { doseWords, itemOf, newDraft, schemeLabel, type Draft, type DraftKind } from './drafts.ts';
import { ItemEditor } from './ItemEditor.tsx';
import { ReplyPreview } from './ReplyPreview.tsx';
import { loadReplyStrings, type ReplyStrings } from './strings.ts';
import './reply.css';

interface ReplyFormProps {
  target: ReplyTarget;
  admin: boolean;
  /** The viewer's language. */
  lng: string;
  onClose: () => void;
}

type Stage = 'edit' | 'preview' | 'sending' | 'sent';
const SENDABLE_ERRORS: readonly ShareErrorCode[] = [
  'offline',
  'inactive',
  'too-large',
  'rate-limited',
];

const MEDICAL: readonly (DraftKind | 'appointment')[] = [
  'medication',
  'vaccination',
  'result',
  'note',
  'document',
];
const ADMIN: readonly (DraftKind | 'appointment')[] = ['right', 'appointment', 'note', 'document'];

/** Vocabulary labels: French always, and the viewer's language for the picker. */
async function loadLabels(lng: string): Promise<Record<string, LabelMap>> {
  const out: Record<string, LabelMap> = {};
  for (const l of new Set(['fr', lng])) {
    try {
      const res = await fetch(`/locales/${encodeURIComponent(l)}/vocab.json`);
      if (res.ok) out[l] = toLabelMap(await res.json());
    } catch {
      // The picker still finds terms by their code.
    }
  }
  return out;
}

/**
 * The doctor's (or social worker's) reply: who they are, the items, a preview, then the
 * encrypted send and a clear confirmation. What they typed stays in the form after any
 * error, which says what happened in words.
 */
export default function ReplyForm({ target, admin, lng, onClose }: ReplyFormProps) {
  const [s, setS] = useState<ReplyStrings | null>(null);
  const [labels, setLabels] = useState<Record<string, LabelMap>>({});
  const [name, setName] = useState('');
  const [rpps, setRpps] = useState('');
  const [drafts, setDrafts] = useState<Draft[]>([]);
  const [nextId, setNextId] = useState(1);
  const [stage, setStage] = useState<Stage>('edit');
  const [error, setError] = useState<ShareErrorCode | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    void loadReplyStrings(lng).then(setS);
    void loadLabels(lng).then(setLabels);
  }, [lng]);
  if (!s) return null;

  const add = (kind: DraftKind | 'appointment') => {
    setDrafts((list) => [...list, newDraft(kind, nextId, admin)]);
    setNextId((n) => n + 1);
  };
  const reply = (): Reply | string => {
    if (!name.trim()) return s.t('author.nameMissing');
    if (rpps.trim() && !/^\d{11}$/.test(rpps.trim())) return s.t('author.rppsInvalid');
    if (drafts.length === 0) return s.t('form.empty');
    const items: ReplyItem[] = [];
    for (const d of drafts) {
      const item = itemOf(d);
      if (!item) return s.t(d.kind === 'right' ? 'incomplete.paper' : `incomplete.${d.kind}`);
      items.push(item);
    }
    return {
      author: { name: name.trim(), ...(rpps.trim() ? { rpps: rpps.trim() } : {}) },
      date: new Date().toISOString().slice(0, 10),
      lang: s.lng,
      items,
    };
  };
  const built = stage === 'edit' ? null : reply();

  const send = async (r: Reply) => {
    setStage('sending');
    setError(null);
    try {
      const bundle = buildReplyBundle(r, {
        doseText: (dosage) => doseWords(s, dosage),
        schemeText: (scheme) => schemeLabel(s, scheme),
      });
      await sendReply(target, bundle);
      setStage('sent');
      setDrafts([]);
    } catch (err) {
      const code = err instanceof ShareError ? err.code : 'network';
      setError(SENDABLE_ERRORS.includes(code) ? code : 'network');
      setStage('preview');
    }
  };

  if (stage === 'sent') {
    return <SentView s={s} onAnother={() => setStage('edit')} onClose={onClose} />;
  }

  if (built && typeof built !== 'string') {
    return (
      <ReplyPreview
        s={s}
        reply={built}
        labels={labels}
        error={error}
        sending={stage === 'sending'}
        onSend={() => void send(built)}
        onEdit={() => setStage('edit')}
      />
    );
  }

  return (
    <section className="v-card v-reply" aria-labelledby="v-reply-heading">
      <h2 id="v-reply-heading">{s.t('form.heading')}</h2>
      <p className="v-muted">{s.t('form.intro')}</p>
      <p className="v-reply-field">
        <label htmlFor="v-reply-name">{s.t('author.name')}</label>
        <input
          id="v-reply-name"
          className="v-input"
          value={name}
          maxLength={200}
          autoComplete="name"
          onChange={(e) => setName(e.target.value)}
        />
      </p>
      <p className="v-reply-field">
        <label htmlFor="v-reply-rpps">{s.t('author.rpps')}</label>
        <input
          id="v-reply-rpps"
          className="v-input"
          value={rpps}
          inputMode="numeric"
          maxLength={11}
          onChange={(e) => setRpps(e.target.value)}
        />
      </p>
      {drafts.map((d) => (
        <ItemEditor
          key={d.id}
          s={s}
          draft={d}
          labels={labels}
          admin={admin}
          onChange={(next) => setDrafts((list) => list.map((x) => (x.id === d.id ? next : x)))}
          onRemove={() => setDrafts((list) => list.filter((x) => x.id !== d.id))}
        />
      ))}
      <h3>{s.t('add.heading')}</h3>
      <div className="v-actions v-reply-add">
        {(admin ? ADMIN : MEDICAL).map((kind) => (
          <button
            key={kind}
            type="button"
            className="v-button v-secondary"
            onClick={() => add(kind)}
          >
            + {s.t(kind === 'right' ? 'add.paper' : `add.${kind}`)}
          </button>
        ))}
      </div>
      {problem && (
        <p className="v-warning" role="alert">
          {problem}
        </p>
      )}
      <div className="v-actions">
        <button
          type="button"
          className="v-button"
          onClick={() => {
            const r = reply();
            setProblem(typeof r === 'string' ? r : null);
            if (typeof r !== 'string') setStage('preview');
          }}
        >
          {s.t('preview.button')}
        </button>
        <button type="button" className="v-button v-secondary" onClick={onClose}>
          {s.t('form.close')}
        </button>
      </div>
    </section>
  );
}

/** The clear confirmation once a reply is on the relay. */
function SentView({
  s,
  onAnother,
  onClose,
}: {
  s: ReplyStrings;
  onAnother: () => void;
  onClose: () => void;
}) {
  return (
    <section className="v-card v-reply" aria-labelledby="v-reply-sent">
      <div role="status">
        <h2 id="v-reply-sent">
          <span aria-hidden="true">✓ </span>
          {s.t('sent.heading')}
        </h2>
        <p>{s.t('sent.body')}</p>
      </div>
      <div className="v-actions">
        <button type="button" className="v-button" onClick={onAnother}>
          {s.t('sent.another')}
        </button>
        <button type="button" className="v-button v-secondary" onClick={onClose}>
          {s.t('form.close')}
        </button>
      </div>
    </section>
  );
}
