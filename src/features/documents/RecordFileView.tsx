import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBytes, formatIsoDate } from '../../i18n/format.ts';
import type { DocumentFile, PaperDocument } from '../../record/documents.ts';
import { Button } from '../../ui/Button.tsx';
import { Icon } from '../../ui/Icon.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { downloadFile } from '../backup/deliver.ts';
import { useUnlocked } from '../session/session-context.ts';
import type { ErrorKey } from '../shell/errors.ts';
import { documentErrorKey } from './document-errors.ts';

/** A health card file, as the import keeps it; anything else kept is FHIR JSON. */
const HEALTH_CARD = 'application/smart-health-card';

/**
 * An imported record (a FHIR file or a health card kept as it arrived): not drawn, but said
 * for what it is, with a button that saves a copy. SECURITY: the copy is plaintext, and the
 * screen says so before the patient saves it.
 */
export function RecordFileView({ doc }: { doc: PaperDocument }) {
  const { t, i18n } = useTranslation(['documents', 'errors']);
  const { store } = useUnlocked();
  const [saved, setSaved] = useState(false);
  const [failure, setFailure] = useState<ErrorKey | undefined>();
  const date = doc.date ?? new Date(doc.createdAt).toISOString().slice(0, 10);
  const lng = i18n.resolvedLanguage ?? 'fr';

  async function save(file: DocumentFile, n: number) {
    setFailure(undefined);
    try {
      const blob = await store.documents.readFile(file);
      const card = file.mime === HEALTH_CARD;
      // SECURITY: the name holds the date only, never the patient's or the source's name.
      const name = `carnet-import-${date}${n > 0 ? `-${n + 1}` : ''}`;
      downloadFile(
        new File([blob], `${name}.${card ? 'smart-health-card' : 'json'}`, { type: file.mime }),
      );
      setSaved(true);
    } catch (err) {
      setFailure(documentErrorKey(err));
    }
  }

  return (
    <div className="doc-record">
      <p className="doc-record-kind">
        <Icon name="paper" />
        <span>
          {doc.files.every((f) => f.mime === HEALTH_CARD)
            ? t('record.healthCard', { date: formatIsoDate(date, lng) })
            : t('record.fhir', { date: formatIsoDate(date, lng) })}
        </span>
      </p>
      <p>{t('record.about')}</p>
      <Notice tone="warning">{t('record.plain')}</Notice>
      {doc.files.map((file, n) => (
        <Button
          key={file.fileId}
          icon="upload"
          variant="secondary"
          onClick={() => void save(file, n)}
        >
          {t('record.save', { size: formatBytes(file.size, lng) })}
        </Button>
      ))}
      {saved && <p role="status">{t('record.saved')}</p>}
      {failure && <Notice tone="error">{t(failure)}</Notice>}
    </div>
  );
}
