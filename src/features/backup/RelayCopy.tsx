import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button.tsx';
import { Icon } from '../../ui/Icon.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { useOnline } from '../share/useOnline.ts';
import { useBackup } from './backup-context.ts';
import { relayFailureKey } from './backup-errors.ts';
import type { ShowScreen } from './RelayCodeForm.tsx';
import { RelayCodeForm } from './RelayCodeForm.tsx';
import { RelayStatus } from './RelayStatus.tsx';

/**
 * The copy on the relay, off by default: a switch with its plain explanation. Turning it on
 * asks the recovery code once; turning it off deletes the copy after a confirmation.
 */
export function RelayCopy({ showScreen }: { showScreen: ShowScreen }) {
  const { t } = useTranslation(['backup', 'errors']);
  const { prefs, sync } = useBackup();
  const online = useOnline();
  const [asking, setAsking] = useState(false);
  const [confirmingOff, setConfirmingOff] = useState(false);
  const [offBusy, setOffBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  if (!prefs) return null;
  const on = prefs.relay !== undefined;

  const toggle = () => {
    setMessage(null);
    if (on) setConfirmingOff(true);
    else setAsking((a) => !a);
  };

  const turnOff = async () => {
    setOffBusy(true);
    try {
      await sync.disable();
      setMessage({ tone: 'success', text: t('relay.deleted') });
      setConfirmingOff(false);
    } catch (err) {
      setMessage({ tone: 'error', text: t(relayFailureKey(err)) });
    } finally {
      setOffBusy(false);
    }
  };

  return (
    <section className="relay-copy" aria-labelledby="relay-title">
      <h3 id="relay-title">
        <Icon name="upload" />
        <span>{t('relay.title')}</span>
      </h3>
      <p>{t('relay.explain')}</p>
      <label className="check-row">
        <input
          type="checkbox"
          role="switch"
          name="relay-copy"
          checked={on || asking}
          disabled={offBusy}
          onChange={toggle}
        />
        <span>{t('relay.switch')}</span>
      </label>
      {!on && asking && <RelayCodeForm showScreen={showScreen} />}
      {on && <RelayStatus />}
      {on && confirmingOff && (
        <div className="confirm" role="alertdialog" aria-labelledby="relay-off">
          <p id="relay-off">{t('relay.offConfirm')}</p>
          {!online && <Notice tone="warning">{t('backup:relay.error.offline')}</Notice>}
          <div className="form-actions">
            <Button
              variant="danger"
              icon="trash"
              disabled={offBusy || !online}
              onClick={() => void turnOff()}
            >
              {t('relay.offYes')}
            </Button>
            <Button variant="secondary" icon="check" onClick={() => setConfirmingOff(false)}>
              {t('relay.keep')}
            </Button>
          </div>
        </div>
      )}
      {message && <Notice tone={message.tone}>{message.text}</Notice>}
    </section>
  );
}
