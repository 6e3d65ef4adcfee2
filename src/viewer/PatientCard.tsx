import { formatIsoDate } from '../i18n/format.ts';
import type { IpsPatient } from '../share/ips-read.ts';
import { ageOf, isOneOf, languageName } from './format.ts';
import { useT } from './i18n.ts';

const GENDERS = new Set(['female', 'male', 'other', 'unknown'] as const);

interface PatientCardProps {
  patient: IpsPatient | null;
  now: number;
}

/** Who the record is about, the language they speak, and whether an interpreter is needed. */
export function PatientCard({ patient, now }: PatientCardProps) {
  const { t, lng } = useT();
  const age = patient?.birthDate ? ageOf(patient.birthDate, new Date(now)) : null;
  const facts = [
    age
      ? age.years >= 2
        ? t('patient.age', { count: age.years })
        : t('patient.ageMonths', { count: age.months })
      : null,
    patient?.gender && isOneOf(GENDERS, patient.gender) ? t(`patient.sex.${patient.gender}`) : null,
    patient?.birthDate ? t('patient.born', { date: formatIsoDate(patient.birthDate, lng) }) : null,
  ].filter(Boolean);
  const languages = patient?.languages.map((l) => languageName(l, lng)) ?? [];
  const interpreter = patient?.interpreterRequired;
  return (
    <section className="v-patient" aria-labelledby="v-patient-name">
      <h2 id="v-patient-name" className="v-patient-name">
        {patient?.name ?? t('patient.unnamed')}
      </h2>
      {patient?.otherNames.map((n) => (
        <p key={n.text} className="v-patient-other-name">
          <span dir="auto" {...(n.lang ? { lang: n.lang } : {})}>
            {n.text}
          </span>
          {n.lang && (
            <span className="v-tag">
              {t('patient.writtenIn', { language: languageName(n.lang, lng) })}
            </span>
          )}
        </p>
      ))}
      {facts.length > 0 && <p className="v-patient-facts">{facts.join(' · ')}</p>}
      <div className={`v-language${interpreter ? ' is-needed' : ''}`}>
        <p className="v-language-line">
          {languages.length > 0
            ? t('patient.language', { languages: languages.join(', ') })
            : t('patient.languageUnknown')}
        </p>
        {interpreter !== undefined && (
          <p className="v-interpreter">
            <span aria-hidden="true">{interpreter ? '⚠ ' : ''}</span>
            {interpreter ? t('patient.interpreter') : t('patient.noInterpreter')}
          </p>
        )}
      </div>
    </section>
  );
}
