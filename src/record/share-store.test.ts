import { describe, expect, it } from 'vitest';
import { floorVault } from '../crypto/test-helpers.ts';
import { getAllSealed, openCarnetDb, putSealed } from '../db/index.ts';
import { freshDbName } from '../db/test-db.ts';
import { createLocalStore } from './local-store.ts';
import { withRelayStatus } from './share-status.ts';
import type { ShareRecord } from './shares.ts';
import { decodeShare } from './codec.ts';
import { defaultSelection, shareState } from './shares.ts';
import type { Entry } from './types.ts';

const share: ShareRecord = {
  id: 's1',
  profileId: 'p',
  audience: 'doctor',
  relayId: 'relay-id',
  managementToken: 'token-secret',
  link: 'https://carnet.example/v#shlink:/SECRETKEY',
  passcode: '4821',
  exp: 2_000_000_000,
  createdAt: 1,
  counts: { entries: 3, documents: 1, sensitive: 0 },
};

const entry = (id: string, kind: Entry['details']['kind'], sensitive = false): Entry =>
  ({
    id,
    profileId: 'p',
    text: id,
    details: { kind },
    provenance: 'patient',
    sensitive,
    createdAt: 0,
    updatedAt: 0,
  }) as Entry;

describe('shares', () => {
  it('are kept sealed: no link, token or PIN readable at rest', async () => {
    const plainDb = freshDbName('share-store');
    const store = createLocalStore(floorVault(), () => openCarnetDb(plainDb));
    await store.create('123456', 'pin');
    await store.shares.save(share);
    expect(await store.shares.list()).toEqual([share]);
    const rows = await getAllSealed(await openCarnetDb(plainDb), 'shares');
    const text = Buffer.from(rows[0]!.env).toString('latin1');
    for (const secret of ['SECRETKEY', 'token-secret', '4821', 'relay-id'])
      expect(text).not.toContain(secret);
    await store.shares.remove('s1');
    expect(await store.shares.list()).toEqual([]);
  });

  it('pick medical items for a doctor and rights for a social worker, never sensitive ones', () => {
    const entries = [
      entry('allergy', 'allergy'),
      entry('hiv', 'condition', true),
      entry('med', 'medication'),
      entry('ame', 'right'),
      entry('note', 'note'),
    ];
    expect([...defaultSelection(entries, 'doctor')].sort()).toEqual(['allergy', 'med']);
    expect([...defaultSelection(entries, 'social')]).toEqual(['ame']);
    expect([...defaultSelection(entries, 'custom')]).toEqual([]);
  });

  it('know whether they are active, blocked, expired or revoked', () => {
    expect(shareState(share, 1_000)).toBe('active');
    expect(shareState(share, 2_000_000_000_000)).toBe('expired');
    expect(shareState({ ...share, revokedAt: 5 }, 1_000)).toBe('revoked');
    expect(shareState({ ...share, blockedAt: 5 }, 1_000)).toBe('blocked');
    // Blocked stays blocked once expired (someone tried PINs); the patient's revoke wins.
    expect(shareState({ ...share, blockedAt: 5 }, 2_000_000_000_000)).toBe('blocked');
    expect(shareState({ ...share, blockedAt: 5, revokedAt: 6 }, 1_000)).toBe('revoked');
    // What the phone learned from the relay, not only the clock, decides.
    const blocked = withRelayStatus(share, { blocked: true, accesses: [] }, 7);
    expect(shareState(blocked, 1_000)).toBe('blocked');
  });
});

/**
 * A share exactly as the version before access lists sealed it (no `accesses`,
 * `blockedAt` or `lastStatusAt`). Frozen: it must open in every later version.
 */
const PREVIOUS_VERSION_SHARE =
  '{"id":"old-share","profileId":"p","audience":"doctor","relayId":"relay-id",' +
  '"managementToken":"token-secret","link":"https://carnet.example/v#shlink:/SECRETKEY",' +
  '"passcode":"4821","exp":2000000000,"createdAt":1700000000000,"revokedAt":1700000500000,' +
  '"counts":{"entries":3,"documents":1,"sensitive":0}}';

describe('share records', () => {
  it('sealed by the previous version still open, and take the new fields', async () => {
    const vault = floorVault();
    const oldDb = freshDbName('share-store-old');
    const store = createLocalStore(vault, () => openCarnetDb(oldDb));
    await store.create('123456', 'pin');
    const [env] = await vault.seal([
      {
        table: 'shares',
        id: 'old-share',
        plaintext: new TextEncoder().encode(PREVIOUS_VERSION_SHARE),
      },
    ]);
    await putSealed(await openCarnetDb(oldDb), 'shares', [
      { id: 'old-share', updatedAt: 1, env: env! },
    ]);
    const [old] = await store.shares.list();
    expect(old).toEqual(JSON.parse(PREVIOUS_VERSION_SHARE));
    expect(shareState(old!, 1_800_000_000_000)).toBe('revoked');
    expect(old!.accesses).toBeUndefined();

    const updated = await store.shares.update('old-share', (s) =>
      withRelayStatus(s, { blocked: false, accesses: [{ recipient: 'Dr Martin', at: 9 }] }, 10),
    );
    expect(updated?.accesses).toEqual([{ recipient: 'Dr Martin', at: 9 }]);
    expect(await store.shares.list()).toEqual([updated]);
    expect(await store.shares.update('absent', (s) => s)).toBeNull();
    // The access list is sealed like the rest: no doctor's name readable at rest.
    const rows = await getAllSealed(await openCarnetDb(oldDb), 'shares');
    expect(Buffer.from(rows[0]!.env).toString('latin1')).not.toContain('Martin');
  });

  it('decode tolerantly: a new field of the wrong shape is dropped, not the share', () => {
    const bytes = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));
    expect(
      decodeShare(bytes({ ...share, accesses: 'x', blockedAt: 'y', lastStatusAt: null })),
    ).toEqual(share);
    expect(
      decodeShare(
        bytes({ ...share, accesses: [{ recipient: 'Dr A', at: 1 }, { recipient: 2 }, null] }),
      )?.accesses,
    ).toEqual([{ recipient: 'Dr A', at: 1 }]);
    expect(decodeShare(bytes({ ...share, blockedAt: 3, lastStatusAt: 4 }))).toEqual({
      ...share,
      blockedAt: 3,
      lastStatusAt: 4,
    });
    expect(decodeShare(bytes({ id: 'x' }))).toBeNull();
    expect(decodeShare(new Uint8Array([0xff]))).toBeNull();
  });

  it('update one after another: a status check landing during a revoke keeps the revoke', async () => {
    const raceDb = freshDbName('share-store-race');
    const store = createLocalStore(floorVault(), () => openCarnetDb(raceDb));
    await store.create('123456', 'pin');
    await store.shares.save(share);
    const seen = { blocked: false, accesses: [{ recipient: 'Dr Diallo', at: 20 }] };
    await Promise.all([
      store.shares.update('s1', (s) => ({ ...s, revokedAt: 30 })),
      store.shares.update('s1', (s) => withRelayStatus(s, seen, 40)),
      store.shares.update('s1', (s) => withRelayStatus(s, seen, 50)),
    ]);
    const [after] = await store.shares.list();
    expect(after).toMatchObject({ revokedAt: 30, lastStatusAt: 50 });
    expect(after?.accesses).toEqual(seen.accesses);
    // A failed change does not stop the ones queued after it.
    await expect(
      store.shares.update('s1', () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow();
    expect((await store.shares.update('s1', (s) => ({ ...s, createdAt: 2 })))?.createdAt).toBe(2);
  });
});
