import type { InferOutput } from 'valibot';
import type { PaperDocument } from './documents.ts';
import { ADMIN_DOCUMENT_TYPES } from './documents.ts';
import type { ShareRecordSchema } from './schemas.ts';
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

/** A share as the patient's phone remembers it (see ShareRecordSchema), sealed in `shares`. */
export type ShareRecord = Readonly<InferOutput<typeof ShareRecordSchema>>;

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
