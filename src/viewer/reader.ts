import { ShareError } from '../share/errors.ts';
import type { OpenOptions } from '../share/open-link.ts';
import type { ShlPayload } from '../share/shlink.ts';
import type { ShareContent } from './content.ts';
import type * as OpenShare from './open-share.ts';

/**
 * The share reader (jose's decryption, the FHIR reader, the vocabulary) loads apart from
 * the page: the doctor's first screen, the name or PIN form, needs none of it. It loads
 * while the doctor types (main.tsx), or at once when the link opens without a form.
 */
let loading: Promise<typeof OpenShare> | null = null;

function load(): Promise<typeof OpenShare> {
  loading ??= import('./open-share.ts').catch((error: unknown) => {
    // Offline or a dropped connection: the next attempt (the retry button) loads it anew.
    loading = null;
    throw error;
  });
  return loading;
}

/** Starts loading the reader in the background; a failure shows only when it is needed. */
export function preloadReader(): void {
  void load().catch(() => undefined);
}

/**
 * Opens the link and reads what it holds (share/open-link.ts, content.ts). A reader that
 * cannot be fetched is a network problem, with the viewer's retry button.
 */
export async function openAndRead(
  payload: ShlPayload,
  options: Pick<OpenOptions, 'recipient' | 'passcode'>,
): Promise<ShareContent> {
  const reader = await load().catch(() => {
    throw new ShareError(navigator.onLine ? 'network' : 'offline');
  });
  return reader.openAndRead(payload, options);
}
