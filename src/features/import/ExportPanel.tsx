import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { canShareFile, downloadFile, shareFile } from '../backup/deliver.ts';
import { useSession } from '../session/session-context.ts';
import { errorKey } from '../shell/errors.ts';
import { AudienceChoice } from '../share/AudienceChoice.tsx';
import { ShareItems } from '../share/ShareItems.tsx';
import { useShareChoice } from '../share/useShareChoice.ts';
import { exportSummary } from './export-file.ts';

type Delivered = 'shared' | 'downloaded' | 'dismissed';

/**
 * Picks what goes in (the share's own choice: audience, items, sensitive ones unticked),
 * builds the IPS file and hands it to the system share sheet, else downloads it.
 */
export function ExportPanel({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation(['import', 'share', 'errors']);
  const { store } = useSession();
  const choice = useShareChoice();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | undefined>();
  const [made, setMade] = useState<{ file: File; delivered: Delivered } | null>(null);
  const { profile } = choice;

  async function deliver(file: File): Promise<Delivered> {
    if (canShareFile(file)) {
      const shared = await shareFile(file);
      if (shared !== 'unsupported') return shared;
    }
    return downloadFile(file);
  }

  async function make() {
    if (!profile) return;
    setBusy(true);
    setFailure(undefined);
    try {
      const file = await exportSummary(store, i18n, {
        profile,
        audience: choice.audience,
        ...choice.chosen(),
      });
      setMade({ file, delivered: await deliver(file) });
    } catch (err) {
      setFailure(t(errorKey(err)));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="import-section" aria-labelledby="export-title">
      <h2 id="export-title">{t('export.title')}</h2>
      <Notice tone="warning">{t('export.intro')}</Notice>
      <AudienceChoice audience={choice.audience} onChoose={choice.chooseAudience} />
      <h3>{t('export.what')}</h3>
      <ShareItems {...choice.offered} picked={choice.picked} onToggle={choice.toggle} />
      {failure && <Notice tone="error">{failure}</Notice>}
      {made?.delivered === 'shared' && <p role="status">{t('export.shared')}</p>}
      {made?.delivered === 'downloaded' && <p role="status">{t('export.downloaded')}</p>}
      {made?.delivered === 'dismissed' && (
        <Button
          icon="upload"
          onClick={() => void deliver(made.file).then((d) => setMade({ ...made, delivered: d }))}
        >
          {t('export.again')}
        </Button>
      )}
      <Button icon="upload" disabled={busy || !profile} onClick={() => void make()}>
        {busy ? t('export.making') : t('export.make')}
      </Button>
      <Button icon="back" variant="secondary" onClick={onClose}>
        {t('export.cancel')}
      </Button>
    </section>
  );
}
