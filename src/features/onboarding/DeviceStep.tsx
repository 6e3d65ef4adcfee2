import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DeviceUnlockError } from '../../record/device-unlock.ts';
import type { RecoveryCode } from '../../record/store.ts';
import { Button } from '../../ui/Button.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { Screen } from '../../ui/Screen.tsx';
import { BackButton } from '../shell/BackButton.tsx';
import { useAction } from '../shell/useAction.ts';
import { HelperLine } from '../helper/HelperLine.tsx';
import { NoVoiceNotice } from '../shell/NoVoiceNotice.tsx';
import { ReadAloud } from '../shell/ReadAloud.tsx';
import { spoken } from './spoken.ts';

interface DeviceStepProps {
  onBack: () => void;
  /** Creates the vault, bound to this phone or not; the PIN stays with the caller. */
  create: (linkPhone: boolean) => Promise<RecoveryCode>;
  onCreated: (code: RecoveryCode) => void;
}

/**
 * Offered right after the PIN where the phone can do it: bind the record to this phone
 * (WebAuthn PRF). The phone is asked first; if it refuses or cannot, nothing is created
 * and the patient goes on with the PIN alone, or tries again.
 */
export function DeviceStep({ onBack, create, onCreated }: DeviceStepProps) {
  const { t } = useTranslation(['onboarding', 'common', 'errors']);
  const { busy, failure, setFailure, run } = useAction();
  const [linking, setLinking] = useState(false);
  const [unsupported, setUnsupported] = useState(false);

  async function go(linkPhone: boolean) {
    setLinking(linkPhone);
    let refusal: string | undefined;
    await run(
      async () => onCreated(await create(linkPhone)),
      (err) => {
        if (!(err instanceof DeviceUnlockError)) return;
        if (err.code === 'unsupported') setUnsupported(true);
        refusal = t(`device.${err.code}`);
      },
    );
    // The phone's refusal, in its own words (useAction knows only the `errors:` messages).
    if (refusal) setFailure(refusal);
  }

  return (
    <Screen
      title={t('device.title')}
      start={<BackButton onClick={onBack} />}
      end={
        <ReadAloud
          text={spoken(t('device.title'), t('device.intro'), t('device.recovery'))}
          label={t('common:readAloud')}
        />
      }
    >
      <NoVoiceNotice />
      <HelperLine step="device" />
      <p className="lead">{t('device.intro')}</p>
      <Notice tone="info">{t('device.recovery')}</Notice>
      {failure && <Notice tone="error">{failure}</Notice>}
      {!unsupported && (
        <Button
          icon="lock"
          disabled={busy}
          aria-busy={busy && linking}
          onClick={() => void go(true)}
        >
          {busy && linking ? t('device.linking') : t('device.link')}
        </Button>
      )}
      <Button
        icon="check"
        variant={unsupported ? 'primary' : 'secondary'}
        disabled={busy}
        aria-busy={busy && !linking}
        onClick={() => void go(false)}
      >
        {busy && !linking
          ? t('secret.creating')
          : unsupported
            ? t('common:continue')
            : t('device.skip')}
      </Button>
      <p className="field-hint">{t('device.later')}</p>
    </Screen>
  );
}
