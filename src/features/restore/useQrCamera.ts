import { useEffect, useRef, useState } from 'react';
import { createFrameReader } from './qr-decode.ts';

/** Time between two looks at the camera's picture: light on a cheap phone's processor. */
const SCAN_INTERVAL_MS = 250;

type CameraState = 'starting' | 'scanning' | 'denied';

/**
 * Starts the camera (the back one where there is one) and reads QR codes from its picture
 * until `accept` turns one into a value (a recovery code, a SMART Health Link); a QR code it
 * refuses sets `rejected`. The picture never leaves the phone and is not kept; the camera
 * stops as soon as a value is read or the scanner closes.
 */
export function useQrCamera(
  accept: (text: string) => string | null,
  onFound: (value: string) => void,
) {
  const video = useRef<HTMLVideoElement>(null);
  const [state, setState] = useState<CameraState>('starting');
  const [rejected, setRejected] = useState(false);
  const latest = useRef({ accept, onFound });
  useEffect(() => {
    latest.current = { accept, onFound };
  }, [accept, onFound]);

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
        const value = text === null ? null : latest.current.accept(text);
        if (value) {
          stop();
          latest.current.onFound(value);
          return;
        }
        if (text !== null) setRejected(true);
        timer = setTimeout(() => void look(), SCAN_INTERVAL_MS);
      };
      void look();
    }
    void start();
    return stop;
  }, []);

  return { video, state, rejected };
}
