import type { TFunction } from 'i18next';
import { CLINICIAN_LANGUAGE, directionOf, findLanguage } from '../../i18n/languages.ts';
import type { CardKind, CopyItem, LockScreenCopy } from '../../record/emergency-copy.ts';
import { CARD_KINDS } from '../../record/emergency-copy.ts';
import { vocabKey } from '../entries/entry-keys.ts';

/** Translations a card side reads: `emergency`, with `vocab` and `entry`. */
export type CardT = TFunction<readonly ['emergency', 'vocab', 'entry']>;

/** The namespaces of CardT, for `getFixedT` and `useTranslation`. */
export const CARD_NAMESPACES = ['emergency', 'vocab', 'entry'] as const;

/** One line of a card side: words in `lang`, and a note on them (the language they are in). */
interface CardLine {
  readonly key: string;
  readonly text: string;
  readonly lang: string;
  readonly note?: string | undefined;
}

/** The card in one language, ready to show: every word already translated. */
export interface CardSide {
  readonly lng: string;
  readonly dir: 'ltr' | 'rtl';
  readonly title: string;
  readonly name?: string | undefined;
  readonly bloodGroup: string;
  readonly sections: readonly {
    readonly kind: CardKind;
    readonly heading: string;
    readonly lines: readonly CardLine[];
  }[];
  readonly language: string;
  readonly interpreter: string;
  readonly contact?: { readonly heading: string; readonly who: string; readonly phone: string };
  readonly writtenBy: string;
}

const HEADINGS = {
  allergy: 'allergies',
  condition: 'conditions',
  medication: 'medications',
} as const;

/**
 * An item's words in `lng`: a coded term by its translated label (never its code); words the
 * patient typed as written, with their language said on a side in another language.
 */
function itemLine(item: CopyItem, i: number, lng: string, t: CardT): CardLine {
  const typedIn = item.textLang ?? lng;
  const label = item.key ? t(vocabKey(item.key), { defaultValue: '' }) : '';
  if (label) return { key: `${i}`, text: label, lang: lng };
  if (!item.text) return { key: `${i}`, text: t(`entry:kinds.${item.kind}`), lang: lng };
  const language = findLanguage(typedIn);
  const languageName = lng === CLINICIAN_LANGUAGE ? language?.frenchName : language?.nativeName;
  return {
    key: `${i}`,
    text: item.text,
    lang: typedIn,
    note: typedIn === lng ? undefined : t('card.writtenIn', { language: languageName ?? typedIn }),
  };
}

/**
 * The card in `lng` from its lock-screen copy (the one shape the lock screen and the wallet
 * card both read), with the patient's name when the card is printed.
 */
export function cardSide(copy: LockScreenCopy, lng: string, t: CardT, name?: string): CardSide {
  const spoken = findLanguage(copy.language);
  const inFrench = lng === CLINICIAN_LANGUAGE;
  return {
    lng,
    dir: directionOf(lng),
    title: t('card.title'),
    name,
    // The mark keeps "A-" left to right in a right-to-left sentence (never "-A").
    bloodGroup: t('card.bloodGroup', {
      group: copy.bloodGroup ? `${copy.bloodGroup}\u200E` : t('card.bloodUnknown'),
    }),
    sections: CARD_KINDS.map((kind) => ({
      kind,
      heading: t(`card.${HEADINGS[kind]}`),
      lines: copy.items
        .map((item, i) => ({ item, i }))
        .filter(({ item }) => item.kind === kind)
        .map(({ item, i }) => itemLine(item, i, lng, t)),
    })).filter((s) => s.lines.length > 0),
    language: t('card.language', {
      language: (inFrench ? spoken?.frenchName : spoken?.nativeName) ?? copy.language,
    }),
    interpreter: t(copy.interpreter ? 'card.interpreter' : 'card.noInterpreter'),
    contact: copy.contact && {
      heading: t('card.contact'),
      who: t('card.contactLine', {
        name: copy.contact.name,
        relation: t(`relation.${copy.contact.relation}`),
      }),
      phone: copy.contact.phone,
    },
    writtenBy: t('card.writtenBy'),
  };
}
