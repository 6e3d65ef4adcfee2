import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { createFrameReader } from './qr-decode.ts';
import { readRecoveryCode } from './recovery-code-text.ts';

/** Time between two looks at the camera's picture: light on a cheap phone's processor. */
const SCAN_INTERVAL_MS = 250;

type CameraState = 'starting' | 'scanning' | 'denied';

/**
 * Starts the camera (the back one where there is one) and reads QR codes from its picture
 * until one holds a recovery code. The picture never leaves the phone and is not kept; the
 * camera stops as soon as a code is read or the scanner closes.
 */
function useQrCamera(onCode: (code: string) => void) {
  const video = useRef<HTMLVideoElement>(null);
  const [state, setState] = useState<CameraState>('starting');
  const [notCode, setNotCode] = useState(false);
  const latest = useRef(onCode);
  useEffect(() => {
    latest.current = onCode;
  }, [onCode]);

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
        const code = text === null ? null : readRecoveryCode(text);
        if (code) {
          stop();
          latest.current(code);
          return;
        }
        if (text !== null) setNotCode(true);
        timer = setTimeout(() => void look(), SCAN_INTERVAL_MS);
      };
      void look();
    }
    void start();
    return stop;
  }, []);

  return { video, state, notCode };
}

/** The camera's picture with what to do, and a button to close it and type instead. */
export function QrScanner({
  onCode,
  onClose,
}: {
  onCode: (code: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('restore');
  const { video, state, notCode } = useQrCamera(onCode);
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
      {notCode && <Notice tone="warning">{t('scan.notRecovery')}</Notice>}
      <Button icon="back" variant="secondary" onClick={onClose}>
        {t('scan.close')}
      </Button>
    </section>
  );
}
