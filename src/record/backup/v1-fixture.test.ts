import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { floorVault } from '../../crypto/test-helpers.ts';
import { openCarnetDb } from '../../db/index.ts';
import { freshDbName } from '../../db/test-db.ts';
import { createLocalStore } from '../local-store.ts';

// SECURITY and compatibility: this file restores the frozen v1 backup. If it fails, the
// change broke every backup patients keep: fix the code, never the fixture.
const dir = 'src/record/backup/fixtures';

describe('the frozen v1 backup', () => {
  it('restores with its recovery code, every record and page intact', async () => {
    const { recoveryCode } = JSON.parse(readFileSync(`${dir}/v1.json`, 'utf8')) as {
      recoveryCode: string;
    };
    const file = new Blob([readFileSync(`${dir}/v1.carnet`)]);
    const name = freshDbName('v1-fixture');
    const store = createLocalStore(floorVault(), () => openCarnetDb(name));
    const pending = await store.backup.restore(file, recoveryCode);
    expect(pending.header).toMatchObject({
      v: 1,
      createdAt: 1764720000000,
      counts: { profiles: 1, entries: 2, documents: 1, shares: 0, files: 1 },
    });
    await pending.commit('135790', 'pin');
    const { profiles, entries, unreadable } = await store.load();
    expect(unreadable).toBe(0);
    expect(profiles).toEqual([
      expect.objectContaining({
        id: 'fixture-profile',
        name: 'Amal Haddad',
        officialName: { family: 'HADDAD', given: 'Amal' },
        declaredNone: { condition: 1764720000000 },
      }),
    ]);
    expect(entries.map((e) => e.id).sort()).toEqual(['fixture-allergy', 'fixture-medication']);
    expect(entries.find((e) => e.id === 'fixture-medication')?.details).toEqual({
      kind: 'medication',
      dosage: { amount: 500, unit: 'mg', frequency: { per: 'day', times: 2 } },
      current: true,
    });
    const [doc] = (await store.documents.list()).documents;
    const page = new Uint8Array(
      await (await store.documents.readFile(doc!.files[0]!)).arrayBuffer(),
    );
    expect(page).toEqual(new Uint8Array(100_000).map((_, i) => (i * 7 + 3) % 256));
  });
});
