import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatIsoDate } from '../../i18n/format.ts';
import { CLINICIAN_LANGUAGE } from '../../i18n/languages.ts';
import type { Entry, Profile } from '../../record/types.ts';
import { Icon } from '../../ui/Icon.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { Screen } from '../../ui/Screen.tsx';
import { vocabKey } from '../entries/entry-keys.ts';
import { useUnlocked } from '../session/session-context.ts';
import { BackLink } from '../shell/BackLink.tsx';
import type { Milestone, ScheduledDose } from './schedule.ts';
import {
  SCHEDULE_SOURCE,
  adultPlan,
  childSchedule,
  isAdult,
  scheduleBirthDate,
} from './schedule.ts';
import './vaccines.css';

const NS = ['entry', 'vocab', 'common'] as const;

/** Today in the phone's time zone, as YYYY-MM-DD. */
function todayIso(): string {
  return new Date().toLocaleDateString('sv-SE');
}

function DoseLine({ dose, lng }: { dose: ScheduledDose; lng: string }) {
  const { t } = useTranslation(NS);
  const date = (iso: string | undefined) => (iso ? formatIsoDate(iso, lng) : '');
  const state = {
    done: dose.doneOn
      ? t('schedule.doneOn', { date: date(dose.doneOn) })
      : t('schedule.doneUndated'),
    due: t('schedule.dueSince', { date: date(dose.dueOn) }),
    overdue: t('schedule.overdueSince', { date: date(dose.dueOn) }),
    later: t('schedule.plannedOn', { date: date(dose.dueOn) }),
  }[dose.status];
  return (
    <li className={`vaccine-dose is-${dose.status}`}>
      <Icon
        name={
          dose.status === 'done' ? 'check' : dose.status === 'overdue' ? 'warning' : 'vaccination'
        }
      />
      <span className="vaccine-name">
        {t(vocabKey(dose.vaccine))}{' '}
        <span className="vaccine-dose-number">{t('schedule.dose', { number: dose.dose })}</span>
        {dose.mandatory && <span className="tag">{t('schedule.mandatory')}</span>}
      </span>
      <span className="vaccine-state">{state}</span>
    </li>
  );
}

function ChildSchedule({ milestones, lng }: { milestones: readonly Milestone[]; lng: string }) {
  const { t } = useTranslation(NS);
  return (
    <ol className="vaccine-milestones">
      {milestones.map((m) => (
        <li key={m.dueOn}>
          <h2>
            {m.age.years
              ? t('schedule.atYears', { count: m.age.years })
              : t('schedule.atMonths', { count: m.age.months ?? 0 })}
          </h2>
          <ul className="vaccine-doses">
            {m.doses.map((d) => (
              <DoseLine key={`${d.vaccine}-${d.dose}`} dose={d} lng={lng} />
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}

function AdultSchedule({ profile, birthDate }: { profile: Profile; birthDate: string }) {
  const { t } = useTranslation(NS);
  const { state } = useUnlocked();
  const plan = adultPlan(birthDate, vaccinationsOf(state.entries, profile.id), todayIso());
  return (
    <>
      <h2>{t('schedule.catchUp')}</h2>
      <p>{t('schedule.catchUpIntro')}</p>
      <ul className="vaccine-doses">
        {plan.catchUp.map((c) => (
          <li key={c.vaccine} className={`vaccine-dose is-${c.given >= c.needed ? 'done' : 'due'}`}>
            <Icon name={c.given >= c.needed ? 'check' : 'vaccination'} />
            <span className="vaccine-name">{t(vocabKey(c.vaccine))}</span>
            <span className="vaccine-state">
              {t('schedule.dosesGiven', { given: c.given, count: c.needed })}
            </span>
          </li>
        ))}
      </ul>
      <h2>{t('schedule.boosters')}</h2>
      {plan.lastBooster && !plan.lastBooster.done && (
        <Notice tone="warning">
          {t('schedule.boosterMissing', { age: plan.lastBooster.age })}
        </Notice>
      )}
      {plan.nextBoosterAge !== undefined && (
        <p>{t('schedule.nextBooster', { age: plan.nextBoosterAge })}</p>
      )}
    </>
  );
}

function vaccinationsOf(entries: readonly Entry[], profileId: string) {
  return entries.filter((e) => e.profileId === profileId && e.details.kind === 'vaccination');
}

/**
 * The vaccination schedule of the person shown on the summary: a child's doses by age
 * (done, due, overdue, later), or an adult's catch-up and boosters, from the French
 * schedule and the vaccinations recorded with a name from the list.
 */
export function VaccinesScreen() {
  const { t, i18n } = useTranslation(NS);
  const lng = i18n.resolvedLanguage ?? CLINICIAN_LANGUAGE;
  const { state, activeProfileId } = useUnlocked();
  const profile = state.profiles.find((p) => p.id === activeProfileId);
  const birthDate = scheduleBirthDate(profile?.birthDate);
  const today = todayIso();
  return (
    <Screen title={t('schedule.title')} start={<BackLink to="/" />}>
      {profile && <p className="lead">{profile.name}</p>}
      {profile && !birthDate && (
        <Notice tone="info">
          {t('schedule.needsBirthDate')}{' '}
          <Link to={`/profile/${profile.id}`}>{t('schedule.addBirthDate')}</Link>
        </Notice>
      )}
      {profile && birthDate && (
        <>
          <p className="field-hint">{t('schedule.onlyFromList')}</p>
          {isAdult(birthDate, today) ? (
            <AdultSchedule profile={profile} birthDate={birthDate} />
          ) : (
            <ChildSchedule
              milestones={childSchedule(
                birthDate,
                vaccinationsOf(state.entries, profile.id),
                today,
              )}
              lng={lng}
            />
          )}
          <Link className="btn btn-primary" to="/entry/new/vaccination">
            <Icon name="add" />
            <span>{t('add.vaccination')}</span>
          </Link>
          <p className="field-hint">
            {t('schedule.source', { source: SCHEDULE_SOURCE.source, year: SCHEDULE_SOURCE.year })}
          </p>
        </>
      )}
    </Screen>
  );
}
