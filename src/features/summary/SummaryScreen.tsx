import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { buildSummary, rightReminders } from '../../record/summary.ts';
import { Icon } from '../../ui/Icon.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { Screen } from '../../ui/Screen.tsx';
import { useUnlocked } from '../session/session-context.ts';
import { HeaderActions } from '../shell/HeaderActions.tsx';
import { EntryItem } from './EntryItem.tsx';
import { KIND_ICONS } from './kind-icons.ts';
import { ProfileSwitcher } from './ProfileSwitcher.tsx';
import { entryTitle } from '../entries/entry-text.ts';
import { useSpeech } from '../shell/useSpeech.ts';
import { CLINICIAN_LANGUAGE } from '../../i18n/languages.ts';
import { isDeclarable } from '../../record/declarations.ts';
import { NoneDeclaration } from './NoneDeclaration.tsx';
import { BackupReminder } from '../backup/BackupReminder.tsx';
import { IntegrityNotice } from './IntegrityNotice.tsx';
import { VaccineReminder } from '../vaccines/VaccineReminder.tsx';
import { RepliesNotice } from '../replies/RepliesNotice.tsx';
import './summary.css';

/** The patient's record at a glance, most important first: allergies, medicines, problems... */
export function SummaryScreen() {
  const { t, i18n } = useTranslation(['summary', 'entry', 'vocab', 'errors', 'share', 'documents']);
  const { state, activeProfileId } = useUnlocked();
  const lng = i18n.resolvedLanguage ?? CLINICIAN_LANGUAGE;
  const [bilingual, setBilingual] = useState(false);
  const { canSpeak, speak } = useSpeech(lng);
  const profile = state.profiles.find((p) => p.id === activeProfileId);
  const sections = useMemo(
    () => (activeProfileId ? buildSummary(state.entries, activeProfileId) : []),
    [state.entries, activeProfileId],
  );
  // The French column's translations, made once for every line rather than once per line.
  const fr = useMemo(
    () =>
      bilingual && lng !== CLINICIAN_LANGUAGE
        ? i18n.getFixedT(CLINICIAN_LANGUAGE, ['summary', 'entry', 'vocab'] as const)
        : undefined,
    [bilingual, lng, i18n],
  );
  const reminders = useMemo(
    () => (activeProfileId ? rightReminders(state.entries, activeProfileId) : []),
    [state.entries, activeProfileId],
  );

  return (
    <Screen title={profile?.name ?? t('title')} end={<HeaderActions />}>
      <ProfileSwitcher />
      <RepliesNotice />
      {profile && (
        <Link className="btn btn-ghost btn-small profile-edit" to={`/profile/${profile.id}`}>
          <Icon name="edit" />
          <span>{t('profiles.edit', { name: profile.name })}</span>
        </Link>
      )}
      {profile && (
        <div className="summary-actions">
          <Link className="btn btn-primary" to="/share">
            <Icon name="clinician" />
            <span>{t('share:open')}</span>
          </Link>
          <Link className="btn btn-secondary btn-small" to="/shares">
            <Icon name="forward" />
            <span>{t('share:list.title')}</span>
          </Link>
          <Link className="btn btn-secondary btn-small" to="/print">
            <Icon name="printer" />
            <span>{t('share:print.open')}</span>
          </Link>
        </div>
      )}
      <Link className="btn btn-secondary summary-documents" to="/documents">
        <Icon name="paper" />
        <span>{t('documents:open')}</span>
      </Link>
      {lng !== CLINICIAN_LANGUAGE && (
        <button
          type="button"
          className={`btn btn-secondary btn-small bilingual-toggle${bilingual ? ' is-on' : ''}`}
          aria-pressed={bilingual}
          onClick={() => setBilingual((b) => !b)}
        >
          <Icon name="language" />
          <span>{t('bilingual')}</span>
        </button>
      )}
      <IntegrityNotice />
      {state.unreadable > 0 && (
        <Notice tone="error">{t('unreadable', { count: state.unreadable })}</Notice>
      )}
      {reminders.map(({ entry, daysLeft }) => (
        <Notice key={entry.id} tone="warning">
          {daysLeft < 0
            ? t('reminder.ended', { name: entryTitle(entry, t) })
            : daysLeft === 0
              ? t('reminder.endsToday', { name: entryTitle(entry, t) })
              : t('reminder.endsIn', { name: entryTitle(entry, t), count: daysLeft })}
        </Notice>
      ))}
      {profile && <BackupReminder />}
      {!profile && (
        <Link className="btn btn-primary" to="/profile/new?self=1">
          <Icon name="add" />
          <span>{t('profiles.addSelf')}</span>
        </Link>
      )}
      {profile &&
        sections.map(({ kind, entries }) => (
          <section key={kind} className="summary-section" aria-labelledby={`section-${kind}`}>
            <div className="section-head">
              <h2 id={`section-${kind}`}>
                <Icon name={KIND_ICONS[kind]} />
                <span>{t(`entry:kinds.${kind}`)}</span>
              </h2>
              <Link
                className="btn btn-ghost btn-small"
                to={`/entry/new/${kind}`}
                aria-label={t(`entry:add.${kind}`)}
              >
                <Icon name="add" />
                <span>{t('add')}</span>
              </Link>
            </div>
            {entries.length === 0 ? (
              isDeclarable(kind) ? (
                <NoneDeclaration profile={profile} kind={kind} />
              ) : (
                <p className="empty">{t(`entry:none.${kind}`)}</p>
              )
            ) : (
              <ul className="entry-list">
                {entries.map((e) => (
                  <EntryItem
                    key={e.id}
                    entry={e}
                    t={t}
                    lng={lng}
                    fr={fr}
                    {...(canSpeak ? { speak } : {})}
                  />
                ))}
              </ul>
            )}
            {kind === 'vaccination' && (
              <VaccineReminder profile={profile} entries={state.entries} />
            )}
          </section>
        ))}
    </Screen>
  );
}
