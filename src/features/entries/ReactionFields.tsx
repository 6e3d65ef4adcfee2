import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../../record/validate.ts';
import { Field } from '../../ui/Field.tsx';
import { termsOfKind } from '../../vocab/index.ts';
import type { EntryDraft } from './entry-draft.ts';
import { vocabKey } from './entry-keys.ts';

interface ReactionFieldsProps {
  draft: EntryDraft;
  errors: FieldErrors;
  onChange: (draft: EntryDraft) => void;
}

/**
 * What an allergy did: ticks from a coded list (SNOMED CT manifestations), which a doctor
 * reads in French, then the patient's own words for anything the list does not have.
 */
export function ReactionFields({ draft, errors, onChange }: ReactionFieldsProps) {
  const { t } = useTranslation(['entry', 'errors', 'vocab']);
  const picked = new Set(draft.reactions);
  const toggle = (key: string, on: boolean) =>
    onChange({
      ...draft,
      reactions: on ? [...draft.reactions, key] : draft.reactions.filter((k) => k !== key),
    });
  const otherError = errors.reaction ? t(`errors:field.${errors.reaction}`) : undefined;
  return (
    <>
      <fieldset className="choice reactions">
        <legend>{t('field.reactions')}</legend>
        {termsOfKind('reaction').map((term) => (
          <label key={term.key} className="check-row">
            <input
              type="checkbox"
              name="reactions"
              value={term.key}
              checked={picked.has(term.key)}
              onChange={(e) => toggle(term.key, e.target.checked)}
            />
            <span>{t(vocabKey(term.key))}</span>
          </label>
        ))}
      </fieldset>
      <Field label={t('field.reactionOther')} error={otherError}>
        {(a11y) => (
          <input
            {...a11y}
            name="reaction"
            dir="auto"
            value={draft.fields.reaction ?? ''}
            onChange={(e) =>
              onChange({ ...draft, fields: { ...draft.fields, reaction: e.target.value } })
            }
          />
        )}
      </Field>
    </>
  );
}
