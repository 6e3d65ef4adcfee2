/**
 * The one libsodium entry point. Everything else in crypto/ receives the loaded library
 * from `loadSodium()`, so the ~1 MB sumo build is its own chunk, fetched lazily, and (in the
 * app) only ever inside the crypto worker.
 */
import type SodiumModule from 'libsodium-wrappers-sumo';
import { CryptoError } from './types.ts';

/** The loaded libsodium API (the sumo build: it has crypto_pwhash). */
export type Sodium = typeof SodiumModule;

let loading: Promise<Sodium> | undefined;

/**
 * Loads and initialises libsodium once. Throws `CryptoError('crypto-unavailable')` when the
 * chunk cannot be fetched or WebAssembly cannot start; a later call tries again.
 */
export function loadSodium(): Promise<Sodium> {
  loading ??= import('libsodium-wrappers-sumo')
    .then(async (module) => {
      const sodium = module.default;
      await sodium.ready;
      return sodium;
    })
    .catch(() => {
      loading = undefined;
      throw new CryptoError('crypto-unavailable');
    });
  return loading;
}
