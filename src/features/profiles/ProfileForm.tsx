import type { FormEvent } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newId } from '../../record/ids.ts';
import type { BloodGroup, Profile, Sex } from '../../record/types.ts';
import { SEXES } from '../../record/types.ts';
import type { FieldErrors } from '../../record/validate.ts';
import { hasErrors, validateProfile } from '../../record/validate.ts';
import { Button } from '../../ui/Button.tsx';
import { Field } from '../../ui/Field.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { useSession } from '../session/session-context.ts';
import { useAction } from '../shell/useAction.ts';
import { LanguageOptions } from '../shell/LanguageOptions.tsx';
import { BloodGroupField } from './BloodGroupField.tsx';

interface ProfileFormProps {
  relation: Profile['relation'];
  existing?: Profile;
  onSaved: (profile: Profile) => void | Promise<void>;
}

/** Who a record is about: the patient or a child. */
export function ProfileForm({ relation, existing, onSaved }: ProfileFormProps) {
  const { t, i18n } = useTranslation(['summary', 'common', 'errors']);
  const { store } = useSession();
  const [name, setName] = useState(existing?.name ?? '');
  const [family, setFamily] = useState(existing?.officialName?.family ?? '');
  const [given, setGiven] = useState(existing?.officialName?.given ?? '');
  const [birthDate, setBirthDate] = useState(existing?.birthDate ?? '');
  const [sex, setSex] = useState<Sex>(existing?.sex ?? 'unknown');
  const [bloodGroup, setBloodGroup] = useState<BloodGroup | undefined>(existing?.bloodGroup);
  const [language, setLanguage] = useState(existing?.language ?? i18n.resolvedLanguage ?? 'fr');
  const [interpreter, setInterpreter] = useState(existing?.interpreterNeeded ?? language !== 'fr');
  // Until the patient ticks or unticks it, "interpreter needed" follows the language spoken.
  const [interpreterChosen, setInterpreterChosen] = useState(existing !== undefined);
  const [errors, setErrors] = useState<FieldErrors>({});
  const { busy, failure, run } = useAction();

  async function submit(e: FormEvent) {
    e.preventDefault();
    const now = Date.now();
    const official =
      family.trim() || given.trim()
        ? { family: family.trim(), ...(given.trim() ? { given: given.trim() } : {}) }
        : undefined;
    const { officialName: _old, bloodGroup: _oldGroup, ...kept } = existing ?? {};
    const profile: Profile = {
      ...kept,
      id: existing?.id ?? newId(),
      name: name.trim(),
      ...(official ? { officialName: official } : {}),
      relation: existing?.relation ?? relation,
      ...(birthDate ? { birthDate } : {}),
      sex,
      ...(bloodGroup ? { bloodGroup } : {}),
      language,
      interpreterNeeded: interpreter,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    };
    const found = validateProfile(profile, now);
    setErrors(found);
    if (hasErrors(found)) return;
    await run(async () => {
      await store.saveProfile(profile);
      await onSaved(profile);
    });
  }

  const fieldError = (f: string) => (errors[f] ? t(`errors:field.${errors[f]}`) : undefined);

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Field label={t('profile.name')} error={fieldError('name')}>
        {(a11y) => (
          <input
            {...a11y}
            name="name"
            autoComplete="off"
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        )}
      </Field>
      <fieldset className="official-name">
        <legend>{t('profile.officialName')}</legend>
        <p className="field-hint">{t('profile.officialNameHint')}</p>
        <Field label={t('profile.family')} error={fieldError('family')}>
          {(a11y) => (
            <input
              {...a11y}
              name="family"
              dir="ltr"
              lang="fr"
              autoComplete="off"
              autoCapitalize="characters"
              value={family}
              onChange={(e) => setFamily(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('profile.given')} error={fieldError('given')}>
          {(a11y) => (
            <input
              {...a11y}
              name="given"
              dir="ltr"
              lang="fr"
              autoComplete="off"
              value={given}
              onChange={(e) => setGiven(e.target.value)}
            />
          )}
        </Field>
      </fieldset>
      <Field label={t('profile.birthDate')} error={fieldError('birthDate')}>
        {(a11y) => (
          <input
            {...a11y}
            type="date"
            name="birthDate"
            value={birthDate}
            onChange={(e) => setBirthDate(e.target.value)}
          />
        )}
      </Field>
      <Field label={t('profile.sex')} error={fieldError('sex')}>
        {(a11y) => (
          <select {...a11y} name="sex" value={sex} onChange={(e) => setSex(e.target.value as Sex)}>
            {SEXES.map((s) => (
              <option key={s} value={s}>
                {t(`profile.sexes.${s}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <BloodGroupField value={bloodGroup} onChange={setBloodGroup} />
      <Field label={t('profile.language')}>
        {(a11y) => (
          <select
            {...a11y}
            name="language"
            value={language}
            onChange={(e) => {
              setLanguage(e.target.value);
              if (!interpreterChosen) setInterpreter(e.target.value !== 'fr');
            }}
          >
            <LanguageOptions withFrench />
          </select>
        )}
      </Field>
      <label className="check-row">
        <input
          type="checkbox"
          name="interpreter"
          checked={interpreter}
          onChange={(e) => {
            setInterpreter(e.target.checked);
            setInterpreterChosen(true);
          }}
        />
        <span>{t('profile.interpreter')}</span>
      </label>
      {failure && <Notice tone="error">{failure}</Notice>}
      <Button type="submit" icon="check" disabled={busy}>
        {t('common:save')}
      </Button>
    </form>
  );
}
