import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { Notice } from '../../ui/Notice.tsx';
import { readCardNews } from './card-news.ts';

/**
 * On the summary, once, after an entry's save changed what the emergency card should say
 * (card-news.ts): "this severe allergy is now on your card, print it again", or "it is marked
 * sensitive, so it is not on the card". The navigation state that brought it is cleared at
 * once, so a reload or coming back does not say it again.
 */
export function CardNewsNotice() {
  const { t } = useTranslation('emergency');
  const location = useLocation();
  const navigate = useNavigate();
  const [news] = useState(() => readCardNews(location.state));
  const carried = readCardNews(location.state) !== undefined;
  useEffect(() => {
    if (carried) void navigate(location.pathname, { replace: true, state: null });
  }, [carried, location.pathname, navigate]);
  if (!news) return null;
  return (
    <Notice tone={news === 'added' ? 'success' : 'warning'}>
      <p>{t(`news.${news}`)}</p>
      <Link to="/emergency">{t('settings.open')}</Link>
    </Notice>
  );
}
