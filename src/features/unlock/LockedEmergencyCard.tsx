import { useTranslation } from 'react-i18next';
import type { LockScreenCopy } from '../../record/emergency-copy.ts';
import { Button } from '../../ui/Button.tsx';
import { Screen } from '../../ui/Screen.tsx';
import { CardFace } from '../emergency/CardFace.tsx';
import { useCardSides } from '../emergency/useCardSides.ts';
import { BackLink } from '../shell/BackLink.tsx';

/**
 * The emergency card on the locked phone, without the PIN, because the patient chose it:
 * French first (for the emergency services in France), then the patient's language.
 */
export function LockedEmergencyCard({
  copy,
  onClose,
}: {
  copy: LockScreenCopy;
  onClose: () => void;
}) {
  const { t } = useTranslation(['emergency', 'common']);
  const sides = useCardSides(copy);
  return (
    <Screen title={t('lock.open')} start={<BackLink onClick={onClose} />}>
      <p className="lead">{t('lock.shownHint')}</p>
      {sides ? (
        <div className="card-sides">
          <CardFace side={sides.french} />
          {sides.own && <CardFace side={sides.own} />}
        </div>
      ) : (
        <p role="status">{t('common:loading')}</p>
      )}
      <Button variant="secondary" icon="lock" onClick={onClose}>
        {t('lock.close')}
      </Button>
    </Screen>
  );
}
