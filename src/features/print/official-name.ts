import type { Profile } from '../../record/types.ts';

/**
 * The name as on official papers, "FAMILY Given", for the French side of the printed
 * summary and the emergency card; undefined when the patient did not give it.
 */
export function officialName(profile: Profile): string | undefined {
  const o = profile.officialName;
  return o ? [o.family.toUpperCase(), o.given].filter(Boolean).join(' ') : undefined;
}
