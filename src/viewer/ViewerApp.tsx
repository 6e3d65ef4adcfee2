import type { LinkReading } from './flow.ts';
import { useT } from './i18n.ts';
import { Message } from './Message.tsx';
import { NameForm } from './NameForm.tsx';
import { PinForm } from './PinForm.tsx';
import { Summary } from './Summary.tsx';
import { useViewer } from './useViewer.ts';

interface ViewerAppProps {
  reading: LinkReading;
}

/** The doctor's page: one link, one step at a time, ending on the summary or a message. */
export function ViewerApp({ reading }: ViewerAppProps) {
  const { t } = useT();
  const viewer = useViewer(reading);
  const { step } = viewer;
  return (
    <>
      <header className="v-header">
        <span className="v-brand">{t('brand')}</span>
        <h1>
          {step.kind !== 'summary'
            ? t('summary.headingNeutral')
            : step.summary.audience === 'social'
              ? t('summary.headingAdmin')
              : t('summary.heading')}
        </h1>
      </header>
      <main className="v-main" aria-busy={step.kind === 'loading'}>
        {step.kind === 'stop' && <Message code={step.code} />}
        {step.kind === 'retry' && <Message code={step.code} onRetry={viewer.retry} />}
        {step.kind === 'name' && (
          <NameForm initial={viewer.recipient} onSubmit={viewer.submitName} />
        )}
        {step.kind === 'pin' && (
          <PinForm
            recipient={viewer.recipient}
            wrong={step.wrong}
            {...(step.remainingAttempts !== undefined
              ? { remainingAttempts: step.remainingAttempts }
              : {})}
            onSubmit={viewer.submitPin}
            onChangeName={viewer.changeName}
          />
        )}
        {step.kind === 'loading' && (
          <p className="v-card v-loading" role="status">
            {t('loading')}
          </p>
        )}
        {step.kind === 'summary' && (
          <Summary summary={step.summary} now={viewer.now} expiresAt={viewer.expiresAt} />
        )}
      </main>
    </>
  );
}
