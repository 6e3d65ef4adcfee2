import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { SecretFields } from '../onboarding/SecretFields.tsx';
import { useSecretFields } from '../onboarding/useSecretFields.ts';
import { BackupFacts } from './BackupFacts.tsx';
import { FailureNotice } from './FailureNotice.tsx';
import type { RestoreStep } from './restore-steps.ts';
import type { RestoreFlowState } from './useRestore.ts';

/**
 * A bar that moves while the backup is downloaded or checked, with its percentage and a
 * Stop button: stopping, or closing Carnet, changes nothing on this phone.
 */
export function ProgressStep({
  flow,
  step,
}: {
  flow: RestoreFlowState;
  step: Extract<RestoreStep, { name: 'working' }>;
}) {
  const { t } = useTranslation('restore');
  const label = step.task === 'download' ? t('relay.downloading') : t('progress.verifying');
  return (
    <div className="restore-progress">
      <p id="restore-progress-label" className="lead">
        {label}
      </p>
      <progress max={100} value={step.percent} aria-labelledby="restore-progress-label" />
      <p className="restore-percent">{t('progress.percent', { percent: step.percent })}</p>
      <Notice tone="info">{t('progress.keepOpen')}</Notice>
      <Button icon="back" variant="secondary" onClick={flow.cancel}>
        {t('progress.cancel')}
      </Button>
    </div>
  );
}

/** On a phone that holds a record: the backup is whole; replace that record with it? */
export function ConfirmStep({
  flow,
  step,
}: {
  flow: RestoreFlowState;
  step: Extract<RestoreStep, { name: 'confirm' }>;
}) {
  const { t } = useTranslation('restore');
  return (
    <>
      <Notice tone="success">{t('verified')}</Notice>
      <BackupFacts header={step.pending.header} />
      <Notice tone="warning">{t('replace.text')}</Notice>
      <Button icon="warning" variant="danger" onClick={() => flow.replace(step.pending)}>
        {t('replace.confirm')}
      </Button>
      <Button icon="back" variant="secondary" onClick={() => void flow.leave()}>
        {t('replace.keep')}
      </Button>
    </>
  );
}

/** The new PIN or passphrase, typed twice; saving it makes the backup this phone's record. */
export function NewSecretStep({
  flow,
  step,
}: {
  flow: RestoreFlowState;
  step: Extract<RestoreStep, { name: 'secret' }>;
}) {
  const { t } = useTranslation(['restore', 'onboarding']);
  const newSecret = useSecretFields();

  function submit(e: FormEvent) {
    e.preventDefault();
    if (flow.busy) return;
    if (newSecret.check()) void flow.commit(step.pending, newSecret.secret, newSecret.kind);
  }

  return (
    <>
      <Notice tone="success">{t('verified')}</Notice>
      <p className="lead">{t('secret.intro')}</p>
      <form onSubmit={submit} noValidate>
        <SecretFields {...newSecret.fields} />
        <FailureNotice flow={flow} />
        <Button type="submit" icon="lock" disabled={flow.busy} aria-busy={flow.busy}>
          {flow.busy ? t('secret.saving') : t('secret.save')}
        </Button>
      </form>
    </>
  );
}
