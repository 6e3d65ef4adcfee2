import type { Page } from '@playwright/test';

/**
 * Dumps every object store of every IndexedDB database of the page's origin as text:
 * strings as they are, bytes decoded as UTF-8 and Latin-1 (so any plaintext that slipped
 * into a byte field shows up too).
 */
export async function dumpIndexedDb(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const out: string[] = [];
    const bytesToText = (b: Uint8Array) =>
      new TextDecoder('utf-8').decode(b) +
      ' ' +
      Array.from(b, (c) => String.fromCharCode(c)).join('');
    const flatten = (v: unknown): unknown => {
      if (v instanceof Uint8Array) return bytesToText(v);
      if (v instanceof ArrayBuffer) return bytesToText(new Uint8Array(v));
      if (v instanceof Blob) return '[blob]';
      if (Array.isArray(v)) return v.map(flatten);
      if (v && typeof v === 'object') {
        return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, flatten(x)]));
      }
      return v;
    };
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open(info.name!);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
      });
      for (const store of Array.from(db.objectStoreNames)) {
        const rows = await new Promise<unknown[]>((resolve, reject) => {
          const req = db.transaction(store).objectStore(store).getAll();
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
        });
        out.push(`${info.name}/${store}: ${JSON.stringify(rows.map(flatten))}`);
      }
      db.close();
    }
    return out.join('\n');
  });
}

/** Counts the rows of each object store (to check a dump is not trivially empty). */
export async function countRows(page: Page, dbName: string): Promise<Record<string, number>> {
  return page.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(name);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
    });
    const counts: Record<string, number> = {};
    for (const store of Array.from(db.objectStoreNames)) {
      counts[store] = await new Promise<number>((resolve) => {
        const req = db.transaction(store).objectStore(store).count();
        req.onsuccess = () => resolve(req.result);
      });
    }
    db.close();
    return counts;
  }, dbName);
}
