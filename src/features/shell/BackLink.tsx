import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Icon } from '../../ui/Icon.tsx';
import { BackButton } from './BackButton.tsx';

/** The header's back arrow (mirrored in right-to-left languages), as a link or a button. */
export function BackLink(props: { to: string } | { onClick: () => void }) {
  const { t } = useTranslation('common');
  if (!('to' in props)) return <BackButton onClick={props.onClick} />;
  return (
    <Link className="icon-button" to={props.to} aria-label={t('back')}>
      <Icon name="back" />
    </Link>
  );
}
