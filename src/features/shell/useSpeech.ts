import { useCallback, useEffect, useState } from 'react';

function findVoice(lng: string): SpeechSynthesisVoice | undefined {
  if (typeof speechSynthesis === 'undefined') return undefined;
  const base = lng.split('-')[0]?.toLowerCase() ?? lng;
  const voices = speechSynthesis.getVoices();
  return (
    voices.find((v) => v.lang.toLowerCase() === lng.toLowerCase()) ??
    voices.find((v) => v.lang.toLowerCase().split(/[-_]/)[0] === base)
  );
}

/**
 * Reading aloud with the device's own voices (Web Speech API). `voice` is undefined when
 * the device has no voice for the language, and the screen then shows no button: a voice
 * for another language reading this text would be worse than none.
 *
 * SECURITY: only voices the browser reports as local (`localService`) are used, so record
 * text is never sent to an online speech service.
 */
export function useSpeech(lng: string) {
  const [voice, setVoice] = useState<SpeechSynthesisVoice | undefined>(() =>
    localOnly(findVoice(lng)),
  );

  useEffect(() => {
    if (typeof speechSynthesis === 'undefined') return;
    const update = () => setVoice(localOnly(findVoice(lng)));
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

function localOnly(voice: SpeechSynthesisVoice | undefined): SpeechSynthesisVoice | undefined {
  return voice?.localService ? voice : undefined;
}
