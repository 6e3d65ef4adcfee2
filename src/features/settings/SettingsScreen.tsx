import { useTranslation } from 'react-i18next';
import { Icon } from '../../ui/Icon.tsx';
import { Screen } from '../../ui/Screen.tsx';
import { BackLink } from '../shell/BackLink.tsx';
import { LanguagePicker } from '../shell/LanguagePicker.tsx';
import { ChangeSecret } from './ChangeSecret.tsx';
import { LockSetting } from './LockSetting.tsx';
import { StorageStatus } from './StorageStatus.tsx';
import './settings.css';

/** Language, automatic lock, PIN change and what the browser lets Carnet keep. */
export function SettingsScreen() {
  const { t } = useTranslation(['settings', 'common']);
  return (
    <Screen title={t('title')} start={<BackLink to="/" />}>
      <section className="settings-section" aria-labelledby="settings-language">
        <h2 id="settings-language">
          <Icon name="language" />
          <span>{t('language')}</span>
        </h2>
        <LanguagePicker />
      </section>
      <LockSetting />
      <ChangeSecret />
      <StorageStatus />
    </Screen>
  );
}
