import { useEffect, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { CLINICIAN_LANGUAGE, findLanguage } from '../../i18n/languages.ts';
import { Icon } from '../../ui/Icon.tsx';
import { dismiss, markSaid, shouldSay, snapshot, subscribe } from './no-voice-memory.ts';
import { useSpeech } from './useSpeech.ts';
import './read-aloud.css';

/**
 * Says plainly, once, that this phone has no local voice for the interface language, so no
 * "listen" button will appear. Shown only once the device has answered (see useSpeech), then
 * remembered per language (no-voice-memory.ts). Place it once per screen, in its main region.
 */
export function NoVoiceNotice() {
  const { t, i18n } = useTranslation('common');
  const lng = i18n.resolvedLanguage ?? CLINICIAN_LANGUAGE;
  const { status } = useSpeech(lng);
  useSyncExternalStore(subscribe, snapshot);
  const show = status === 'none' && shouldSay(lng);

  useEffect(() => {
    if (show) markSaid(lng);
  }, [show, lng]);

  if (!show) return null;
  return (
    <div className="notice notice-info no-voice-notice" role="status">
      <Icon name="speaker" />
      <div>
        <p>{t('noVoice.text', { language: findLanguage(lng)?.nativeName ?? lng })}</p>
        <button type="button" className="btn btn-secondary" onClick={() => dismiss(lng)}>
          <Icon name="check" />
          <span>{t('noVoice.dismiss')}</span>
        </button>
      </div>
    </div>
  );
}
