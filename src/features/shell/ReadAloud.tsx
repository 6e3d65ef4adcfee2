import { useTranslation } from 'react-i18next';
import { useSpeech } from './useSpeech.ts';
import { CLINICIAN_LANGUAGE } from '../../i18n/languages.ts';
import { Icon } from '../../ui/Icon.tsx';
import './read-aloud.css';

interface ReadAloudProps {
  /** What the device's voice says: the screen's words, as shown. */
  text: string;
  /** What the button is called for a screen reader, e.g. "Read the steps aloud". */
  label: string;
  /** The language of `text`; the interface language when absent. */
  lng?: string;
}

/**
 * A button that reads `text` aloud with a local voice of its language, for a patient who
 * reads little. Renders nothing when the device has no local voice for that language
 * (NoVoiceNotice says so once).
 */
export function ReadAloud({ text, label, lng }: ReadAloudProps) {
  const { i18n } = useTranslation();
  const { canSpeak, speak } = useSpeech(lng ?? i18n.resolvedLanguage ?? CLINICIAN_LANGUAGE);
  if (!canSpeak) return null;
  return (
    <button
      type="button"
      className="icon-button speak-button"
      title={label}
      onClick={() => speak(text)}
    >
      <Icon name="speaker" />
      <span className="visually-hidden">{label}</span>
    </button>
  );
}
