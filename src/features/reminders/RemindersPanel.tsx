import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CLINICIAN_LANGUAGE } from '../../i18n/languages.ts';
import type { Reminder } from '../../record/reminders.ts';
import type { Profile } from '../../record/types.ts';
import { Icon } from '../../ui/Icon.tsx';
import { ReadAloud } from '../shell/ReadAloud.tsx';
import { entryIcon } from '../summary/kind-icons.ts';
import { reminderText } from './reminder-text.ts';
import './reminders.css';

/**
 * The reminders of the person shown, on top of the summary: one clear line each, with its
 * icon, a way to the paper or the schedule, and a button that reads it aloud.
 */
export function RemindersPanel({
  reminders,
  profile,
  profiles,
  children,
}: {
  reminders: readonly Reminder[];
  profile: Profile;
  profiles: readonly Profile[];
  /** Below the lines: the choice of notifications. */
  children?: ReactNode;
}) {
  const { t, i18n } = useTranslation(['summary', 'entry', 'vocab']);
  const lng = i18n.resolvedLanguage ?? CLINICIAN_LANGUAGE;
  const mine = reminders.filter((r) => r.profileId === profile.id);
  if (mine.length === 0) return null;
  const title = t('reminders.title');
  const lines = mine.map((r) => ({ r, text: reminderText(r, t, profiles, lng) }));
  return (
    <section className="reminders" aria-labelledby="reminders-title">
      <div className="section-head">
        <h2 id="reminders-title">
          <Icon name="bell" />
          <span>{title}</span>
        </h2>
        <ReadAloud
          text={[title, ...lines.map((l) => l.text)].join('. ')}
          label={t('readAloud', { name: title })}
        />
      </div>
      <ul className="reminder-list">
        {lines.map(({ r, text }) => (
          <li key={r.about} className={`reminder-line${r.daysLeft < 0 ? ' is-past' : ''}`}>
            <Link to={r.entry ? `/entry/${r.entry.id}` : '/vaccines'}>
              <Icon name={r.entry ? entryIcon(r.entry) : 'vaccination'} />
              <span>{text}</span>
            </Link>
            <ReadAloud text={text} label={t('readAloud', { name: text })} />
          </li>
        ))}
      </ul>
      {children}
    </section>
  );
}
