import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Notice } from '../../ui/Notice.tsx';

/**
 * After keeping what others sent (a reply, an import): a severe allergy among it went on the
 * emergency card by itself (card-news.ts keepAndSeeCard), so the patient knows what the card
 * now shows, and that a printed one is out of date.
 */
export function CardGrewNotice() {
  const { t } = useTranslation('emergency');
  return (
    <Notice tone="success">
      <p>{t('news.addedKept')}</p>
      <Link to="/emergency">{t('settings.open')}</Link>
    </Notice>
  );
}
