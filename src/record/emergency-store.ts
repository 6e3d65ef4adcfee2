import type { EmergencyCard } from './emergency-card.ts';
import {
  EMERGENCY_CARD_ID,
  becomesSevereAllergy,
  joinsCard,
  lockScreenCopy,
} from './emergency-card.ts';
import {
  defaultStorage,
  hasLockScreenCopy,
  removeLockScreenCopy,
  writeLockScreenCopy,
} from './emergency-copy.ts';
import { RecordError } from './errors.ts';
import { recordOp } from './failures.ts';
import type { SealedTable } from './sealed-table.ts';
import type { CarnetStore } from './store.ts';
import type { Entry } from './types.ts';

/** The emergency card as the screens see it. Errors are RecordError. */
export interface EmergencyStore {
  /** The card as last saved, or null before the first save. */
  card(): Promise<EmergencyCard | null>;
  /** Seals the card; when this phone shows it on its lock screen, that copy follows. */
  save(card: EmergencyCard): Promise<void>;
  /** Whether this phone shows the card on its lock screen. */
  onLockScreen(): Promise<boolean>;
  /**
   * Shows the saved card on this phone's lock screen (`not-found` before one is saved), or
   * stops showing it: then nothing of it stays outside the vault.
   */
  showOnLockScreen(on: boolean): Promise<void>;
}

type Inner = Omit<CarnetStore, 'emergency'>;

/** A queue: each piece of work given to it runs after the one before, failed or not. */
function serially() {
  let queue: Promise<unknown> = Promise.resolve();
  return (work: () => Promise<void> | void): Promise<void> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };
}

/** The lock-screen copy's upkeep: every change to it runs after the one before. */
function lockCopy(
  store: Inner,
  table: SealedTable<EmergencyCard>,
  storage: () => Storage | undefined,
) {
  const queued = serially();

  /** The copy as the sealed card and the record say now; null when there is no card. */
  const now = async () => {
    const card = await table.get(EMERGENCY_CARD_ID);
    const { profiles, entries } = await store.load();
    const profile = profiles.find((p) => p.id === card?.profileId);
    return card && profile ? lockScreenCopy(card, profile, entries) : null;
  };

  const shown = () => hasLockScreenCopy(storage());
  return {
    shown,
    /** Writes the copy (`not-found` when there is no card to show). */
    show: () =>
      queued(async () => {
        const copy = await now();
        if (!copy) throw new RecordError('not-found');
        writeLockScreenCopy(copy, storage());
      }),
    /** Removes the copy: nothing of the card stays outside the vault. */
    hide: () => queued(() => removeLockScreenCopy(storage())),
    /** Rewrites the copy if this phone shows one; removes it when the card or profile is gone. */
    rewrite: () =>
      queued(async () => {
        if (!shown()) return;
        const copy = await now();
        if (copy) writeLockScreenCopy(copy, storage());
        else removeLockScreenCopy(storage());
      }),
  };
}

/**
 * The store with its emergency card: `emergency` over the card's sealed row, and the
 * record's writes wrapped so that the lock-screen copy (emergency-copy.ts), when this phone
 * has one, always says what the card and its entries say now:
 * - a save or deletion of the card's profile or of an entry on the card rewrites it;
 * - a restore that replaces the record removes it (the restored card starts off the lock
 *   screen, whatever the phone it came from did), as does the deletion of the card's profile;
 * - an allergy of the card's profile that becomes severe goes on the card itself
 *   (emergency-card.ts `joinsCard`), whoever writes it: the patient, a reply or an import.
 * Writes that do not touch the card cost one read of the sealed card row, and nothing at all
 * while this phone shows no card.
 */
export function withEmergencyCard(
  store: Inner,
  table: SealedTable<EmergencyCard>,
  storage: () => Storage | undefined = defaultStorage,
): CarnetStore {
  const copy = lockCopy(store, table, storage);

  /**
   * After a write of the record: rewrites the copy when the write touched the card (`hits`).
   * Best effort: the write itself succeeded; a copy that could not follow is rewritten at the
   * next change, and a failure here never fails the patient's save.
   */
  const follow = async (hits: (card: EmergencyCard) => boolean): Promise<void> => {
    if (!copy.shown()) return;
    try {
      const card = await table.get(EMERGENCY_CARD_ID);
      if (!card || hits(card)) await copy.rewrite();
    } catch {
      // the vault locked meanwhile, or storage refused: see above
    }
  };
  const onCard = (id: string) => (card: EmergencyCard) => card.entryIds.includes(id);

  /**
   * Before an entry is written: puts it on the card when it just became a severe allergy of
   * the card's profile. The card is written first, so a failure fails the save (the patient
   * sees it and saves again, and the card still follows); a card naming an entry whose save
   * then failed shows nothing for it (cardEntries keeps only entries that exist).
   * The last saved version is read only when the entry is a severe allergy not on the card.
   */
  const cardWrite = serially();
  const join = async (entry: Entry): Promise<void> => {
    const card = await table.get(EMERGENCY_CARD_ID);
    if (!card || !joinsCard(card, undefined, entry)) return;
    const previous = (await store.load()).entries.find((e) => e.id === entry.id);
    if (!joinsCard(card, previous, entry)) return;
    await table.put(
      [{ ...card, entryIds: [...card.entryIds, entry.id], updatedAt: Date.now() }],
      (c) => c.updatedAt,
    );
  };
  const joinCard = (entry: Entry): Promise<void> =>
    becomesSevereAllergy(undefined, entry) ? cardWrite(() => join(entry)) : Promise.resolve();
  const isCardProfile = (id: string) => (card: EmergencyCard) => card.profileId === id;

  const emergency: EmergencyStore = {
    card: () => recordOp(() => table.get(EMERGENCY_CARD_ID)),
    save: (card) =>
      recordOp(async () => {
        await cardWrite(() => table.put([card], (c) => c.updatedAt));
        await copy.rewrite();
      }),
    onLockScreen: () => Promise.resolve(copy.shown()),
    showOnLockScreen: (on) => recordOp(() => (on ? copy.show() : copy.hide())),
  };

  return {
    ...store,
    emergency,
    saveProfile: (profile) =>
      store.saveProfile(profile).then(() => follow(isCardProfile(profile.id))),
    deleteProfile: (id) => store.deleteProfile(id).then(() => follow(isCardProfile(id))),
    saveEntry: (entry) =>
      recordOp(() => joinCard(entry))
        .then(() => store.saveEntry(entry))
        .then(() => follow(onCard(entry.id))),
    deleteEntry: (id) => store.deleteEntry(id).then(() => follow(onCard(id))),
    backup: {
      ...store.backup,
      restore: async (file, code, options) => {
        const pending = await store.backup.restore(file, code, options);
        return {
          ...pending,
          commit: async (secret, kind) => {
            await pending.commit(secret, kind);
            // SECURITY: the record the copy came from is gone; so is the copy.
            await copy.hide();
          },
        };
      },
    },
  };
}
