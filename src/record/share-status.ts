import type { ShareRecord } from './shares.ts';

/** One successful open of a share: who (as the viewer typed it) and when (epoch ms). */
export type ShareAccess = NonNullable<ShareRecord['accesses']>[number];

/** What a relay status check tells the phone, in the record's own terms. */
export interface RelayVerdict {
  /** The relay blocked the share after too many wrong PINs; it never opens again. */
  readonly blocked: boolean;
  /** The relay's access list, oldest first; it may have forgotten the oldest ones. */
  readonly accesses: readonly ShareAccess[];
}

const sameAccess = (a: ShareAccess, b: ShareAccess): boolean =>
  a.at === b.at && a.recipient === b.recipient;

/**
 * The union of what the phone already knew and what the relay says now, oldest first.
 * Never shorter than `known` and never reorders it, even once the relay has forgotten
 * old entries (revoke, expiry, its ring of ACCESS_LOG_MAX). An access the relay lists is matched
 * against an unmatched equal one in `known`, so two real opens by the same name in the
 * same millisecond stay two, and a repeated check adds nothing.
 */
export function mergeAccesses(
  known: readonly ShareAccess[],
  seen: readonly ShareAccess[],
): ShareAccess[] {
  const matched = new Array<boolean>(known.length).fill(false);
  const added: ShareAccess[] = [];
  for (const access of seen) {
    const i = known.findIndex((k, j) => !matched[j] && sameAccess(k, access));
    if (i >= 0) matched[i] = true;
    else added.push({ recipient: access.recipient, at: access.at });
  }
  // New opens happened after every one the phone already saw: they go at the end, in the
  // relay's order (its insertion order, which is the truth even across relay clocks).
  return [...known, ...added];
}

/**
 * The share after a status check answered at `now` (epoch ms): accesses merged, the
 * relay's verdict and the time of the check kept, so the list says the same offline.
 * The block is the relay's latest word: a reading that no longer says blocked clears it
 * (a right PIN on the last attempt reads as zero attempts left for an instant).
 */
export function withRelayStatus(
  share: ShareRecord,
  verdict: RelayVerdict,
  now: number,
): ShareRecord {
  const { blockedAt, ...rest } = share;
  return {
    ...rest,
    accesses: mergeAccesses(share.accesses ?? [], verdict.accesses),
    ...(verdict.blocked ? { blockedAt: blockedAt ?? now } : {}),
    lastStatusAt: now,
  };
}

/** Whether asking the relay can still tell something new: not revoked, not yet expired. */
export function needsStatus(share: ShareRecord, now: number): boolean {
  return share.revokedAt === undefined && share.exp * 1000 > now;
}
