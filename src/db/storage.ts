/**
 * The browser's storage budget: persistence (so the browser does not evict the record
 * under storage pressure) and usage. No IndexedDB access here, only navigator.storage.
 */

/** What the browser says about this origin's storage. Sizes in bytes, when known. */
export interface StorageStatus {
  /** True when the browser granted persistent storage; `undefined` when it cannot say. */
  readonly persisted: boolean | undefined;
  readonly usage: number | undefined;
  readonly quota: number | undefined;
}

function manager(): StorageManager | undefined {
  return typeof navigator !== 'undefined' && 'storage' in navigator ? navigator.storage : undefined;
}

/**
 * Asks the browser to keep this origin's data under storage pressure. Resolves to the
 * answer, or `undefined` where the API is missing or fails. Never throws.
 */
export async function requestPersistence(): Promise<boolean | undefined> {
  try {
    return (await manager()?.persist?.()) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Whether storage is persistent, and how much is used and available. Never throws. */
export async function storageStatus(): Promise<StorageStatus> {
  const storage = manager();
  let persisted: boolean | undefined;
  let estimate: StorageEstimate | undefined;
  try {
    persisted = await storage?.persisted?.();
  } catch {
    persisted = undefined;
  }
  try {
    estimate = await storage?.estimate?.();
  } catch {
    estimate = undefined;
  }
  return { persisted, usage: estimate?.usage, quota: estimate?.quota };
}
