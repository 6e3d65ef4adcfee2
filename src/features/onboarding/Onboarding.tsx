import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecoveryCode, SecretKind } from '../../record/store.ts';
import type { Profile } from '../../record/types.ts';
import { useSession } from '../session/session-context.ts';
import { useBackup } from '../backup/backup-context.ts';
import { HelperModeContext } from '../helper/helper-mode.ts';
import { HelperIntro } from '../helper/HelperIntro.tsx';
import { LanguageStep } from './LanguageStep.tsx';
import { ProfileStep } from './ProfileStep.tsx';
import { RecoveryStep } from './RecoveryStep.tsx';
import { SecretStep } from './SecretStep.tsx';
import './onboarding.css';

// Restoring a backup is the rarer way in: its screens load only when it is chosen.
const RestoreFlow = lazy(() =>
  import('../restore/RestoreFlow.tsx').then((m) => ({ default: m.RestoreFlow })),
);
// The helper's last two screens, only on the helper's path: fetched as it starts, so they
// are ready (offline too) by the time they show.
const loadPapers = () => import('../helper/PapersStep.tsx');
const loadHandOver = () => import('../helper/HandOver.tsx');
const PapersStep = lazy(() => loadPapers().then((m) => ({ default: m.PapersStep })));
const HandOver = lazy(() => loadHandOver().then((m) => ({ default: m.HandOver })));

type Step =
  'language' | 'helper' | 'secret' | 'recovery' | 'profile' | 'papers' | 'handover' | 'restore';

/**
 * First run, often with a social worker beside the patient: language first, then the PIN
 * or passphrase, then the recovery code (with an explicit "I have written it down"), then
 * who the record is for, with the offer of a copy on the relay (off by default).
 * On the helper's path ("I am helping someone set up") the same steps carry a French line for
 * the helper, then come the first papers and a hand-over screen: the record opens only when
 * the patient, phone back in hand, asks for it.
 */
export function Onboarding() {
  const { t } = useTranslation(['onboarding', 'common', 'restore']);
  const session = useSession();
  const [step, setStep] = useState<Step>('language');
  const [helping, setHelping] = useState(false);
  const [recoveryCode, setRecoveryCode] = useState<RecoveryCode | null>(null);
  const [kind, setKind] = useState<SecretKind>('pin');
  const [profile, setProfile] = useState<Profile | null>(null);
  // The relay copy offered after the recovery sheet, off unless the patient turns it on.
  const [relayWanted, setRelayWanted] = useState(false);
  const { sync } = useBackup();
  const loading = <p className="boot">{t('common:loading')}</p>;

  async function profileSaved(saved: Profile) {
    // With the code still in memory: no retyping. The first copy uploads in the
    // background; a failure is retried later and never holds the setup up.
    if (relayWanted && recoveryCode) await sync.enable(recoveryCode).catch(() => undefined);
    setRecoveryCode(null);
    await session.store.requestPersistence().catch(() => false);
    if (!helping) return session.opened();
    setProfile(saved);
    setStep('papers');
  }

  function screen() {
    switch (step) {
      case 'language':
        return (
          <LanguageStep
            onContinue={() => {
              setHelping(false);
              setStep('secret');
            }}
            onHelp={() => {
              void Promise.all([loadPapers(), loadHandOver()]).catch(() => undefined);
              setHelping(true);
              setStep('helper');
            }}
            onRestore={() => setStep('restore')}
          />
        );
      case 'helper':
        return (
          <HelperIntro onBack={() => setStep('language')} onContinue={() => setStep('secret')} />
        );
      case 'restore':
        return (
          <Suspense fallback={loading}>
            {/* Done: the session now shows the restored record, open; this screen goes. */}
            <RestoreFlow mode="new" onExit={() => setStep('language')} onDone={() => undefined} />
          </Suspense>
        );
      case 'secret':
        return (
          <SecretStep
            onBack={() => setStep(helping ? 'helper' : 'language')}
            onCreated={(code, chosen) => {
              setRecoveryCode(code);
              setKind(chosen);
              setStep('recovery');
            }}
          />
        );
      case 'recovery':
        if (recoveryCode)
          return <RecoveryStep code={recoveryCode} onDone={() => setStep('profile')} />;
        break;
      case 'papers':
        if (profile)
          return (
            <Suspense fallback={loading}>
              <PapersStep profile={profile} kind={kind} onDone={() => setStep('handover')} />
            </Suspense>
          );
        break;
      case 'handover':
        if (profile)
          return (
            <Suspense fallback={loading}>
              <HandOver name={profile.name} onOpen={session.opened} />
            </Suspense>
          );
        break;
      case 'profile':
        break;
    }
    return (
      <ProfileStep
        relayWanted={relayWanted}
        onRelayWanted={setRelayWanted}
        onSaved={profileSaved}
      />
    );
  }

  return <HelperModeContext.Provider value={helping}>{screen()}</HelperModeContext.Provider>;
}
