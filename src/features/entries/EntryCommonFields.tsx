import { useTranslation } from 'react-i18next';
import { PROVENANCES } from '../../record/types.ts';
import type { FieldErrors } from '../../record/validate.ts';
import { Field } from '../../ui/Field.tsx';
import { Icon } from '../../ui/Icon.tsx';
import type { EntryDraft } from './entry-draft.ts';
import { hasFreeText } from './entry-draft.ts';
import { VocabPicker } from './VocabPicker.tsx';
import { LanguageOptions } from '../shell/LanguageOptions.tsx';

/** Fields every entry has: what it is (coded and/or free text), its source, sensitivity. */
export function EntryCommonFields({
  draft,
  errors,
  onChange,
}: {
  draft: EntryDraft;
  errors: FieldErrors;
  onChange: (draft: EntryDraft) => void;
}) {
  const { t } = useTranslation(['entry', 'errors']);
  const textError = errors.text ? t(`errors:field.${errors.text}`) : undefined;
  const isNote = draft.kind === 'note';
  const coded = draft.kind !== 'note' && draft.kind !== 'right';
  return (
    <>
      {coded && (
        <VocabPicker
          kind={draft.kind}
          selected={draft.term}
          onSelect={(term, sensitive, unit) =>
            onChange({
              ...draft,
              ...(term ? { term } : { term: undefined }),
              sensitive: term ? sensitive || draft.sensitive : draft.sensitive,
              fields: unit && !draft.fields.unit ? { ...draft.fields, unit } : draft.fields,
            })
          }
        />
      )}
      <Field
        label={isNote ? t('field.note') : coded ? t('field.freeText') : t('field.description')}
        hint={coded ? t('field.freeTextHint') : undefined}
        error={textError}
      >
        {(a11y) =>
          isNote ? (
            <textarea
              {...a11y}
              name="text"
              rows={6}
              dir="auto"
              value={draft.text}
              onChange={(e) => onChange({ ...draft, text: e.target.value })}
            />
          ) : (
            <input
              {...a11y}
              name="text"
              dir="auto"
              value={draft.text}
              onChange={(e) => onChange({ ...draft, text: e.target.value })}
            />
          )
        }
      </Field>
      {hasFreeText(draft) && (
        <Field label={t('field.textLang')}>
          {(a11y) => (
            <select
              {...a11y}
              name="textLang"
              value={draft.textLang}
              onChange={(e) => onChange({ ...draft, textLang: e.target.value })}
            >
              <LanguageOptions />
            </select>
          )}
        </Field>
      )}
      <fieldset className="choice">
        <legend>{t('field.provenance')}</legend>
        {PROVENANCES.map((p) => (
          <label key={p} className="choice-option">
            <input
              type="radio"
              name="provenance"
              value={p}
              checked={draft.provenance === p}
              onChange={() => onChange({ ...draft, provenance: p })}
            />
            <Icon name={p} />
            <span>{t(`provenance.${p}`)}</span>
          </label>
        ))}
      </fieldset>
      <label className="check-row check-sensitive">
        <input
          type="checkbox"
          name="sensitive"
          checked={draft.sensitive}
          onChange={(e) => onChange({ ...draft, sensitive: e.target.checked })}
        />
        <Icon name="sensitive" />
        <span>
          {t('field.sensitive')}
          <small>{t('field.sensitiveHint')}</small>
        </span>
      </label>
    </>
  );
}
