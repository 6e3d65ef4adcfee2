/** db/: the Dexie schema and the repositories over it. Ciphertext and settings only. */
export * from './errors.ts';
export * from './tables.ts';
// Type only: the Dexie class loads with the first `openCarnetDb`, not with this module.
export type { CarnetDb } from './schema.ts';
export * from './peek.ts';
export * from './repo.ts';
export * from './storage.ts';
export * from './files.ts';
export * from './active.ts';
export * from './backup-io.ts';
export * from './vault-index.ts';
