import { useTranslation } from 'react-i18next';
import { CLINICIAN_LANGUAGE } from '../../i18n/languages.ts';
import { Button } from '../../ui/Button.tsx';
import { Screen } from '../../ui/Screen.tsx';
import { LanguagePicker } from '../shell/LanguagePicker.tsx';
import { NoVoiceNotice } from '../shell/NoVoiceNotice.tsx';
import { ReadAloud } from '../shell/ReadAloud.tsx';
import { spoken } from './spoken.ts';

interface LanguageStepProps {
  onContinue: () => void;
  /** A social worker is helping: the same steps, each with a French line for them. */
  onHelp: () => void;
  onRestore: () => void;
}

/** The first screen: the patient picks their language before anything else. */
export function LanguageStep({ onContinue, onHelp, onRestore }: LanguageStepProps) {
  const { t } = useTranslation(['onboarding', 'common', 'restore']);
  // The helper's button is in French, the social worker's language, whatever is picked.
  const { t: fr } = useTranslation('helper', { lng: CLINICIAN_LANGUAGE });
  return (
    <Screen
      title={t('language.title')}
      end={
        <ReadAloud
          text={spoken(t('language.title'), t('language.intro'))}
          label={t('common:readAloud')}
        />
      }
    >
      <p className="lead">{t('language.intro')}</p>
      <LanguagePicker />
      <NoVoiceNotice />
      <Button icon="check" onClick={onContinue}>
        {t('common:continue')}
      </Button>
      <Button
        icon="person"
        variant="secondary"
        lang={CLINICIAN_LANGUAGE}
        dir="ltr"
        onClick={onHelp}
      >
        {fr('start')}
      </Button>
      <Button icon="paper" variant="secondary" onClick={onRestore}>
        {t('restore:start')}
      </Button>
    </Screen>
  );
}
