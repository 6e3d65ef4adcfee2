import type { EntryKind } from '../../record/types.ts';
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
