import { useTranslation } from 'react-i18next';
import type { DocumentType } from '../../record/documents.ts';
import { ADMIN_DOCUMENT_TYPES, MEDICAL_DOCUMENT_TYPES } from '../../record/documents.ts';

/** The kinds of paper, medical then administrative; `allLabel` adds an "any type" choice. */
export function TypeSelect<T extends DocumentType | ''>({
  id,
  label,
  value,
  allLabel,
  onChange,
}: {
  id: string;
  label: string;
  value: T;
  allLabel?: string;
  onChange: (value: T) => void;
}) {
  const { t } = useTranslation('documents');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as T)}>
        {allLabel !== undefined && <option value="">{allLabel}</option>}
        <optgroup label={t('groups.medical')}>
          {MEDICAL_DOCUMENT_TYPES.map((k) => (
            <option key={k} value={k}>
              {t(`types.${k}`)}
            </option>
          ))}
        </optgroup>
        <optgroup label={t('groups.admin')}>
          {ADMIN_DOCUMENT_TYPES.map((k) => (
            <option key={k} value={k}>
              {t(`types.${k}`)}
            </option>
          ))}
        </optgroup>
      </select>
    </div>
  );
}
