import { describe, expect, it } from 'vitest';
import type { SmallStorage } from './no-voice-memory.ts';
import { dismiss, markSaid, shouldSay } from './no-voice-memory.ts';

/** localStorage as a plain map; `full` refuses every write, as a full or private one may. */
function memoryStorage(full = false): SmallStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => {
      if (full) throw new DOMException('full', 'QuotaExceededError');
      items.set(k, v);
    },
  };
}

describe('the "no voice for this language" notice', () => {
  it('is said once, stays on later screens until dismissed, and never comes back', () => {
    const store = memoryStorage();
    expect(shouldSay('ti', store)).toBe(true);
    markSaid('ti', store);
    // Another screen of the same visit: still there, not yet read.
    expect(shouldSay('ti', store)).toBe(true);
    dismiss('ti');
    expect(shouldSay('ti', store)).toBe(false);
    // A reload: only the storage remains.
    expect(store.items.get('carnet.noVoiceSaid.ti')).toBe('1');
    expect(shouldSay('ti', store)).toBe(false);
  });

  it('is said for each language on its own', () => {
    const store = memoryStorage();
    markSaid('so', store);
    dismiss('so');
    expect(shouldSay('so', store)).toBe(false);
    expect(shouldSay('ka', store)).toBe(true);
  });

  it('still shows when the storage refuses to remember it', () => {
    const store = memoryStorage(true);
    expect(() => markSaid('ht', store)).not.toThrow();
    expect(shouldSay('ht', store)).toBe(true);
  });
});
