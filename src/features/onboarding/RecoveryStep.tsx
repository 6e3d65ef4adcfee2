import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecoveryCode } from '../../record/store.ts';
import { Button } from '../../ui/Button.tsx';
import { Icon } from '../../ui/Icon.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { Screen } from '../../ui/Screen.tsx';
import { HelperLine } from '../helper/HelperLine.tsx';
import { SecondCopyOffer } from '../helper/SecondCopyOffer.tsx';
import { NoVoiceNotice } from '../shell/NoVoiceNotice.tsx';
import { ReadAloud } from '../shell/ReadAloud.tsx';
import { RecoverySheet } from './RecoverySheet.tsx';
import { spoken } from './spoken.ts';

/**
 * Shows the recovery code once, with a printable sheet. The patient must confirm they have
 * written it down before going on: without it, a forgotten PIN loses the whole record.
 */
export function RecoveryStep({ code, onDone }: { code: RecoveryCode; onDone: () => void }) {
  const { t } = useTranslation(['onboarding', 'common']);
  const [written, setWritten] = useState(false);
  // SECURITY: the code itself is never read aloud: anyone nearby would hear it.
  const text = spoken(t('recovery.title'), t('recovery.intro'), t('recovery.warning'));
  return (
    <Screen
      title={t('recovery.title')}
      end={<ReadAloud text={text} label={t('common:readAloud')} />}
    >
      <NoVoiceNotice />
      <HelperLine step="recovery" />
      <p className="lead">{t('recovery.intro')}</p>
      <RecoverySheet code={code} />
      <Notice tone="warning">{t('recovery.warning')}</Notice>
      <Button icon="printer" variant="secondary" onClick={() => window.print()}>
        {t('recovery.print')}
      </Button>
      <SecondCopyOffer />
      <label className="check-row">
        <input type="checkbox" checked={written} onChange={(e) => setWritten(e.target.checked)} />
        <Icon name="edit" />
        <span>{t('recovery.confirm')}</span>
      </label>
      <Button icon="check" disabled={!written} onClick={onDone}>
        {t('common:continue')}
      </Button>
    </Screen>
  );
}
