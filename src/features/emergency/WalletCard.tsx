import { useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from '../../ui/Notice.tsx';
import { CardFace } from './CardFace.tsx';
import type { CardSides } from './useCardSides.ts';

/**
 * The wallet card: two bank-card faces (85.6 × 54 mm) side by side, the patient's language
 * first in its own direction and French beside it, to cut out and fold in the middle. On
 * screen it is the preview; printed, it is all that prints. A face holds what fits: when it
 * overflows, the patient is told to untick items, never left with a card cut short unawares.
 */
export function WalletCard({ sides }: { sides: CardSides }) {
  const { t } = useTranslation('emergency');
  const sheet = useRef<HTMLDivElement>(null);
  const [tooLong, setTooLong] = useState(false);

  useLayoutEffect(() => {
    const faces = sheet.current?.querySelectorAll<HTMLElement>('.wallet-face') ?? [];
    setTooLong([...faces].some((f) => f.scrollHeight > f.clientHeight + 1));
  }, [sides]);

  const faces = sides.own ? [sides.own, sides.french] : [sides.french];
  return (
    <>
      {tooLong && <Notice tone="warning">{t('print.tooLong')}</Notice>}
      <div
        ref={sheet}
        className="wallet-sheet"
        dir={sides.own?.dir ?? 'ltr'}
        role="group"
        aria-label={t('print.preview')}
      >
        {faces.map((side) => (
          <CardFace key={side.lng} side={side} wallet />
        ))}
      </div>
    </>
  );
}
