import { useTranslation } from 'react-i18next';
import { formatIsoDate } from '../../i18n/format.ts';
import { findLanguage } from '../../i18n/languages.ts';
import type { ReplyItem } from '../../share/reply-model.ts';
import { doseWords } from '../entries/dose-words.ts';
import { vocabKey } from '../entries/entry-keys.ts';
import { useSpeech } from '../shell/useSpeech.ts';

interface ReplyItemLineProps {
  item: ReplyItem;
  /** The language the sender wrote free text in. */
  lang: string;
}

/**
 * One item of a reply in the patient's language: coded items by their code (medicine,
 * vaccine, test names and dose from the vocabulary), free text as written, labelled with
 * its language and read aloud where the device has a voice for it.
 */
export function ReplyItemLine({ item, lang }: ReplyItemLineProps) {
  const { t, i18n } = useTranslation(['replies', 'entry', 'vocab']);
  const lng = i18n.language;
  const date = (d: string) => formatIsoDate(d, lng);
  const named = (it: { term?: { key: string }; text?: string }) =>
    it.term ? t(vocabKey(it.term.key)) : (it.text ?? '');
  const freeText = (it: ReplyItem): string | undefined =>
    it.kind === 'note' || it.kind === 'right'
      ? it.text
      : 'term' in it && !it.term
        ? it.text
        : undefined;
  const main = (): string => {
    switch (item.kind) {
      case 'medication':
        return [
          named(item),
          item.dosage ? doseWords(t, lng)(item.dosage) : '',
          item.days ? t('replies:dose.days', { count: item.days }) : '',
        ]
          .filter(Boolean)
          .join(' — ');
      case 'vaccination':
        return [named(item), date(item.date), item.lot ? t('replies:lot', { lot: item.lot }) : '']
          .filter(Boolean)
          .join(' — ');
      case 'result':
        return `${named(item)} : ${item.value}${item.unit ? ` ${item.unit}` : ''}${item.date ? ` — ${date(item.date)}` : ''}`;
      case 'note':
        return item.date ? `${date(item.date)} — ${item.text}` : item.text;
      case 'right':
        return [
          item.scheme === 'other' ? item.text : t(`entry:scheme.${item.scheme}`),
          item.scheme === 'other' ? '' : item.text,
          item.number ? t('replies:number', { number: item.number }) : '',
          item.issuer ? t('replies:issuer', { issuer: item.issuer }) : '',
          item.validFrom ? t('replies:validFrom', { date: date(item.validFrom) }) : '',
          item.validUntil ? t('replies:validUntil', { date: date(item.validUntil) }) : '',
        ]
          .filter(Boolean)
          .join(' — ');
      case 'document':
        return item.title;
    }
  };
  const text = freeText(item);
  const foreign = text !== undefined && lang.split('-')[0] !== lng.split('-')[0];
  const language = languageName(lang, lng);
  return (
    <span className="reply-item-line">
      <span className="reply-item-kind">{t(`replies:${replyKindKey(item)}`)}</span>
      <span lang={text !== undefined ? lang : undefined} dir="auto">
        {main()}
      </span>
      {foreign && (
        <span className="reply-item-lang">
          {t('replies:writtenIn', { language })}
          <Listen text={text} lang={lang} />
        </span>
      )}
    </span>
  );
}

/** The label key of an item's kind: a right is any administrative paper (`kind.paper`). */
export function replyKindKey(
  item: ReplyItem,
): `kind.${Exclude<ReplyItem['kind'], 'right'> | 'paper'}` {
  return item.kind === 'right' ? 'kind.paper' : `kind.${item.kind}`;
}

/** `lang`'s name in `lng` ("الفرنسية" for fr in Arabic), else its own name. */
function languageName(lang: string, lng: string): string {
  try {
    return new Intl.DisplayNames([lng], { type: 'language' }).of(lang) ?? lang;
  } catch {
    return findLanguage(lang)?.nativeName ?? lang;
  }
}

function Listen({ text, lang }: { text: string; lang: string }) {
  const { t } = useTranslation('replies');
  const { canSpeak, speak } = useSpeech(lang);
  if (!canSpeak) return null;
  return (
    <button type="button" className="btn btn-ghost" onClick={() => speak(text)}>
      {t('listen')}
    </button>
  );
}
