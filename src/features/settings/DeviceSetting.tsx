import type { FormEvent } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DeviceUnlockError } from '../../record/device-unlock.ts';
import { RecordError } from '../../record/errors.ts';
import { Button } from '../../ui/Button.tsx';
import { Field } from '../../ui/Field.tsx';
import { Icon } from '../../ui/Icon.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { useDeviceAvailable, useDeviceState } from '../onboarding/useDevice.ts';
import { useUnlocked } from '../session/session-context.ts';
import { errorKey } from '../shell/errors.ts';
import { useCountdown } from '../unlock/useCountdown.ts';

/**
 * "Link the record to this phone": opening then needs the PIN and this phone (WebAuthn
 * PRF), so a copy of IndexedDB is useless elsewhere. The current PIN is asked, and checked
 * under the unlock screen's wait, to link and to unlink: someone handed the open phone must
 * not tie the record to a key of theirs, nor loosen it. Shown only where the phone can do
 * it, or where the record is already linked (so it can be undone).
 */
export function DeviceSetting() {
  const { t } = useTranslation(['settings', 'unlock', 'errors']);
  const { state, store } = useUnlocked();
  const available = useDeviceAvailable();
  const device = useDeviceState();
  const [current, setCurrent] = useState('');
  const [currentProblem, setCurrentProblem] = useState<string | undefined>();
  const [failure, setFailure] = useState<string | undefined>();
  const [done, setDone] = useState<'linked' | 'unlinked' | null>(null);
  const [busy, setBusy] = useState(false);
  const [waitUntil, setWaitUntil] = useState(0);
  const secondsLeft = useCountdown(waitUntil);

  if (device.state === null || (device.state === 'off' && !available)) return null;
  const on = device.state === 'on';

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy || secondsLeft > 0) return;
    setFailure(undefined);
    setDone(null);
    const missing = current.trim() === '';
    setCurrentProblem(missing ? t(`secret.currentMissing.${state.kind}`) : undefined);
    if (missing) return;
    setBusy(true);
    try {
      if (on) await store.device.unlink(current);
      else await store.device.link(current);
      setCurrent('');
      setDone(on ? 'unlinked' : 'linked');
      device.reload();
    } catch (err) {
      const waitMs = err instanceof RecordError ? (err.details.retryAfterMs ?? 0) : 0;
      if (waitMs > 0) setWaitUntil(Date.now() + waitMs);
      if (err instanceof DeviceUnlockError) {
        setFailure(t(`device.${err.code}`));
      } else if (err instanceof RecordError && err.code === 'wrong-secret') {
        setCurrent('');
        setCurrentProblem(t(`secret.currentWrong.${state.kind}`));
      } else if (!(err instanceof RecordError && err.code === 'throttled' && waitMs > 0)) {
        setFailure(t(errorKey(err)));
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="settings-section" aria-labelledby="settings-device">
      <h2 id="settings-device">
        <Icon name="lock" />
        <span>{t('device.title')}</span>
      </h2>
      <p>{on ? t('device.on') : t('device.off')}</p>
      <p className="field-hint">{t('device.recovery')}</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Field label={t(`device.current.${state.kind}`)} error={currentProblem}>
          {(a11y) => (
            <input
              {...a11y}
              type="password"
              name="device-current-secret"
              autoComplete="off"
              inputMode={state.kind === 'pin' ? 'numeric' : undefined}
              value={current}
              onChange={(e) => setCurrent(e.target.value)}
            />
          )}
        </Field>
        {failure && <Notice tone="error">{failure}</Notice>}
        {done && <Notice tone="success">{t(`device.${done}`)}</Notice>}
        {secondsLeft > 0 && (
          <Notice tone="warning">{t('unlock:wait', { count: secondsLeft })}</Notice>
        )}
        <Button
          type="submit"
          icon={on ? 'warning' : 'lock'}
          variant={on ? 'secondary' : 'primary'}
          disabled={busy || secondsLeft > 0}
          aria-busy={busy}
        >
          {on ? t('device.unlink') : t('device.link')}
        </Button>
      </form>
    </section>
  );
}
