import { describe, expect, it } from 'vitest';
import { floorVault } from '../crypto/test-helpers.ts';
import { getAllSealed, openCarnetDb } from '../db/index.ts';
import { createLocalStore } from './local-store.ts';
import type { ShareRecord } from './shares.ts';
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
    const store = createLocalStore(floorVault(), () => openCarnetDb('share-store-test'));
    await store.create('123456', 'pin');
    await store.shares.save(share);
    expect(await store.shares.list()).toEqual([share]);
    const rows = await getAllSealed(await openCarnetDb('share-store-test'), 'shares');
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

  it('know whether they are active, expired or revoked', () => {
    expect(shareState(share, 1_000)).toBe('active');
    expect(shareState(share, 2_000_000_000_000)).toBe('expired');
    expect(shareState({ ...share, revokedAt: 5 }, 1_000)).toBe('revoked');
  });
});
