import { createVaultClient } from '../crypto/client.ts';
import { openCarnetDb, peekKeyring } from '../db/index.ts';
import { createLocalStore } from './local-store.ts';
import type { CarnetStore } from './store.ts';

/**
 * The app's store: the crypto worker (started on first use, so libsodium never delays the
 * first paint) and the app's IndexedDB database (Dexie loads on first use too: the first
 * screen only peeks at the keyring).
 */
export function openCarnetStore(): CarnetStore {
  return createLocalStore(
    createVaultClient(),
    () => openCarnetDb(),
    () => peekKeyring(),
  );
}
