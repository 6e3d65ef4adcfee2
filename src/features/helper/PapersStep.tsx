import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Profile } from '../../record/types.ts';
import type { SecretKind } from '../../record/store.ts';
import { Button } from '../../ui/Button.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { Screen } from '../../ui/Screen.tsx';
import { spoken } from '../onboarding/spoken.ts';
import { NoVoiceNotice } from '../shell/NoVoiceNotice.tsx';
import { ReadAloud } from '../shell/ReadAloud.tsx';
import { HelperLine } from './HelperLine.tsx';
import './helper.css';

// The documents import (camera, metadata removal) loads only if a paper is photographed.
const PapersImport = lazy(() =>
  import('./PapersImport.tsx').then((m) => ({ default: m.PapersImport })),
);

interface PapersStepProps {
  profile: Profile;
  kind: SecretKind;
  onDone: () => void;
}

/**
 * The helper's path, after the profile: the patient's first papers, photographed together
 * with the documents import, one after another, then on to the hand-over.
 */
export function PapersStep({ profile, kind, onDone }: PapersStepProps) {
  const { t } = useTranslation(['helper', 'common']);
  const [importing, setImporting] = useState(false);
  const [added, setAdded] = useState(0);

  if (importing) {
    return (
      <Suspense fallback={<p className="boot">{t('common:loading')}</p>}>
        <PapersImport
          profile={profile}
          kind={kind}
          onSaved={() => {
            setAdded((n) => n + 1);
            setImporting(false);
          }}
          onCancel={() => setImporting(false)}
        />
      </Suspense>
    );
  }
  return (
    <Screen
      title={t('papers.title')}
      end={
        <ReadAloud
          text={spoken(t('papers.title'), t('papers.intro'))}
          label={t('common:readAloud')}
        />
      }
    >
      <NoVoiceNotice />
      <HelperLine step="papers" />
      <p className="lead">{t('papers.intro')}</p>
      {added > 0 && <Notice tone="success">{t('papers.added', { count: added })}</Notice>}
      <Button
        icon="camera"
        variant={added > 0 ? 'secondary' : 'primary'}
        onClick={() => setImporting(true)}
      >
        {t('papers.photograph')}
      </Button>
      <Button icon="forward" variant={added > 0 ? 'primary' : 'secondary'} onClick={onDone}>
        {added > 0 ? t('papers.done') : t('papers.later')}
      </Button>
    </Screen>
  );
}
