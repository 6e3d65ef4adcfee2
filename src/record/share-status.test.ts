import { describe, expect, it } from 'vitest';
import type { ShareAccess } from './share-status.ts';
import { mergeAccesses, needsStatus, withRelayStatus } from './share-status.ts';
import type { ShareRecord } from './shares.ts';

const share: ShareRecord = {
  id: 's1',
  profileId: 'p',
  audience: 'doctor',
  relayId: 'relay-id',
  managementToken: 'token',
  link: 'https://carnet.example/v#shlink:/KEY',
  exp: 2_000_000_000,
  createdAt: 1,
  counts: { entries: 1, documents: 0, sensitive: 0 },
};

const a = (recipient: string, at: number): ShareAccess => ({ recipient, at });

describe('mergeAccesses', () => {
  it('adds what the relay saw since, without duplicates, in order', () => {
    const known = [a('Dr Martin', 10), a('Dr Diallo', 20)];
    const seen = [a('Dr Martin', 10), a('Dr Diallo', 20), a('PASS Lyon', 30)];
    expect(mergeAccesses(known, seen)).toEqual([...known, a('PASS Lyon', 30)]);
    expect(mergeAccesses(mergeAccesses(known, seen), seen)).toEqual(mergeAccesses(known, seen));
  });

  it('never shrinks: the relay forgetting (revoke, expiry, its ring) loses nothing', () => {
    const known = [a('Dr Martin', 10), a('Dr Diallo', 20)];
    expect(mergeAccesses(known, [])).toEqual(known);
    expect(mergeAccesses(known, [a('Dr Diallo', 20), a('Dr Ba', 40)])).toEqual([
      ...known,
      a('Dr Ba', 40),
    ]);
  });

  it('keeps two real opens by the same name in the same millisecond', () => {
    const twice = [a('Dr Martin', 10), a('Dr Martin', 10)];
    expect(mergeAccesses([], twice)).toEqual(twice);
    expect(mergeAccesses([a('Dr Martin', 10)], twice)).toEqual(twice);
    expect(mergeAccesses(twice, [a('Dr Martin', 10)])).toEqual(twice);
  });

  it('never reorders what the phone knew, and keeps the relay order for the new ones', () => {
    const known = [a('B', 20), a('A', 10)];
    expect(mergeAccesses(known, [a('A', 10), a('D', 5), a('C', 40)])).toEqual([
      a('B', 20),
      a('A', 10),
      a('D', 5),
      a('C', 40),
    ]);
  });

  it('copies only recipient and time, not whatever else an answer carried', () => {
    const extra = { recipient: 'Dr X', at: 1, note: 'x' } as ShareAccess;
    expect(mergeAccesses([], [extra])).toEqual([a('Dr X', 1)]);
  });
});

describe('withRelayStatus', () => {
  it('merges the accesses and remembers when the relay answered', () => {
    const once = withRelayStatus(share, { blocked: false, accesses: [a('Dr Martin', 10)] }, 100);
    expect(once).toEqual({ ...share, accesses: [a('Dr Martin', 10)], lastStatusAt: 100 });
    const twice = withRelayStatus(once, { blocked: false, accesses: [] }, 200);
    expect(twice.accesses).toEqual([a('Dr Martin', 10)]);
    expect(twice.lastStatusAt).toBe(200);
  });

  it('keeps the first time the relay said blocked, and clears it if the relay says otherwise', () => {
    const blocked = withRelayStatus(share, { blocked: true, accesses: [] }, 100);
    expect(blocked.blockedAt).toBe(100);
    expect(withRelayStatus(blocked, { blocked: true, accesses: [] }, 200).blockedAt).toBe(100);
    expect(withRelayStatus(blocked, { blocked: false, accesses: [] }, 300)).not.toHaveProperty(
      'blockedAt',
    );
  });

  it('leaves everything else of the share alone', () => {
    const revoked = { ...share, revokedAt: 50, passcode: '1234' };
    expect(withRelayStatus(revoked, { blocked: false, accesses: [] }, 60)).toMatchObject({
      revokedAt: 50,
      passcode: '1234',
      link: share.link,
    });
  });
});

describe('needsStatus', () => {
  it('asks the relay only while the share can still change', () => {
    expect(needsStatus(share, 1_000)).toBe(true);
    expect(needsStatus({ ...share, blockedAt: 5 }, 1_000)).toBe(true);
    expect(needsStatus({ ...share, revokedAt: 5 }, 1_000)).toBe(false);
    expect(needsStatus(share, share.exp * 1000)).toBe(false);
  });
});
