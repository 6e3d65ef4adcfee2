import type { ComponentProps } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SecretKind } from '../../record/store.ts';
import type { SecretFields } from './SecretFields.tsx';
import { secretFieldsProblem } from './SecretFields.tsx';

/**
 * The state of SecretFields (a new PIN or passphrase typed twice) for a form that sets
 * one: at setup, when changing it, and when a restored backup becomes this phone's record.
 * Choosing the other kind empties both fields and the message.
 */
export function useSecretFields(initialKind: SecretKind = 'pin') {
  const { t } = useTranslation('onboarding');
  const [kind, setKind] = useState<SecretKind>(initialKind);
  const [secret, setSecret] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problem, setProblem] = useState<string | undefined>();

  const clear = () => {
    setSecret('');
    setConfirm('');
  };
  const fields: ComponentProps<typeof SecretFields> = {
    kind,
    onKind: (k) => {
      setKind(k);
      clear();
      setProblem(undefined);
    },
    secret,
    onSecret: setSecret,
    confirm,
    onConfirm: setConfirm,
    error: problem,
  };
  return {
    kind,
    secret,
    /** Props for <SecretFields>. */
    fields,
    /** Checks both fields and shows what is wrong; true when they hold a new secret. */
    check: (): boolean => {
      const p = secretFieldsProblem(kind, secret, confirm);
      setProblem(p ? t(`secret.problem.${p}`) : undefined);
      return !p;
    },
    /** Empties both fields, once the secret is stored. */
    clear,
  };
}
