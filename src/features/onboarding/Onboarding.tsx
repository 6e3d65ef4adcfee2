import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecoveryCode } from '../../record/store.ts';
import { Screen } from '../../ui/Screen.tsx';
import { LanguagePicker } from '../shell/LanguagePicker.tsx';
import { ProfileForm } from '../profiles/ProfileForm.tsx';
import { useSession } from '../session/session-context.ts';
import { useBackup } from '../backup/backup-context.ts';
import { RelayOffer } from '../backup/RelayOffer.tsx';
import { RecoveryStep } from './RecoveryStep.tsx';
import { SecretStep } from './SecretStep.tsx';
import { Button } from '../../ui/Button.tsx';
import './onboarding.css';

// Restoring a backup is the rarer way in: its screens load only when it is chosen.
const RestoreFlow = lazy(() =>
  import('../restore/RestoreFlow.tsx').then((m) => ({ default: m.RestoreFlow })),
);

type Step = 'language' | 'secret' | 'recovery' | 'profile' | 'restore';

/**
 * First run, often with a social worker beside the patient: language first, then the PIN
 * or passphrase, then the recovery code (with an explicit "I have written it down"), then
 * who the record is for, with the offer of a copy on the relay (off by default).
 */
export function Onboarding() {
  const { t } = useTranslation(['onboarding', 'common', 'restore']);
  const session = useSession();
  const [step, setStep] = useState<Step>('language');
  const [recoveryCode, setRecoveryCode] = useState<RecoveryCode | null>(null);
  // The relay copy offered after the recovery sheet, off unless the patient turns it on.
  const [relayWanted, setRelayWanted] = useState(false);
  const { sync } = useBackup();

  if (step === 'language') {
    return (
      <Screen title={t('language.title')}>
        <p className="lead">{t('language.intro')}</p>
        <LanguagePicker />
        <Button icon="check" onClick={() => setStep('secret')}>
          {t('common:continue')}
        </Button>
        <Button icon="paper" variant="secondary" onClick={() => setStep('restore')}>
          {t('restore:start')}
        </Button>
      </Screen>
    );
  }
  if (step === 'restore') {
    return (
      <Suspense fallback={<p className="boot">{t('common:loading')}</p>}>
        {/* Done: the session now shows the restored record, open; this screen goes. */}
        <RestoreFlow mode="new" onExit={() => setStep('language')} onDone={() => undefined} />
      </Suspense>
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
      <RelayOffer on={relayWanted} onChange={setRelayWanted} />
      <ProfileForm
        relation="self"
        onSaved={async () => {
          // With the code still in memory: no retyping. The first copy uploads in the
          // background; a failure is retried later and never holds the setup up.
          if (relayWanted && recoveryCode) await sync.enable(recoveryCode).catch(() => undefined);
          setRecoveryCode(null);
          await session.store.requestPersistence().catch(() => false);
          await session.opened();
        }}
      />
    </Screen>
  );
}
