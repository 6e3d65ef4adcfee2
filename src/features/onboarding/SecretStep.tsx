import type { FormEvent } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSPHRASE_MIN_CHARS, PIN_MIN_DIGITS } from '../../crypto/secret-rules.ts';
import type { RecoveryCode, SecretKind } from '../../record/store.ts';
import { Button } from '../../ui/Button.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { Screen } from '../../ui/Screen.tsx';
import { BackButton } from '../shell/BackButton.tsx';
import { useSession } from '../session/session-context.ts';
import { useAction } from '../shell/useAction.ts';
import { HelperLine } from '../helper/HelperLine.tsx';
import { NoVoiceNotice } from '../shell/NoVoiceNotice.tsx';
import { ReadAloud } from '../shell/ReadAloud.tsx';
import { DeviceStep } from './DeviceStep.tsx';
import { SecretFields } from './SecretFields.tsx';
import { spoken } from './spoken.ts';
import { useSecretFields } from './useSecretFields.ts';
import { useDeviceAvailable } from './useDevice.ts';

interface SecretStepProps {
  onBack: () => void;
  /** The vault exists, protected by a secret of `kind`; `code` is shown once, next. */
  onCreated: (code: RecoveryCode, kind: SecretKind) => void;
}

/**
 * Choose the PIN or passphrase; creates the vault. Where the phone can, binding the record
 * to it is offered next (DeviceStep), before anything is created: the PIN stays here.
 */
export function SecretStep({ onBack, onCreated }: SecretStepProps) {
  const { t } = useTranslation(['onboarding', 'common', 'errors']);
  const { store } = useSession();
  const newSecret = useSecretFields();
  const { kind, secret } = newSecret;
  const { busy, failure, run } = useAction();
  const offerDevice = useDeviceAvailable();
  const [askDevice, setAskDevice] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!newSecret.check()) return;
    await run(async () => {
      // Asked again when the first answer has not come yet: a quick tap on a slow phone must
      // not skip the offer to link it.
      if (offerDevice || (await store.device.available().catch(() => false))) {
        setAskDevice(true);
        return;
      }
      onCreated(await store.create(secret, kind), kind);
    });
  }

  if (askDevice) {
    return (
      <DeviceStep
        onBack={() => setAskDevice(false)}
        create={(linkPhone) =>
          linkPhone ? store.device.create(secret, kind) : store.create(secret, kind)
        }
        onCreated={(code) => onCreated(code, kind)}
      />
    );
  }

  const text = spoken(
    t('secret.title'),
    t('secret.intro'),
    t('secret.passphraseAdvice'),
    t(`secret.rule.${kind}`, { count: kind === 'pin' ? PIN_MIN_DIGITS : PASSPHRASE_MIN_CHARS }),
  );
  return (
    <Screen
      title={t('secret.title')}
      start={<BackButton onClick={onBack} />}
      end={<ReadAloud text={text} label={t('common:readAloud')} />}
    >
      <NoVoiceNotice />
      <HelperLine step="secret" />
      <p className="lead">{t('secret.intro')}</p>
      <p>{t('secret.passphraseAdvice')}</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <SecretFields {...newSecret.fields} />
        {failure && <Notice tone="error">{failure}</Notice>}
        <Button type="submit" icon="lock" disabled={busy} aria-busy={busy}>
          {busy ? t('secret.creating') : t('secret.create')}
        </Button>
      </form>
    </Screen>
  );
}
