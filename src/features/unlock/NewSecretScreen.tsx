import { useTranslation } from 'react-i18next';
import { Icon } from '../../ui/Icon.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { Screen } from '../../ui/Screen.tsx';
import { SecretChangeForm } from '../onboarding/SecretChangeForm.tsx';
import { useDeviceState } from '../onboarding/useDevice.ts';
import { clearAfterRecovery } from '../session/after-recovery.ts';
import { useUnlocked } from '../session/session-context.ts';

/**
 * After the recovery code opened Carnet: a new PIN or passphrase before anything else. The
 * shell shows this screen instead of the record's routes while the session says so, so no
 * link, address or reload leads around it; it goes once the new secret is saved.
 * The current secret is not asked when the recovery code opened this session (it is
 * forgotten); it is when the PIN opened it after a reload (the patient knows it then).
 */
export function NewSecretScreen() {
  const { t } = useTranslation(['unlock', 'common']);
  const { state, refresh, lock } = useUnlocked();
  const device = useDeviceState();
  // After the recovery code the phone may be gone: the new PIN is not bound to it.
  const unbinds = state.openedWith === 'recovery' && device.state === 'on';

  return (
    <Screen
      title={t('newSecret.title')}
      end={
        <button type="button" className="icon-button" onClick={() => void lock()}>
          <Icon name="lock" />
          <span className="icon-button-label">{t('common:lock')}</span>
        </button>
      }
    >
      <p className="lead">{t('newSecret.why')}</p>
      <Notice tone="info">{t('newSecret.keepSheet')}</Notice>
      {unbinds && <Notice tone="info">{t('device.afterRecovery')}</Notice>}
      <SecretChangeForm
        askCurrent={state.openedWith !== 'recovery'}
        currentKind={state.kind}
        submitLabel={t('newSecret.save')}
        onChanged={async () => {
          clearAfterRecovery();
          await refresh();
        }}
      />
    </Screen>
  );
}
