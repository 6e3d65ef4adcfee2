import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button.tsx';
import { Icon } from '../../ui/Icon.tsx';
import { useHelperMode } from './helper-mode.ts';
import './helper.css';

/**
 * On the helper's path, under the recovery sheet: the association may keep a second printed
 * copy, if the patient wants. SECURITY: whoever holds the sheet can open the record (and its
 * copy on the relay), so the patient is told so in their language and decides.
 */
export function SecondCopyOffer() {
  const helping = useHelperMode();
  const { t } = useTranslation('helper');
  if (!helping) return null;
  return (
    <section className="second-copy" aria-labelledby="second-copy-title">
      <h2 id="second-copy-title">
        <Icon name="printer" />
        <span>{t('secondCopy.title')}</span>
      </h2>
      <p>{t('secondCopy.explain')}</p>
      <Button icon="printer" variant="secondary" onClick={() => window.print()}>
        {t('secondCopy.print')}
      </Button>
    </section>
  );
}
