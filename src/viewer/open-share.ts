import { openShareLink, type OpenOptions } from '../share/open-link.ts';
import type { ShlPayload } from '../share/shlink.ts';
import { contentFromShare, type ShareContent } from './content.ts';

/** Fetches and decrypts the share behind `payload`, then reads it (loaded by reader.ts). */
export async function openAndRead(
  payload: ShlPayload,
  options: Pick<OpenOptions, 'recipient' | 'passcode'>,
): Promise<ShareContent> {
  const opened = await openShareLink(payload, options);
  return contentFromShare(opened, payload.url);
}
