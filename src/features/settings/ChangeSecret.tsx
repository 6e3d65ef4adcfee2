import { useTranslation } from 'react-i18next';
import { Icon } from '../../ui/Icon.tsx';
import { SecretChangeForm } from '../onboarding/SecretChangeForm.tsx';
import { useUnlocked } from '../session/session-context.ts';

/**
 * Change the PIN or passphrase. The current one is asked first and checked: someone handed
 * the open phone must not be able to lock the patient out. Only the vault key's wrap
 * changes; records stay as they are.
 */
export function ChangeSecret() {
  const { t } = useTranslation('settings');
  const { state, refresh } = useUnlocked();

  return (
    <section className="settings-section" aria-labelledby="settings-secret">
      <h2 id="settings-secret">
        <Icon name="lock" />
        <span>{t('secret.title')}</span>
      </h2>
      <SecretChangeForm
        askCurrent
        currentKind={state.kind}
        submitLabel={t('secret.save')}
        doneMessage={t('secret.changed')}
        onChanged={async () => {
          // The kind may have changed (PIN to passphrase): the next change names it right.
          await refresh();
        }}
      />
    </section>
  );
}
