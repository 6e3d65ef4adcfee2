import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseShlink } from '../../share/shlink.ts';
import { Button } from '../../ui/Button.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { createFrameReader } from '../restore/qr-decode.ts';

/** Time between two looks at the camera's picture: light on a cheap phone's processor. */
const SCAN_INTERVAL_MS = 250;

function isLink(text: string): boolean {
  try {
    parseShlink(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * The camera, reading QR codes until one holds a SMART Health Link (restore/QrScanner.tsx
 * does the same for recovery codes; the frame reader is shared). The picture never leaves
 * the phone; the camera stops as soon as a link is read or the scanner closes.
 */
export function LinkScanner({
  onLink,
  onClose,
}: {
  onLink: (link: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('import');
  const video = useRef<HTMLVideoElement>(null);
  const [state, setState] = useState<'starting' | 'scanning' | 'denied'>('starting');
  const [notLink, setNotLink] = useState(false);
  const latest = useRef(onLink);
  useEffect(() => {
    latest.current = onLink;
  }, [onLink]);

  useEffect(() => {
    let stopped = false;
    let stream: MediaStream | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = () => {
      stopped = true;
      clearTimeout(timer);
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
    async function start() {
      try {
        stream = await navigator.mediaDevices.getUserMedia({
          video: { facingMode: { ideal: 'environment' } },
          audio: false,
        });
      } catch {
        if (!stopped) setState('denied');
        return;
      }
      const element = video.current;
      if (stopped || !element) return stop();
      element.srcObject = stream;
      await element.play().catch(() => undefined);
      const read = await createFrameReader();
      if (stopped) return;
      setState('scanning');
      const look = async () => {
        const text = await read(element).catch(() => null);
        if (stopped) return;
        if (text !== null && isLink(text)) {
          stop();
          latest.current(text);
          return;
        }
        if (text !== null) setNotLink(true);
        timer = setTimeout(() => void look(), SCAN_INTERVAL_MS);
      };
      void look();
    }
    void start();
    return stop;
  }, []);

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
      {notLink && <Notice tone="warning">{t('scan.notLink')}</Notice>}
      <Button icon="back" variant="secondary" onClick={onClose}>
        {t('scan.close')}
      </Button>
    </section>
  );
}
