import { describe, expect, it } from 'vitest';
import type { DBCore, DBCoreMutateRequest } from 'dexie';
import type { Envelope, Keyring } from '../crypto/types.ts';
import type { SealedRow } from './schema.ts';
import { DbError, toDbError } from './errors.ts';
import {
  applySealed,
  deleteSealed,
  getAllSealed,
  getAttempts,
  getKeyring,
  getMeta,
  getSealed,
  putKeyring,
  putMeta,
  putSealed,
  reserveAttempt,
  setAttempts,
  wipe,
} from './repo.ts';
import { freshDb } from './test-db.ts';

const row = (id: string, fill: number, updatedAt = 1): SealedRow => ({
  id,
  updatedAt,
  env: new Uint8Array(41).fill(fill) as Envelope,
});

const keyring: Keyring = {
  password: {
    v: 1,
    kind: 'pin',
    kdf: { alg: 'argon2id13', opsLimit: 3, memLimit: 67108864, salt: 'c2FsdA' as never },
    nonce: 'bm9uY2U' as never,
    wrapped: 'd3JhcHBlZA' as never,
  },
  recovery: { v: 1, nonce: 'bm9uY2U' as never, wrapped: 'd3JhcHBlZA' as never },
};

describe('repositories', () => {
  it('stores and reads the keyring and meta settings', async () => {
    const db = await freshDb();
    expect(await getKeyring(db)).toBeUndefined();
    await putKeyring(db, keyring);
    expect(await getKeyring(db)).toEqual(keyring);
    expect(await getMeta(db, 'lockAfterIdleMs')).toBeUndefined();
    await putMeta(db, 'lockAfterIdleMs', 300_000);
    expect(await getMeta(db, 'lockAfterIdleMs')).toBe(300_000);
  });

  it('counts unlock attempts in the keyring row, atomically, and keeps the count on a new wrap', async () => {
    const db = await freshDb();
    expect(await reserveAttempt(db, () => true, 2)).toBeNull();
    await putKeyring(db, keyring);
    expect(await getAttempts(db)).toBe(0);
    // Parallel attempts (two tabs) each count.
    const taken = await Promise.all([1, 2, 3].map(() => reserveAttempt(db, () => true, 2)));
    expect(taken.sort()).toEqual([1, 2, 3]);
    expect(await reserveAttempt(db, (n) => n < 3, 2)).toBeNull();
    await putKeyring(db, keyring);
    expect(await getAttempts(db)).toBe(3);
    await setAttempts(db, () => 0);
    expect(await getAttempts(db)).toBe(0);
  });

  it('puts, gets, lists and deletes sealed rows as bytes', async () => {
    const db = await freshDb();
    await putSealed(db, 'entries', [row('a', 1), row('b', 2)]);
    await putSealed(db, 'profiles', [row('p', 3)]);
    const a = await getSealed(db, 'entries', 'a');
    expect(a?.env).toBeInstanceOf(Uint8Array);
    expect(a?.env).toEqual(row('a', 1).env);
    expect((await getAllSealed(db, 'entries')).map((r) => r.id)).toEqual(['a', 'b']);
    await putSealed(db, 'entries', [row('a', 9, 2)]);
    expect((await getSealed(db, 'entries', 'a'))?.updatedAt).toBe(2);
    await deleteSealed(db, 'entries', 'a');
    await deleteSealed(db, 'entries', ['missing']);
    expect(await getSealed(db, 'entries', 'a')).toBeUndefined();
    expect(await getAllSealed(db, 'profiles')).toHaveLength(1);
  });

  it('applies changes across tables atomically', async () => {
    const db = await freshDb();
    await putSealed(db, 'profiles', [row('child', 1)]);
    await putSealed(db, 'entries', [row('e1', 1), row('e2', 2)]);
    await applySealed(db, [
      { table: 'profiles', delete: ['child'] },
      { table: 'entries', delete: ['e1', 'e2'] },
      { table: 'shares', put: [row('s', 5)] },
    ]);
    expect(await getAllSealed(db, 'profiles')).toEqual([]);
    expect(await getAllSealed(db, 'entries')).toEqual([]);
    expect(await getAllSealed(db, 'shares')).toHaveLength(1);
  });

  it('wipes every table', async () => {
    const db = await freshDb();
    await putKeyring(db, keyring);
    await putMeta(db, 'lockAfterIdleMs', 60_000);
    await putSealed(db, 'entries', [row('a', 1)]);
    await wipe(db);
    expect(await getKeyring(db)).toBeUndefined();
    expect(await getMeta(db, 'lockAfterIdleMs')).toBeUndefined();
    expect(await getAllSealed(db, 'entries')).toEqual([]);
  });

  it('storage full in the middle of a batch leaves nothing half-written', async () => {
    let full = false;
    // Writes the first half of a batch for real, then fails as a full disk would.
    const db = await freshDb('carnet-quota', (d) =>
      d.use({
        stack: 'dbcore',
        name: 'disk-full',
        create: (down: DBCore): DBCore => ({
          ...down,
          table: (tableName) => {
            const table = down.table(tableName);
            return {
              ...table,
              mutate: async (req: DBCoreMutateRequest) => {
                if (!full || req.type !== 'put') return table.mutate(req);
                const half = Math.ceil(req.values.length / 2);
                await table.mutate({
                  ...req,
                  values: req.values.slice(0, half),
                  keys: req.keys?.slice(0, half),
                });
                throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
              },
            };
          },
        }),
      }),
    );
    await putSealed(db, 'entries', [row('old', 1)]);
    full = true;
    const batch = Array.from({ length: 10 }, (_, i) => row(`new${i}`, 7));
    const error = await putSealed(db, 'entries', [row('old', 2), ...batch]).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DbError);
    expect((error as DbError).code).toBe('quota-exceeded');
    full = false;
    const rows = await getAllSealed(db, 'entries');
    expect(rows.map((r) => r.id)).toEqual(['old']);
    expect(rows[0]?.env[0]).toBe(1);
  });

  it('maps storage failures to typed codes without their messages', () => {
    const quota = toDbError({ name: 'AbortError', inner: { name: 'QuotaExceededError' } });
    expect(quota.code).toBe('quota-exceeded');
    expect(toDbError(new DOMException('x', 'VersionError')).code).toBe('version-too-new');
    expect(toDbError({ name: 'MissingAPIError' }).code).toBe('unavailable');
    const other = toDbError(new Error('row contents here'));
    expect(other.code).toBe('failed');
    expect(other.message).not.toContain('row contents');
  });
});
