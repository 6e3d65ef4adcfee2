import { useTranslation } from 'react-i18next';
import type { DocumentDetails, DocumentType } from '../../record/documents.ts';
import { SENSITIVE_BY_DEFAULT } from '../../record/documents.ts';
import type { FieldErrors } from '../../record/validate.ts';
import { Field } from '../../ui/Field.tsx';
import { Icon } from '../../ui/Icon.tsx';
import { useUnlocked } from '../session/session-context.ts';
import { TypeSelect } from './TypeSelect.tsx';
import { LanguageOptions } from '../shell/LanguageOptions.tsx';

/** What the patient says about a paper: title, date, type, whose, language, sensitivity. */
export function DocumentFields({
  value,
  errors,
  onChange,
}: {
  value: DocumentDetails;
  errors: FieldErrors;
  onChange: (value: DocumentDetails) => void;
}) {
  const { t } = useTranslation(['documents', 'errors']);
  const { state } = useUnlocked();
  const error = (field: string) => (errors[field] ? t(`errors:field.${errors[field]}`) : undefined);
  const set = (patch: Partial<DocumentDetails>) => onChange({ ...value, ...patch });
  return (
    <>
      <Field label={t('field.title')} hint={t('field.titleHint')} error={error('title')}>
        {(a11y) => (
          <input
            {...a11y}
            name="title"
            dir="auto"
            value={value.title}
            onChange={(e) => set({ title: e.target.value })}
          />
        )}
      </Field>
      <Field label={t('field.date')} error={error('date')}>
        {(a11y) => (
          <input
            {...a11y}
            name="date"
            type="date"
            value={value.date ?? ''}
            onChange={(e) => set({ date: e.target.value || undefined })}
          />
        )}
      </Field>
      <TypeSelect<DocumentType>
        id="doc-type"
        label={t('field.type')}
        value={value.type}
        onChange={(type) =>
          set({ type, sensitive: value.sensitive || SENSITIVE_BY_DEFAULT.includes(type) })
        }
      />
      {state.profiles.length > 1 && (
        <Field label={t('field.profile')} error={error('profileId')}>
          {(a11y) => (
            <select
              {...a11y}
              value={value.profileId}
              onChange={(e) => set({ profileId: e.target.value })}
            >
              {state.profiles.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <Field label={t('field.lang')} error={error('lang')}>
        {(a11y) => (
          <select
            {...a11y}
            value={value.lang ?? ''}
            onChange={(e) => set({ lang: e.target.value || undefined })}
          >
            <option value="">{t('field.langUnknown')}</option>
            <LanguageOptions />
          </select>
        )}
      </Field>
      <label className="check-row">
        <input
          type="checkbox"
          checked={value.sensitive}
          onChange={(e) => set({ sensitive: e.target.checked })}
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
