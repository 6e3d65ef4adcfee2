import { describe, expect, it } from 'vitest';
import type { Keyring } from '../crypto/types.ts';
import { DbError } from './errors.ts';
import { peekKeyring } from './peek.ts';
import { deleteDatabase, putKeyring } from './repo.ts';
import { freshDb, freshDbName } from './test-db.ts';

const keyring: Keyring = {
  password: {
    v: 1,
    kind: 'passphrase',
    kdf: { alg: 'argon2id13', opsLimit: 3, memLimit: 67108864, salt: 'c2FsdA' as never },
    nonce: 'bm9uY2U' as never,
    wrapped: 'd3JhcHBlZA' as never,
  },
  recovery: { v: 1, nonce: 'bm9uY2U' as never, wrapped: 'd3JhcHBlZA' as never },
};

async function databaseNames(): Promise<string[]> {
  return (await indexedDB.databases()).map((d) => d.name ?? '');
}

describe('peekKeyring (the first screen, without Dexie)', () => {
  it('finds no keyring where no database exists, and creates none', async () => {
    const name = freshDbName('peek-absent');
    expect(await peekKeyring(name)).toBeUndefined();
    expect(await databaseNames()).not.toContain(name);
  });

  it('finds no keyring in a database that has none yet', async () => {
    const db = await freshDb('peek-empty');
    expect(await peekKeyring(db.name)).toBeUndefined();
  });

  it('reads the keyring Dexie stored, and leaves Dexie free to use the database', async () => {
    const db = await freshDb('peek-present');
    await putKeyring(db, keyring);
    expect(await peekKeyring(db.name)).toEqual(keyring);
    // The peek closed its connection: Dexie can still write and delete the database.
    await putKeyring(db, keyring);
    db.close();
    await deleteDatabase(db.name);
    expect(await databaseNames()).not.toContain(db.name);
  });

  it('answers unavailable when the browser has no IndexedDB', async () => {
    const original = globalThis.indexedDB;
    Object.defineProperty(globalThis, 'indexedDB', { value: undefined, configurable: true });
    try {
      const error = await peekKeyring(freshDbName('peek-none')).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DbError);
      expect((error as DbError).code).toBe('unavailable');
    } finally {
      Object.defineProperty(globalThis, 'indexedDB', { value: original, configurable: true });
    }
  });
});
