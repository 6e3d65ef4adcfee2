import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CodedTerm, EntryKind } from '../../record/types.ts';
import { Icon } from '../../ui/Icon.tsx';
import type { VocabHit } from './useVocabSearch.ts';
import { useVocabSearch } from './useVocabSearch.ts';

interface VocabPickerProps {
  kind: EntryKind;
  selected?: CodedTerm;
  /** Called with the chosen term (or undefined to clear), its default sensitivity and unit. */
  onSelect: (term: CodedTerm | undefined, sensitive: boolean, unit?: string) => void;
}

/** Most results shown at once; typing more narrows hundreds of terms to these. */
const MAX_RESULTS = 8;

/**
 * A combobox over the coded vocabulary: type the first letters in your language or in
 * French, pick a term. Keyboard: arrows move, Enter picks, Escape closes.
 */
export function VocabPicker({ kind, selected, onSelect }: VocabPickerProps) {
  const { t } = useTranslation(['entry', 'vocab']);
  const id = useId();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const hits = useVocabSearch(query, kind).slice(0, MAX_RESULTS);
  const open = query.trim().length > 0;

  const pick = (hit: VocabHit) => {
    onSelect(hit.term, hit.sensitive, hit.unit);
    setQuery('');
    setActive(0);
  };

  if (selected) {
    return (
      <div className="field">
        <span className="field-label">{t('picker.label')}</span>
        <div className="picked-term">
          <Icon name="check" />
          {/* The term's name only: a raw code (J01C) means nothing to the patient. */}
          <span>{t(`vocab:${selected.key}`, { defaultValue: t('unnamed') })}</span>
          <button type="button" className="link-button" onClick={() => onSelect(undefined, false)}>
            {t('picker.change')}
          </button>
        </div>
      </div>
    );
  }

  return (
    <div className="field vocab-picker">
      <label htmlFor={`${id}-input`}>{t('picker.label')}</label>
      <p className="field-hint" id={`${id}-hint`}>
        {t('picker.hint')}
      </p>
      <input
        id={`${id}-input`}
        name="term-search"
        role="combobox"
        aria-expanded={open}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-describedby={`${id}-hint`}
        aria-activedescendant={open && hits[active] ? `${id}-opt-${active}` : undefined}
        autoComplete="off"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, hits.length - 1));
          else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
          else if (e.key === 'Escape') setQuery('');
          else if (e.key === 'Enter' && open && hits[active]) {
            e.preventDefault();
            pick(hits[active]);
            return;
          } else return;
          e.preventDefault();
        }}
      />
      {open && (
        <ul
          id={`${id}-list`}
          role="listbox"
          className="vocab-results"
          aria-label={t('picker.results')}
        >
          {hits.length === 0 && <li className="empty">{t('picker.none')}</li>}
          {hits.map((hit, i) => (
            <li
              key={`${hit.term.system}:${hit.term.code}`}
              id={`${id}-opt-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'is-active' : undefined}
              onPointerDown={(e) => e.preventDefault()}
              onClick={() => pick(hit)}
            >
              <span>{hit.label}</span>
              {hit.frenchLabel && hit.frenchLabel !== hit.label && (
                <small lang="fr">{hit.frenchLabel}</small>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
