import { RecordError } from './errors.ts';
import type { BloodGroup } from './types.ts';
import { BLOOD_GROUPS } from './types.ts';

/**
 * The lock-screen copy of the emergency card: the one part of the record kept outside the
 * vault, in clear, so that whoever holds the phone can read it without the PIN. It exists
 * only while the patient has chosen "show on the lock screen" on this phone; its presence
 * is that choice. The card itself stays sealed in the vault (emergency-card.ts).
 *
 * SECURITY: this is plaintext by necessity. It holds exactly the fields of LockScreenCopy,
 * nothing else: no name, no birth date, no record id, no free text but what the patient put
 * on the card. SECURITY.md lists them. This module loads with the lock screen, so it must
 * stay small: no valibot, no database, no crypto.
 */

/** Where the copy lives in localStorage. */
export const LOCK_SCREEN_KEY = 'carnet.emergency';

/** Who the emergency contact is to the patient; labels are `emergency:relation.<id>`. */
export const CONTACT_RELATIONS = [
  'partner',
  'parent',
  'child',
  'sibling',
  'family',
  'friend',
  'socialWorker',
  'other',
] as const;
export type ContactRelation = (typeof CONTACT_RELATIONS)[number];

/** The kinds of entry a card may carry, in the order it shows them. */
export const CARD_KINDS = ['allergy', 'condition', 'medication'] as const;
export type CardKind = (typeof CARD_KINDS)[number];

/** One item of the card: a coded term's vocabulary key, and/or the words as typed. */
export interface CopyItem {
  readonly kind: CardKind;
  /** Vocabulary key (`allergy.penicillins`), shown translated, never as a code. */
  readonly key?: string;
  /** The words of the entry, as written, with their language (BCP 47). */
  readonly text?: string;
  readonly textLang?: string;
}

/** Format version 1 of the copy. Every field is listed in SECURITY.md. */
export interface LockScreenCopy {
  readonly v: 1;
  /** The language the patient speaks best (BCP 47). */
  readonly language: string;
  readonly interpreter: boolean;
  /** Absent when unknown. */
  readonly bloodGroup?: BloodGroup;
  /** Allergies, then problems, then medicines, as the patient picked them. */
  readonly items: readonly CopyItem[];
  readonly contact?: {
    readonly name: string;
    readonly phone: string;
    readonly relation: ContactRelation;
  };
}

/** The storage to use: localStorage where the browser allows it, else none. */
export function defaultStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

const isString = (x: unknown): x is string => typeof x === 'string';
const optional = (x: unknown, is: (y: unknown) => boolean) => x === undefined || is(x);
const oneOf = (list: readonly string[]) => (x: unknown) => list.includes(x as string);

function isItem(x: unknown): x is CopyItem {
  if (!x || typeof x !== 'object') return false;
  const i = x as Record<string, unknown>;
  return (
    oneOf(CARD_KINDS)(i.kind) &&
    optional(i.key, isString) &&
    optional(i.text, isString) &&
    optional(i.textLang, isString) &&
    (isString(i.key) || isString(i.text))
  );
}

function isContact(x: unknown): x is LockScreenCopy['contact'] {
  if (!x || typeof x !== 'object') return false;
  const c = x as Record<string, unknown>;
  return isString(c.name) && isString(c.phone) && oneOf(CONTACT_RELATIONS)(c.relation);
}

/** The copy from its stored text; null when absent or not a copy this version reads. */
export function parseLockScreenCopy(text: string | null | undefined): LockScreenCopy | null {
  if (!text) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!value || typeof value !== 'object') return null;
  const c = value as Record<string, unknown>;
  const ok =
    c.v === 1 &&
    isString(c.language) &&
    typeof c.interpreter === 'boolean' &&
    optional(c.bloodGroup, oneOf(BLOOD_GROUPS)) &&
    Array.isArray(c.items) &&
    c.items.every(isItem) &&
    optional(c.contact, isContact);
  return ok ? (value as LockScreenCopy) : null;
}

/** The copy this phone shows on its lock screen, or null when the patient has not chosen it. */
export function readLockScreenCopy(storage = defaultStorage()): LockScreenCopy | null {
  try {
    return parseLockScreenCopy(storage?.getItem(LOCK_SCREEN_KEY));
  } catch {
    return null;
  }
}

/** Whether this phone shows the card on its lock screen (a copy is stored, readable or not). */
export function hasLockScreenCopy(storage = defaultStorage()): boolean {
  try {
    return storage?.getItem(LOCK_SCREEN_KEY) != null;
  } catch {
    return false;
  }
}

/**
 * Stores the copy, in place of any earlier one. RecordError `storage-full` or `unavailable`
 * when the browser refuses.
 */
export function writeLockScreenCopy(copy: LockScreenCopy, storage = defaultStorage()): void {
  if (!storage) throw new RecordError('unavailable');
  try {
    storage.setItem(LOCK_SCREEN_KEY, JSON.stringify(copy));
  } catch (err) {
    const full = err instanceof DOMException && err.name === 'QuotaExceededError';
    throw new RecordError(full ? 'storage-full' : 'unavailable');
  }
}

/** Removes the copy: nothing of the card stays outside the vault. */
export function removeLockScreenCopy(storage = defaultStorage()): void {
  try {
    storage?.removeItem(LOCK_SCREEN_KEY);
  } catch {
    // A browser that refuses storage holds no copy either.
  }
}
