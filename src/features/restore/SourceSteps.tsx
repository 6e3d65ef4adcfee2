import type { FormEvent } from 'react';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../../i18n/format.ts';
import { Button } from '../../ui/Button.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { BackupFacts, formatMoment } from './BackupFacts.tsx';
import { CodeField } from './CodeField.tsx';
import { FailureNotice } from './FailureNotice.tsx';
import type { RestoreMode, RestoreStep } from './restore-steps.ts';
import type { RestoreFlowState } from './useRestore.ts';

/** Where the backup comes from: a file on the phone, or the copy on the Carnet server. */
export function SourceStep({ flow, mode }: { flow: RestoreFlowState; mode: RestoreMode }) {
  const { t } = useTranslation('restore');
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <p className="lead">{t('intro')}</p>
      {mode === 'replace' && <Notice tone="warning">{t('replaceWarning')}</Notice>}
      {/* No `accept`: a file received by a messaging app may have lost its .carnet name,
          and a wrong file gets its own clear message. */}
      <input
        ref={input}
        type="file"
        hidden
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void flow.chooseFile(file);
        }}
      />
      <Button
        icon="paper"
        className="restore-choice"
        disabled={flow.busy}
        aria-busy={flow.busy}
        onClick={() => input.current?.click()}
      >
        {t('source.file')}
        <small>{t('source.fileHint')}</small>
      </Button>
      <Button
        icon="language"
        variant="secondary"
        className="restore-choice"
        disabled={flow.busy}
        onClick={flow.openRelay}
      >
        {t('source.relay')}
        <small>{t('source.relayHint')}</small>
      </Button>
      <FailureNotice flow={flow} />
    </>
  );
}

/** The recovery code, then the relay copy it finds: its date and size, then download it. */
export function RelayStep({
  flow,
  step,
}: {
  flow: RestoreFlowState;
  step: Extract<RestoreStep, { name: 'relay' }>;
}) {
  const { t, i18n } = useTranslation('restore');
  const lng = i18n.resolvedLanguage ?? 'fr';
  const { found } = step;
  function submit(e: FormEvent) {
    e.preventDefault();
    if (!found && flow.code.trim()) void flow.findCopy();
  }
  return (
    <>
      <p className="lead">{t('relay.intro')}</p>
      <form onSubmit={submit} noValidate>
        <CodeField value={flow.code} onChange={flow.setCode} disabled={flow.busy || !!found} />
        {!found && (
          <Button
            type="submit"
            icon="forward"
            disabled={flow.busy || !flow.code.trim()}
            aria-busy={flow.busy}
          >
            {flow.busy ? t('relay.searching') : t('relay.search')}
          </Button>
        )}
      </form>
      {found && (
        <>
          <Notice tone="success">
            {t('relay.found', {
              date: formatMoment(found.info.modifiedAt, lng),
              size: formatBytes(found.info.size, lng),
            })}
          </Notice>
          <Button icon="forward" onClick={() => flow.download(found)}>
            {t('relay.download')}
          </Button>
        </>
      )}
      <FailureNotice flow={flow} />
    </>
  );
}

/** The backup's date and counts, then the recovery code that opens it, then the check. */
export function SummaryStep({
  flow,
  step,
}: {
  flow: RestoreFlowState;
  step: Extract<RestoreStep, { name: 'summary' }>;
}) {
  const { t } = useTranslation('restore');
  function submit(e: FormEvent) {
    e.preventDefault();
    if (flow.code.trim()) flow.verify(step);
  }
  return (
    <>
      <BackupFacts header={step.header} />
      <p>{t('summary.codeIntro')}</p>
      <form onSubmit={submit} noValidate>
        <CodeField value={flow.code} onChange={flow.setCode} />
        <FailureNotice flow={flow} />
        <Button type="submit" icon="check" disabled={!flow.code.trim()}>
          {t('summary.verify')}
        </Button>
      </form>
    </>
  );
}
