import type { PaperDocument } from './documents.ts';
import { ADMIN_DOCUMENT_TYPES } from './documents.ts';
import type { DeclarableKind, Entry, EntryKind } from './types.ts';

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

/** Whether a paper is administrative (rights, asylum papers, domiciliation) rather than medical. */
export function isAdminPaper(doc: Pick<PaperDocument, 'type'>): boolean {
  return (ADMIN_DOCUMENT_TYPES as readonly string[]).includes(doc.type);
}

/**
 * The papers picked before the patient changes anything: medical papers for a doctor,
 * administrative ones for a social worker, none for a custom share; never a sensitive
 * paper (asylum medical certificates, asylum papers...).
 */
export function defaultDocuments(docs: readonly PaperDocument[], audience: Audience): string[] {
  if (audience === 'custom') return [];
  return docs
    .filter((d) => !d.sensitive && (audience === 'social' ? isAdminPaper(d) : !isAdminPaper(d)))
    .map((d) => d.id);
}

/** The share picker's item id for a "no known ..." statement. */
export function declarationItem(kind: DeclarableKind): string {
  return `none:${kind}`;
}

/**
 * The patient's standing "no known ..." statements picked before they change anything:
 * all of them for a doctor (they are what a doctor needs to read), none otherwise.
 */
export function defaultDeclarations(
  kinds: readonly DeclarableKind[],
  audience: Audience,
): string[] {
  return audience === 'doctor' ? kinds.map(declarationItem) : [];
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
  /**
   * Who opened it and when, oldest first, as last merged from the relay (share-status.ts).
   * Kept here because the relay forgets it on revoke and expiry; it only ever grows.
   * `at` is epoch ms; `recipient` is what the viewer typed, untrusted text.
   * Absent in shares sealed before it existed, and until the first status check.
   */
  readonly accesses?: readonly { readonly recipient: string; readonly at: number }[];
  /**
   * When the phone learned (epoch ms) that the relay blocked the share after too many
   * wrong PINs. The relay never unblocks one, so it stays blocked offline and after expiry.
   */
  readonly blockedAt?: number;
  /** Last time (epoch ms) the relay answered a status check for this share. */
  readonly lastStatusAt?: number;
  /** What went in, for the list: counts only. */
  readonly counts: {
    readonly entries: number;
    readonly documents: number;
    readonly sensitive: number;
  };
}

/** Where a share stands, as the list shows it. */
export type ShareState = 'active' | 'blocked' | 'expired' | 'revoked';

/**
 * Where a share stands at `now` (epoch ms), from what the phone knows: the patient's own
 * revoke first, then the relay's block (worth knowing even once expired: someone tried
 * PINs), then the expiry.
 */
export function shareState(share: ShareRecord, now: number): ShareState {
  if (share.revokedAt !== undefined) return 'revoked';
  if (share.blockedAt !== undefined) return 'blocked';
  return share.exp * 1000 <= now ? 'expired' : 'active';
}

/**
 * Decodes a sealed share row's plaintext, or null when it is not a share. Shares sealed
 * before `accesses`, `blockedAt` and `lastStatusAt` existed decode as they are; a field
 * of the wrong shape is dropped rather than failing the whole share.
 */
export function decodeShare(bytes: Uint8Array): ShareRecord | null {
  try {
    const v = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as Record<
      string,
      unknown
    >;
    if (
      typeof v.id !== 'string' ||
      typeof v.relayId !== 'string' ||
      typeof v.link !== 'string' ||
      typeof v.exp !== 'number'
    ) {
      return null;
    }
    const { accesses, blockedAt, lastStatusAt, ...rest } = v;
    const known = Array.isArray(accesses) ? accesses.filter(isAccess) : undefined;
    return {
      ...(rest as unknown as ShareRecord),
      ...(known ? { accesses: known } : {}),
      ...(typeof blockedAt === 'number' ? { blockedAt } : {}),
      ...(typeof lastStatusAt === 'number' ? { lastStatusAt } : {}),
    };
  } catch {
    return null;
  }
}

function isAccess(a: unknown): a is { recipient: string; at: number } {
  if (typeof a !== 'object' || a === null) return false;
  const { recipient, at } = a as Record<string, unknown>;
  return typeof recipient === 'string' && typeof at === 'number' && Number.isFinite(at);
}
