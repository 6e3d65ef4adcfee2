import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Icon } from '../../ui/Icon.tsx';
import { useSession } from '../session/session-context.ts';

/** Lock now and settings, at the end of every unlocked screen's header. */
export function HeaderActions() {
  const { t } = useTranslation('common');
  const { lock } = useSession();
  return (
    <>
      <Link className="icon-button" to="/settings">
        <Icon name="settings" />
        <span className="icon-button-label">{t('settings')}</span>
      </Link>
      <button type="button" className="icon-button" onClick={() => void lock()}>
        <Icon name="lock" />
        <span className="icon-button-label">{t('lock')}</span>
      </button>
    </>
  );
}
