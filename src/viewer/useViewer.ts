import { useCallback, useEffect, useRef, useState } from 'react';
import type { ShlPayload } from '../share/shlink.ts';
import {
  firstStep,
  isExpired,
  nextAfterName,
  stepForError,
  type LinkReading,
  type Step,
} from './flow.ts';
import { openAndRead } from './reader.ts';
import { saveRecipient, savedRecipient } from './recipient.ts';

/** How often the time left is refreshed and the link's expiry checked, ms. */
const TICK_MS = 30_000;

/** What the viewer's screens show and call. */
export interface Viewer {
  readonly step: Step;
  readonly recipient: string | null;
  /** The link's expiry, epoch ms; null when it has none. */
  readonly expiresAt: number | null;
  /** Epoch ms, refreshed every TICK_MS while a summary is shown. */
  readonly now: number;
  readonly submitName: (name: string) => void;
  readonly changeName: () => void;
  readonly submitPin: (pin: string) => void;
  /** Opens the link again: after a failure, or to see a share that `can-change` anew. */
  readonly retry: () => void;
}

/**
 * The viewer's state machine around one link, read once from the fragment.
 * SECURITY: the payload (with its key) and the decrypted summary live only in this
 * component's memory; main.tsx unmounts it on `pagehide`, and at the link's expiry the
 * summary is dropped here.
 */
export function useViewer(reading: LinkReading): Viewer {
  const payloadRef = useRef<ShlPayload | null>(reading.ok ? reading.payload : null);
  const passcodeRef = useRef<string | undefined>(undefined);
  const [recipient, setRecipient] = useState<string | null>(savedRecipient);
  const [expiresAt] = useState(() =>
    reading.ok && reading.payload.exp !== undefined ? reading.payload.exp * 1000 : null,
  );
  const [now, setNow] = useState(Date.now);
  const [step, setStep] = useState<Step>(() => firstStep(reading, Date.now(), recipient));

  const open = useCallback(async (name: string) => {
    const payload = payloadRef.current;
    if (!payload) return;
    if (isExpired(payload, Date.now())) {
      setStep({ kind: 'stop', code: 'expired' });
      return;
    }
    setStep({ kind: 'loading' });
    try {
      const content = await openAndRead(payload, {
        recipient: name,
        ...(passcodeRef.current !== undefined ? { passcode: passcodeRef.current } : {}),
      });
      // The page may have been closed while the files were on their way.
      if (!payloadRef.current) return;
      setNow(Date.now());
      setStep({ kind: 'summary', content });
    } catch (error) {
      if (payloadRef.current) setStep(stepForError(error, window.location.host));
    }
  }, []);

  // A link that needs no PIN, opened by a known reader, opens straight away: once, also
  // under StrictMode's double effects (the ref is emptied by the first run).
  const openAtOnce = useRef(step.kind === 'loading' ? recipient : null);
  useEffect(() => {
    const name = openAtOnce.current;
    openAtOnce.current = null;
    if (name) void open(name);
  }, [open]);

  // The patient chose how long the doctor may read: at `exp` the summary goes away.
  const showing = step.kind === 'summary';
  useEffect(() => {
    if (!showing) return;
    const timer = window.setInterval(() => {
      const payload = payloadRef.current;
      setNow(Date.now());
      if (payload && isExpired(payload, Date.now())) {
        payloadRef.current = null;
        setStep({ kind: 'stop', code: 'expired' });
      }
    }, TICK_MS);
    return () => window.clearInterval(timer);
  }, [showing]);

  return {
    step,
    recipient,
    expiresAt,
    now,
    submitName: (name) => {
      const clean = name.trim();
      if (!clean || !payloadRef.current) return;
      saveRecipient(clean);
      setRecipient(clean);
      const next = nextAfterName(payloadRef.current);
      if (next.kind === 'loading') void open(clean);
      else setStep(next);
    },
    changeName: () => {
      setStep({ kind: 'name' });
    },
    submitPin: (pin) => {
      if (!recipient || !pin) return;
      passcodeRef.current = pin;
      void open(recipient);
    },
    retry: () => {
      if (recipient) void open(recipient);
    },
  };
}
