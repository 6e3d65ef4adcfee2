import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button.tsx';
import { Field } from '../../ui/Field.tsx';
import { Notice } from '../../ui/Notice.tsx';

// The camera, and jsQR where the browser has no BarcodeDetector, load only when opened.
const QrScanner = lazy(() => import('./QrScanner.tsx').then((m) => ({ default: m.QrScanner })));

/** True where the browser can give a page the camera (a secure origin with a camera API). */
function cameraPossible(): boolean {
  return typeof navigator.mediaDevices?.getUserMedia === 'function';
}

interface CodeFieldProps {
  value: string;
  onChange: (value: string) => void;
  disabled?: boolean;
}

/**
 * The recovery code: typed (any case, spaces or dashes; always possible), or read from the
 * printed sheet's QR code with the camera.
 */
export function CodeField({ value, onChange, disabled }: CodeFieldProps) {
  const { t } = useTranslation(['restore', 'common']);
  const [scanning, setScanning] = useState(false);
  const [scanned, setScanned] = useState(false);
  return (
    <>
      <Field label={t('code.label')} hint={t('code.hint')}>
        {(a11y) => (
          <input
            {...a11y}
            name="recovery-code"
            dir="ltr"
            translate="no"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            disabled={disabled}
            value={value}
            onChange={(e) => {
              setScanned(false);
              onChange(e.target.value);
            }}
          />
        )}
      </Field>
      {scanned && <Notice tone="success">{t('scan.read')}</Notice>}
      {scanning ? (
        <Suspense fallback={<p role="status">{t('common:loading')}</p>}>
          <QrScanner
            onCode={(code) => {
              setScanning(false);
              setScanned(true);
              onChange(code);
            }}
            onClose={() => setScanning(false)}
          />
        </Suspense>
      ) : (
        cameraPossible() && (
          <Button
            icon="camera"
            variant="secondary"
            disabled={disabled}
            onClick={() => setScanning(true)}
          >
            {t('code.scan')}
          </Button>
        )
      )}
    </>
  );
}
