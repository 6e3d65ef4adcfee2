import type { Entry, EntryKind } from './types.ts';

/** Who a share is for; it decides what is picked by default. */
export const AUDIENCES = ['doctor', 'social', 'custom'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** How long a share lives, in hours, in the order they are offered; 24 is preselected. */
export const SHARE_DURATIONS_H = [1, 24, 24 * 7, 24 * 30] as const;
export const DEFAULT_DURATION_H = 24;

/** Medical kinds a doctor sees by default; administrative ones a social worker sees. */
const DEFAULT_KINDS: Record<Audience, readonly EntryKind[]> = {
  doctor: ['allergy', 'medication', 'condition', 'vaccination', 'result'],
  social: ['right'],
  custom: [],
};

/**
 * The entries picked before the patient changes anything: the audience's kinds, and
 * never a sensitive entry (HIV, mental health, pregnancy...) or a private note.
 */
export function defaultSelection(entries: readonly Entry[], audience: Audience): Set<string> {
  const kinds = DEFAULT_KINDS[audience];
  return new Set(
    entries.filter((e) => !e.sensitive && kinds.includes(e.details.kind)).map((e) => e.id),
  );
}

/** A share as the patient's phone remembers it, sealed in the `shares` table. */
export interface ShareRecord {
  readonly id: string;
  readonly profileId: string;
  readonly audience: Audience;
  /** The relay's id and management token (revoke, access log). */
  readonly relayId: string;
  readonly managementToken: string;
  /**
   * The viewer link with its key, so the QR code can be shown again.
   * SECURITY: sealed at rest like everything else; never logged or sent anywhere.
   */
  readonly link: string;
  /** The PIN to say aloud to the doctor, shown again on the patient's phone only. */
  readonly passcode?: string;
  /** Expiry, epoch seconds. */
  readonly exp: number;
  readonly createdAt: number;
  readonly revokedAt?: number;
  /** What went in, for the list: counts only. */
  readonly counts: {
    readonly entries: number;
    readonly documents: number;
    readonly sensitive: number;
  };
}

/** Where a share stands at `now` (epoch ms), from what the phone knows. */
export function shareState(share: ShareRecord, now: number): 'active' | 'expired' | 'revoked' {
  if (share.revokedAt !== undefined) return 'revoked';
  return share.exp * 1000 <= now ? 'expired' : 'active';
}

/** Decodes a sealed share row's plaintext, or null when it is not a share. */
export function decodeShare(bytes: Uint8Array): ShareRecord | null {
  try {
    const v = JSON.parse(
      new TextDecoder('utf-8', { fatal: true }).decode(bytes),
    ) as Partial<ShareRecord>;
    if (
      typeof v.id !== 'string' ||
      typeof v.relayId !== 'string' ||
      typeof v.link !== 'string' ||
      typeof v.exp !== 'number'
    ) {
      return null;
    }
    return v as ShareRecord;
  } catch {
    return null;
  }
}
