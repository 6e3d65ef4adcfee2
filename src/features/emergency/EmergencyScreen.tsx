import { useTranslation } from 'react-i18next';
import { Screen } from '../../ui/Screen.tsx';

/** The emergency card: what a stranger or an emergency room needs first. */
export function EmergencyScreen() {
  const { t } = useTranslation('emergency');
  return <Screen title={t('title')}>{null}</Screen>;
}
