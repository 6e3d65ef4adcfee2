import { useId, useMemo, useState } from 'react';
import { searchTerms } from '../../vocab/search.ts';
import type { LabelMap, Term, TermKind } from '../../vocab/types.ts';
import type { ReplyStrings } from './strings.ts';

interface TermPickerProps {
  s: ReplyStrings;
  label: string;
  kind: TermKind;
  /** French labels, and the viewer's language's when it is another. */
  labels: Readonly<Record<string, LabelMap>>;
  value: Term | undefined;
  onChange: (term: Term | undefined) => void;
}

/** A coded term by typing part of its name or its code (ATC, LOINC, vaccines). */
export function TermPicker({ s, label, kind, labels, value, onChange }: TermPickerProps) {
  const id = useId();
  const [query, setQuery] = useState('');
  const languages = useMemo(() => [...new Set([s.lng, 'fr'])], [s.lng]);
  const nameOf = (t: Term) => labels[s.lng]?.[t.key] ?? labels.fr?.[t.key] ?? t.code;
  const hits = useMemo(
    () =>
      query.trim().length < 2
        ? []
        : searchTerms(query, { kind, languages, labels, limit: 8 }).map((h) => h.term),
    [query, kind, languages, labels],
  );
  if (value) {
    return (
      <p className="v-reply-term">
        <span id={id}>{label}</span> : <strong>{nameOf(value)}</strong>{' '}
        <span className="v-muted">{value.code}</span>{' '}
        <button type="button" className="v-button v-secondary" onClick={() => onChange(undefined)}>
          {s.t('picker.change')}
        </button>
      </p>
    );
  }
  return (
    <div className="v-reply-picker">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className="v-input"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        placeholder={s.t('picker.placeholder')}
        autoComplete="off"
      />
      {query.trim().length >= 2 && (
        <ul className="v-reply-hits" aria-label={label}>
          {hits.length === 0 && <li className="v-muted">{s.t('picker.none')}</li>}
          {hits.map((term) => (
            <li key={term.key}>
              <button
                type="button"
                className="v-button v-secondary"
                onClick={() => {
                  onChange(term);
                  setQuery('');
                }}
              >
                {nameOf(term)} <span className="v-muted">{term.code}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
