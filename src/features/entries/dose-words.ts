import type { Dosage } from '../../record/types.ts';
import { vocabKey, type EntryT } from './entry-keys.ts';

/**
 * A structured dose in words, in the language of `t` (namespaces `entry` and `vocab`):
 * "500 mg, 3 times a day, by mouth, when needed". Plurals follow the language's own rules
 * (`_one`, `_few`, `_many`, `_other`), decimals its own separator.
 */
export function doseWords(t: EntryT, lng: string): (d: Dosage) => string {
  // Latin digits, like the counts i18next writes and the doses on French prescriptions:
  // one phrase never mixes two digit systems ("۲ قطره، 2 بار").
  const number = new Intl.NumberFormat(lng, { maximumFractionDigits: 3, numberingSystem: 'latn' });
  return (d) => {
    const parts: string[] = [];
    if (d.amount !== undefined && d.unit) {
      parts.push(
        t(`entry:dosage.unit.${d.unit}`, { count: d.amount, amount: number.format(d.amount) }),
      );
    }
    const f = d.frequency;
    if (f) {
      parts.push(
        f.per === 'hours'
          ? t('entry:dosage.everyHours', { count: f.every })
          : t(f.per === 'day' ? 'entry:dosage.perDay' : 'entry:dosage.perWeek', {
              count: f.times,
            }),
      );
    }
    if (d.route) {
      // Inside the phrase, the route's label starts in lower case ("…, par la bouche").
      const route = t(vocabKey(d.route), { defaultValue: '' });
      parts.push(parts.length > 0 ? lowerFirst(route, lng) : route);
    }
    if (d.asNeeded) parts.push(t('entry:dosage.asNeeded'));
    return parts.filter(Boolean).join(', ');
  };
}

function lowerFirst(text: string, lng: string): string {
  const first = text.charAt(0);
  return first.toLocaleLowerCase(lng) + text.slice(1);
}
