import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Icon } from '../../ui/Icon.tsx';

/** The way in to "Import or export", for the screens that offer it (documents). */
export function ImportLink() {
  const { t } = useTranslation('import');
  return (
    <Link className="btn btn-secondary import-link" to="/import">
      <Icon name="upload" />
      <span>{t('title')}</span>
    </Link>
  );
}
