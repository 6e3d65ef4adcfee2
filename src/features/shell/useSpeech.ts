import { useCallback, useEffect, useState } from 'react';

type Voice = Pick<SpeechSynthesisVoice, 'lang' | 'localService'>;

/**
 * Whether the device can read `lng` aloud: 'checking' while its voices may still be loading,
 * then 'available' or 'none'.
 */
export type VoiceStatus = 'checking' | 'available' | 'none';

/**
 * How long an empty voice list may still be "loading" (ms). Chromium and Android fill the list
 * after start-up and say so with `voiceschanged`; a browser with no voice at all (Chromium
 * headless, some cheap phones) never does.
 */
export const VOICES_GRACE_MS = 2500;

/**
 * The device voice for `lng`: an exact tag match first, then the same base language.
 * SECURITY: only voices the browser reports as local (`localService`), so record text is
 * never sent to an online speech service.
 */
export function pickVoice<V extends Voice>(voices: readonly V[], lng: string): V | undefined {
  const local = voices.filter((v) => v.localService);
  const base = lng.split('-')[0]?.toLowerCase() ?? lng;
  return (
    local.find((v) => v.lang.toLowerCase() === lng.toLowerCase()) ??
    local.find((v) => v.lang.toLowerCase().split(/[-_]/)[0] === base)
  );
}

/**
 * What the voice list says about `lng`: a voice, none, or nothing yet (`listed` false while
 * the list is empty and the grace time has not run out).
 */
export function voiceStatus(found: boolean, listed: boolean): VoiceStatus {
  if (found) return 'available';
  return listed ? 'none' : 'checking';
}

function synthesis(): SpeechSynthesis | undefined {
  return typeof speechSynthesis === 'undefined' ? undefined : speechSynthesis;
}

function findVoice(lng: string): SpeechSynthesisVoice | undefined {
  const speech = synthesis();
  return speech ? pickVoice(speech.getVoices(), lng) : undefined;
}

/**
 * Reading aloud with the device's own voices (Web Speech API). `voice` is undefined when
 * the device has no voice for the language, and the screen then shows no button: a voice
 * for another language reading this text would be worse than none. `status` says when that
 * is known for sure, for the one-time "no voice" notice (NoVoiceNotice).
 * Only local voices are used (see pickVoice).
 */
export function useSpeech(lng: string) {
  const [voice, setVoice] = useState<SpeechSynthesisVoice | undefined>(() => findVoice(lng));
  // Whether the device has answered: a non-empty list, `voiceschanged`, or the grace time.
  const [listed, setListed] = useState(
    () => synthesis() === undefined || (synthesis()?.getVoices().length ?? 0) > 0,
  );

  useEffect(() => {
    const speech = synthesis();
    if (!speech) return;
    const update = () => {
      setVoice(findVoice(lng));
      if (speech.getVoices().length > 0) setListed(true);
    };
    const answered = () => {
      update();
      setListed(true);
    };
    update();
    const grace = window.setTimeout(() => setListed(true), VOICES_GRACE_MS);
    speech.addEventListener('voiceschanged', answered);
    return () => {
      window.clearTimeout(grace);
      speech.removeEventListener('voiceschanged', answered);
      speech.cancel();
    };
  }, [lng]);

  const speak = useCallback(
    (text: string) => {
      if (!voice) return;
      speechSynthesis.cancel();
      const utterance = new SpeechSynthesisUtterance(text);
      utterance.voice = voice;
      utterance.lang = voice.lang;
      utterance.rate = 0.9;
      speechSynthesis.speak(utterance);
    },
    [voice],
  );

  return {
    canSpeak: voice !== undefined,
    speak,
    status: voiceStatus(voice !== undefined, listed),
  };
}
