import { useTranslation } from 'react-i18next';
import { Icon } from '../../ui/Icon.tsx';
import './backup.css';

/**
 * Setup's offer of a copy on the relay, off by default: leaving it off costs no tap. The
 * setup turns it on with the recovery code it has just shown (no retyping) once the record
 * is made.
 */
export function RelayOffer({ on, onChange }: { on: boolean; onChange: (on: boolean) => void }) {
  const { t } = useTranslation('backup');
  return (
    <section className="relay-offer" aria-labelledby="relay-offer-title">
      <h2 id="relay-offer-title">
        <Icon name="upload" />
        <span>{t('offer.title')}</span>
      </h2>
      <p>{t('offer.explain')}</p>
      <label className="check-row">
        <input
          type="checkbox"
          role="switch"
          name="relay-offer"
          checked={on}
          onChange={(e) => onChange(e.target.checked)}
        />
        <span>{t('offer.switch')}</span>
      </label>
    </section>
  );
}
