import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button.tsx';
import { Screen } from '../../ui/Screen.tsx';
import { useAction } from '../shell/useAction.ts';
import { spoken } from '../onboarding/spoken.ts';
import { NoVoiceNotice } from '../shell/NoVoiceNotice.tsx';
import { ReadAloud } from '../shell/ReadAloud.tsx';
import { HelperLine } from './HelperLine.tsx';
import { Notice } from '../../ui/Notice.tsx';
import './helper.css';

/**
 * The end of the helper's path: "give the phone back to <name>" for the helper, in French,
 * and for the patient, in their language, the button that opens their record. The helper
 * never lands on the medical summary: only the patient's tap shows it.
 */
export function HandOver({ name, onOpen }: { name: string; onOpen: () => Promise<void> }) {
  const { t } = useTranslation(['helper', 'common', 'errors']);
  const { busy, failure, run } = useAction();
  return (
    <Screen
      title={t('handover.title')}
      end={
        <ReadAloud
          text={spoken(t('handover.title'), t('handover.patient', { name }))}
          label={t('common:readAloud')}
        />
      }
    >
      <NoVoiceNotice />
      <HelperLine step="handover" name={name} large />
      <p className="lead">{t('handover.patient', { name })}</p>
      {failure && <Notice tone="error">{failure}</Notice>}
      <Button icon="person" disabled={busy} aria-busy={busy} onClick={() => void run(onOpen)}>
        {t('handover.open')}
      </Button>
    </Screen>
  );
}
