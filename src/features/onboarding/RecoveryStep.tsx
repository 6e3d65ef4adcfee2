import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecoveryCode } from '../../record/store.ts';
import { Button } from '../../ui/Button.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { QrCode } from '../../ui/QrCode.tsx';
import { Screen } from '../../ui/Screen.tsx';

/**
 * Shows the recovery code once, with a printable sheet. The patient must confirm they have
 * written it down before going on: without it, a forgotten PIN loses the whole record.
 */
export function RecoveryStep({ code, onDone }: { code: RecoveryCode; onDone: () => void }) {
  const { t } = useTranslation(['onboarding', 'common']);
  const [written, setWritten] = useState(false);
  const groups = code.split('-');
  return (
    <Screen title={t('recovery.title')}>
      <p className="lead">{t('recovery.intro')}</p>
      <section className="recovery-sheet" aria-labelledby="recovery-code-label">
        <h2 id="recovery-code-label" className="print-only">
          {t('recovery.sheetTitle')}
        </h2>
        <p className="recovery-code" dir="ltr" translate="no" data-testid="recovery-code">
          {groups.map((g, i) => (
            <span key={i}>{g}</span>
          ))}
        </p>
        <QrCode text={code} label={t('recovery.qrAlt')} className="recovery-qr" />
        <p className="print-only">{t('recovery.sheetHint')}</p>
      </section>
      <Notice tone="warning">{t('recovery.warning')}</Notice>
      <Button icon="printer" variant="secondary" onClick={() => window.print()}>
        {t('recovery.print')}
      </Button>
      <label className="check-row">
        <input type="checkbox" checked={written} onChange={(e) => setWritten(e.target.checked)} />
        <span>{t('recovery.confirm')}</span>
      </label>
      <Button icon="check" disabled={!written} onClick={onDone}>
        {t('common:continue')}
      </Button>
    </Screen>
  );
}
