import { useTranslation } from 'react-i18next';
import { formatIsoDate } from '../../i18n/format.ts';
import { Button } from '../../ui/Button.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { ImportPreview } from './ImportPreview.tsx';
import { canKeepOriginal, sourceDate, sourceName } from './keep-import.ts';
import type { Preview } from './useImport.ts';

/** What an import holds, where it came from, the patient's picks, and the one button that writes. */
export function PreviewStep({
  shown,
  picked,
  busy,
  failure,
  onToggle,
  onKeep,
  onCancel,
}: {
  shown: Preview;
  picked: ReadonlySet<string>;
  busy: boolean;
  failure: string | undefined;
  onToggle: (key: string, on: boolean) => void;
  onKeep: () => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation('import');
  const { batch } = shown.opened;
  const count = batch.items.filter((i) => picked.has(i.key)).length;
  const chosen = count + batch.papers.filter((p) => picked.has(p.key)).length;
  const source = sourceName(shown.opened) ?? t('source.unknown');
  const date = formatIsoDate(sourceDate(shown.opened, new Date()), i18n.resolvedLanguage ?? 'fr');
  const empty = batch.items.length === 0 && batch.papers.length === 0;
  return (
    <>
      <p>{t('preview.from', { source, date })}</p>
      {empty ? (
        <Notice tone="warning">{t('preview.empty')}</Notice>
      ) : (
        <>
          <p>{t('preview.intro')}</p>
          <ImportPreview
            items={batch.items}
            papers={batch.papers}
            picked={picked}
            onToggle={onToggle}
            cards={shown.cards}
          />
        </>
      )}
      {batch.omitted > 0 && (
        <Notice tone="warning">{t('preview.omitted', { count: batch.omitted })}</Notice>
      )}
      {!empty && canKeepOriginal(shown.opened) && <p>{t('preview.original')}</p>}
      {failure && <Notice tone="error">{failure}</Notice>}
      {busy && <p role="status">{t('saving')}</p>}
      <div className="form-actions">
        {!empty && (
          <Button icon="check" disabled={busy || chosen === 0} onClick={onKeep}>
            {t('preview.keep', { count: chosen })}
          </Button>
        )}
        <Button icon="back" variant="secondary" disabled={busy} onClick={onCancel}>
          {t('preview.cancel')}
        </Button>
      </div>
    </>
  );
}
