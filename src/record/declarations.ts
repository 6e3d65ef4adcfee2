import type { DeclarableKind, Entry, Profile } from './types.ts';
import { DECLARABLE_KINDS } from './types.ts';

/**
 * The patient's own "I have no known allergies / medicines / health problems". These are
 * the only source of a "no known ..." statement anywhere in Carnet: a section that is
 * empty, or left out of a share, means "not communicated", never "none".
 */

/**
 * The kinds the profile has declared none of that still hold: a statement stops counting
 * as soon as the profile has an entry of that kind (an allergy added after "no known
 * allergies" wins over the statement, even if the flag was not cleared).
 */
export function standingDeclarations(
  profile: Profile,
  entries: readonly Entry[],
): DeclarableKind[] {
  const declared = profile.declaredNone ?? {};
  return DECLARABLE_KINDS.filter(
    (kind) =>
      declared[kind] !== undefined &&
      !entries.some((e) => e.profileId === profile.id && e.details.kind === kind),
  );
}

/** The profile with "no known <kind>" stated at `now` (epoch ms). */
export function declareNone(profile: Profile, kind: DeclarableKind, now: number): Profile {
  return {
    ...profile,
    declaredNone: { ...profile.declaredNone, [kind]: now },
    updatedAt: now,
  };
}

/** The profile without its "no known <kind>" statement; unchanged when there was none. */
export function withdrawNone(profile: Profile, kind: DeclarableKind, now: number): Profile {
  if (profile.declaredNone?.[kind] === undefined) return profile;
  const rest = Object.fromEntries(
    Object.entries(profile.declaredNone).filter(([k]) => k !== kind),
  ) as Profile['declaredNone'];
  const { declaredNone: _dropped, ...others } = profile;
  return {
    ...others,
    ...(rest && Object.keys(rest).length > 0 ? { declaredNone: rest } : {}),
    updatedAt: now,
  };
}

/** Whether `kind` of entry is one a patient can declare none of. */
export function isDeclarable(kind: string): kind is DeclarableKind {
  return (DECLARABLE_KINDS as readonly string[]).includes(kind);
}
