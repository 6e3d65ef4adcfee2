import { Suspense, lazy, useEffect, useState } from 'react';
import type { ReplyTarget } from '../../share/ips-build-reply.ts';
import { useT } from '../i18n.ts';
import { FRENCH_ENTRY, type EntryWords } from './entry-words.ts';

// The form, its strings, the vocabulary and the encryption load only when asked for, so
// the summary's first load does not grow (viewer_js_gzip_kb).
const ReplyForm = lazy(() => import('./ReplyForm.tsx'));

interface ReplyEntryProps {
  /** The share's reply channel; nothing is shown without one. */
  target: ReplyTarget | undefined;
  /** A social worker's administrative share: administrative items and papers. */
  admin: boolean;
}

/**
 * "Add to the patient's record", at the end of the summary: a button that opens the
 * reply form (loaded on demand) for a share that offers a reply channel.
 */
export function ReplyEntry({ target, admin }: ReplyEntryProps) {
  const { lng } = useT();
  const [open, setOpen] = useState(false);
  const [words, setWords] = useState<EntryWords>(FRENCH_ENTRY);
  useEffect(() => {
    if (lng === 'fr' || !target) return;
    let live = true;
    fetch(`/locales/${encodeURIComponent(lng)}/viewer-reply.json`)
      .then((res) => (res.ok ? (res.json() as Promise<{ entry?: Partial<EntryWords> }>) : null))
      .then((json) => live && json?.entry && setWords({ ...FRENCH_ENTRY, ...json.entry }))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [lng, target]);
  if (!target) return null;
  if (!open) {
    return (
      <p className="v-reply-entry">
        <button type="button" className="v-button" onClick={() => setOpen(true)}>
          {admin ? words.buttonAdmin : words.button}
        </button>
      </p>
    );
  }
  return (
    <Suspense
      fallback={
        <p className="v-card" role="status">
          {words.loading}
        </p>
      }
    >
      <ReplyForm target={target} admin={admin} lng={lng} onClose={() => setOpen(false)} />
    </Suspense>
  );
}
