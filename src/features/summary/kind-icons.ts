import type { Entry, EntryKind, RightScheme } from '../../record/types.ts';
import type { IconName } from '../../ui/Icon.tsx';

/** The icon shown beside each kind's name. */
export const KIND_ICONS: Record<EntryKind, IconName> = {
  allergy: 'allergy',
  medication: 'medication',
  condition: 'condition',
  vaccination: 'vaccination',
  result: 'result',
  right: 'right',
  note: 'note',
};

/** The icon beside each kind of paper, so a patient who reads little tells them apart. */
const SCHEME_ICONS: Record<RightScheme, IconName> = {
  'asylum-claim': 'paper',
  'ofpra-decision': 'scale',
  'cnda-decision': 'scale',
  domiciliation: 'home',
  'residence-permit': 'idCard',
  'residence-receipt': 'idCard',
  AME: 'right',
  CSS: 'right',
  PUMa: 'right',
  other: 'paper',
};

/** The icon for one entry: its paper's own for a paper or right, else its kind's. */
export function entryIcon(entry: Entry): IconName {
  return entry.details.kind === 'right'
    ? SCHEME_ICONS[entry.details.scheme]
    : KIND_ICONS[entry.details.kind];
}
