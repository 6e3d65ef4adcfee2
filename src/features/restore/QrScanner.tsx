import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { readRecoveryCode } from './recovery-code-text.ts';
import { useQrCamera } from './useQrCamera.ts';

/** The camera's picture with what to do, and a button to close it and type instead. */
export function QrScanner({
  onCode,
  onClose,
}: {
  onCode: (code: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('restore');
  const { video, state, rejected } = useQrCamera(readRecoveryCode, onCode);
  return (
    <section className="restore-scan" aria-labelledby="restore-scan-title">
      <h2 id="restore-scan-title">{t('scan.title')}</h2>
      <p>{t('scan.hint')}</p>
      {state === 'denied' ? (
        <Notice tone="warning">{t('scan.denied')}</Notice>
      ) : (
        <video ref={video} className="restore-scan-video" muted playsInline aria-hidden="true" />
      )}
      {state === 'starting' && <p role="status">{t('scan.starting')}</p>}
      {rejected && <Notice tone="warning">{t('scan.notRecovery')}</Notice>}
      <Button icon="back" variant="secondary" onClick={onClose}>
        {t('scan.close')}
      </Button>
    </section>
  );
}
