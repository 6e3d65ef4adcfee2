import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newId } from '../../record/ids.ts';
import type { ShareRecord } from '../../record/shares.ts';
import { createShare } from '../../share/create.ts';
import { useSession } from '../session/session-context.ts';
import { bundleOfChoice, type BundleChoice } from './share-bundle.ts';

export interface ShareChoice extends BundleChoice {
  hours: number;
  passcode?: string;
}

/**
 * Builds, encrypts and uploads a share, then remembers it (sealed) on the phone.
 * `progress` runs from 0 to 1 while the ciphertext uploads; null when idle.
 */
export function useCreateShare() {
  const { store } = useSession();
  const { i18n } = useTranslation();
  const [progress, setProgress] = useState<number | null>(null);

  const create = useCallback(
    async (choice: ShareChoice): Promise<ShareRecord> => {
      setProgress(0);
      try {
        const now = new Date();
        const bundle = await bundleOfChoice(store, i18n, choice, now);
        const exp = Math.floor(now.getTime() / 1000) + choice.hours * 3600;
        const made = await createShare({
          bundle,
          exp,
          ...(choice.passcode ? { passcode: choice.passcode } : {}),
          origin: window.location.origin,
          onProgress: setProgress,
        });
        const record: ShareRecord = {
          id: newId(),
          profileId: choice.profile.id,
          audience: choice.audience,
          relayId: made.relay.id,
          managementToken: made.relay.managementToken,
          link: made.link,
          reply: made.reply,
          ...(choice.passcode ? { passcode: choice.passcode } : {}),
          exp,
          createdAt: now.getTime(),
          counts: {
            entries: choice.entries.length,
            documents: choice.documents.length,
            sensitive: [...choice.entries, ...choice.documents].filter((x) => x.sensitive).length,
          },
        };
        await store.shares.save(record);
        return record;
      } finally {
        setProgress(null);
      }
    },
    [store, i18n],
  );

  return { create, progress };
}

/** A PIN for the doctor to type: 4 random digits, said aloud, never put in the QR code. */
export function randomSharePin(): string {
  const n = crypto.getRandomValues(new Uint32Array(1))[0]! % 10_000;
  return String(n).padStart(4, '0');
}
