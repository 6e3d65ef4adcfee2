import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Entry, Profile } from '../../record/types.ts';
import { Icon } from '../../ui/Icon.tsx';
import { childSchedule, isAdult, scheduleBirthDate } from './schedule.ts';

/**
 * On the summary: the way to the vaccination schedule, and for a child with doses late or
 * due, how many, said once in the patient's language.
 */
export function VaccineReminder({
  profile,
  entries,
}: {
  profile: Profile;
  entries: readonly Entry[];
}) {
  const { t } = useTranslation('entry');
  const today = new Date().toLocaleDateString('sv-SE');
  const birthDate = scheduleBirthDate(profile.birthDate);
  const child = birthDate && !isAdult(birthDate, today);
  const doses = child
    ? childSchedule(
        birthDate,
        entries.filter((e) => e.profileId === profile.id && e.details.kind === 'vaccination'),
        today,
      ).flatMap((m) => m.doses)
    : [];
  const late = doses.filter((d) => d.status === 'overdue' || d.status === 'due').length;
  return (
    <Link
      className={`btn btn-secondary btn-small vaccine-link${late ? ' is-late' : ''}`}
      to="/vaccines"
    >
      <Icon name={late ? 'warning' : 'vaccination'} />
      <span>{late ? t('schedule.late', { count: late }) : t('schedule.open')}</span>
    </Link>
  );
}
