import { useCallback, useEffect, useRef, useState } from 'react';
import { needsStatus, withRelayStatus } from '../../record/share-status.ts';
import type { ShareRecord } from '../../record/shares.ts';
import { ShareError } from '../../share/errors.ts';
import { revokeShare, shareStatus, verdictOf } from '../../share/relay-client.ts';
import { useUnlocked } from '../session/session-context.ts';
import { useOnline } from './useOnline.ts';

/**
 * The active profile's shares as the phone remembers them, and, while online, each one
 * that can still change checked once with the relay per visit: the access list and the
 * relay's verdict are merged into the sealed share, so the list reads the same offline,
 * after a revoke and after expiry.
 */
export function useShareList() {
  const { store, activeProfileId } = useUnlocked();
  const online = useOnline();
  const [shares, setShares] = useState<ShareRecord[] | null>(null);
  /** Ids whose status the relay gave during this visit. */
  const [fresh, setFresh] = useState<ReadonlySet<string>>(() => new Set());
  /** Ids asked (or being asked) during this visit; a failed check is forgotten to retry. */
  const asked = useRef(new Set<string>());
  const live = useRef(true);

  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);

  useEffect(() => {
    let current = true;
    store.shares.list().then(
      (all) => current && setShares(all.filter((s) => s.profileId === activeProfileId)),
      () => current && setShares([]),
    );
    return () => {
      current = false;
    };
  }, [store, activeProfileId]);

  const replace = useCallback((next: ShareRecord) => {
    if (!live.current) return;
    setShares((list) => list?.map((s) => (s.id === next.id ? next : s)) ?? list);
  }, []);

  /** Asks the relay and keeps what it says; throws ShareError or RecordError. */
  const check = useCallback(
    async (share: ShareRecord): Promise<ShareRecord | null> => {
      const verdict = verdictOf(await shareStatus(share.relayId, share.managementToken));
      const next = await store.shares.update(share.id, (s) =>
        withRelayStatus(s, verdict, Date.now()),
      );
      if (next) replace(next);
      return next;
    },
    [store, replace],
  );

  useEffect(() => {
    if (!online || !shares) return;
    const now = Date.now();
    for (const share of shares) {
      if (asked.current.has(share.id) || !needsStatus(share, now)) continue;
      asked.current.add(share.id);
      check(share).then(
        () => live.current && setFresh((ids) => new Set(ids).add(share.id)),
        // Unreachable now: the list keeps what it last knew, and the next time the
        // network comes back asks again. A 404 (the relay no longer knows the share)
        // changes nothing the phone knows for sure.
        () => asked.current.delete(share.id),
      );
    }
  }, [online, shares, check]);

  /**
   * Revokes a share. Its access list is fetched one last time first, since the relay
   * forgets it with the share. A link the relay no longer knows is already dead: it is
   * recorded as revoked all the same. Throws ShareError or RecordError.
   */
  const revoke = useCallback(
    async (share: ShareRecord): Promise<void> => {
      await check(share).catch(() => null);
      try {
        await revokeShare(share.relayId, share.managementToken);
      } catch (err) {
        if (!(err instanceof ShareError && err.code === 'inactive')) throw err;
      }
      const next = await store.shares.update(share.id, (s) => ({ ...s, revokedAt: Date.now() }));
      if (next) replace(next);
    },
    [store, check, replace],
  );

  return { shares, online, fresh, revoke };
}
