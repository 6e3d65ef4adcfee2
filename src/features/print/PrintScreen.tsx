import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CLINICIAN_LANGUAGE } from '../../i18n/languages.ts';
import { Button } from '../../ui/Button.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { Screen } from '../../ui/Screen.tsx';
import { AudienceChoice } from '../share/AudienceChoice.tsx';
import { ShareItems } from '../share/ShareItems.tsx';
import { useCreateShare } from '../share/useCreateShare.ts';
import { useOnline } from '../share/useOnline.ts';
import { useShareChoice } from '../share/useShareChoice.ts';
import { BackLink } from '../shell/BackLink.tsx';
import { errorKey } from '../shell/errors.ts';
import type { PrintT } from './print-lines.ts';
import { printParts } from './print-lines.ts';
import { PrintSheet } from './PrintSheet.tsx';
import '../share/share.css';
import './print.css';

const NAMESPACES = ['share', 'entry', 'vocab', 'summary', 'documents'] as const;
/** How long the printed QR code's share stays open: a paper is kept longer than a visit. */
const PAPER_SHARE_HOURS = 24 * 30;

/**
 * "Print or save as PDF": the patient picks what goes on paper, with the same choices as
 * a share (sensitive items start unticked), and the browser's print dialog prints the
 * sheet below, in their language facing French. Works offline; only the optional QR code
 * of a fresh share needs the internet.
 */
export function PrintScreen() {
  const { t, i18n } = useTranslation(NAMESPACES);
  const { t: te } = useTranslation(['share', 'errors']);
  const lng = i18n.resolvedLanguage ?? CLINICIAN_LANGUAGE;
  const fr: PrintT = useMemo(() => i18n.getFixedT(CLINICIAN_LANGUAGE, NAMESPACES), [i18n]);
  const choice = useShareChoice();
  const online = useOnline();
  const { create, progress } = useCreateShare();
  const [withQr, setWithQr] = useState(false);
  const [failure, setFailure] = useState<string | undefined>();
  const [share, setShare] = useState<{ link: string; exp: number } | undefined>();
  const { profile } = choice;
  const chosen = choice.chosen();
  const parts = printParts(chosen, { lng, t, fr });
  const today = new Date().toLocaleDateString('sv-SE');

  async function print() {
    setFailure(undefined);
    let printed = share;
    if (withQr && online && profile && !share) {
      try {
        const made = await create({
          profile,
          audience: choice.audience,
          ...chosen,
          hours: PAPER_SHARE_HOURS,
        });
        printed = { link: made.link, exp: made.exp };
        setShare(printed);
      } catch (err) {
        // The sheet still prints, without the code; the patient is told why.
        setFailure(`${te(errorKey(err))} ${te('print.qrFailed')}`);
      }
    }
    // Let the QR code draw before the dialog freezes the page.
    requestAnimationFrame(() => requestAnimationFrame(() => window.print()));
  }

  return (
    <Screen title={t('print.title')} start={<BackLink to="/" />}>
      <div className="print-controls">
        <p className="lead">{t('print.intro')}</p>
        <AudienceChoice audience={choice.audience} onChoose={choice.chooseAudience} />
        <ShareItems {...choice.offered} picked={choice.picked} onToggle={choice.toggle} />
        <label className="check-row">
          <input
            type="checkbox"
            name="with-qr"
            checked={withQr}
            disabled={!online}
            onChange={(e) => {
              setWithQr(e.target.checked);
              setShare(undefined);
            }}
          />
          <span>
            {t('print.withQr')}
            {!online && <small>{t('print.qrOffline')}</small>}
          </span>
        </label>
        {failure && <Notice tone="error">{failure}</Notice>}
        <Button
          icon="printer"
          onClick={() => void print()}
          disabled={!profile || progress !== null}
        >
          {t('print.print')}
        </Button>
      </div>
      {profile && (
        <PrintSheet
          profile={profile}
          parts={parts}
          lng={lng}
          t={t}
          fr={fr}
          today={today}
          share={withQr ? share : undefined}
        />
      )}
    </Screen>
  );
}
