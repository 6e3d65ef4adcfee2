import { useCallback, useEffect, useState } from 'react';

type Voice = Pick<SpeechSynthesisVoice, 'lang' | 'localService'>;

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

function findVoice(lng: string): SpeechSynthesisVoice | undefined {
  if (typeof speechSynthesis === 'undefined') return undefined;
  return pickVoice(speechSynthesis.getVoices(), lng);
}

/**
 * Reading aloud with the device's own voices (Web Speech API). `voice` is undefined when
 * the device has no voice for the language, and the screen then shows no button: a voice
 * for another language reading this text would be worse than none.
 * Only local voices are used (see pickVoice).
 */
export function useSpeech(lng: string) {
  const [voice, setVoice] = useState<SpeechSynthesisVoice | undefined>(() => findVoice(lng));

  useEffect(() => {
    if (typeof speechSynthesis === 'undefined') return;
    const update = () => setVoice(findVoice(lng));
    update();
    speechSynthesis.addEventListener('voiceschanged', update);
    return () => {
      speechSynthesis.removeEventListener('voiceschanged', update);
      speechSynthesis.cancel();
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

  return { canSpeak: voice !== undefined, speak };
}
