import { useTranslation } from 'react-i18next';
import { Icon } from '../../ui/Icon.tsx';

/**
 * The header's back arrow (mirrored in right-to-left languages) as a button. Screens shown
 * before unlock use it: they have no router (see BackLink for the record's screens).
 */
export function BackButton({ onClick }: { onClick: () => void }) {
  const { t } = useTranslation('common');
  return (
    <button type="button" className="icon-button" onClick={onClick} aria-label={t('back')}>
      <Icon name="back" />
    </button>
  );
}
