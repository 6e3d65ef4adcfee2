import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Reminder } from '../../record/reminders.ts';
import { SUMMARY_GROUPS, buildSummary, groupOf } from '../../record/summary.ts';
import { Icon } from '../../ui/Icon.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { Screen } from '../../ui/Screen.tsx';
import { useUnlocked } from '../session/session-context.ts';
import { HeaderActions } from '../shell/HeaderActions.tsx';
import { ProfileSwitcher } from './ProfileSwitcher.tsx';
import { useSpeech } from '../shell/useSpeech.ts';
import { CLINICIAN_LANGUAGE } from '../../i18n/languages.ts';
import { BackupReminder } from '../backup/BackupReminder.tsx';
import { IntegrityNotice } from './IntegrityNotice.tsx';
import { RepliesNotice } from '../replies/RepliesNotice.tsx';
import { CardNewsNotice } from '../emergency/CardNewsNotice.tsx';
import { NotifyChoice } from '../reminders/NotifyChoice.tsx';
import { RemindersPanel } from '../reminders/RemindersPanel.tsx';
import { useReminderNotifications } from '../reminders/useReminderNotifications.ts';
import { useReminders } from '../reminders/useReminders.ts';
import { SummarySection } from './SummarySection.tsx';
import { SummaryGroupView } from './SummaryGroupView.tsx';
import './summary.css';

/** Performance mark set once the summary's first view is drawn (see bench/browser.ts). */
const SUMMARY_DRAWN_MARK = 'carnet:summary-drawn';

const NO_REMINDERS: readonly Reminder[] = [];

/** The patient's record at a glance, most important first: allergies, medicines, problems... */
export function SummaryScreen() {
  const { t, i18n } = useTranslation([
    'summary',
    'entry',
    'vocab',
    'errors',
    'share',
    'documents',
    'emergency',
  ]);
  const { state, activeProfileId, screenDrawn } = useUnlocked();
  const lng = i18n.resolvedLanguage ?? CLINICIAN_LANGUAGE;
  const [bilingual, setBilingual] = useState(false);
  const { canSpeak, speak } = useSpeech(lng);
  const profile = state.profiles.find((p) => p.id === activeProfileId);
  // Just after unlock, the summary snapshot's part of the record and each section's total
  // (session-context.ts); null once the whole record is read.
  const partial = state.partial ?? null;
  const totals = profile ? partial?.[profile.id] : undefined;
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
  const reminders = useReminders();
  // Notifying marks reminders as shown on the profiles: a write, so only over the whole record.
  const { permission, ask } = useReminderNotifications(partial ? NO_REMINDERS : reminders);
  const hasReminders = reminders.some((r) => r.profileId === activeProfileId);
  const notifyChoice = <NotifyChoice permission={permission} onAsk={() => void ask()} />;
  useEffect(() => {
    // Drawn: every section's first page is on screen (from the whole record, or from the
    // summary snapshot, and then the whole record's read starts). Background work
    // of the record may start now. A named instant for `npm run bench` (summary_render_ms_*),
    // which holds no data; set once per page.
    screenDrawn();
    if (profile && !performance.getEntriesByName(SUMMARY_DRAWN_MARK).length)
      performance.mark(SUMMARY_DRAWN_MARK);
  }, [profile, screenDrawn]);

  return (
    <Screen title={profile?.name ?? t('title')} end={<HeaderActions />}>
      <ProfileSwitcher />
      <RepliesNotice />
      <CardNewsNotice />
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
          {profile.relation === 'self' && (
            <Link className="btn btn-secondary btn-small" to="/emergency">
              <Icon name="warning" />
              <span>{t('emergency:title')}</span>
            </Link>
          )}
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
      {/* The check reads the whole record: it starts once that is read. */}
      {!partial && <IntegrityNotice />}
      {state.unreadable > 0 && (
        <Notice tone="error">{t('unreadable', { count: state.unreadable })}</Notice>
      )}
      {profile && (
        <RemindersPanel reminders={reminders} profile={profile} profiles={state.profiles}>
          {notifyChoice}
        </RemindersPanel>
      )}
      {profile && <BackupReminder />}
      {!profile && (
        <Link className="btn btn-primary" to="/profile/new?self=1">
          <Icon name="add" />
          <span>{t('profiles.addSelf')}</span>
        </Link>
      )}
      {profile &&
        SUMMARY_GROUPS.map((group) => (
          <SummaryGroupView key={group} group={group} t={t}>
            {sections
              .filter((section) => groupOf(section.kind) === group)
              .map((section) => (
                <SummarySection
                  // Another person's record starts again from each section's first page.
                  key={`${profile.id}:${section.kind}`}
                  section={section}
                  total={totals?.[section.kind] ?? section.entries.length}
                  waiting={partial !== null}
                  profile={profile}
                  t={t}
                  lng={lng}
                  fr={fr}
                  speak={canSpeak ? speak : undefined}
                />
              ))}
            {group === 'admin' && !hasReminders && notifyChoice}
          </SummaryGroupView>
        ))}
    </Screen>
  );
}
