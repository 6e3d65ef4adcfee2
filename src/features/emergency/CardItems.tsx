import { useTranslation } from 'react-i18next';
import type { CardEntry } from '../../record/emergency-card.ts';
import { CARD_KINDS } from '../../record/emergency-copy.ts';
import { Icon } from '../../ui/Icon.tsx';
import { SensitiveTag } from '../../ui/SensitiveTag.tsx';
import { entryTitle } from '../entries/entry-text.ts';
import { KIND_ICONS } from '../summary/kind-icons.ts';

interface CardItemsProps {
  /** The patient's allergies, active problems and current medicines. */
  entries: readonly CardEntry[];
  picked: ReadonlySet<string>;
  onToggle: (id: string, on: boolean) => void;
}

/** What may go on the card, grouped by kind, each with a checkbox; sensitive ones marked. */
export function CardItems({ entries, picked, onToggle }: CardItemsProps) {
  const { t } = useTranslation(['emergency', 'entry', 'vocab', 'summary']);
  if (entries.length === 0) return <p className="empty">{t('items.none')}</p>;
  return CARD_KINDS.map((kind) => {
    const ofKind = entries.filter((e) => e.details.kind === kind);
    if (ofKind.length === 0) return null;
    return (
      <fieldset key={kind} className="card-items">
        <legend>
          <Icon name={KIND_ICONS[kind]} />
          <span>{t(`entry:kinds.${kind}`)}</span>
        </legend>
        <ul className="plain-list">
          {ofKind.map((e) => (
            <li key={e.id}>
              <label className="check-row">
                <input
                  type="checkbox"
                  checked={picked.has(e.id)}
                  onChange={(ev) => onToggle(e.id, ev.target.checked)}
                />
                <span>
                  {entryTitle(e, t)}
                  {e.sensitive && <SensitiveTag label={t('summary:sensitive')} />}
                </span>
              </label>
              {e.sensitive && picked.has(e.id) && (
                <p className="field-hint">{t('items.sensitivePicked')}</p>
              )}
            </li>
          ))}
        </ul>
      </fieldset>
    );
  });
}
