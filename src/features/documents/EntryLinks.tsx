import { useTranslation } from 'react-i18next';
import { Icon } from '../../ui/Icon.tsx';
import { entryTitle } from '../entries/entry-text.ts';
import { KIND_ICONS } from '../summary/kind-icons.ts';
import { useUnlocked } from '../session/session-context.ts';

/** Checkboxes to link a paper to the entries of its person (a lab result to a condition). */
export function EntryLinks({
  profileId,
  value,
  onChange,
}: {
  profileId: string;
  value: readonly string[];
  onChange: (ids: string[]) => void;
}) {
  const { t } = useTranslation(['documents', 'entry', 'vocab']);
  const { state } = useUnlocked();
  const entries = state.entries.filter((e) => e.profileId === profileId);
  return (
    <fieldset className="choice">
      <legend>{t('field.links')}</legend>
      {entries.length === 0 && <p className="empty">{t('field.noEntries')}</p>}
      {entries.map((e) => (
        <label key={e.id} className="check-row">
          <input
            type="checkbox"
            checked={value.includes(e.id)}
            onChange={(ev) =>
              onChange(ev.target.checked ? [...value, e.id] : value.filter((id) => id !== e.id))
            }
          />
          <Icon name={KIND_ICONS[e.details.kind]} />
          <span>
            {entryTitle(e, t)}
            <small>{t(`entry:kinds.${e.details.kind}`)}</small>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
