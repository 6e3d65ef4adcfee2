import type { Keyring } from '../crypto/types.ts';
import type { CarnetStore } from '../record/store.ts';

/**
 * What a stand-in can stand for: every member a method that returns a promise, or an object
 * of such (`store.documents`). A member that answers at once cannot wait for its code to
 * load: adding one to CarnetStore fails the typecheck of `deferredStore`, on purpose.
 */
type Deferrable<T> = {
  [K in keyof T]: T[K] extends (...args: never[]) => Promise<unknown>
    ? T[K]
    : T[K] extends (...args: never[]) => unknown
      ? never
      : T[K] extends object
        ? Deferrable<T[K]>
        : never;
};

type Loose = Record<PropertyKey, unknown>;

/**
 * A stand-in for what `load` resolves to: each member, once read, is made once (so
 * `store.documents` is the same object at every render) and is both a method that waits
 * for the real object and calls it, and a stand-in for an object member (`documents.list`).
 * `own` members answer themselves. Never a promise: it has no `then`.
 */
function standIn(load: () => Promise<Loose>, own: Loose = {}): Loose {
  const made = new Map<string, unknown>();
  return new Proxy(own, {
    get(target, name) {
      if (typeof name === 'symbol' || name === 'then') return undefined;
      if (name in target) return target[name];
      if (!made.has(name)) {
        const call = async (...args: unknown[]) => {
          const real = await load();
          return (real[name] as (...a: unknown[]) => unknown).apply(real, args);
        };
        const inner = standIn(async () => (await load())[name] as Loose);
        made.set(name, new Proxy(call, { get: (_fn, sub) => inner[sub] }));
      }
      return made.get(name);
    },
  });
}

/** Whether a vault exists and what opens it, from the keyring row, as the store answers. */
function presenceOf(keyring: Keyring | undefined): Awaited<ReturnType<CarnetStore['presence']>> {
  return keyring ? { exists: true, kind: keyring.password.kind } : { exists: false };
}

/**
 * The patient's store, with its code (the record layer: sealed tables, documents, backups,
 * validation, and valibot) loaded after the first screen. That screen only asks whether a
 * vault exists, which `peek` answers from IndexedDB alone (db/peek.ts), as the store itself
 * does before it opens its database: a first visit shows the onboarding without the record
 * layer. Any other call loads it; `preload` starts that early (the patient starts typing).
 */
export function deferredStore<S extends CarnetStore & Deferrable<CarnetStore>>(
  load: () => Promise<S>,
  peek: () => Promise<Keyring | undefined>,
): { store: CarnetStore; preload: () => void } {
  let loaded: Promise<S> | undefined;
  const once = () =>
    (loaded ??= load().catch((err: unknown) => {
      loaded = undefined; // offline and not cached yet: a later call tries again
      throw err;
    }));
  const presence: CarnetStore['presence'] = () =>
    // Once loaded, the store knows best (its database may be open). A failed peek is left
    // to the store too, which reports it as it reports every other failure.
    loaded
      ? loaded.then((s) => s.presence())
      : peek().then(presenceOf, () => once().then((s) => s.presence()));
  const store = standIn(() => once() as Promise<Loose>, { presence }) as unknown as CarnetStore;
  return { store, preload: () => void once().catch(() => undefined) };
}
