import { describe, expect, it } from 'vitest';
import { floorVault } from '../crypto/test-helpers.ts';
import { openCarnetDb, peekKeyring } from '../db/index.ts';
import { freshDbName } from '../db/test-db.ts';
import { createLocalStore } from '../record/local-store.ts';
import type { CarnetStore } from '../record/store.ts';
import { deferredStore } from './deferred-store.ts';

function setup() {
  const name = freshDbName('deferred-store');
  const real = createLocalStore(floorVault(), () => openCarnetDb(name));
  let loads = 0;
  const deferred = deferredStore(
    () => {
      loads++;
      return Promise.resolve(real);
    },
    () => peekKeyring(name),
  );
  return { real, ...deferred, loads: () => loads };
}

describe('the store loaded after the first screen', () => {
  it('answers presence as the store does, without loading it', async () => {
    for (const kind of ['pin', 'passphrase'] as const) {
      const { real, store, loads } = setup();
      expect(await store.presence()).toEqual(await real.presence());
      await real.create(kind === 'pin' ? '482915' : 'correct horse battery staple', kind);
      await real.lock();
      expect(await store.presence()).toEqual({ exists: true, kind });
      expect(await store.presence()).toEqual(await real.presence());
      expect(loads()).toBe(0);
    }
  });

  it('loads the store once at the first other call, and passes calls and their answers', async () => {
    const { store, loads, preload } = setup();
    const code = await store.create('482915', 'pin');
    expect(code).toMatch(/^[0-9A-Z-]+$/);
    expect(await store.isUnlocked()).toBe(true);
    expect(await store.documents.list()).toMatchObject({ documents: [] });
    preload();
    expect(loads()).toBe(1);
    await store.lock();
    await expect(store.unlock('000000')).rejects.toMatchObject({ code: 'wrong-secret' });
    await store.unlock('482915');
    expect(await store.presence()).toEqual({ exists: true, kind: 'pin' });
  });

  it('gives the same member at every read, and is never taken for a promise', async () => {
    const { store } = setup();
    expect(store.documents).toBe(store.documents);
    expect(store.backup).toBe(store.backup);
    expect((store as CarnetStore & { then?: unknown }).then).toBeUndefined();
    await expect(Promise.resolve(store)).resolves.toBe(store);
  });

  it('tries to load again after a failed load (offline before the chunk was cached)', async () => {
    const name = freshDbName('deferred-store');
    const real = createLocalStore(floorVault(), () => openCarnetDb(name));
    let attempts = 0;
    const { store } = deferredStore(
      () => (++attempts === 1 ? Promise.reject(new TypeError('offline')) : Promise.resolve(real)),
      () => peekKeyring(name),
    );
    await expect(store.isUnlocked()).rejects.toThrow('offline');
    expect(await store.isUnlocked()).toBe(false);
    expect(attempts).toBe(2);
  });
});
