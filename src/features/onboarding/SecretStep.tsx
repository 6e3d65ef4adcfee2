import type { FormEvent } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecoveryCode, SecretKind } from '../../record/store.ts';
import { Button } from '../../ui/Button.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { Screen } from '../../ui/Screen.tsx';
import { BackButton } from '../shell/BackButton.tsx';
import { useSession } from '../session/session-context.ts';
import { useAction } from '../shell/useAction.ts';
import { SecretFields, secretFieldsProblem } from './SecretFields.tsx';

interface SecretStepProps {
  onBack: () => void;
  onCreated: (code: RecoveryCode) => void;
}

/** Choose the PIN or passphrase; creates the vault. */
export function SecretStep({ onBack, onCreated }: SecretStepProps) {
  const { t } = useTranslation(['onboarding', 'common', 'errors']);
  const { store } = useSession();
  const [kind, setKind] = useState<SecretKind>('pin');
  const [secret, setSecret] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const { busy, failure, run } = useAction();

  async function submit(e: FormEvent) {
    e.preventDefault();
    const p = secretFieldsProblem(kind, secret, confirm);
    setProblem(p ? t(`secret.problem.${p}`) : undefined);
    if (p) return;
    await run(async () => onCreated(await store.create(secret, kind)));
  }

  return (
    <Screen title={t('secret.title')} start={<BackButton onClick={onBack} />}>
      <p className="lead">{t('secret.intro')}</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <SecretFields
          kind={kind}
          onKind={(k) => {
            setKind(k);
            setSecret('');
            setConfirm('');
            setProblem(undefined);
          }}
          secret={secret}
          onSecret={setSecret}
          confirm={confirm}
          onConfirm={setConfirm}
          error={problem}
        />
        {failure && <Notice tone="error">{failure}</Notice>}
        <Button type="submit" icon="lock" disabled={busy} aria-busy={busy}>
          {busy ? t('secret.creating') : t('secret.create')}
        </Button>
      </form>
    </Screen>
  );
}
