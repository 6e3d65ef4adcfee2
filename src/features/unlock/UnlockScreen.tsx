import type { FormEvent } from 'react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DeviceUnlockError } from '../../record/device-unlock.ts';
import { CLINICIAN_LANGUAGE } from '../../i18n/languages.ts';
import { readLockScreenCopy } from '../../record/emergency-copy.ts';
import { RecordError } from '../../record/errors.ts';
import type { SecretKind } from '../../record/store.ts';
import { Button } from '../../ui/Button.tsx';
import { Field } from '../../ui/Field.tsx';
import { Icon } from '../../ui/Icon.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { Screen } from '../../ui/Screen.tsx';
import { useSession } from '../session/session-context.ts';
import { useAction } from '../shell/useAction.ts';
import { LanguagePicker } from '../shell/LanguagePicker.tsx';
import { NoVoiceNotice } from '../shell/NoVoiceNotice.tsx';
import { ReadAloud } from '../shell/ReadAloud.tsx';
import { useDeviceState } from '../onboarding/useDevice.ts';
import { LockedEmergencyCard } from './LockedEmergencyCard.tsx';
import { RecoveryUnlock } from './RecoveryUnlock.tsx';
import { useCountdown } from './useCountdown.ts';

/**
 * The locked app: PIN or passphrase, a growing wait after mistakes, and the recovery code.
 * A record bound to this phone asks the phone too, after the PIN is typed; if the phone
 * does not answer, the screen says the PIN alone cannot open it and points to the code.
 */
export function UnlockScreen({ kind }: { kind: SecretKind }) {
  const { t, i18n } = useTranslation(['unlock', 'common', 'errors', 'emergency']);
  const session = useSession();
  const [secret, setSecret] = useState('');
  const { busy, failure, setFailure, run } = useAction();
  const device = useDeviceState();
  const [waitUntil, setWaitUntil] = useState(0);
  const [mode, setMode] = useState<'secret' | 'recovery' | 'language' | 'emergency'>('secret');
  // The emergency card, only when the patient chose to show it here (record/emergency-copy.ts).
  const [emergency] = useState(() => readLockScreenCopy());
  const secondsLeft = useCountdown(waitUntil);

  useEffect(() => {
    session.store.retryAfterMs().then(
      (ms) => ms > 0 && setWaitUntil(Date.now() + ms),
      () => undefined,
    );
  }, [session.store]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!secret || secondsLeft > 0) return;
    const typed = secret;
    setSecret('');
    let refusal: string | undefined;
    await run(
      async () => {
        await session.store.unlock(typed);
        // A named instant for `npm run bench` (summary_render_ms_1000); holds no data.
        performance.mark('carnet:unlocked');
        await session.opened();
      },
      (err) => {
        if (err instanceof RecordError && err.details.retryAfterMs) {
          setWaitUntil(Date.now() + err.details.retryAfterMs);
        }
        if (err instanceof DeviceUnlockError) refusal = t(`device.${err.code}`);
      },
    );
    // The phone's refusal in its own words (useAction knows only the `errors:` messages).
    if (refusal) setFailure(refusal);
  }

  if (mode === 'recovery') return <RecoveryUnlock onCancel={() => setMode('secret')} />;
  if (mode === 'emergency' && emergency) {
    return <LockedEmergencyCard copy={emergency} onClose={() => setMode('secret')} />;
  }
  if (mode === 'language') {
    return (
      <Screen title={t('common:language.choose')}>
        <LanguagePicker onPicked={() => setMode('secret')} />
      </Screen>
    );
  }

  return (
    <Screen
      title={t('title')}
      end={
        <>
          <ReadAloud text={`${t('title')}. ${t(`intro.${kind}`)}`} label={t('common:readAloud')} />
          <button type="button" className="icon-button" onClick={() => setMode('language')}>
            <Icon name="language" />
            <span>{t('common:language.short')}</span>
          </button>
        </>
      }
    >
      <NoVoiceNotice />
      <p className="lead">{t(`intro.${kind}`)}</p>
      {device.state === 'on' && <p>{t('device.hint')}</p>}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Field label={t(`label.${kind}`)}>
          {(a11y) => (
            <input
              {...a11y}
              type="password"
              name="secret"
              autoComplete="off"
              autoFocus
              inputMode={kind === 'pin' ? 'numeric' : undefined}
              value={secret}
              onChange={(e) => setSecret(e.target.value)}
            />
          )}
        </Field>
        {failure && <Notice tone="error">{failure}</Notice>}
        {secondsLeft > 0 && <Notice tone="warning">{t('wait', { count: secondsLeft })}</Notice>}
        <Button type="submit" icon="lock" disabled={busy || secondsLeft > 0} aria-busy={busy}>
          {busy ? t('opening') : t('open')}
        </Button>
      </form>
      <button type="button" className="link-button" onClick={() => setMode('recovery')}>
        {t('forgot')}
      </button>
      {emergency && (
        <div className="lock-emergency">
          <Button variant="danger" icon="warning" onClick={() => setMode('emergency')}>
            {t('emergency:lock.open')}
            {i18n.resolvedLanguage !== CLINICIAN_LANGUAGE && (
              // Whoever finds the phone in France reads French: the button says it in both.
              <span lang={CLINICIAN_LANGUAGE} dir="ltr" className="lock-emergency-fr">
                {i18n.getFixedT(CLINICIAN_LANGUAGE, 'emergency')('lock.open')}
              </span>
            )}
          </Button>
        </div>
      )}
    </Screen>
  );
}
