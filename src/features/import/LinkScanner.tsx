import { useTranslation } from 'react-i18next';
import { parseShlink } from '../../share/shlink.ts';
import { Button } from '../../ui/Button.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { useQrCamera } from '../restore/useQrCamera.ts';

/** The QR code's text when it is a SMART Health Link, else null. */
function linkIn(text: string): string | null {
  try {
    parseShlink(text);
    return text;
  } catch {
    return null;
  }
}

/**
 * The camera, reading QR codes until one holds a SMART Health Link (restore/useQrCamera.ts,
 * shared with the recovery code's scanner). The picture never leaves the phone; the camera
 * stops as soon as a link is read or the scanner closes.
 */
export function LinkScanner({
  onLink,
  onClose,
}: {
  onLink: (link: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('import');
  const { video, state, rejected } = useQrCamera(linkIn, onLink);

  return (
    <section className="import-scan" aria-labelledby="import-scan-title">
      <h2 id="import-scan-title">{t('scan.title')}</h2>
      <p>{t('scan.hint')}</p>
      {state === 'denied' ? (
        <Notice tone="warning">{t('scan.denied')}</Notice>
      ) : (
        <video ref={video} className="import-scan-video" muted playsInline aria-hidden="true" />
      )}
      {state === 'starting' && <p role="status">{t('scan.starting')}</p>}
      {rejected && <Notice tone="warning">{t('scan.notLink')}</Notice>}
      <Button icon="back" variant="secondary" onClick={onClose}>
        {t('scan.close')}
      </Button>
    </section>
  );
}
