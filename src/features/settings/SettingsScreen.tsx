import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../ui/Icon.tsx';
import { Screen } from '../../ui/Screen.tsx';
import { BackupSection } from '../backup/BackupSection.tsx';
import { BackLink } from '../shell/BackLink.tsx';
import { LanguagePicker } from '../shell/LanguagePicker.tsx';
import { ChangeSecret } from './ChangeSecret.tsx';
import { DeviceSetting } from './DeviceSetting.tsx';
import { EmergencySetting } from './EmergencySetting.tsx';
import { LockSetting } from './LockSetting.tsx';
import { StorageStatus } from './StorageStatus.tsx';
import './settings.css';

/**
 * Language, the emergency card, automatic lock, PIN change, binding to this phone, what the browser lets Carnet
 * keep, and backups.
 */
export function SettingsScreen() {
  const { t } = useTranslation(['settings', 'common']);
  // A screen a section shows whole in place of the settings (a new recovery sheet).
  const [takeover, setTakeover] = useState<ReactNode>(null);
  if (takeover) return takeover;
  return (
    <Screen title={t('title')} start={<BackLink to="/" />}>
      <section className="settings-section" aria-labelledby="settings-language">
        <h2 id="settings-language">
          <Icon name="language" />
          <span>{t('language')}</span>
        </h2>
        <LanguagePicker />
      </section>
      <EmergencySetting />
      <LockSetting />
      <ChangeSecret />
      <DeviceSetting />
      <StorageStatus />
      <BackupSection showScreen={setTakeover} />
    </Screen>
  );
}
