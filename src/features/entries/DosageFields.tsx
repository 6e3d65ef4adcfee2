import { useTranslation } from 'react-i18next';
import { DOSE_UNITS } from '../../record/types.ts';
import type { FieldErrors } from '../../record/validate.ts';
import { Field } from '../../ui/Field.tsx';
import { termsOfKind } from '../../vocab/index.ts';
import type { EntryDraft } from './entry-draft.ts';
import { vocabKey } from './entry-keys.ts';
import { FREQUENCY_PERS } from './entry-draft.ts';

interface DosageFieldsProps {
  draft: EntryDraft;
  errors: FieldErrors;
  onChange: (draft: EntryDraft) => void;
}

const NUMBER_LABEL = {
  day: 'field.timesPerDay',
  week: 'field.timesPerWeek',
  hours: 'field.everyHours',
} as const;

/**
 * How a medicine is taken, as structured parts a doctor can read in French whatever the
 * patient's language: amount and unit, how often, route, "only when needed", and the
 * patient's own words for anything else.
 */
export function DosageFields({ draft, errors, onChange }: DosageFieldsProps) {
  const { t } = useTranslation(['entry', 'errors', 'vocab']);
  const set = (name: string, value: string) =>
    onChange({ ...draft, fields: { ...draft.fields, [name]: value } });
  const error = (name: string) => {
    const code = errors[name];
    return code ? t(`errors:field.${code}`) : undefined;
  };
  const per = (draft.fields.per ?? 'day') as (typeof FREQUENCY_PERS)[number];
  return (
    <fieldset className="dosage">
      <legend>{t('dosage.legend')}</legend>
      <div className="field-pair">
        <Field label={t('field.amount')} error={error('amount')}>
          {(a11y) => (
            <input
              {...a11y}
              name="amount"
              inputMode="decimal"
              autoComplete="off"
              value={draft.fields.amount ?? ''}
              onChange={(e) => set('amount', e.target.value)}
            />
          )}
        </Field>
        <Field label={t('field.unit')} error={error('unit')}>
          {(a11y) => (
            <select
              {...a11y}
              name="unit"
              value={draft.fields.unit ?? ''}
              onChange={(e) => set('unit', e.target.value)}
            >
              <option value="">{t('field.notSaid')}</option>
              {DOSE_UNITS.map((u) => (
                <option key={u} value={u}>
                  {t(`dosage.unitName.${u}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="field-pair">
        <Field label={t('field.per')}>
          {(a11y) => (
            <select {...a11y} name="per" value={per} onChange={(e) => set('per', e.target.value)}>
              {FREQUENCY_PERS.map((p) => (
                <option key={p} value={p}>
                  {t(`dosage.per.${p}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t(NUMBER_LABEL[per])} error={error('frequency')}>
          {(a11y) => (
            <input
              {...a11y}
              name="times"
              inputMode="numeric"
              autoComplete="off"
              value={draft.fields.times ?? ''}
              onChange={(e) =>
                onChange({
                  ...draft,
                  fields: { ...draft.fields, times: e.target.value, per },
                })
              }
            />
          )}
        </Field>
      </div>
      <Field label={t('field.route')} error={error('route')}>
        {(a11y) => (
          <select
            {...a11y}
            name="route"
            value={draft.fields.route ?? ''}
            onChange={(e) => set('route', e.target.value)}
          >
            <option value="">{t('field.notSaid')}</option>
            {termsOfKind('route').map((r) => (
              <option key={r.key} value={r.key}>
                {t(vocabKey(r.key))}
              </option>
            ))}
          </select>
        )}
      </Field>
      <label className="check-row">
        <input
          type="checkbox"
          name="asNeeded"
          checked={draft.flags.asNeeded ?? false}
          onChange={(e) =>
            onChange({ ...draft, flags: { ...draft.flags, asNeeded: e.target.checked } })
          }
        />
        <span>{t('field.asNeeded')}</span>
      </label>
      <Field label={t('field.instructions')} error={error('instructions')}>
        {(a11y) => (
          <input
            {...a11y}
            name="instructions"
            dir="auto"
            value={draft.fields.instructions ?? ''}
            onChange={(e) => set('instructions', e.target.value)}
          />
        )}
      </Field>
    </fieldset>
  );
}
