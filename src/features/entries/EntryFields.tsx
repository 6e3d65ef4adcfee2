import type { ParseKeys } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { EntryKind } from '../../record/types.ts';
import { ALLERGY_SEVERITIES, RIGHT_SCHEMES, SENSITIVE_SCHEMES } from '../../record/types.ts';
import type { FieldErrors } from '../../record/validate.ts';
import { Field } from '../../ui/Field.tsx';
import type { EntryDraft } from './entry-draft.ts';
import { DosageFields } from './DosageFields.tsx';
import { ReactionFields } from './ReactionFields.tsx';

/** Labelled `field.<name>`, unless their kind words it its own way (`field.<kind>.<name>`). */
type InputName =
  | 'since'
  | 'prescriber'
  | 'date'
  | 'doseNumber'
  | 'value'
  | 'unit'
  | 'number'
  | 'issuer'
  | 'validFrom'
  | 'validUntil';

type SelectSpec =
  | { name: 'severity'; type: 'select'; options: typeof ALLERGY_SEVERITIES; prefix: 'severity' }
  | { name: 'scheme'; type: 'select'; options: typeof RIGHT_SCHEMES; prefix: 'scheme' };

type FieldSpec =
  | { name: InputName; type: 'text' | 'date' | 'number'; hint?: ParseKeys<'entry'> }
  | SelectSpec
  // A yes/no question is always its kind's own: there is no shared `field.active`.
  | { name: 'active' | 'current'; type: 'flag'; label: ParseKeys<'entry'> };

/** A select's options, each with its label's key (`severity.mild`, `scheme.AME`). */
function optionKeys(spec: SelectSpec): (readonly [string, ParseKeys<'entry'>])[] {
  return spec.prefix === 'severity'
    ? spec.options.map((o) => [o, `severity.${o}`] as const)
    : spec.options.map((o) => [o, `scheme.${o}`] as const);
}

/** The kind-specific fields, in the order a person fills them in. */
const SPECS: Record<EntryKind, readonly FieldSpec[]> = {
  condition: [
    { name: 'since', type: 'date' },
    { name: 'active', type: 'flag', label: 'field.condition.active' },
  ],
  allergy: [{ name: 'severity', type: 'select', options: ALLERGY_SEVERITIES, prefix: 'severity' }],
  medication: [
    { name: 'since', type: 'date' },
    { name: 'prescriber', type: 'text' },
    { name: 'current', type: 'flag', label: 'field.medication.current' },
  ],
  vaccination: [
    { name: 'date', type: 'date' },
    { name: 'doseNumber', type: 'number' },
  ],
  result: [
    { name: 'value', type: 'text' },
    { name: 'unit', type: 'text' },
    { name: 'date', type: 'date' },
  ],
  right: [
    { name: 'scheme', type: 'select', options: RIGHT_SCHEMES, prefix: 'scheme' },
    { name: 'number', type: 'text' },
    { name: 'issuer', type: 'text', hint: 'field.right.issuerHint' },
    { name: 'validFrom', type: 'date' },
    { name: 'validUntil', type: 'date' },
  ],
  note: [{ name: 'date', type: 'date' }],
};

interface EntryFieldsProps {
  draft: EntryDraft;
  errors: FieldErrors;
  onChange: (draft: EntryDraft) => void;
}

/**
 * Renders the fields of one kind of entry from SPECS, with the structured dose of a
 * medicine and the coded reactions of an allergy.
 */
export function EntryFields({ draft, errors, onChange }: EntryFieldsProps) {
  const { t } = useTranslation(['entry', 'errors']);
  const setField = (name: string, value: string) =>
    onChange({
      ...draft,
      fields: { ...draft.fields, [name]: value },
      // Asylum papers start sensitive, as asylum papers among documents do; the patient may
      // untick it.
      sensitive:
        draft.sensitive ||
        (name === 'scheme' && (SENSITIVE_SCHEMES as readonly string[]).includes(value)),
    });
  return (
    <>
      {draft.kind === 'medication' && (
        <DosageFields draft={draft} errors={errors} onChange={onChange} />
      )}
      {SPECS[draft.kind].map((spec) => {
        if (spec.type === 'flag') {
          return (
            <label key={spec.name} className="check-row">
              <input
                type="checkbox"
                name={spec.name}
                checked={draft.flags[spec.name] ?? true}
                onChange={(e) =>
                  onChange({ ...draft, flags: { ...draft.flags, [spec.name]: e.target.checked } })
                }
              />
              <span>{t(spec.label)}</span>
            </label>
          );
        }
        const label = t(`field.${draft.kind}.${spec.name}`, {
          defaultValue: t(`field.${spec.name}`),
        });
        const code = errors[spec.name];
        const error = code ? t(`errors:field.${code}`) : undefined;
        const value = draft.fields[spec.name] ?? '';
        const hint = spec.type !== 'select' && spec.hint ? t(spec.hint) : undefined;
        return (
          <Field key={spec.name} label={label} hint={hint} error={error}>
            {(a11y) =>
              spec.type === 'select' ? (
                <select
                  {...a11y}
                  name={spec.name}
                  value={value}
                  onChange={(e) => setField(spec.name, e.target.value)}
                >
                  {optionKeys(spec).map(([o, key]) => (
                    <option key={o} value={o}>
                      {t(key)}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  {...a11y}
                  name={spec.name}
                  type={spec.type}
                  inputMode={spec.type === 'number' ? 'numeric' : undefined}
                  min={spec.type === 'number' ? 1 : undefined}
                  value={value}
                  onChange={(e) => setField(spec.name, e.target.value)}
                />
              )
            }
          </Field>
        );
      })}
      {draft.kind === 'allergy' && (
        <ReactionFields draft={draft} errors={errors} onChange={onChange} />
      )}
    </>
  );
}
