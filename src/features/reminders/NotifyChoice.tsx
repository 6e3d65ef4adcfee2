import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button.tsx';
import { Icon } from '../../ui/Icon.tsx';
import type { NotificationPermissionState } from './notifications.ts';

/**
 * Whether reminders also come as notifications on this phone. The phone is asked only
 * when the patient taps the button, never when a screen opens.
 */
export function NotifyChoice({
  permission,
  onAsk,
}: {
  permission: NotificationPermissionState;
  onAsk: () => void;
}) {
  const { t } = useTranslation('summary');
  if (permission === 'unsupported') return null;
  if (permission !== 'default') {
    return (
      <p className="notify-state">
        <Icon name={permission === 'granted' ? 'bell' : 'warning'} />
        <span>
          {t(permission === 'granted' ? 'reminders.notify.on' : 'reminders.notify.blocked')}
        </span>
      </p>
    );
  }
  return (
    <div className="notify-choice">
      <Button variant="secondary" icon="bell" className="btn-small" onClick={onAsk}>
        {t('reminders.notify.ask')}
      </Button>
      <p className="field-hint">{t('reminders.notify.askHint')}</p>
    </div>
  );
}
