import { useTranslation } from 'react-i18next';
import type { ContactRelation } from '../../record/emergency-copy.ts';
import { CONTACT_RELATIONS } from '../../record/emergency-copy.ts';
import { Field } from '../../ui/Field.tsx';

/** The person to call, as the patient types it. */
export interface ContactDraft {
  name: string;
  phone: string;
  relation: ContactRelation;
}

interface ContactFieldsProps {
  contact: ContactDraft;
  onChange: (contact: ContactDraft) => void;
  /** Shown when only one of name and phone is given. */
  error?: string | undefined;
}

/** Name, phone number and who they are to the patient. */
export function ContactFields({ contact, onChange, error }: ContactFieldsProps) {
  const { t } = useTranslation('emergency');
  return (
    <>
      <Field label={t('contact.name')} error={error}>
        {(a11y) => (
          <input
            {...a11y}
            name="contact-name"
            autoComplete="off"
            maxLength={100}
            dir="auto"
            value={contact.name}
            onChange={(e) => onChange({ ...contact, name: e.target.value })}
          />
        )}
      </Field>
      <Field label={t('contact.phone')}>
        {(a11y) => (
          <input
            {...a11y}
            name="contact-phone"
            type="tel"
            dir="ltr"
            autoComplete="off"
            maxLength={30}
            value={contact.phone}
            onChange={(e) => onChange({ ...contact, phone: e.target.value })}
          />
        )}
      </Field>
      <Field label={t('contact.relation')}>
        {(a11y) => (
          <select
            {...a11y}
            name="contact-relation"
            value={contact.relation}
            onChange={(e) =>
              onChange({
                ...contact,
                relation: CONTACT_RELATIONS.find((r) => r === e.target.value) ?? contact.relation,
              })
            }
          >
            {CONTACT_RELATIONS.map((r) => (
              <option key={r} value={r}>
                {t(`relation.${r}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
    </>
  );
}
