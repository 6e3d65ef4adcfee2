import { useTranslation } from 'react-i18next';
import type { BloodGroup } from '../../record/types.ts';
import { BLOOD_GROUPS } from '../../record/types.ts';
import { Field } from '../../ui/Field.tsx';

/** The blood group, "I don't know" (absent) unless the patient has it from a card or paper. */
export function BloodGroupField({
  value,
  onChange,
}: {
  value: BloodGroup | undefined;
  onChange: (group: BloodGroup | undefined) => void;
}) {
  const { t } = useTranslation('emergency');
  return (
    <Field label={t('bloodGroup.label')} hint={t('bloodGroup.hint')}>
      {(a11y) => (
        <select
          {...a11y}
          name="bloodGroup"
          value={value ?? ''}
          onChange={(e) => onChange(BLOOD_GROUPS.find((g) => g === e.target.value))}
        >
          <option value="">{t('bloodGroup.unknown')}</option>
          {BLOOD_GROUPS.map((g) => (
            <option key={g} value={g}>
              {/* The mark keeps "A-" left to right in a right-to-left list (never "-A"). */}
              {`${g}\u200E`}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
