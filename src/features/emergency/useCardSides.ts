import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CLINICIAN_LANGUAGE } from '../../i18n/languages.ts';
import type { LockScreenCopy } from '../../record/emergency-copy.ts';
import type { CardSide } from './card-sides.ts';
import { CARD_NAMESPACES, cardSide } from './card-sides.ts';

/** The patient's name on each side of a printed card. */
export interface CardNames {
  readonly own: string;
  readonly french: string;
}

/** The card's two sides: French, and the patient's language when it is not French. */
export interface CardSides {
  readonly french: CardSide;
  readonly own?: CardSide | undefined;
}

/**
 * The card in French and in the language the patient speaks best. That language's words
 * are loaded first (kept for offline use once loaded); a language this phone never loaded
 * cannot load offline, and then the interface language stands in for it. Null while loading.
 */
export function useCardSides(copy: LockScreenCopy | null, names?: CardNames): CardSides | null {
  const { i18n } = useTranslation();
  const language = copy?.language;
  const [loaded, setLoaded] = useState<string | null>(null);

  useEffect(() => {
    if (!language) return;
    let live = true;
    const done = () => live && setLoaded(language);
    i18n.loadLanguages([language, CLINICIAN_LANGUAGE]).then(done, done);
    return () => {
      live = false;
    };
  }, [i18n, language]);

  return useMemo(() => {
    if (!copy || loaded !== copy.language) return null;
    const own = i18n.hasResourceBundle(copy.language, 'vocab')
      ? copy.language
      : (i18n.resolvedLanguage ?? CLINICIAN_LANGUAGE);
    const side = (lng: string, name?: string) =>
      cardSide(copy, lng, i18n.getFixedT(lng, CARD_NAMESPACES), name);
    return {
      french: side(CLINICIAN_LANGUAGE, names?.french),
      own: own === CLINICIAN_LANGUAGE ? undefined : side(own, names?.own),
    };
  }, [copy, loaded, i18n, names?.own, names?.french]);
}
