import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecoveryCode } from '../../record/store.ts';
import { Screen } from '../../ui/Screen.tsx';
import { LanguagePicker } from '../shell/LanguagePicker.tsx';
import { ProfileForm } from '../profiles/ProfileForm.tsx';
import { useSession } from '../session/session-context.ts';
import { RecoveryStep } from './RecoveryStep.tsx';
import { SecretStep } from './SecretStep.tsx';
import { Button } from '../../ui/Button.tsx';
import './onboarding.css';

type Step = 'language' | 'secret' | 'recovery' | 'profile';

/**
 * First run, often with a social worker beside the patient: language first, then the PIN
 * or passphrase, then the recovery code (with an explicit "I have written it down"), then
 * who the record is for.
 */
export function Onboarding() {
  const { t } = useTranslation(['onboarding', 'common']);
  const session = useSession();
  const [step, setStep] = useState<Step>('language');
  const [recoveryCode, setRecoveryCode] = useState<RecoveryCode | null>(null);

  if (step === 'language') {
    return (
      <Screen title={t('language.title')}>
        <p className="lead">{t('language.intro')}</p>
        <LanguagePicker />
        <Button icon="check" onClick={() => setStep('secret')}>
          {t('common:continue')}
        </Button>
      </Screen>
    );
  }
  if (step === 'secret') {
    return (
      <SecretStep
        onBack={() => setStep('language')}
        onCreated={(code) => {
          setRecoveryCode(code);
          setStep('recovery');
        }}
      />
    );
  }
  if (step === 'recovery' && recoveryCode) {
    return <RecoveryStep code={recoveryCode} onDone={() => setStep('profile')} />;
  }
  return (
    <Screen title={t('profile.title')}>
      <p className="lead">{t('profile.intro')}</p>
      <ProfileForm
        relation="self"
        onSaved={async () => {
          setRecoveryCode(null);
          await session.store.requestPersistence().catch(() => false);
          await session.opened();
        }}
      />
    </Screen>
  );
}
