import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button.tsx';
import { Screen } from '../../ui/Screen.tsx';
import { spoken } from '../onboarding/spoken.ts';
import { BackButton } from '../shell/BackButton.tsx';
import { NoVoiceNotice } from '../shell/NoVoiceNotice.tsx';
import { ReadAloud } from '../shell/ReadAloud.tsx';
import { HelperLine } from './HelperLine.tsx';
import './helper.css';

/**
 * The helper's path starts here, once the patient has picked their language: the patient
 * reads (or hears) that someone is helping and will not see their health information; the
 * helper reads, in French, how the steps work.
 */
export function HelperIntro({
  onBack,
  onContinue,
}: {
  onBack: () => void;
  onContinue: () => void;
}) {
  const { t } = useTranslation(['helper', 'common']);
  return (
    <Screen
      title={t('intro.title')}
      start={<BackButton onClick={onBack} />}
      end={
        <ReadAloud
          text={spoken(t('intro.title'), t('intro.patient'))}
          label={t('common:readAloud')}
        />
      }
    >
      <NoVoiceNotice />
      <HelperLine step="intro" />
      <p className="lead">{t('intro.patient')}</p>
      <Button icon="forward" onClick={onContinue}>
        {t('common:continue')}
      </Button>
    </Screen>
  );
}
