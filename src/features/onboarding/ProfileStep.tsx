import { useTranslation } from 'react-i18next';
import type { Profile } from '../../record/types.ts';
import { Screen } from '../../ui/Screen.tsx';
import { RelayOffer } from '../backup/RelayOffer.tsx';
import { HelperLine } from '../helper/HelperLine.tsx';
import { ProfileForm } from '../profiles/ProfileForm.tsx';
import { NoVoiceNotice } from '../shell/NoVoiceNotice.tsx';
import { ReadAloud } from '../shell/ReadAloud.tsx';
import { spoken } from './spoken.ts';

interface ProfileStepProps {
  relayWanted: boolean;
  onRelayWanted: (on: boolean) => void;
  onSaved: (profile: Profile) => Promise<void>;
}

/** Who the record is for, with the offer of an encrypted copy on the relay (off by default). */
export function ProfileStep({ relayWanted, onRelayWanted, onSaved }: ProfileStepProps) {
  const { t } = useTranslation(['onboarding', 'common', 'backup']);
  const text = spoken(
    t('profile.title'),
    t('profile.intro'),
    t('backup:offer.title'),
    t('backup:offer.explain'),
  );
  return (
    <Screen
      title={t('profile.title')}
      end={<ReadAloud text={text} label={t('common:readAloud')} />}
    >
      <NoVoiceNotice />
      <HelperLine step="profile" />
      <p className="lead">{t('profile.intro')}</p>
      <RelayOffer on={relayWanted} onChange={onRelayWanted} />
      <ProfileForm relation="self" onSaved={onSaved} />
    </Screen>
  );
}
