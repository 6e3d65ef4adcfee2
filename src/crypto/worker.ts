/**
 * The crypto worker's entry point: one Vault per worker, served over postMessage.
 * SECURITY: the vault key is created and kept here; it never crosses to the main thread.
 */
import { Vault } from './vault.ts';
import { serveVault } from './worker-host.ts';

serveVault(self, new Vault());
