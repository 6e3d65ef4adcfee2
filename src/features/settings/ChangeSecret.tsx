import type { FormEvent } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SecretKind } from '../../record/store.ts';
import { Button } from '../../ui/Button.tsx';
import { Icon } from '../../ui/Icon.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { SecretFields } from '../onboarding/SecretFields.tsx';
import { secretProblem } from '../onboarding/secret-rules.ts';
import { useSession } from '../session/session-context.ts';
import { errorKey } from '../shell/errors.ts';

/** Change the PIN or passphrase. Only the vault key's wrap changes; records stay as they are. */
export function ChangeSecret() {
  const { t } = useTranslation(['settings', 'onboarding', 'errors']);
  const { store } = useSession();
  const [kind, setKind] = useState<SecretKind>('pin');
  const [secret, setSecret] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const afterRecovery = sessionStorage.getItem('carnet.afterRecovery') === '1';

  async function submit(e: FormEvent) {
    e.preventDefault();
    const p = secretProblem(kind, secret, confirm);
    setProblem(p ? t(`onboarding:secret.problem.${p}`) : undefined);
    if (p) return;
    setBusy(true);
    try {
      await store.changeSecret(secret, kind);
      sessionStorage.removeItem('carnet.afterRecovery');
      setSecret('');
      setConfirm('');
      setOutcome({ ok: true, text: t('secret.changed') });
    } catch (err) {
      setOutcome({ ok: false, text: t(errorKey(err)) });
    }
    setBusy(false);
  }

  return (
    <section className="settings-section" aria-labelledby="settings-secret">
      <h2 id="settings-secret">
        <Icon name="lock" />
        <span>{t('secret.title')}</span>
      </h2>
      {afterRecovery && <Notice tone="warning">{t('secret.afterRecovery')}</Notice>}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <SecretFields
          kind={kind}
          onKind={setKind}
          secret={secret}
          onSecret={setSecret}
          confirm={confirm}
          onConfirm={setConfirm}
          error={problem}
        />
        {outcome && <Notice tone={outcome.ok ? 'success' : 'error'}>{outcome.text}</Notice>}
        <Button type="submit" icon="check" disabled={busy}>
          {t('secret.save')}
        </Button>
      </form>
    </section>
  );
}
