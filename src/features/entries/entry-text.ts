import { formatIsoDate } from '../../i18n/format.ts';
import type { Entry } from '../../record/types.ts';
import { doseWords } from './dose-words.ts';
import { vocabKey, type EntryT } from './entry-keys.ts';

/** The coded term's label in the reader's language, when Carnet's vocabulary has one. */
export function termLabel(entry: Entry, t: EntryT): string | undefined {
  return (entry.term && t(vocabKey(entry.term.key), { defaultValue: '' })) || undefined;
}

/**
 * The entry's name in the reader's language: the coded term's label, else the free text,
 * else "item without a name". A raw code (J01C, B18.1) is never shown to the patient: an
 * imported item whose code Carnet does not know, and whose only words are that code,
 * is an item without a name.
 */
export function entryTitle(entry: Entry, t: EntryT): string {
  const label = termLabel(entry, t);
  if (label) return label;
  const text = entry.text?.trim();
  if (text && text !== entry.term?.code) return text;
  // A paper or right is named by its kind (AME, residence permit...) when nothing more is written.
  if (entry.details.kind === 'right') return t(`entry:scheme.${entry.details.scheme}`);
  return t('entry:unnamed');
}

/**
 * The short line under the title: dose and frequency, value and unit, dates. With
 * `freeText: false` it leaves out the patient's own words (for the French column, which
 * shows only what has a French translation).
 */
export function entryDetailLine(
  entry: Entry,
  t: EntryT,
  lng: string,
  { freeText = true }: { freeText?: boolean } = {},
): string {
  const d = entry.details;
  const own = (text: string | undefined) => (freeText ? text : undefined);
  const date = (v: string | undefined) => (v ? formatIsoDate(v, lng) : undefined);
  const parts: (string | undefined)[] = [];
  switch (d.kind) {
    case 'allergy':
      parts.push(
        d.severity !== 'unknown' ? t(`entry:severity.${d.severity}`) : undefined,
        ...(d.reactions ?? []).map((r) => t(vocabKey(r), { defaultValue: '' })),
        own(d.reaction),
      );
      break;
    case 'medication':
      parts.push(
        d.dosage ? doseWords(t, lng)(d.dosage) : undefined,
        own(d.instructions),
        own(d.dose),
        own(d.frequency),
        d.since && t('entry:detail.since', { date: date(d.since) }),
      );
      if (!d.current) parts.push(t('entry:detail.stopped'));
      break;
    case 'condition':
      parts.push(d.since && t('entry:detail.since', { date: date(d.since) }));
      if (!d.active) parts.push(t('entry:detail.resolved'));
      break;
    case 'vaccination':
      parts.push(
        d.doseNumber ? t('entry:detail.dose', { number: d.doseNumber }) : undefined,
        date(d.date),
      );
      break;
    case 'result':
      parts.push([d.value, d.unit].filter(Boolean).join(' ') || undefined, date(d.date));
      break;
    case 'right':
      parts.push(
        entry.text ? t(`entry:scheme.${d.scheme}`) : undefined,
        d.number,
        d.issuer && t('entry:detail.issuer', { name: d.issuer }),
        d.validFrom && t('entry:detail.validFrom', { date: date(d.validFrom) }),
        d.validUntil && t('entry:detail.validUntil', { date: date(d.validUntil) }),
      );
      break;
    case 'note':
      parts.push(date(d.date));
      break;
  }
  return parts.filter(Boolean).join(' · ');
}
