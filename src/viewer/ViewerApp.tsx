import { lazy, Suspense } from 'react';
import type { LinkReading } from './flow.ts';
import { useT } from './i18n.ts';
import { Message } from './Message.tsx';
import { NameForm } from './NameForm.tsx';
import { PinForm } from './PinForm.tsx';
import { useViewer } from './useViewer.ts';

// The summary's code (sections, attachments, vocabulary) loads once there is one to show, or
// when the doctor starts typing; main.tsx shows the "opening" card meanwhile.
export const loadSummary = () => import('./Summary.tsx');
const Summary = lazy(() => loadSummary().then((m) => ({ default: m.Summary })));

interface ViewerAppProps {
  reading: LinkReading;
}

/** The doctor's page: one link, one step at a time, ending on the summary or a message. */
export function ViewerApp({ reading }: ViewerAppProps) {
  const { t } = useT();
  const viewer = useViewer(reading);
  const { step } = viewer;
  const loading = (
    <p className="v-card v-loading" role="status">
      {t('loading')}
    </p>
  );
  return (
    <>
      <header className="v-header">
        <span className="v-brand">{t('brand')}</span>
        <h1>
          {step.kind !== 'summary'
            ? t('summary.headingNeutral')
            : step.content.summary?.audience === 'social'
              ? t('summary.headingAdmin')
              : t('summary.heading')}
        </h1>
      </header>
      <main className="v-main" aria-busy={step.kind === 'loading'}>
        {step.kind === 'stop' && <Message code={step.code} />}
        {step.kind === 'retry' && (
          <Message
            code={step.code}
            {...(step.host !== undefined ? { host: step.host } : {})}
            onRetry={viewer.retry}
          />
        )}
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
        {step.kind === 'loading' && loading}
        {step.kind === 'summary' && (
          // Here, not only in main.tsx: under Preact (vite-plugins/react-on-preact.ts) a
          // suspended Summary would remount everything up to its boundary, this component's
          // state (the opened share) included.
          <Suspense fallback={loading}>
            <Summary
              content={step.content}
              now={viewer.now}
              expiresAt={viewer.expiresAt}
              onRefresh={viewer.retry}
            />
          </Suspense>
        )}
      </main>
    </>
  );
}
