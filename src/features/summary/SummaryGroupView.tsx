import type { ReactNode } from 'react';
import type { SummaryGroup } from '../../record/summary.ts';
import { Icon } from '../../ui/Icon.tsx';
import type { SummaryT } from '../reminders/reminder-text.ts';
import { ReadAloud } from '../shell/ReadAloud.tsx';

/**
 * One part of the summary under its own heading: health, then administrative papers (with
 * a word that a doctor sees them only if the patient shares them).
 */
export function SummaryGroupView({
  group,
  t,
  children,
}: {
  group: SummaryGroup;
  t: SummaryT;
  children: ReactNode;
}) {
  const title = t(`groups.${group}`);
  const hint = group === 'admin' ? t('groups.adminHint') : undefined;
  return (
    <section className={`summary-group summary-group-${group}`} aria-labelledby={`group-${group}`}>
      <div className="section-head">
        <h2 id={`group-${group}`}>
          <Icon name={group === 'admin' ? 'right' : 'condition'} />
          <span>{title}</span>
        </h2>
        <ReadAloud
          text={[title, hint].filter(Boolean).join('. ')}
          label={t('readAloud', { name: title })}
        />
      </div>
      {hint && <p className="group-hint">{hint}</p>}
      {children}
    </section>
  );
}
