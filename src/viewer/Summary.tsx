import { useState } from 'react';
import { formatIsoDate } from '../i18n/format.ts';
import { translationLanguages, type IpsSummary } from '../share/ips-read.ts';
import { Documents } from './Documents.tsx';
import { dateTime, languageName, timeLeft } from './format.ts';
import { useT } from './i18n.ts';
import { PatientCard } from './PatientCard.tsx';
import { SectionView, isAdministrative, sectionsToShow } from './Sections.tsx';

interface SummaryProps {
  summary: IpsSummary;
  now: number;
  expiresAt: number | null;
}

/** The patient's language for the toggle: one they speak that the bundle translates into. */
function besideLanguage(summary: IpsSummary, viewerLng: string): string | null {
  const available = translationLanguages(summary);
  const base = (tag: string) => tag.split('-')[0];
  const spoken = summary.patient?.languages ?? [];
  const match =
    spoken.map((s) => available.find((a) => base(a) === base(s))).find(Boolean) ?? available[0];
  return match && base(match) !== base(viewerLng) ? match : null;
}

/** The one screen the doctor reads: who, language, then the sections, then documents. */
export function Summary({ summary, now, expiresAt }: SummaryProps) {
  const { t, lng } = useT();
  const [bilingual, setBilingual] = useState(false);
  const patientLng = besideLanguage(summary, lng);
  const beside = bilingual ? patientLng : null;
  const sections = sectionsToShow(summary);
  const admin = isAdministrative(summary);
  return (
    <article className={`v-summary${admin ? ' is-admin' : ''}`}>
      {summary.authoredByPatient && (
        <p className="v-chosen" role="note">
          {t(admin ? 'summary.chosenAdmin' : 'summary.chosen')}
        </p>
      )}
      {summary.omitted && (
        <p className="v-chosen" role="note">
          {t('summary.omitted')}
        </p>
      )}
      <div className="v-toolbar">
        {expiresAt !== null && (
          <p className="v-expiry">
            {t('summary.expiresIn', {
              time: dateTime(expiresAt, lng),
              left: timeLeft(expiresAt, now, lng),
            })}
          </p>
        )}
        <div className="v-actions">
          {patientLng && (
            <button
              type="button"
              className="v-button v-toggle"
              aria-pressed={bilingual}
              onClick={() => setBilingual((b) => !b)}
            >
              {t('summary.toggle', { language: languageName(patientLng, lng) })}
            </button>
          )}
          <button type="button" className="v-button v-secondary" onClick={() => window.print()}>
            {t('summary.print')}
          </button>
        </div>
      </div>
      <PatientCard patient={summary.patient} now={now} />
      {summary.date && (
        <p className="v-muted">
          {t('summary.writtenOn', { date: formatIsoDate(summary.date, lng) })}
        </p>
      )}
      {sections.map((section) => (
        <SectionView
          key={section.key}
          section={section}
          beside={beside}
          byPatient={summary.authoredByPatient}
        />
      ))}
      <Documents documents={summary.documents} />
      <p className="v-muted v-footnote">{t('summary.notStored')}</p>
    </article>
  );
}
