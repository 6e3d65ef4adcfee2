import { useState } from 'react';
import { formatIsoDate } from '../i18n/format.ts';
import { translationLanguages, type IpsSummary } from '../share/ips-read.ts';
import type { ShareContent } from './content.ts';
import { Documents } from './Documents.tsx';
import { dateTime, languageName, timeLeft } from './format.ts';
import { HealthCards } from './HealthCards.tsx';
import { useT } from './i18n.ts';
import { PatientCard } from './PatientCard.tsx';
import { SectionView, isAdministrative, sectionsToShow } from './Sections.tsx';
import { ShareNotes } from './ShareNotes.tsx';
import { ReplyEntry } from './reply/ReplyEntry.tsx';

interface SummaryProps {
  content: ShareContent;
  now: number;
  expiresAt: number | null;
  /** Opens the link again, for a share whose files `can-change`. */
  onRefresh: () => void;
}

/** The patient's language for the toggle: one they speak that the bundle translates into. */
function besideLanguage(summary: IpsSummary | null, viewerLng: string): string | null {
  if (!summary) return null;
  const available = translationLanguages(summary);
  const base = (tag: string) => tag.split('-')[0];
  const spoken = summary.patient?.languages ?? [];
  const match =
    spoken.map((s) => available.find((a) => base(a) === base(s))).find(Boolean) ?? available[0];
  return match && base(match) !== base(viewerLng) ? match : null;
}

/**
 * The one screen the doctor reads: who, language, then the sections, the health cards
 * and the documents. A share of health cards alone shows just the cards.
 */
export function Summary({ content, now, expiresAt, onRefresh }: SummaryProps) {
  const { t, lng } = useT();
  const [bilingual, setBilingual] = useState(false);
  const { summary } = content;
  const patientLng = besideLanguage(summary, lng);
  const beside = bilingual ? patientLng : null;
  const admin = summary !== null && isAdministrative(summary);
  return (
    <article className={`v-summary${admin ? ' is-admin' : ''}`}>
      {summary?.authoredByPatient && (
        <p className="v-chosen" role="note">
          {t(admin ? 'summary.chosenAdmin' : 'summary.chosen')}
        </p>
      )}
      {summary?.omitted && (
        <p className="v-chosen" role="note">
          {t('summary.omitted')}
        </p>
      )}
      <ShareNotes content={content} onRefresh={onRefresh} />
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
      {summary && <SummaryBody summary={summary} now={now} beside={beside} />}
      <HealthCards cards={content.cards} />
      {summary && <Documents documents={summary.documents} />}
      <p className="v-muted v-footnote">{t('summary.notStored')}</p>
      <ReplyEntry target={content.reply} admin={admin} />
    </article>
  );
}

interface SummaryBodyProps {
  summary: IpsSummary;
  now: number;
  beside: string | null;
}

/** Who the summary is about, when it was written, and its sections. */
function SummaryBody({ summary, now, beside }: SummaryBodyProps) {
  const { t, lng } = useT();
  return (
    <>
      <PatientCard patient={summary.patient} now={now} />
      {summary.date && (
        <p className="v-muted">
          {t('summary.writtenOn', { date: formatIsoDate(summary.date, lng) })}
        </p>
      )}
      {sectionsToShow(summary).map((section) => (
        <SectionView
          key={section.key}
          section={section}
          beside={beside}
          byPatient={summary.authoredByPatient}
        />
      ))}
    </>
  );
}
