import { useTranslation } from 'react-i18next';
import type { PaperDocument } from '../../record/documents.ts';
import { declarationItem } from '../../record/shares.ts';
import type { DeclarableKind, Entry } from '../../record/types.ts';
import { ENTRY_KINDS } from '../../record/types.ts';
import { Icon } from '../../ui/Icon.tsx';
import { SensitiveTag } from '../../ui/SensitiveTag.tsx';
import { entryTitle } from '../entries/entry-text.ts';
import { KIND_ICONS } from '../summary/kind-icons.ts';

interface ShareItemsProps {
  entries: readonly Entry[];
  documents: readonly PaperDocument[];
  /** The patient's standing "no known ..." statements, offered like entries. */
  declarations: readonly DeclarableKind[];
  picked: ReadonlySet<string>;
  onToggle: (id: string, on: boolean) => void;
}

/**
 * Every entry and paper, grouped by kind, each with a checkbox. Sensitive ones are marked
 * so the patient knows what they are adding; they start unticked.
 */
export function ShareItems({
  entries,
  documents,
  declarations,
  picked,
  onToggle,
}: ShareItemsProps) {
  const { t } = useTranslation(['share', 'entry', 'vocab', 'summary']);
  const row = (id: string, label: string, sensitive: boolean) => (
    <li key={id}>
      <label className={`check-row${sensitive ? ' check-sensitive' : ''}`}>
        <input
          type="checkbox"
          checked={picked.has(id)}
          onChange={(e) => onToggle(id, e.target.checked)}
        />
        <span>
          {label}
          {sensitive && <SensitiveTag label={t('summary:sensitive')} />}
        </span>
      </label>
      {sensitive && picked.has(id) && (
        <p className="field-hint warn">{t('what.sensitivePicked')}</p>
      )}
    </li>
  );
  if (entries.length === 0 && documents.length === 0 && declarations.length === 0) {
    // An empty list alone would look broken: say why, and what the link still carries.
    return <p className="empty">{t('what.nothing')}</p>;
  }
  return (
    <>
      {ENTRY_KINDS.filter((kind) => kind !== 'note').map((kind) => {
        const ofKind = entries.filter((e) => e.details.kind === kind);
        const declared = declarations.find((d) => d === kind);
        if (ofKind.length === 0 && !declared) return null;
        return (
          <fieldset key={kind} className="share-group">
            <legend>
              <Icon name={KIND_ICONS[kind]} />
              {t(`entry:kinds.${kind}`)}
            </legend>
            <ul className="plain-list">
              {declared &&
                row(declarationItem(declared), t(`summary:declaration.made.${declared}`), false)}
              {ofKind.map((e) => row(e.id, entryTitle(e, t), e.sensitive))}
            </ul>
          </fieldset>
        );
      })}
      {documents.length > 0 && (
        <fieldset className="share-group">
          <legend>
            <Icon name="paper" />
            {t('what.documents')}
          </legend>
          <ul className="plain-list">{documents.map((d) => row(d.id, d.title, d.sensitive))}</ul>
        </fieldset>
      )}
    </>
  );
}
