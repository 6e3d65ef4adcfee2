import type { FormEvent } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DeviceUnlockError } from '../../record/device-unlock.ts';
import { RecordError } from '../../record/errors.ts';
import type { SecretKind } from '../../record/store.ts';
import { Button } from '../../ui/Button.tsx';
import { Field } from '../../ui/Field.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { useSession } from '../session/session-context.ts';
import { errorKey } from '../shell/errors.ts';
import { useCountdown } from '../unlock/useCountdown.ts';
import { SecretFields } from './SecretFields.tsx';
import { useSecretFields } from './useSecretFields.ts';

interface SecretChangeFormProps {
  /**
   * Ask for the PIN or passphrase in use now. Always, except right after the recovery code
   * opened the vault: the patient has forgotten it, which is why they used the code.
   */
  askCurrent: boolean;
  /** What protects the vault now: names the current field and is the new one's default. */
  currentKind: SecretKind;
  submitLabel: string;
  /** Shown once the new secret is stored, until the next try. */
  doneMessage?: string;
  /** Runs once the new secret is stored; the fields are already cleared. */
  onChanged: () => void | Promise<void>;
}

/**
 * The current secret (when asked), then the new one typed twice. The store checks the
 * current one in the crypto worker, under the unlock screen's growing wait; a wrong one
 * changes nothing and is said plainly on its field.
 */
export function SecretChangeForm(props: SecretChangeFormProps) {
  const { askCurrent, currentKind } = props;
  const { t } = useTranslation(['settings', 'onboarding', 'unlock', 'errors']);
  const { store } = useSession();
  const newSecret = useSecretFields(currentKind);
  const [current, setCurrent] = useState('');
  const [currentProblem, setCurrentProblem] = useState<string | undefined>();
  const [failure, setFailure] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [waitUntil, setWaitUntil] = useState(0);
  const secondsLeft = useCountdown(waitUntil);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy || secondsLeft > 0) return;
    const ok = newSecret.check();
    const missing = askCurrent && current.trim() === '';
    setCurrentProblem(missing ? t(`secret.currentMissing.${currentKind}`) : undefined);
    setFailure(undefined);
    setDone(false);
    if (!ok || missing) return;
    setBusy(true);
    try {
      const { secret: next, kind } = newSecret;
      await store.changeSecret({ current: askCurrent ? current : null, next, kind });
      setCurrent('');
      newSecret.clear();
      setDone(true);
      await props.onChanged();
    } catch (err) {
      const waitMs = err instanceof RecordError ? (err.details.retryAfterMs ?? 0) : 0;
      if (waitMs > 0) setWaitUntil(Date.now() + waitMs);
      if (err instanceof DeviceUnlockError) {
        // A record bound to this phone: the phone must confirm a change of PIN too.
        setFailure(t(`settings:device.${err.code}`));
      } else if (askCurrent && err instanceof RecordError && err.code === 'wrong-secret') {
        setCurrent('');
        setCurrentProblem(t(`secret.currentWrong.${currentKind}`));
      } else if (!(err instanceof RecordError && err.code === 'throttled' && waitMs > 0)) {
        // A wait is shown as its countdown below; anything else as its message.
        setFailure(t(errorKey(err)));
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      {askCurrent && (
        <Field label={t(`secret.current.${currentKind}`)} error={currentProblem}>
          {(a11y) => (
            <input
              {...a11y}
              type="password"
              name="current-secret"
              autoComplete="off"
              inputMode={currentKind === 'pin' ? 'numeric' : undefined}
              value={current}
              onChange={(e) => setCurrent(e.target.value)}
            />
          )}
        </Field>
      )}
      <SecretFields {...newSecret.fields} />
      {failure && <Notice tone="error">{failure}</Notice>}
      {done && props.doneMessage && <Notice tone="success">{props.doneMessage}</Notice>}
      {secondsLeft > 0 && (
        <Notice tone="warning">{t('unlock:wait', { count: secondsLeft })}</Notice>
      )}
      <Button type="submit" icon="check" disabled={busy || secondsLeft > 0} aria-busy={busy}>
        {props.submitLabel}
      </Button>
    </form>
  );
}
