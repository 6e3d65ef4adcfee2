import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Icon } from '../../ui/Icon.tsx';

/** The header's back arrow (mirrored in right-to-left languages), as a link or a button. */
export function BackLink(props: { to: string } | { onClick: () => void }) {
  const { t } = useTranslation('common');
  const content = <Icon name="back" />;
  if ('to' in props) {
    return (
      <Link className="icon-button" to={props.to} aria-label={t('back')}>
        {content}
      </Link>
    );
  }
  return (
    <button type="button" className="icon-button" onClick={props.onClick} aria-label={t('back')}>
      {content}
    </button>
  );
}
