import type { ShareRecord } from '../../record/shares.ts';
import { shareState } from '../../record/shares.ts';
import type { ShareStore } from '../../record/share-store.ts';
import { ShareError } from '../../share/errors.ts';
import type { ReplyInfo } from '../../share/protocol-replies.ts';
import { listReplies, openReply, type ReplyBox } from '../../share/reply-inbox.ts';
import type { Reply } from '../../share/reply-model.ts';

/**
 * The replies waiting on the relay for the patient's active shares, fetched, opened and
 * checked on the phone. One list for the whole app (module state), so the summary's notice
 * and the review screen agree and a reply is fetched once. SECURITY: replies live only in
 * memory, decrypted; nothing of them is stored before the patient accepts items, and
 * `forget()` drops them when the vault locks.
 */

/** A reply that opened and validated, waiting for the patient's review. */
export interface PendingReply {
  /** `<share record id>/<reply id>`. */
  readonly key: string;
  readonly share: ShareRecord;
  readonly box: ReplyBox;
  readonly info: ReplyInfo;
  readonly reply: Reply;
}

export interface ReplySnapshot {
  readonly pending: readonly PendingReply[];
  /** Replies that did not decrypt or validate: refused, never shown, counted. */
  readonly refused: number;
  readonly checking: boolean;
  /** The last check failed (offline, relay unreachable). */
  readonly failed: boolean;
}

let snapshot: ReplySnapshot = { pending: [], refused: 0, checking: false, failed: false };
/** Replies refused once are not fetched again in this session. */
const refusedKeys = new Set<string>();
const listeners = new Set<() => void>();
let running: Promise<void> | null = null;

function set(next: Partial<ReplySnapshot>): void {
  snapshot = { ...snapshot, ...next };
  for (const l of listeners) l();
}

export function currentReplies(): ReplySnapshot {
  return snapshot;
}

export function subscribeReplies(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Drops every decrypted reply from memory (on lock). */
export function forgetReplies(): void {
  refusedKeys.clear();
  set({ pending: [], refused: 0, checking: false, failed: false });
}

/** Takes one reply out of the list once the patient's choices are saved. */
export function settleReply(key: string): void {
  set({ pending: snapshot.pending.filter((p) => p.key !== key) });
}

function boxOf(share: ShareRecord): ReplyBox | null {
  if (!share.reply) return null;
  return {
    relayId: share.relayId,
    managementToken: share.managementToken,
    privateJwk: share.reply.privateJwk,
  };
}

/**
 * Asks the relay for the replies of every active share that has a reply channel, and
 * opens the new ones. One check at a time; a second call waits for the running one.
 */
export function checkReplies(shares: ShareStore, now = Date.now()): Promise<void> {
  running ??= (async () => {
    set({ checking: true });
    try {
      const all = await shares.list();
      const pending = [...snapshot.pending];
      let failed = false;
      for (const share of all) {
        const box = boxOf(share);
        if (!box || shareState(share, now) !== 'active') continue;
        let infos: ReplyInfo[];
        try {
          infos = await listReplies(box);
        } catch {
          failed = true;
          continue;
        }
        for (const info of infos) {
          const key = `${share.id}/${info.id}`;
          if (refusedKeys.has(key) || pending.some((p) => p.key === key)) continue;
          try {
            pending.push({ key, share, box, info, reply: await openReply(box, info) });
          } catch (err) {
            // SECURITY: a reply that does not decrypt or validate changes nothing.
            if (
              err instanceof ShareError &&
              ['undecryptable', 'unsupported-content', 'too-large'].includes(err.code)
            ) {
              refusedKeys.add(key);
            } else failed = true;
          }
        }
      }
      set({ pending, refused: refusedKeys.size, failed });
    } catch {
      set({ failed: true });
    } finally {
      set({ checking: false });
      running = null;
    }
  })();
  return running;
}
