/** db/: the Dexie schema and the repositories over it. Ciphertext and settings only. */
export * from './errors.ts';
export * from './schema.ts';
export * from './repo.ts';
export * from './storage.ts';
export * from './files.ts';
