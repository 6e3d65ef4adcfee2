/**
 * Shared helpers for crypto/ tests. Not imported by app code.
 */
import { MessageChannel } from 'node:worker_threads';
import type { VaultClient, VaultEndpoint } from './client.ts';
import { createVaultClient } from './client.ts';
import { KDF_FLOOR } from './kdf.ts';
import { CryptoError } from './types.ts';
import { Vault } from './vault.ts';
import { serveVault } from './worker-host.ts';

/**
 * A vault whose new wraps use the floor cost (fast enough for tests). This is the only
 * test path to a cheaper Argon2id, and the Vault still refuses anything below the floor.
 */
export function floorVault(): Vault {
  return new Vault({ kdf: KDF_FLOOR });
}

/**
 * A floor-cost vault behind a real MessageChannel, as the app's crypto worker is: arguments
 * are structured-cloned and device secrets transferred (their buffers detached). Call
 * `terminate()` after the test.
 */
export function channelVault(): VaultClient {
  return createVaultClient({
    spawn: () => {
      const { port1, port2 } = new MessageChannel();
      serveVault(port2 as unknown as VaultEndpoint, floorVault());
      return Object.assign(port1 as unknown as VaultEndpoint, {
        terminate: () => {
          port1.close();
          port2.close();
        },
      });
    },
  });
}

/** An error class whose instances carry a string `code`: CryptoError, ShareError, RecordError... */
type CodedError = abstract new (...args: never[]) => Error & { readonly code: string };

/**
 * The `code` of the error `run` throws or rejects with, or 'resolved' when it does neither.
 * Only an error of class `type` counts (CryptoError unless given); any other is rethrown, so
 * a bug never passes for the refusal a test expects. The one copy for every layer's tests
 * (crypto/ is the bottom layer, so each of them may import it).
 */
export async function codeOf(
  run: Promise<unknown> | (() => unknown),
  type: CodedError = CryptoError,
): Promise<string> {
  try {
    await (typeof run === 'function' ? run() : run);
  } catch (error) {
    if (error instanceof type) return error.code;
    throw error;
  }
  return 'resolved';
}
