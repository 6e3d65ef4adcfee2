import { useTranslation } from 'react-i18next';
import { Screen } from '../../ui/Screen.tsx';
import { BackButton } from '../shell/BackButton.tsx';
import { ConfirmStep, NewSecretStep, ProgressStep } from './FinishSteps.tsx';
import type { RestoreMode, RestoreStep } from './restore-steps.ts';
import { RelayStep, SourceStep, SummaryStep } from './SourceSteps.tsx';
import type { RestoreFlowState } from './useRestore.ts';
import { useRestore } from './useRestore.ts';
import './restore.css';

const TITLES = {
  source: 'title',
  relay: 'relay.title',
  summary: 'summary.title',
  working: 'title',
  confirm: 'replace.title',
  secret: 'secret.title',
} as const satisfies Record<RestoreStep['name'], string>;

function StepBody({ flow, mode }: { flow: RestoreFlowState; mode: RestoreMode }) {
  const { step } = flow;
  switch (step.name) {
    case 'source':
      return <SourceStep flow={flow} mode={mode} />;
    case 'relay':
      return <RelayStep flow={flow} step={step} />;
    case 'summary':
      return <SummaryStep flow={flow} step={step} />;
    case 'working':
      return <ProgressStep flow={flow} step={step} />;
    case 'confirm':
      return <ConfirmStep flow={flow} step={step} />;
    case 'secret':
      return <NewSecretStep flow={flow} step={step} />;
  }
}

interface RestoreFlowProps {
  /** `new`: the first screen's phone, with no record; `replace`: a phone that holds one. */
  mode: RestoreMode;
  /** Leaves with nothing changed. */
  onExit: () => void;
  /** The restored record is the phone's, and open. */
  onDone: () => void;
}

/**
 * Restoring a backup, one step a screen: the file or the relay copy, its date and counts,
 * the recovery code (typed or scanned), a check of the whole file with a progress bar and
 * a Stop button, on a phone with a record the question whether to replace it, then a new
 * PIN. Nothing on the phone changes before that last step.
 */
export function RestoreFlow({ mode, onExit, onDone }: RestoreFlowProps) {
  const { t } = useTranslation('restore');
  const flow = useRestore(mode, { onExit, onDone });
  const { step } = flow;
  // No way back while a task runs: its Stop button is the way out.
  const back =
    step.name === 'working' ? undefined : (
      <BackButton onClick={() => void (step.name === 'source' ? flow.leave() : flow.back())} />
    );
  return (
    <Screen title={t(TITLES[step.name])} start={back}>
      <div className="restore">
        <StepBody flow={flow} mode={mode} />
      </div>
    </Screen>
  );
}
