import { useTranslation } from 'react-i18next';
import { CLINICIAN_LANGUAGE, directionOf } from '../../i18n/languages.ts';
import type { RecoveryCode } from '../../record/store.ts';
import { QrCode } from '../../ui/QrCode.tsx';

/** The sheet's words in one language: its title, what it is for, how to use it. */
function SheetText({ lng, labelled }: { lng: string; labelled?: boolean }) {
  const { t } = useTranslation('onboarding', { lng });
  return (
    <div className="print-only recovery-sheet-text" lang={lng} dir={directionOf(lng)}>
      <h2 id={labelled ? 'recovery-code-label' : undefined}>{t('recovery.sheetTitle')}</h2>
      <p>{t('recovery.sheetHint')}</p>
      <p>{t('recovery.sheetUse')}</p>
    </div>
  );
}

/**
 * The recovery code on screen, and the sheet it prints as: the code and its QR code, with
 * the instructions in the patient's language and, below, in French, so a social worker or a
 * doctor can help with it later.
 */
export function RecoverySheet({ code }: { code: RecoveryCode }) {
  const { t, i18n } = useTranslation('onboarding');
  const lng = i18n.resolvedLanguage ?? CLINICIAN_LANGUAGE;
  return (
    <section
      className="recovery-sheet"
      aria-labelledby="recovery-code-label"
      data-testid="recovery-sheet"
    >
      <SheetText lng={lng} labelled />
      <p className="recovery-code" dir="ltr" translate="no" data-testid="recovery-code">
        {code.split('-').map((g, i) => (
          <span key={i}>{g}</span>
        ))}
      </p>
      <QrCode text={code} label={t('recovery.qrAlt')} className="recovery-qr" />
      {lng !== CLINICIAN_LANGUAGE && <SheetText lng={CLINICIAN_LANGUAGE} />}
    </section>
  );
}
