import { createVaultClient } from '../crypto/client.ts';
import { activeDbName, openCarnetDb, peekKeyring, sweepRestoreLeftovers } from '../db/index.ts';
import { createLocalStore } from './local-store.ts';
import type { CarnetStore } from './store.ts';

/**
 * The app's store: the crypto worker (started on first use, so libsodium never delays the
 * first paint) and the app's IndexedDB database (Dexie loads on first use too: the first
 * screen only peeks at the keyring).
 */
export function openCarnetStore(): CarnetStore {
  // A restore cut short left a database nobody points at: delete it, in the background.
  void sweepRestoreLeftovers().catch(() => undefined);
  return createLocalStore(
    createVaultClient(),
    // The pointer is read at each open: after a restore it names the restored database.
    () => openCarnetDb(activeDbName()),
    () => peekKeyring(activeDbName()),
  );
}
