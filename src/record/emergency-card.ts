import type { InferOutput } from 'valibot';
import * as v from 'valibot';
import type { CardKind, CopyItem, LockScreenCopy } from './emergency-copy.ts';
import { CARD_KINDS, CONTACT_RELATIONS } from './emergency-copy.ts';
import type { Entry, Profile } from './types.ts';

/**
 * The patient's emergency card: what a stranger or an emergency room needs first. It is one
 * sealed row of the `prefs` table, like the backup settings, so it travels in backups and
 * never lies in clear in IndexedDB. Whether it also shows on this phone's lock screen is a
 * choice of this phone, not of the record: see emergency-copy.ts.
 */

/** The sealed row's id. Kept for the patient's own card; a child's would take another id. */
export const EMERGENCY_CARD_ID = 'emergency';

export const EmergencyCardSchema = v.object({
  id: v.literal(EMERGENCY_CARD_ID),
  /** The profile the card is about: the patient's own (relation `self`). */
  profileId: v.string(),
  /** The entries the patient put on the card (allergies, problems, medicines), by id. */
  entryIds: v.array(v.string()),
  /** Whom to call, as the patient typed it. */
  contact: v.optional(
    v.object({
      name: v.string(),
      phone: v.string(),
      relation: v.picklist(CONTACT_RELATIONS),
    }),
  ),
  updatedAt: v.number(),
});

export type EmergencyCard = Readonly<InferOutput<typeof EmergencyCardSchema>>;

/** An entry of a kind a card may carry. */
export type CardEntry = Entry & { readonly details: Extract<Entry['details'], { kind: CardKind }> };

/** Whether an entry may go on a card: an allergy, an active problem or a current medicine. */
export function onCardKind(entry: Entry): entry is CardEntry {
  const d = entry.details;
  return (
    d.kind === 'allergy' ||
    (d.kind === 'condition' && d.active) ||
    (d.kind === 'medication' && d.current)
  );
}

/**
 * The card a patient starts from, before they first save one: their severe allergies
 * ticked, nothing else (a problem or a medicine goes on only when the patient picks it).
 */
export function startingCard(profile: Profile, entries: readonly Entry[]): EmergencyCard {
  return {
    id: EMERGENCY_CARD_ID,
    profileId: profile.id,
    entryIds: entries
      .filter(
        (e) =>
          e.profileId === profile.id &&
          e.details.kind === 'allergy' &&
          e.details.severity === 'severe',
      )
      .map((e) => e.id),
    updatedAt: 0,
  };
}

/** Whether an entry is a severe allergy. */
function isSevereAllergy(entry: Entry | undefined): boolean {
  return entry?.details.kind === 'allergy' && entry.details.severity === 'severe';
}

/**
 * Whether saving `entry` (over `previous`, its last saved version, if any) makes it a severe
 * allergy that was not one before: new, raised to severe, or changed into an allergy.
 */
export function becomesSevereAllergy(previous: Entry | undefined, entry: Entry): boolean {
  return isSevereAllergy(entry) && !isSevereAllergy(previous);
}

/**
 * Whether saving `entry` over `previous` puts it on `card` by itself. SAFETY: a card starts
 * with every severe allergy ticked, and an emergency room reads its allergy list as the
 * patient's; one that became severe after the card was saved must not be missing from it. So
 * an allergy of the card's profile that just became severe goes on, unless:
 * - it is marked sensitive: whoever holds the phone may read the card, so that one waits for
 *   the patient's own tick (the entry screen says so);
 * - it was already severe: then the patient took it off the card, and it stays off.
 */
export function joinsCard(card: EmergencyCard, previous: Entry | undefined, entry: Entry): boolean {
  return (
    entry.profileId === card.profileId &&
    !entry.sensitive &&
    !card.entryIds.includes(entry.id) &&
    becomesSevereAllergy(previous, entry)
  );
}

/**
 * The entries a card shows, allergies first, then problems, then medicines: those it names
 * that still exist, belong to its profile and may go on a card (a medicine stopped since, or
 * a problem resolved, drops off).
 */
function cardEntries(card: EmergencyCard, entries: readonly Entry[]): CardEntry[] {
  const picked = new Set(card.entryIds);
  const on = entries.filter(
    (e): e is CardEntry => picked.has(e.id) && e.profileId === card.profileId && onCardKind(e),
  );
  return CARD_KINDS.flatMap((kind) => on.filter((e) => e.details.kind === kind));
}

/**
 * The lock-screen copy of `card` (emergency-copy.ts): exactly what a stranger needs, and no
 * more. SECURITY: no name, no birth date, no ids; an entry brings its vocabulary key and its
 * words only; the contact is as the patient typed it.
 */
export function lockScreenCopy(
  card: EmergencyCard,
  profile: Profile,
  entries: readonly Entry[],
): LockScreenCopy {
  const items = cardEntries(card, entries).map((e): CopyItem => ({
    kind: e.details.kind,
    ...(e.term ? { key: e.term.key } : {}),
    ...(e.text ? { text: e.text } : {}),
    ...(e.text && e.textLang ? { textLang: e.textLang } : {}),
  }));
  return {
    v: 1,
    language: profile.language,
    interpreter: profile.interpreterNeeded,
    ...(profile.bloodGroup ? { bloodGroup: profile.bloodGroup } : {}),
    items,
    ...(card.contact
      ? {
          contact: {
            name: card.contact.name,
            phone: card.contact.phone,
            relation: card.contact.relation,
          },
        }
      : {}),
  };
}
