import { describe, expect, it } from 'vitest';
import { pickVoice, voiceStatus } from './useSpeech.ts';

const voice = (lang: string, localService = true) => ({ lang, localService, name: lang });

describe('read-aloud voice', () => {
  it('prefers the exact language, then the same base language', () => {
    const voices = [voice('ar-EG'), voice('fr-FR'), voice('fr-CA')];
    expect(pickVoice(voices, 'fr-CA')?.name).toBe('fr-CA');
    expect(pickVoice(voices, 'fr')?.name).toBe('fr-FR');
    expect(pickVoice(voices, 'ar')?.name).toBe('ar-EG');
  });

  it('offers nothing when the device has no voice for the language', () => {
    expect(pickVoice([voice('en-US'), voice('fr-FR')], 'ti')).toBeUndefined();
  });

  it('never uses an online voice, which would send the text away', () => {
    expect(pickVoice([voice('prs-AF', false)], 'prs')).toBeUndefined();
  });
});

describe('whether the device can read a language aloud', () => {
  it('is known as soon as a voice is found', () => {
    expect(voiceStatus(true, false)).toBe('available');
  });

  it('waits while the voice list may still be loading, then says none', () => {
    expect(voiceStatus(false, false)).toBe('checking');
    expect(voiceStatus(false, true)).toBe('none');
  });
});
