import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { EditorSection } from './EditorSection.tsx';

interface LockScreenChoiceProps {
  /** Whether this phone shows the card on its lock screen; null while unknown. */
  on: boolean | null;
  busy: boolean;
  onChoose: (on: boolean) => void;
}

/**
 * "Show on the locked screen", off until the patient turns it on, with the plain warning
 * that anyone holding the phone can then read the card.
 */
export function LockScreenChoice({ on, busy, onChoose }: LockScreenChoiceProps) {
  const { t } = useTranslation('emergency');
  return (
    <EditorSection icon="lock" title={t('lock.title')}>
      <Notice tone="warning">{t('lock.warning')}</Notice>
      {on !== null && <p role="status">{t(on ? 'lock.on' : 'lock.off')}</p>}
      {on ? (
        <Button
          variant="secondary"
          icon="sensitive"
          disabled={busy}
          onClick={() => onChoose(false)}
        >
          {t('lock.hide')}
        </Button>
      ) : (
        <Button
          variant="secondary"
          icon="warning"
          disabled={busy || on === null}
          onClick={() => onChoose(true)}
        >
          {t('lock.show')}
        </Button>
      )}
    </EditorSection>
  );
}
