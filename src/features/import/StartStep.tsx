import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button.tsx';
import { Field } from '../../ui/Field.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { LinkScanner } from './LinkScanner.tsx';

/** File types the picker offers: FHIR JSON and health card files. */
const ACCEPT =
  '.json,.smart-health-card,application/json,application/fhir+json,application/smart-health-card';

/** The three ways in: paste a link, scan its QR code, pick a file; and the way to export. */
export function StartStep({
  busy,
  failure,
  onLink,
  onFile,
  onExport,
}: {
  busy: boolean;
  failure: string | undefined;
  onLink: (link: string) => void;
  onFile: (file: File) => void;
  onExport: () => void;
}) {
  const { t } = useTranslation('import');
  const [link, setLink] = useState('');
  const [scanning, setScanning] = useState(false);
  return (
    <>
      <section className="import-section" aria-labelledby="import-add-title">
        <h2 id="import-add-title">{t('add.title')}</h2>
        <p>{t('add.intro')}</p>
        {scanning ? (
          <LinkScanner
            onLink={(text) => {
              setScanning(false);
              setLink(text);
              onLink(text);
            }}
            onClose={() => setScanning(false)}
          />
        ) : (
          <>
            <form
              onSubmit={(e) => {
                e.preventDefault();
                onLink(link);
              }}
              noValidate
            >
              <Field label={t('add.linkLabel')} hint={t('add.linkHint')}>
                {(props) => (
                  <textarea
                    {...props}
                    name="import-link"
                    dir="ltr"
                    rows={3}
                    spellCheck={false}
                    autoComplete="off"
                    value={link}
                    onChange={(e) => setLink(e.target.value)}
                  />
                )}
              </Field>
              <Button type="submit" icon="forward" disabled={busy || !link.trim()}>
                {t('add.open')}
              </Button>
            </form>
            <Button
              icon="camera"
              variant="secondary"
              disabled={busy}
              onClick={() => setScanning(true)}
            >
              {t('add.scan')}
            </Button>
            <Field label={t('add.file')} hint={t('add.fileHint')}>
              {(props) => (
                <input
                  {...props}
                  className="import-file"
                  type="file"
                  accept={ACCEPT}
                  disabled={busy}
                  onChange={(e) => {
                    const file = e.target.files?.[0];
                    e.target.value = '';
                    if (file) onFile(file);
                  }}
                />
              )}
            </Field>
          </>
        )}
        {busy && <p role="status">{t('opening')}</p>}
        {failure && <Notice tone="error">{failure}</Notice>}
      </section>
      <section className="import-section" aria-labelledby="import-export-title">
        <h2 id="import-export-title">{t('export.title')}</h2>
        <p>{t('export.intro')}</p>
        <Button icon="upload" variant="secondary" onClick={onExport}>
          {t('export.start')}
        </Button>
      </section>
    </>
  );
}
