import type { FormEvent, ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button.tsx';
import { Field } from '../../ui/Field.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { RecoveryStep } from '../onboarding/RecoveryStep.tsx';
import { useSession } from '../session/session-context.ts';
import { useAction } from '../shell/useAction.ts';
import { useBackup } from './backup-context.ts';
import { codeFailureKey } from './backup-errors.ts';
import '../onboarding/onboarding.css';

/** Shows a whole screen in place of the settings (the new recovery sheet), or null to go back. */
export type ShowScreen = (screen: ReactNode) => void;

/**
 * Turning the relay copy on: the recovery code, typed once (any case, spaces or dashes), must
 * open this record; or, sheet lost, a new code with a new printable sheet, used at once.
 */
export function RelayCodeForm({ showScreen }: { showScreen: ShowScreen }) {
  const { t } = useTranslation(['backup', 'common', 'errors']);
  const { store } = useSession();
  const { sync } = useBackup();
  const [code, setCode] = useState('');
  const [renewing, setRenewing] = useState(false);
  const [failure, setFailure] = useState<string | undefined>();
  const renew = useAction();
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setFailure(undefined);
    try {
      await sync.enable(code);
    } catch (err) {
      setFailure(t(codeFailureKey(err)));
    } finally {
      setBusy(false);
    }
  }

  const makeNewCode = () =>
    renew.run(async () => {
      const fresh = await store.renewRecovery();
      // The old code stops working now: the new sheet must be seen before anything else.
      showScreen(
        <RecoveryStep
          code={fresh}
          onDone={() => {
            showScreen(null);
            // The code is in memory and on the sheet just confirmed: no retyping.
            sync.enable(fresh).catch(() => undefined);
          }}
        />,
      );
    });

  return (
    <div className="relay-code">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <p>{t('relay.askCode')}</p>
        <Field label={t('relay.codeLabel')} hint={t('relay.codeHint')} error={failure}>
          {(a11y) => (
            <input
              {...a11y}
              name="relay-recovery-code"
              dir="ltr"
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              value={code}
              onChange={(e) => setCode(e.target.value)}
            />
          )}
        </Field>
        <Button type="submit" icon="upload" disabled={busy || !code.trim()}>
          {t('relay.turnOn')}
        </Button>
      </form>
      {!renewing ? (
        <button type="button" className="link-button" onClick={() => setRenewing(true)}>
          {t('relay.lostSheet')}
        </button>
      ) : (
        <div className="confirm" role="alertdialog" aria-labelledby="relay-new-code">
          <p id="relay-new-code">{t('relay.newCodeWarning')}</p>
          {renew.failure && <Notice tone="error">{renew.failure}</Notice>}
          <div className="form-actions">
            <Button icon="printer" disabled={renew.busy} onClick={() => void makeNewCode()}>
              {t('relay.newCodeYes')}
            </Button>
            <Button variant="secondary" icon="back" onClick={() => setRenewing(false)}>
              {t('common:cancel')}
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}
